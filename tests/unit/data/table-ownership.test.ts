/**
 * The table-ownership lint rule (tools/eslint/table-ownership.js, wired in eslint.config.js)
 * must be able to fail. ESLint runs with the repository's own config on source text placed
 * (virtually) inside a store folder: a foreign table access fails, the same code on an owned
 * table passes. And the rule's lists must be the stores' own declarations (stores/tables.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import wijktafel from '../../../tools/eslint/table-ownership.js';
import { STORES, TABLE_OWNER, HOUSEHOLD_TABLES } from '../../../renderer/src/data/stores/tables';
import { HOUSEHOLD_SCOPED, PLAIN_FIELDS } from '../../../renderer/src/data/records';
import type { TableName } from '../../../renderer/src/data/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RULE = 'wijktafel/table-ownership';

type RuleOptions = { store: string; owned: string[]; pending?: Record<string, string> };

async function storeOptions(eslint: ESLint, store: string): Promise<RuleOptions | undefined> {
  const config = (await eslint.calculateConfigForFile(path.join(root, `renderer/src/data/stores/${store}/x.ts`))) as {
    rules: Record<string, [unknown, RuleOptions] | undefined>;
  };
  return config.rules[RULE]?.[1];
}

/**
 * Lint a fixture (tests/fixtures/table-ownership/, on disk so the TypeScript project has it)
 * with the repository's config plus the rule exactly as eslint.config.js sets it for `store`.
 */
async function lint(store: string, fixture: string): Promise<string[]> {
  const base = new ESLint({ cwd: root });
  const options = await storeOptions(base, store);
  expect(options?.store).toBe(store);
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['tests/fixtures/table-ownership/**'], plugins: { wijktafel }, rules: { [RULE]: ['error', options] } }],
  });
  const [result] = await eslint.lintFiles([path.join(root, 'tests/fixtures/table-ownership', fixture)]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// Typed linting builds a TypeScript program: seconds on a loaded machine.
describe('table ownership', { timeout: 180_000 }, () => {
  it("fails when a store reads another store's table, by property or by rows()", async () => {
    const member = await lint('vault', 'foreign-member.ts');
    expect(member).toHaveLength(1);
    expect(member[0]).toContain(`${RULE}: Table 'households' belongs to another store than 'vault'`);
    const rows = await lint('vault', 'foreign-rows.ts');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${RULE}: Table 'notes' belongs to another store than 'vault'`);
  });

  it("passes on its own table, a foreign table named only in a transaction's scope, and a domain object's field", async () => {
    expect(await lint('vault', 'clean.ts')).toEqual([]);
  });

  it('fails the same clean file for a store that does not own the table', async () => {
    const messages = await lint('audit', 'clean.ts');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.includes("Table 'vault' belongs to another store than 'audit'"))).toBe(true);
  });

  it('gives every table exactly one owning store, the same lists the lint rule holds', async () => {
    const tables = Object.keys(PLAIN_FIELDS).sort();
    expect(Object.keys(TABLE_OWNER).sort()).toEqual(tables);
    const declared = Object.values(STORES).flatMap((t) => Object.keys(t));
    expect(declared.sort()).toEqual(tables);
    const eslint = new ESLint({ cwd: root });
    for (const [store, owned] of Object.entries(STORES)) {
      const options = await storeOptions(eslint, store);
      expect(options?.store).toBe(store);
      expect([...(options?.owned ?? [])].sort()).toEqual(Object.keys(owned).sort());
    }
  });

  it('declares the household-scoped tables: every sealed-per-household table and the household keys', () => {
    expect([...HOUSEHOLD_TABLES].sort()).toEqual([...HOUSEHOLD_SCOPED, 'householdKeys' as TableName].sort());
  });

  it('exempts only the whole-store code (backup and restore, retention); a use case or a feature is checked', async () => {
    const eslint = new ESLint({ cwd: root });
    const ruleOf = async (file: string) =>
      ((await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> }).rules[RULE];
    expect(await ruleOf('renderer/src/data/usecases/backup.ts')).toBeUndefined();
    expect(await ruleOf('renderer/src/data/usecases/retention.ts')).toBeUndefined();
    expect(await ruleOf('renderer/src/data/usecases/close-agenda-item.ts')).toBeDefined();
    expect(await ruleOf('renderer/src/features/households/queries.ts')).toBeDefined();
  });
});
