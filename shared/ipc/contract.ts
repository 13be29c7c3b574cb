import { z } from 'zod';

/**
 * The one IPC contract between renderer and main. Channel names are `domain:verb`.
 * Main parses every request with `request` (as unknown input from a possibly
 * compromised renderer) and answers with an `IpcResult`. The preload exposes exactly
 * these channels, namespaced as `window.wijktafel.<domain>.<verb>`.
 *
 * When adding a channel: add it here, add a handler in electron/ipc-handlers.ts,
 * add it to the preload's api object and to the browser implementation of the
 * platform adapter (renderer/src/platform/web.ts).
 */

const FileName = z
  .string()
  .min(1)
  .max(120)
  // A suggested name only: no folders, no control characters.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this guard
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/);

// z.custom keeps the type as plain Uint8Array (any backing buffer), which is what both sides hold.
const Bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')
  .refine((b) => b.byteLength <= 512 * 1024 * 1024, 'too large');

export const ipcContract = {
  'app:info': {
    request: z.undefined(),
    response: z.object({ version: z.string(), platform: z.string(), electron: z.string() }),
  },
  'export:save-file': {
    request: z.object({
      suggestedName: FileName,
      mimeType: z.enum(['application/pdf', 'text/html', 'text/markdown', 'text/plain', 'text/csv', 'application/json', 'application/octet-stream']),
      data: z.union([z.string().max(64 * 1024 * 1024), Bytes]),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  'export:print-pdf': {
    request: z.object({ suggestedName: FileName, html: z.string().max(32 * 1024 * 1024) }),
    response: z.object({ saved: z.boolean() }),
  },
  'backup:write-auto': {
    request: z.object({
      data: Bytes,
      reason: z.enum(['change', 'daily']),
      /** Households deleted on purpose (retention, audit-logged) since the newest good backup: a drop they explain is no alarm. */
      removedOnPurpose: z.number().int().min(0).max(10_000_000).optional(),
    }),
    response: z.object({ written: z.boolean(), name: z.string().optional(), held: z.boolean().optional() }),
  },
  'backup:list': {
    request: z.undefined(),
    response: z.array(
      z.object({
        name: z.string(),
        size: z.number(),
        createdAt: z.string(),
        /** 'held': far fewer households than the backup before it; kept apart, never rotating good ones out. */
        kind: z.enum(['change', 'daily', 'held']),
        households: z.number().int().min(0).nullable(),
      }),
    ),
  },
  'backup:read': {
    request: z.object({ name: FileName }),
    response: z.object({ data: Bytes }),
  },
  'keystore:status': {
    request: z.undefined(),
    response: z.object({ available: z.boolean(), backend: z.string() }),
  },
  'keystore:wrap': {
    request: z.object({ secret: Bytes.refine((b) => b.byteLength <= 1024) }),
    response: z.object({ wrapped: Bytes }),
  },
  'keystore:unwrap': {
    request: z.object({ wrapped: Bytes.refine((b) => b.byteLength <= 4096) }),
    response: z.object({ secret: Bytes }),
  },
  'shell:open-external': {
    request: z.object({ url: z.string().max(2000) }),
    response: z.object({ opened: z.boolean() }),
  },
  'window:set-content-protection': {
    request: z.object({ enabled: z.boolean() }),
    response: z.object({ enabled: z.boolean() }),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

export type IpcError = { code: 'invalid-payload' | 'forbidden-sender' | 'failed' | 'unknown-channel'; message: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Events main sends to the renderer (no payload carries resident data). */
export const ipcEvents = {
  'lock:now': z.object({ reason: z.enum(['os-lock', 'suspend', 'menu']) }),
} as const;
export type IpcEvent = keyof typeof ipcEvents;

/** The shape of `window.wijktafel`, derived from the contract so it is never hand-copied. */
type Verb<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;
type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

export type WijktafelApi = {
  [D in Domain<IpcChannel>]: {
    [C in IpcChannel as Domain<C> extends D ? Verb<C> : never]: IpcRequest<C> extends undefined
      ? () => Promise<IpcResult<IpcResponse<C>>>
      : (payload: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
  };
} & {
  events: { onLock(listener: (payload: z.output<(typeof ipcEvents)['lock:now']>) => void): () => void };
};

/** `export:save-file` → ['export', 'saveFile'] */
export function channelPath(channel: IpcChannel): [string, string] {
  const [domain, verb] = channel.split(':') as [string, string];
  return [domain, verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())];
}
