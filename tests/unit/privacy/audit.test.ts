import { describe, expect, it } from 'vitest';
import * as auditModule from '../../../renderer/src/data/stores/audit/audit';
import { appendAudit, appendAuditWith, auditToCsv, queryAudit } from '../../../renderer/src/data/stores/audit/audit';
import { createHousehold, logHouseholdView } from '../../../renderer/src/data/stores/households/households';
import { PLAIN_FIELDS } from '../../../renderer/src/data/records';
import { freshUnlockedDb } from '../../support/test-db';

const CANARY = 'Logkanarie-Grutto-9035';

describe('audit log', () => {
  it('is append-only: the module offers no way to change or remove an entry', () => {
    const exported = Object.keys(auditModule);
    expect(exported.filter((n) => /update|delete|remove|clear|put|edit/i.test(n))).toEqual([]);
    // The only plain fields are ordering fields; who/what/which record are sealed.
    expect(PLAIN_FIELDS.audit).toEqual(['seq', 'id', 'at']);
  });

  it('records who, what and which record for create and view, never content', async () => {
    const { db } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: `Familie ${CANARY}`, members: [{ role: 'ouder', firstName: CANARY }] });
    await logHouseholdView(h.id);
    const entries = await queryAudit();
    expect(entries.map((e) => e.action)).toEqual(['household.view', 'household.create']);
    expect(entries.every((e) => e.entityId === h.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    // Encrypted at rest: the stored rows show no action name or record id.
    const raw = JSON.stringify(await db.audit.toArray());
    expect(raw).not.toContain('household.view');
    expect(raw).not.toContain(h.id);
  });

  it('filters by date range, action, actor and record', async () => {
    const { session } = await freshUnlockedDb();
    await appendAudit({ action: 'vault.unlock', actorId: 'anna' });
    await appendAudit({ action: 'export', actorId: 'bram', entity: 'household', entityId: 'h1', details: { purpose: 'inzage' } });
    await appendAuditWith(session, { action: 'vault.lock', actorId: 'anna', details: { reason: 'idle' } });
    expect((await queryAudit({ actions: ['export'] })).map((e) => e.actorId)).toEqual(['bram']);
    expect((await queryAudit({ actorId: 'anna' })).map((e) => e.action)).toEqual(['vault.lock', 'vault.unlock']);
    expect((await queryAudit({ entityId: 'h1' })).map((e) => e.action)).toEqual(['export']);
    const today = new Date().toISOString().slice(0, 10);
    expect(await queryAudit({ from: today, to: today })).toHaveLength(3);
    expect(await queryAudit({ to: '2000-01-01' })).toHaveLength(0);
    expect(await queryAudit({}, 2)).toHaveLength(2);
  });

  it('exports CSV that a spreadsheet cannot run as formulas', () => {
    const csv = auditToCsv(
      [
        { id: '1', at: '2026-01-02T03:04:05.000Z', action: 'export', actorId: 'a', entity: 'household', entityId: 'h1', details: { purpose: 'inzage', audience: 'bewoner' } },
        { id: '2', at: '2026-01-02T03:04:06.000Z', action: 'vault.lock', actorId: 'x' },
      ],
      (id) => (id === 'a' ? '=HYPERLINK("evil")' : 'Onbekend, "x"'),
      ['Wanneer', 'Door', 'Handeling', 'Soort', 'Dossier', 'Details'],
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Wanneer,Door,Handeling,Soort,Dossier,Details');
    expect(lines[1]).toBe(`2026-01-02T03:04:05.000Z,"'=HYPERLINK(""evil"")",export,household,h1,"purpose=inzage; audience=bewoner"`);
    expect(lines[2]).toBe('2026-01-02T03:04:06.000Z,"Onbekend, ""x""",vault.lock,,,');
  });
});
