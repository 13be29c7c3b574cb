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
  /**
   * How long one derivation with exactly these parameters took when they were chosen (ms, on
   * this machine). Recorded so a later version can see the vault has become too cheap and
   * raise the parameters at the next passphrase change. Not secret, not used to derive.
   */
  measuredMs: z.number().nonnegative().optional(),
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

/** Memory sizes tried in order: the first whose 2-iteration run fits the budget is kept. */
export const MEMORY_STEPS_KIB = [DEFAULT_MEMORY_KIB, 47_104, OWASP_MIN.memoryKiB] as const;
const MAX_ITERATIONS = 32;

/**
 * Pick parameters so one derivation takes about TARGET_MS on this machine, never below the
 * OWASP minimum. The first derivation also loads and compiles the WebAssembly module, so it
 * is run once as a warm-up and not counted. Then a 2-iteration run is measured at the largest
 * memory size whose run fits the target, and iterations are scaled linearly (Argon2 time is
 * linear in t). On a machine too slow for even the minimum, the minimum is used: security
 * never goes below it, unlock is then simply slower than half a second.
 */
export async function calibrate(measure: (p: KdfParams) => Promise<number>, salt: Uint8Array): Promise<KdfParams> {
  const base = { alg: 'argon2id' as const, parallelism: 1, salt };
  await measure({ ...base, memoryKiB: OWASP_MIN.memoryKiB, iterations: OWASP_MIN.iterations });
  let probe: KdfParams = { ...base, memoryKiB: OWASP_MIN.memoryKiB, iterations: 2 };
  let ms = 0;
  for (const memoryKiB of MEMORY_STEPS_KIB) {
    probe = { ...base, memoryKiB, iterations: 2 };
    ms = Math.max(1, await measure(probe));
    if (ms <= TARGET_MS) break;
  }
  const iterations = Math.min(MAX_ITERATIONS, Math.max(OWASP_MIN.iterations, Math.round((TARGET_MS / ms) * 2)));
  return { ...probe, iterations, measuredMs: Math.round((ms * iterations) / 2) };
}
