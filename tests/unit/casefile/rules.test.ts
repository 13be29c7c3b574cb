import { describe, expect, it } from 'vitest';
import { ActionDraftSchema, AssessmentDraftSchema, IntakeDraftSchema, type Action, type Plan } from '../../../shared/domain/casefile';
import {
  RuleViolation,
  allowedStatusChanges,
  applyHandover,
  assertActionUnderGoal,
  assertAtMostOneActivePlan,
  assertLayerReason,
  assertStatusChange,
  buildTimeline,
  closingViolations,
  findPossibleDuplicates,
  layerBaseline,
  layerNeedsReason,
  normaliseName,
  regisseurViolation,
  replacePlan,
  sameMember,
  scoreHistory,
  type CaseFile,
} from '../../../shared/domain/casefile-rules';
import type { Household } from '../../../shared/domain/household';

const TS = '2026-03-01T10:00:00.000Z';
const plan = (id: string, status: Plan['status'] = 'actief'): Plan => ({ id, householdId: 'h1', status, startedAt: '2026-01-01', createdAt: TS });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RuleViolation ? e.code : 'other';
  }
  return null;
};
const layered = (layer: Action['layer'], status: Action['status'] = 'open') => ({ layer, status });

describe('one active plan', () => {
  it('allows zero or one active plan and refuses two', () => {
    expect(code(() => assertAtMostOneActivePlan([]))).toBeNull();
    expect(code(() => assertAtMostOneActivePlan([plan('a'), plan('b', 'vervangen')]))).toBeNull();
    expect(code(() => assertAtMostOneActivePlan([plan('a'), plan('b')]))).toBe('plan.moreThanOneActive');
  });

  it('"nieuw plan" archives the active plan on the new start date, read-only', () => {
    const archived = replacePlan([plan('old'), plan('older', 'vervangen')], { ...plan('new'), startedAt: '2026-04-01' }, '2026-04-01');
    expect(archived).toEqual([{ ...plan('old'), status: 'vervangen', replacedAt: '2026-04-01' }]);
    expect(replacePlan([], plan('first'), '2026-01-01')).toEqual([]);
  });
});

describe('every action under a goal of the active plan', () => {
  const action = { householdId: 'h1', planId: 'p1', goalId: 'g1' };
  it('refuses an action without its goal, under another plan\'s goal, or on an archived plan', () => {
    expect(code(() => assertActionUnderGoal(action, { id: 'g1', householdId: 'h1', planId: 'p1' }, plan('p1')))).toBeNull();
    expect(code(() => assertActionUnderGoal(action, undefined, plan('p1')))).toBe('action.noGoal');
    expect(code(() => assertActionUnderGoal(action, { id: 'g2', householdId: 'h1', planId: 'p1' }, plan('p1')))).toBe('action.noGoal');
    expect(code(() => assertActionUnderGoal(action, { id: 'g1', householdId: 'h1', planId: 'p2' }, plan('p1')))).toBe('action.goalOtherPlan');
    expect(code(() => assertActionUnderGoal(action, { id: 'g1', householdId: 'h2', planId: 'p1' }, plan('p1')))).toBe('action.goalOtherPlan');
    expect(code(() => assertActionUnderGoal(action, { id: 'g1', householdId: 'h1', planId: 'p1' }, plan('p1', 'vervangen')))).toBe('plan.archivedReadOnly');
  });

  it('an action draft needs a goal id, a layer, an owner and a due date', () => {
    const r = ActionDraftSchema.safeParse({ text: ' ', layer: 'x', owner: { kind: 'network' }, reportTo: { kind: 'team_member' }, dueDate: '2026-02-30' });
    expect(r.success).toBe(false);
    const paths = (r.error?.issues ?? []).map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['dueDate', 'goalId', 'layer', 'owner.name', 'reportTo.refId', 'text']);
  });
});

describe('layer rule: eigen kracht first', () => {
  it('the baseline is the lowest layer still in use, eigen kracht when there is none', () => {
    expect(layerBaseline([])).toBe('eigen_kracht');
    expect(layerBaseline([layered('professioneel'), layered('netwerk')])).toBe('netwerk');
    expect(layerBaseline([layered('professioneel'), layered('eigen_kracht', 'vervallen')])).toBe('professioneel');
  });

  it('asks a reason above the baseline, not on or below it', () => {
    expect(layerNeedsReason('eigen_kracht', [])).toBe(false);
    expect(layerNeedsReason('netwerk', [])).toBe(true);
    expect(layerNeedsReason('netwerk', [layered('eigen_kracht')])).toBe(true);
    expect(layerNeedsReason('professioneel', [layered('professioneel')])).toBe(false);
    expect(layerNeedsReason('netwerk', [layered('professioneel')])).toBe(false);
    expect(code(() => assertLayerReason({ layer: 'professioneel', layerReason: '  ' }, []))).toBe('action.layerReason');
    expect(code(() => assertLayerReason({ layer: 'professioneel', layerReason: 'schulden te hoog voor netwerk' }, []))).toBeNull();
  });
});

describe('one regisseur', () => {
  const h = { status: 'aangemeld', regisseurId: undefined } as const;
  it('an active household without a regisseur breaks the rule', () => {
    expect(regisseurViolation({ status: 'actief', regisseurId: undefined })).toBe('regisseur.missing');
    expect(regisseurViolation({ status: 'in_evaluatie', regisseurId: undefined })).toBe('regisseur.missing');
    expect(regisseurViolation({ status: 'aangemeld', regisseurId: undefined })).toBeNull();
    expect(regisseurViolation({ status: 'actief', regisseurId: 'm1' })).toBeNull();
  });

  it('the first regisseur makes an aangemeld household actief; a handover replaces the one regisseur', () => {
    const first = applyHandover(h, 'm1', undefined);
    expect(first).toEqual({ status: 'actief', regisseurId: 'm1' });
    expect(applyHandover(first, 'm2', 'm1')).toEqual({ status: 'actief', regisseurId: 'm2' });
    expect(code(() => applyHandover(first, 'm1', 'm1'))).toBe('regisseur.unchanged');
    expect(code(() => applyHandover(first, 'm3', 'm2'))).toBe('regisseur.changedMeanwhile');
    expect(code(() => applyHandover({ status: 'afgesloten', regisseurId: 'm1' }, 'm2', 'm1'))).toBe('household.closed');
  });

  it('status changes: active statuses need a regisseur, closing has its own path', () => {
    expect(allowedStatusChanges({ status: 'aangemeld', regisseurId: undefined })).toEqual([]);
    expect(allowedStatusChanges({ status: 'actief', regisseurId: 'm1' })).toEqual(['in_evaluatie']);
    expect(allowedStatusChanges({ status: 'in_evaluatie', regisseurId: 'm1' })).toEqual(['actief']);
    expect(code(() => assertStatusChange({ status: 'actief', regisseurId: 'm1' }, 'aangemeld'))).toBe('status.notAllowed');
    expect(code(() => assertStatusChange({ status: 'actief', regisseurId: 'm1' }, 'afgesloten'))).toBe('status.notAllowed');
    expect(code(() => assertStatusChange({ status: 'aangemeld', regisseurId: undefined }, 'actief'))).toBe('status.notAllowed');
    expect(code(() => assertStatusChange({ status: 'afgesloten', regisseurId: 'm1' }, 'actief'))).toBe('household.closed');
  });
});

describe('closing rules', () => {
  const base = { status: 'actief', outcome: 'Schulden geregeld, gezin redt zich.', openActions: 0, openFeedback: 0, acknowledgeOpen: false } as const;
  it('needs an outcome', () => {
    expect(closingViolations(base)).toEqual([]);
    expect(closingViolations({ ...base, outcome: '   ' })).toEqual(['close.outcome']);
    expect(closingViolations({ ...base, outcome: undefined })).toEqual(['close.outcome']);
  });
  it('open actions or feedback owed must be acknowledged first', () => {
    expect(closingViolations({ ...base, openActions: 2 })).toEqual(['close.openItems']);
    expect(closingViolations({ ...base, openFeedback: 1 })).toEqual(['close.openItems']);
    expect(closingViolations({ ...base, openActions: 2, openFeedback: 1, acknowledgeOpen: true })).toEqual([]);
  });
  it('a closed household cannot be closed again', () => {
    expect(closingViolations({ ...base, status: 'afgesloten' })).toContain('household.closed');
  });
});

describe('possible duplicates', () => {
  const hh = (id: string, members: Household['members']) => ({ id, displayName: `Huishouden ${id}`, status: 'actief' as const, members });
  const known = [
    hh('a', [{ id: 'm1', role: 'ouder', firstName: 'Şükrü', lastName: 'Öztürk-Jansen', birthDate: '1980-05-01' }]),
    hh('b', [{ id: 'm2', role: 'ouder', firstName: 'Mohammed' }]),
    hh('c', [{ id: 'm3', role: 'kind', firstName: 'Noor', birthDate: '2014-01-01' }]),
  ];

  it('normalises case, accents, hyphens and whitespace', () => {
    expect(normaliseName('  ŞÜKRÜ ')).toBe('sukru');
    expect(normaliseName('Öztürk-Jansen')).toBe(normaliseName('ozturk   jansen'));
  });

  it('matches on first name plus every identifying field known on both sides', () => {
    expect(sameMember({ firstName: 'sukru', lastName: 'OZTURK JANSEN' }, { firstName: 'Şükrü', lastName: 'Öztürk-Jansen', birthDate: '1980-05-01' })).toBe(true);
    expect(sameMember({ firstName: 'Sukru', lastName: 'Ozturk-Jansen', birthDate: '1981-05-01' }, { firstName: 'Şükrü', lastName: 'Öztürk-Jansen', birthDate: '1980-05-01' })).toBe(false);
    expect(sameMember({ firstName: 'Mohammed' }, { firstName: 'Mohammed' })).toBe(false);
    expect(sameMember({ firstName: 'noor', birthDate: '2014-01-01' }, { firstName: 'Noor', birthDate: '2014-01-01' })).toBe(true);
  });

  it('finds the households that share a member, excluding the household itself', () => {
    const found = findPossibleDuplicates([{ firstName: 'Sukru', lastName: 'ozturk jansen', birthDate: '1980-05-01' }, { firstName: 'Mohammed' }], known);
    expect(found.map((f) => f.householdId)).toEqual(['a']);
    expect(findPossibleDuplicates([{ firstName: 'Noor', birthDate: '2014-01-01' }], known, 'c')).toEqual([]);
    expect(findPossibleDuplicates([{ firstName: ' ' }], known)).toEqual([]);
  });
});

describe('forms validate with the shared schemas', () => {
  it('a score needs 1–5 and a narrative (tellen en vertellen)', () => {
    const r = AssessmentDraftSchema.safeParse({ domainId: 'financien', score: '7', date: '2026-03-01', narrative: '' });
    expect(Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))).toEqual({
      score: 'validation.score',
      narrative: 'validation.required',
    });
    expect(AssessmentDraftSchema.parse({ domainId: 'financien', score: '2', date: '2026-03-01', narrative: 'Post stapelt zich op.' }).score).toBe(2);
  });

  it('an intake that is turned away needs a reason', () => {
    const base = { date: '2026-03-01', referrerType: 'huisarts', channel: 'telefoon', question: 'Mevrouw slaapt slecht door schulden.' };
    expect(IntakeDraftSchema.safeParse({ ...base, decision: '' }).success).toBe(true);
    expect(IntakeDraftSchema.safeParse({ ...base, decision: 'oppakken' }).success).toBe(true);
    const r = IntakeDraftSchema.safeParse({ ...base, decision: 'niet_oppakken', decisionReason: ' ' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['decisionReason', 'validation.reasonRequired']]);
  });
});

describe('timeline and trend', () => {
  it('derives the timeline from the records, newest first', () => {
    const household: Household = {
      id: 'h1', displayName: 'Fam', status: 'actief', members: [], flags: [], alsoKnownBy: [],
      createdAt: '2026-01-05T09:00:00.000Z', updatedAt: TS, lastActivityAt: TS,
    };
    const cf: CaseFile = {
      household,
      intakes: [{ id: 'i1', householdId: 'h1', date: '2026-01-04', referrerType: 'huisarts', channel: 'telefoon', question: 'q', decision: 'oppakken', decidedAt: '2026-01-06', createdAt: '2026-01-05T09:00:00.000Z' }],
      assessments: [{ id: 'a1', householdId: 'h1', date: '2026-01-10', domainId: 'financien', score: 2, narrative: 'n', createdAt: TS }],
      plans: [plan('p1', 'vervangen'), { ...plan('p2'), startedAt: '2026-02-01' }].map((p) => (p.id === 'p1' ? { ...p, replacedAt: '2026-02-01' } : p)),
      goals: [], actions: [],
      handovers: [{ id: 'x1', householdId: 'h1', date: '2026-01-07', toId: 'm1', reason: 'r', note: 'n', createdAt: TS }],
      notes: [{ id: 'n1', householdId: 'h1', createdAt: '2026-02-15T10:00:00.000Z', text: 't', internal: true }],
      events: [{ id: 'e1', householdId: 'h1', at: '2026-01-07T10:00:00.000Z', kind: 'status_changed', from: 'aangemeld', to: 'actief' }],
      evaluations: [
        { id: 'v1', householdId: 'h1', planId: 'p2', date: '2026-05-01', goals: [], narrative: 'Gaat goed', scores: [], nextEvaluationDate: '2026-08-01', createdAt: '2026-05-01T09:00:00.000Z' },
      ],
    };
    const kinds = buildTimeline(cf).map((e) => `${e.date} ${e.kind}`);
    expect(kinds).toEqual([
      '2026-05-01 evaluation',
      '2026-02-15 note',
      '2026-02-01 plan_replaced',
      '2026-02-01 plan_started',
      '2026-01-10 assessment',
      '2026-01-07 handover',
      '2026-01-07 status_changed',
      '2026-01-06 intake_decision',
      '2026-01-05 household_created',
      '2026-01-04 intake',
      '2026-01-01 plan_started',
    ]);
  });

  it('keeps the score history per domain in date order', () => {
    const a = (id: string, date: string, score: number) => ({ id, householdId: 'h1', date, domainId: 'financien', score, narrative: 'n', createdAt: TS });
    expect(scoreHistory([a('2', '2026-03-01', 3), a('1', '2026-01-01', 1)]).get('financien')?.map((x) => x.score)).toEqual([1, 3]);
  });
});
