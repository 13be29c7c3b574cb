import { describe, expect, it } from 'vitest';
import { calibrate, DEFAULT_MEMORY_KIB, KdfParamsSchema, OWASP_MIN, TARGET_MS, type KdfParams } from '../../../renderer/src/crypto/kdf';

const salt = new Uint8Array(16).fill(7);

/** A machine where a derivation costs `perIterationMs(memory)` per iteration, plus a one-off start cost. */
function machine(perIterationMs: (memoryKiB: number) => number, startupMs = 400) {
  const calls: KdfParams[] = [];
  let first = true;
  const measure = async (p: KdfParams) => {
    calls.push(p);
    const ms = perIterationMs(p.memoryKiB) * p.iterations + (first ? startupMs : 0);
    first = false;
    return ms;
  };
  return { calls, measure };
}

describe('KDF calibration', () => {
  it('ignores the first (WebAssembly start-up) run and lands near the target on a fast machine', async () => {
    const m = machine((mem) => (mem / DEFAULT_MEMORY_KIB) * 40); // 40 ms per pass at 64 MiB
    const p = await calibrate(m.measure, salt);
    expect(p.memoryKiB).toBe(DEFAULT_MEMORY_KIB);
    expect(p.iterations).toBe(Math.round((TARGET_MS / 80) * 2)); // 13 passes ≈ 520 ms
    expect(p.measuredMs).toBeGreaterThanOrEqual(TARGET_MS * 0.8);
    expect(p.measuredMs).toBeLessThanOrEqual(TARGET_MS * 1.2);
    expect(KdfParamsSchema.safeParse(p).success).toBe(true);
  });

  it('steps memory down on a slow machine but never below the OWASP minimum', async () => {
    const slow = machine((mem) => (mem / DEFAULT_MEMORY_KIB) * 400);
    const p = await calibrate(slow.measure, salt);
    expect(p.memoryKiB).toBeLessThan(DEFAULT_MEMORY_KIB);
    expect(p.memoryKiB).toBeGreaterThanOrEqual(OWASP_MIN.memoryKiB);
    expect(p.iterations).toBeGreaterThanOrEqual(OWASP_MIN.iterations);

    const hopeless = machine(() => 5_000);
    const q = await calibrate(hopeless.measure, salt);
    expect(q).toMatchObject({ memoryKiB: OWASP_MIN.memoryKiB, iterations: OWASP_MIN.iterations });
  });

  it('refuses stored parameters below the OWASP minimum', () => {
    const ok = { alg: 'argon2id', memoryKiB: OWASP_MIN.memoryKiB, iterations: 2, parallelism: 1, salt };
    expect(KdfParamsSchema.safeParse(ok).success).toBe(true);
    expect(KdfParamsSchema.safeParse({ ...ok, memoryKiB: 19_455 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, iterations: 1 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, salt: new Uint8Array(8) }).success).toBe(false);
  });
});
