import { describe, expect, it } from 'vitest';
import type { Action, Intake, Plan } from '../../../shared/domain/casefile';
import type { Escalation, Knelpunt } from '../../../shared/domain/feedback';
import {
  addMonths,
  addWorkingDays,
  advanceEscalation,
  aggregateKnelpunten,
  attentionItems,
  deriveDuties,
  dutyIdFor,
  dutyState,
  goalStatusAfterEvaluation,
  hasNextStep,
  isGoalInWork,
  isDutyOverdue,
  mine,
  type AttentionInput,
} from '../../../shared/domain/feedback-rules';
import { renderCsv, renderMarkdown, renderText, resolveDocument, scanDocument, plainText } from '../../../shared/export/document';
import { projectKnelpunten, type KnelpuntenLabels } from '../../../shared/export/knelpunten';
import { projectReferrerLetter } from '../../../shared/export/letter';
import { nlDate } from '../../../shared/export/labels';
import { suppressionPlan } from '../../../shared/export/suppression';
import { translate } from '../../../renderer/src/i18n';

const NOW = '2026-03-02T09:00:00.000Z';

function intake(over: Partial<Intake> = {}): Intake {
  return {
    id: 'i1',
    householdId: 'h1',
    date: '2026-03-02',
    referrerType: 'huisarts',
    referrerName: 'Dokter Visser',
    channel: 'telefoon',
    question: 'Zorgen over schulden',
    decision: 'oppakken',
    decidedAt: '2026-03-06',
    createdAt: NOW,
    ...over,
  };
}

function action(over: Partial<Action> = {}): Action {
  return {
    id: 'a1',
    householdId: 'h1',
    planId: 'p1',
    goalId: 'g1',
    text: 'Bel de schuldhulp',
    layer: 'eigen_kracht',
    owner: { kind: 'team_member', refId: 'u1' },
    ownerId: 'u1',
    dueDate: '2026-03-10',
    reportTo: { kind: 'contact', refId: 'c1' },
    status: 'gedaan',
    completedAt: '2026-03-09',
    createdAt: NOW,
    ...over,
  };
}

const plan: Plan = { id: 'p1', householdId: 'h1', status: 'actief', startedAt: '2026-03-09', createdAt: NOW };

describe('working days and months', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-06', 10)).toBe('2026-03-20'); // Friday + 10 = Friday two weeks later
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-03-08', 5)).toBe('2026-03-13'); // Sunday + 5 = Friday
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });
  it('clamps months to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('overdue', () => {
  it('is overdue only after the due date and only while open', () => {
    const d = { status: 'open' as const, dueDate: '2026-03-20' };
    expect(isDutyOverdue(d, '2026-03-20')).toBe(false);
    expect(isDutyOverdue(d, '2026-03-21')).toBe(true);
    expect(dutyState(d, '2026-03-21')).toBe('te_laat');
    expect(dutyState({ ...d, status: 'gedaan' }, '2026-04-01')).toBe('gedaan');
  });
});

describe('deriving duties', () => {
  const facts = {
    intakes: [intake()],
    plans: [plan],
    households: [{ id: 'h1', status: 'afgesloten', closedAt: '2026-06-01T10:00:00.000Z', updatedAt: NOW, regisseurId: 'u9' }],
    actions: [action()],
  };
  it('creates one duty per fact with deterministic ids and working-day due dates', () => {
    const duties = deriveDuties(facts, new Set(), { workingDays: 10, now: NOW });
    expect(duties.map((d) => d.id).sort()).toEqual([dutyIdFor('action_result', 'a1'), dutyIdFor('closure', 'h1'), dutyIdFor('intake_decision', 'i1'), dutyIdFor('plan_made', 'p1')].sort());
    const intakeDuty = duties.find((d) => d.kind === 'intake_decision');
    expect(intakeDuty?.dueDate).toBe('2026-03-20');
    expect(intakeDuty?.recipient).toMatchObject({ kind: 'referrer', referrerType: 'huisarts', name: 'Dokter Visser' });
    expect(intakeDuty?.ownerId).toBe('u9'); // the regisseur owes it
    expect(duties.find((d) => d.kind === 'action_result')?.ownerId).toBe('u1'); // the action's owner owes it
  });
  it('is idempotent: deriving again with the existing ids creates nothing', () => {
    const first = deriveDuties(facts, new Set(), { workingDays: 10, now: NOW });
    expect(deriveDuties(facts, new Set(first.map((d) => d.id)), { workingDays: 10, now: NOW })).toEqual([]);
  });
  it('owes nothing to neighbours or to the resident, nothing for an undecided intake, nothing when the owner reports to themself', () => {
    expect(deriveDuties({ ...facts, intakes: [intake({ referrerType: 'buren' })], actions: [] }, new Set(), { workingDays: 10, now: NOW })).toEqual([]);
    expect(deriveDuties({ ...facts, intakes: [intake({ referrerType: 'inwoner' })], actions: [] }, new Set(), { workingDays: 10, now: NOW })).toEqual([]);
    const undecided = { ...intake(), decision: undefined, decidedAt: undefined };
    expect(deriveDuties({ intakes: [undecided], plans: [], households: [], actions: [] }, new Set(), { workingDays: 10, now: NOW })).toEqual([]);
    const self = action({ reportTo: { kind: 'team_member', refId: 'u1' } });
    expect(deriveDuties({ intakes: [], plans: [], households: [], actions: [self] }, new Set(), { workingDays: 10, now: NOW })).toEqual([]);
    expect(deriveDuties({ intakes: [], plans: [], households: [], actions: [action({ status: 'open' })] }, new Set(), { workingDays: 10, now: NOW })).toEqual([]);
  });
});

describe('attention', () => {
  const base: AttentionInput = {
    today: '2026-04-01',
    inactivityWeeks: 6,
    evaluationMonths: 3,
    households: [
      { id: 'h1', status: 'actief', regisseurId: 'me', lastActivityAt: '2026-03-30T10:00:00.000Z' },
      { id: 'h2', status: 'actief', regisseurId: 'other', lastActivityAt: '2026-01-01T10:00:00.000Z' },
      { id: 'h3', status: 'afgesloten', regisseurId: 'me', lastActivityAt: '2025-01-01T10:00:00.000Z' },
    ],
    duties: [
      { id: 'd1', householdId: 'h1', status: 'open', dueDate: '2026-03-31' },
      { id: 'd2', householdId: 'h1', status: 'gedaan', dueDate: '2026-03-01' },
      { id: 'd3', householdId: 'h3', status: 'open', dueDate: '2026-03-01' },
    ],
    actions: [
      { id: 'a1', householdId: 'h2', status: 'open', dueDate: '2026-03-31', ownerId: 'me' },
      { id: 'a2', householdId: 'h2', status: 'open', dueDate: '2026-04-01', ownerId: 'me' },
    ],
    plans: [
      { id: 'p1', householdId: 'h1', status: 'actief', startedAt: '2026-01-05' },
      { id: 'p2', householdId: 'h2', status: 'actief', startedAt: '2026-03-01', nextEvaluationDate: '2026-09-01' },
    ],
    escalations: [{ id: 'e1', householdId: 'h2', status: 'open', openedAt: '2026-03-20', log: [{ step: 0, label: 'Coördinator', startedAt: '2026-03-20', holderId: 'coord' }] }],
    consents: [
      { id: 'c1', householdId: 'h1', organisationId: 'o1', purpose: 'delen', expiresAt: '2026-04-20' },
      { id: 'c2', householdId: 'h2', organisationId: 'o1', purpose: 'delen', expiresAt: '2026-04-20' },
      { id: 'c3', householdId: 'h2', organisationId: 'o1', purpose: 'delen', expiresAt: '2027-04-20' },
    ],
  };
  it('lists every kind of attention, and nothing that is not due', () => {
    const items = attentionItems(base);
    // By kind, then by date within a kind (d3 was due earlier than d1).
    expect(items.map((i) => i.key)).toEqual(['f:d3', 'f:d1', 'a:a1', 'e:p1', 's:e1', 'c:c1', 'i:h2']);
  });
  it('"mijn" follows the owner, the regisseur or the escalation holder', () => {
    const items = attentionItems(base);
    expect(mine(items, 'me').map((i) => i.key)).toEqual(['f:d3', 'f:d1', 'a:a1', 'e:p1', 'c:c1']);
    expect(mine(items, 'coord').map((i) => i.key)).toEqual(['s:e1']);
    expect(mine(items, 'other').map((i) => i.key)).toEqual(['a:a1', 's:e1', 'i:h2']);
  });
  it('items nobody holds are everyone\'s', () => {
    const items = attentionItems({ ...base, households: [...base.households, { id: 'h4', status: 'actief', lastActivityAt: '2025-12-01T10:00:00.000Z' }] });
    expect(mine(items, 'me').map((i) => i.key)).toContain('i:h4');
    expect(mine(items, 'coord').map((i) => i.key)).toEqual(['s:e1', 'i:h4']);
  });
  it('moves with today', () => {
    expect(attentionItems({ ...base, today: '2026-03-30' }).map((i) => i.key)).not.toContain('f:d1');
  });
});

describe('goal work status after an evaluation', () => {
  it('only "goed genoeg" finishes a goal; the result is kept apart', () => {
    const cases = [
      ['bereikt', 'goed_genoeg', 'bereikt'],
      ['deels', 'goed_genoeg', 'deels'],
      ['niet_bereikt', 'goed_genoeg', 'niet_bereikt'],
      ['deels', 'meer', 'open'],
      ['niet_bereikt', 'anders', 'open'],
      ['bereikt', 'beter', 'open'],
    ] as const;
    for (const [result, next, status] of cases) {
      expect(goalStatusAfterEvaluation({ result, next })).toBe(status);
      expect(isGoalInWork({ status: goalStatusAfterEvaluation({ result, next }) })).toBe(status === 'open');
    }
  });
});

describe('escalation route', () => {
  it('steps up the route with dates and holders until the last step', () => {
    let e: Escalation = {
      id: 'e1', householdId: 'h1', status: 'open', reason: 'wachtlijst', openedAt: '2026-03-01', createdAt: NOW,
      route: [{ label: 'Coördinator' }, { label: 'Escalatieoverleg', holderId: 'm2' }],
      log: [{ step: 0, label: 'Coördinator', startedAt: '2026-03-01' }],
    };
    expect(hasNextStep(e)).toBe(true);
    e = advanceEscalation(e, '2026-03-10');
    expect(e.log[1]).toEqual({ step: 1, label: 'Escalatieoverleg', startedAt: '2026-03-10', holderId: 'm2' });
    expect(hasNextStep(e)).toBe(false);
    expect(() => advanceEscalation(e, '2026-03-11')).toThrow();
  });
});

describe('knelpunten aggregation and suppression', () => {
  const k = (id: string, category: Knelpunt['category'], hh: string[], title = `Knelpunt ${id}`): Knelpunt => ({ id, category, title, householdIds: hh, createdAt: NOW, updatedAt: NOW });
  const labels: KnelpuntenLabels = {
    note: 'Alleen aantallen.', categoriesTitle: 'Per categorie', category: 'Categorie', barriers: 'Knelpunten', households: 'Huishoudens', barrier: 'Knelpunt',
    recurringTitle: 'Terugkerend', noRecurring: 'Geen', categoryLabel: (c) => c.toUpperCase(),
  };
  it('suppresses 0–4 by the one rule of every aggregate export', () => {
    const plan = suppressionPlan();
    const cells = [0, 1, 4, 5, 12].map((n) => plan.cell(n));
    expect(cells.map((c) => plan.text(c))).toEqual(['<5', '<5', '<5', '5', '12']);
  });
  it('counts distinct households per category and barrier', () => {
    const agg = aggregateKnelpunten([k('1', 'wachtlijst', ['h1', 'h2']), k('2', 'wachtlijst', ['h2', 'h3']), k('3', 'regel', ['a', 'b', 'c', 'd', 'e'])]);
    expect(agg.byCategory.find((c) => c.category === 'wachtlijst')).toEqual({ category: 'wachtlijst', barriers: 2, households: 3 });
    expect(agg.byBarrier[0]).toMatchObject({ id: '3', households: 5 });
  });
  it('exports aggregates only, suppressed, without ids or rare barrier titles', () => {
    const list = [
      k('1', 'wachtlijst', ['hh-secret-1', 'hh-secret-2'], 'Wachtlijst GGZ familie Zonderland'),
      k('3', 'regel', ['a', 'b', 'c', 'd', 'e'], 'Kostendelersnorm'),
    ];
    const projected = projectKnelpunten(list, new Map(), labels, nlDate, '2026-04-01');
    expect(projected.householdIds).toEqual([]);
    const doc = resolveDocument(projected.document, scanDocument(projected.document), {});
    for (const out of [renderCsv(doc), renderMarkdown(doc), plainText(doc)]) {
      expect(out).not.toContain('hh-secret');
      expect(out).not.toContain('Zonderland');
      expect(out).toContain('Kostendelersnorm');
      expect(out).toMatch(/WACHTLIJST[;|\s]+(<|&lt;)5[;|\s]+(<|&lt;)5/);
      expect(out).toMatch(/REGEL[;|\s]+(<|&lt;)5[;|\s]+5/);
      expect(out).toContain('Minder dan 5 (0 tot en met 4)');
    }
    expect(renderCsv(doc)).toBe(
      'Categorie;Knelpunten;Huishoudens\nREGEL;<5;5\nWACHTLIJST;<5;<5\nWETTENGAT;<5;<5\nBUDGET;<5;<5\nBEREIKBAARHEID;<5;<5\nANDERS;<5;<5\n\nKnelpunt;Categorie;Huishoudens\nKostendelersnorm;REGEL;5\n\n' +
        'Teken;Betekenis\n<5;"Minder dan 5 (0 tot en met 4). Ook 0 staat zo: ook ""geen"" zegt iets over een kleine groep."\n',
    );
  });
  it("a shown barrier's title is scanned with its households' names and replaced by default", () => {
    const list = [k('3', 'wachtlijst', ['a', 'b', 'c', 'd', 'e'], 'Wachtlijst, bv. Pietronella aan de Dorpsstraat 12')];
    const projected = projectKnelpunten(list, new Map([['c', ['Pietronella']]]), labels, nlDate, '2026-04-01');
    const hits = scanDocument(projected.document);
    expect(hits.map((h) => [h.kind, h.text])).toEqual([
      ['naam', 'Pietronella'],
      ['adres', 'Dorpsstraat 12'],
    ]);
    const out = renderCsv(resolveDocument(projected.document, hits, {}));
    expect(out).toContain('"Wachtlijst, bv. [naam] aan de [adres]";WACHTLIJST;5');
  });
});

describe('referrer letter', () => {
  const t = (key: string, vars?: Readonly<Record<string, string>>) => translate('nl', `feedback.letter.${key}`, vars);
  const closure = {
    kind: 'closure' as const,
    householdId: 'hh-1',
    referralDate: '2026-03-02',
    referrerName: 'Dokter Visser',
    decision: 'oppakken' as const,
    contactName: 'Sanne de Vries',
    teamName: 'Wijkteam Noord',
    memberNames: ['Kanariegeel', 'Zwartkop', 'Ozewiezewoze', 'Canarium'],
  };
  it('holds only the allowlisted facts, and the outcome line is reviewed: names, phone, address, postcode, date and IBAN are replaced', () => {
    const outcome =
      'Schulden geregeld; Kanariegeel Zwartkop en Ozewiezewoze Canarium verhuisd naar Dorpsstraat 12, 1234 AB op 03-04-2026, bel 06-12345678, IBAN NL91ABNA0417164300\nTweede regel geheim';
    const projected = projectReferrerLetter({ ...closure, outcome }, t, nlDate, '2026-05-01');
    expect(projected.householdIds).toEqual(['hh-1']);
    const hits = scanDocument(projected.document);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['naam', 'adres', 'datum', 'telefoon', 'iban']));
    const text = renderText(resolveDocument(projected.document, hits, {}));
    for (const canary of ['Kanariegeel', 'Zwartkop', 'Ozewiezewoze', 'Canarium', 'Dorpsstraat 12', '1234 AB', '03-04-2026', '06-12345678', 'NL91ABNA0417164300', 'Tweede regel']) {
      expect(text).not.toContain(canary);
    }
    expect(text).toContain('Uitkomst in het kort: Schulden geregeld; [naam] [naam] en [naam] [naam] verhuisd naar [adres] op [datum], bel [telefoon], IBAN [IBAN]');
    expect(text).toContain('Beste Dokter Visser,');
    expect(text).toContain('Wij hebben uw aanmelding van 2 maart 2026 ontvangen.');
    expect(text).toContain('Uw contactpersoon in het wijkteam is Sanne de Vries.');
    expect(text).toContain('Wijkteam Noord');
    expect(text).toContain('Voor: de verwijzer: Dokter Visser');
    // Without the review, the outcome line would leave as typed: the check can fail.
    expect(renderText(projected.document)).toContain('Dorpsstraat 12, 1234 AB');
  });
  it('before closure there is no outcome line at all, and nothing to review', () => {
    const projected = projectReferrerLetter({ ...closure, kind: 'intake_decision', outcome: 'Kanariegeel woont 1234 AB 5' }, t, nlDate, '2026-03-17');
    expect(scanDocument(projected.document)).toEqual([]);
    const text = renderText(projected.document);
    expect(text).not.toContain('Kanariegeel');
    expect(text).not.toContain('Uitkomst');
    expect(text).toContain('Het sociaal wijkteam pakt deze aanmelding op.');
  });
});
