import { ageBand, ageOn, type Member, type MemberRole } from '../domain/household';

/**
 * Pseudonyms for exports: "Huishouden A", "Huishouden B" … stable within one meeting (and so
 * within every pack and the minutes of it). The key (pseudonym → household) is kept by the app
 * in the sealed meeting record; it is never part of what an export holds.
 */

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB" … (spreadsheet-style letters). */
export function pseudonymLetters(index: number): string {
  let n = Math.floor(index);
  if (n < 0) throw new RangeError('pseudonym index must be ≥ 0');
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function pseudonymLabel(letters: string): string {
  return `Huishouden ${letters}`;
}

/**
 * Give every household a letter, keeping the letters already given (so adding a case to the
 * agenda never renames another one). New households get the first free letters, in the order given.
 */
export function assignPseudonyms(existing: Readonly<Record<string, string>>, householdIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { ...existing };
  const used = new Set(Object.values(out));
  let next = 0;
  for (const id of householdIds) {
    if (out[id]) continue;
    while (used.has(pseudonymLetters(next))) next++;
    const letters = pseudonymLetters(next);
    out[id] = letters;
    used.add(letters);
  }
  return out;
}

/** Dutch role words used in exports. */
export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  ouder: 'ouder',
  kind: 'kind',
  partner: 'partner',
  inwonend: 'inwonend familielid',
  anders: 'ander gezinslid',
};

/**
 * A member as an export may show them: role and age band only ("kind, 4-11 jaar"). No name,
 * no birth date, no exact age.
 */
export function memberDescriptor(member: Readonly<Pick<Member, 'role' | 'birthDate'>>, today: string): string {
  const role = ROLE_LABELS[member.role];
  if (!member.birthDate) return `${role}, leeftijd onbekend`;
  return `${role}, ${ageBand(ageOn(member.birthDate, today))} jaar`;
}

/**
 * The area an export may name: the household's wijk from the team's own list. A postcode is
 * reduced to the wijk it lies in through the team's postcode table (4-digit area → wijk); a
 * postcode itself (let alone a house number) never leaves.
 */
export function wijkFor(
  household: Readonly<{ wijk?: string | undefined; postcode?: string | undefined }>,
  postcodeAreas: Readonly<Record<string, string>> = {},
): string {
  const wijk = household.wijk?.trim();
  // Where the team has no list of wijken the field is free text: a postcode typed into it is
  // treated as a postcode (reduced like one), never printed as the wijk.
  const typedPostcode = wijk ? /^([1-9]\d{3})\s?[A-Za-z]{2}\b/.exec(wijk) : null;
  if (wijk && !typedPostcode) return wijk;
  // The team table (4-digit area → wijk); the app has no such table yet, so this is "wijk onbekend"
  // unless a caller passes one. Not the 4-digit area itself: with age bands it can narrow a small area to one family.
  const area = typedPostcode?.[1] ?? household.postcode?.trim().slice(0, 4);
  if (area && postcodeAreas[area]) return postcodeAreas[area];
  return 'wijk onbekend';
}
