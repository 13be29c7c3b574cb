import { describe, expect, it } from 'vitest';
import { isValidBsn } from '@shared/domain/bsn';
import { ActionSchema, AssessmentSchema, GoalSchema, HandoverSchema, IntakeSchema, NoteSchema, PlanSchema } from '@shared/domain/casefile';
import { HouseholdSchema } from '@shared/domain/household';
import {
  ConsentSchema,
  ContactSchema,
  InvolvementSchema,
  OrganisationSchema,
  PlacementSchema,
  TeamSettingsSchema,
} from '@shared/domain/partners';
import { TeamMemberSchema } from '@shared/domain/team';
import {
  SIZES,
  SYNTHETIC_MARKER,
  createRng,
  firstHouseholdId,
  generateHousehold,
  generateHouseholds,
  generateMunicipality,
  generateTeam,
  syntheticBsn,
  type GenerateOptions,
  type HouseholdBundle,
} from '@shared/synthetic';

const TODAY = '2025-03-14';
const small: GenerateOptions = { seed: 42, size: 'small', today: TODAY };

/** Every string anywhere inside a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function validateBundle(b: HouseholdBundle): void {
  HouseholdSchema.parse(b.household);
  for (const r of b.intakes) IntakeSchema.parse(r);
  for (const r of b.assessments) AssessmentSchema.parse(r);
  for (const r of b.plans) PlanSchema.parse(r);
  for (const r of b.goals) GoalSchema.parse(r);
  for (const r of b.actions) ActionSchema.parse(r);
  for (const r of b.handovers) HandoverSchema.parse(r);
  for (const r of b.notes) NoteSchema.parse(r);
  for (const r of b.involvements) InvolvementSchema.parse(r);
  for (const r of b.consents) ConsentSchema.parse(r);
}

describe('synthetic municipality', () => {
  it('is deterministic for a seed, and differs between seeds', () => {
    const a = generateMunicipality(small);
    const b = generateMunicipality(small);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = generateMunicipality({ ...small, seed: 43 });
    expect(c.households[0]?.household.id).not.toBe(a.households[0]?.household.id);
    expect(firstHouseholdId(small)).toBe(a.households[0]?.household.id);
  });

  it('generates household n independently of the others', () => {
    const team = generateTeam(small);
    const all = [...generateHouseholds(small, team)];
    expect(JSON.stringify(generateHousehold(small, team, 17))).toBe(JSON.stringify(all[17]));
  });

  it('the small size has about 50 households and a plausible case file for each', () => {
    const { team, households } = generateMunicipality(small);
    expect(households).toHaveLength(SIZES.small.households);
    expect(team.teamMembers).toHaveLength(SIZES.small.teamMembers);
    expect(team.meetings).toHaveLength(SIZES.small.meetings);
    const count = (k: keyof HouseholdBundle) => households.reduce((s, h) => s + (Array.isArray(h[k]) ? (h[k] as unknown[]).length : 1), 0);
    expect(count('actions')).toBeGreaterThan(150);
    expect(count('notes')).toBeGreaterThan(80);
    expect(count('agendaItems')).toBe(SIZES.small.meetings * SIZES.small.casesPerMeeting);
  });

  it('every record passes its zod schema', () => {
    const { team, households } = generateMunicipality(small);
    TeamSettingsSchema.parse(team.settings);
    for (const o of team.organisations) OrganisationSchema.parse(o);
    for (const c of team.contacts) ContactSchema.parse(c);
    for (const p of team.placements) PlacementSchema.parse(p);
    for (const m of team.teamMembers) TeamMemberSchema.parse(m);
    for (const h of households) validateBundle(h);
  });

  it('keeps the case file consistent: one active plan, actions under goals of their plan, ids unique', () => {
    const { households } = generateMunicipality({ ...small, seed: 'consistency' });
    const ids = new Set<string>();
    for (const b of households) {
      expect(b.plans.filter((p) => p.status === 'actief').length).toBeLessThanOrEqual(1);
      for (const a of b.actions) {
        const goal = b.goals.find((g) => g.id === a.goalId);
        expect(goal?.planId).toBe(a.planId);
        expect(a.householdId).toBe(b.household.id);
        if (a.layer !== 'eigen_kracht') expect(a.layerReason).toBeTruthy();
      }
      if (b.household.status !== 'aangemeld') expect(b.plans.some((p) => p.status === 'actief')).toBe(true);
      for (const list of Object.values(b)) {
        for (const r of Array.isArray(list) ? list : [list]) {
          const id = (r as { id: string }).id;
          expect(ids.has(id), id).toBe(false);
          ids.add(id);
        }
      }
    }
  });

  it('marks every household as synthetic', () => {
    const { team, households } = generateMunicipality(small);
    expect(team.settings.name.startsWith(SYNTHETIC_MARKER)).toBe(true);
    for (const b of households) expect(b.household.displayName.startsWith(`${SYNTHETIC_MARKER} `)).toBe(true);
  });

  it('every BSN-like number fails the elfproef, and members carry no BSN', () => {
    const { team, households } = generateMunicipality({ ...small, seed: 'bsn' });
    let found = 0;
    for (const s of strings([team, households])) {
      // Whole 9-digit words, as a free-text scanner sees them (digits inside a UUID are not a BSN).
      for (const m of s.matchAll(/\b\d{9}\b/g)) {
        found++;
        expect(isValidBsn(m[0]), m[0]).toBe(false);
      }
    }
    expect(found).toBeGreaterThan(0); // the generator does put some in notes
    for (const b of households) for (const m of b.household.members) expect(m.bsn).toBeUndefined();
    const rng = createRng('many');
    for (let i = 0; i < 20_000; i++) expect(isValidBsn(syntheticBsn(rng))).toBe(false);
  });

  it('dates lie on or before "today" and birth dates are in the past', () => {
    const { households } = generateMunicipality(small);
    for (const b of households) {
      expect(b.household.createdAt.slice(0, 10) <= TODAY).toBe(true);
      expect(b.household.lastActivityAt.slice(0, 10) <= TODAY).toBe(true);
      for (const n of b.notes) expect(n.createdAt.slice(0, 10) <= TODAY).toBe(true);
      for (const m of b.household.members) if (m.birthDate) expect(m.birthDate < TODAY).toBe(true);
    }
  });

  it('the large size has about 10,000 households, 30,000 members, 60,000 actions and 30,000 notes', () => {
    const large: GenerateOptions = { seed: 42, size: 'large', today: TODAY };
    const team = generateTeam(large);
    const totals = { households: 0, members: 0, actions: 0, notes: 0 };
    let i = 0;
    for (const b of generateHouseholds(large, team)) {
      totals.households++;
      totals.members += b.household.members.length;
      totals.actions += b.actions.length;
      totals.notes += b.notes.length;
      // Validate a spread sample (all 10,000 would make this test slow for no new information).
      if (i++ % 97 === 0) validateBundle(b);
    }
    expect(totals.households).toBe(10_000);
    expect(totals.members).toBeGreaterThan(27_000);
    expect(totals.members).toBeLessThan(33_000);
    expect(totals.actions).toBeGreaterThan(54_000);
    expect(totals.actions).toBeLessThan(66_000);
    expect(totals.notes).toBeGreaterThan(27_000);
    expect(totals.notes).toBeLessThan(33_000);
  });
});
