/**
 * An error whose message was written by us and is safe to show the renderer and the log.
 * Handlers throw it for expected refusals (no OS key store, empty backup, bad name).
 */
export class SafeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SafeError';
  }
}
