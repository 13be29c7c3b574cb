/**
 * The few platform globals shared/ uses. shared/ compiles against ES2023 without DOM or Node
 * types (it must not reach for `document`, `window` or `node:*`), yet every place it runs —
 * Chromium's renderer and workers, Electron's main process, Node for the unit tests — has the
 * WHATWG encoding API and atob/btoa. So they are declared here, for shared/ alone: the
 * renderer, electron and tests projects get them from their DOM/Node libs and exclude this file
 * (two declarations of the same global would clash).
 *
 * When adding a global: only what all three run times have, declared no wider than used.
 */

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: { new (): TextEncoder };

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoder {
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}
declare const TextDecoder: { new (label?: string, options?: TextDecoderOptions): TextDecoder };

/** Base64 of a "binary string" (one character per byte, 0..255). */
declare function btoa(data: string): string;
/** Throws on anything that is not base64; lenient about padding and white space (bytes.ts checks first). */
declare function atob(data: string): string;
