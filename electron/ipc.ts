import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcError,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc/contract';
import { isAppUrl } from './app-origin';
import { SafeError } from './errors';
import { errorLabel, type Logger } from './logger';

/** What the wrapper reads from Electron's IpcMainInvokeEvent. */
export type SenderFrame = { readonly url: string; readonly parent: unknown; readonly detached?: boolean };
export type IpcSender = { readonly id: number };
export type IpcInvokeEvent = { readonly sender: IpcSender; readonly senderFrame: SenderFrame | null };

/** Parsed request for a channel: what the handler receives after zod has checked it. */
export type ParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;

export type IpcHandlers = {
  [C in IpcChannel]: (request: ParsedRequest<C>, sender: IpcSender) => Promise<IpcResponse<C>>;
};

export type IpcListener = (event: IpcInvokeEvent, payload: unknown) => Promise<IpcResult<unknown>>;

export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcInvokeEvent, payload: unknown) => Promise<unknown>): void;
};

/**
 * Is this message from our own UI? The frame must exist (it is null once navigated away or
 * destroyed), be the top frame (a subframe could host foreign content — frame-src 'none'
 * should prevent one, this does not rely on it), be on app://wijktafel, and belong to a
 * webContents we created (isTrustedSender), not e.g. the hidden print window.
 */
export function isTrustedSenderFrame(
  event: IpcInvokeEvent,
  isTrustedSender: (sender: IpcSender) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.detached === true) return false;
  if (frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return isTrustedSender(event.sender);
}

const fail = (code: IpcError['code'], message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

/**
 * Describes a zod failure by schema paths and issue codes only. zod messages can quote the
 * received value (an enum option, a string), and a value may be resident data.
 */
function describeIssues(channel: IpcChannel, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.code}`);
  return `invalid payload for ${channel} (${issues.join('; ')})`;
}

/**
 * The one IPC wrapper. Every request goes through the same steps: sender check, zod parse of
 * the payload as unknown input, the handler, a zod check of our own response, and every error
 * turned into an IpcResult. It never throws and never rejects, so one bad message can neither
 * kill the listener nor surface an Electron error (with its text) in the renderer.
 */
export function createIpcListener<C extends IpcChannel>(
  channel: C,
  handler: IpcHandlers[C],
  deps: { isTrustedSender: (sender: IpcSender) => boolean; log: Logger },
): IpcListener {
  const { request: requestSchema, response: responseSchema } = ipcContract[channel];
  return async (event, payload) => {
    try {
      if (!isTrustedSenderFrame(event, deps.isTrustedSender)) {
        deps.log('warn', 'ipc.forbidden-sender', { channel });
        return fail('forbidden-sender', `${channel}: sender not allowed`);
      }
      const parsed = requestSchema.safeParse(payload);
      if (!parsed.success) {
        deps.log('warn', 'ipc.invalid-payload', { channel });
        return fail('invalid-payload', describeIssues(channel, parsed.error));
      }
      // The contract maps each channel to its schema; TypeScript cannot correlate the generic
      // C across the indexed access, so the handler is called through a widened signature.
      const call = handler as (request: unknown, sender: IpcSender) => Promise<unknown>;
      const value = await call(parsed.data, event.sender);
      const checked = responseSchema.safeParse(value);
      if (!checked.success) {
        deps.log('error', 'ipc.invalid-response', { channel });
        return fail('failed', `${channel} failed`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      deps.log('error', 'ipc.handler-failed', { channel, error: errorLabel(error) });
      // Only messages we wrote ourselves reach the renderer; others may quote paths or data.
      return fail('failed', error instanceof SafeError ? error.message : `${channel} failed`);
    }
  };
}

/** Registers a listener for every channel in the contract — the contract is the channel list. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  deps: { isTrustedSender: (sender: IpcSender) => boolean; log: Logger },
): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, createIpcListener(channel, handlers[channel], deps));
  }
}
