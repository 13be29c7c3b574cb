import { z } from 'zod';

/**
 * Argon2id parameters, stored with every wrapped key so they can be raised later
 * without losing access to old vaults. OWASP minimum: 19 MiB memory, 2 iterations, p=1.
 */
export const KdfParamsSchema = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().min(19_456).max(4_194_304),
  iterations: z.number().int().min(2).max(64),
  parallelism: z.number().int().min(1).max(4),
  salt: z.custom<Uint8Array>((v) => v instanceof Uint8Array).refine((s) => s.byteLength >= 16),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const OWASP_MIN = { memoryKiB: 19_456, iterations: 2 } as const;
/** We use more memory than the minimum; the iteration count is tuned to about half a second. */
export const DEFAULT_MEMORY_KIB = 65_536;
export const TARGET_MS = 500;

export type KdfRequest = { passphrase: string; params: KdfParams };

/** Derive 32 key bytes. Runs wherever it is called (the UI calls it through kdf-client, in a worker). */
export async function deriveKeyBytes({ passphrase, params }: KdfRequest): Promise<Uint8Array> {
  const { argon2id } = await import('hash-wasm');
  const normalized = passphrase.normalize('NFC');
  return argon2id({
    password: normalized,
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}

/**
 * Pick iterations so one derivation takes about TARGET_MS on this machine, never below the
 * OWASP minimum. Measures one 2-iteration run and scales linearly (Argon2 time is linear in t).
 */
export async function calibrate(measure: (p: KdfParams) => Promise<number>, salt: Uint8Array): Promise<KdfParams> {
  const probe: KdfParams = { alg: 'argon2id', memoryKiB: DEFAULT_MEMORY_KIB, iterations: 2, parallelism: 1, salt };
  const ms = Math.max(1, await measure(probe));
  const iterations = Math.min(32, Math.max(OWASP_MIN.iterations, Math.round((TARGET_MS / ms) * 2)));
  return { ...probe, iterations };
}
