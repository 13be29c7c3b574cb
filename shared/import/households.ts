import { z } from 'zod';
import { localDay } from '../dates';
import { householdDraftSchema, MEMBER_ROLES, memberDraftSchema, type MemberDraft, type MemberRole, type ParsedHouseholdDraft } from '../domain/household';
import { neutraliseCell } from './formula';
import type { ColumnMapping, ImportField } from './mapping';

/**
 * Turn spreadsheet rows (one row = one household member) into household drafts, validated with
 * the same zod schemas as the household form. ALL rows are checked before anything is written.
 *
 * Rows are grouped into households by the "huishouden" column (without it, every row is its own
 * household). Atomic per household: when one row of a household is invalid, the whole household
 * is skipped — never a household with half its members. The repository then writes all valid
 * households in one transaction.
 */
export type RowProblem = { field: ImportField | 'row'; message: string };
export type RowReport = {
  /** 1-based row number in the file, the header being row 1. */
  row: number;
  status: 'imported' | 'skipped';
  /** Index into `households` for imported rows. */
  household?: number;
  problems: RowProblem[];
  /** Fields whose value looked like a formula and was neutralised. */
  neutralised: ImportField[];
};
export type ImportPlan = {
  households: ParsedHouseholdDraft[];
  rows: RowReport[];
  imported: number;
  skipped: number;
  neutralised: number;
};

export const IMPORT_MESSAGES = {
  siblingInvalid: 'backup.import.reason.siblingInvalid',
  tooManyMembers: 'backup.import.reason.tooManyMembers',
  noName: 'backup.import.reason.noName',
  emptyRow: 'backup.import.reason.emptyRow',
  role: 'backup.import.reason.role',
  householdConflict: 'backup.import.reason.householdConflict',
  invalid: 'backup.import.reason.invalid',
} as const;

const ROLE_WORDS: Record<string, MemberRole> = {
  ouder: 'ouder',
  moeder: 'ouder',
  vader: 'ouder',
  verzorger: 'ouder',
  pleegouder: 'ouder',
  kind: 'kind',
  zoon: 'kind',
  dochter: 'kind',
  pleegkind: 'kind',
  partner: 'partner',
  echtgenoot: 'partner',
  echtgenote: 'partner',
  inwonend: 'inwonend',
  inwonendfamilielid: 'inwonend',
  oma: 'inwonend',
  opa: 'inwonend',
  anders: 'anders',
  overig: 'anders',
};

export function parseRole(value: string): MemberRole | null {
  const n = value.toLowerCase().replace(/[^a-z]/g, '');
  if (n === '') return 'anders';
  if ((MEMBER_ROLES as readonly string[]).includes(n)) return n as MemberRole;
  return ROLE_WORDS[n] ?? null;
}

/** Dutch and ISO dates, and Excel serial day numbers, to YYYY-MM-DD; other text is returned as is (and fails validation). */
export function normaliseDate(value: string): string {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  if (/^\d{1,5}(\.0+)?$/.test(v)) {
    const serial = Number.parseInt(v, 10);
    // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was: day 60+ is off by one.
    if (serial >= 61 && serial < 73_050) return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return v;
}

function issuesToProblems(error: z.ZodError, fieldOf: (path: readonly PropertyKey[]) => ImportField | 'row'): RowProblem[] {
  return error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message.startsWith('validation.') ? i.message : IMPORT_MESSAGES.invalid }));
}

const MEMBER_FIELD: Partial<Record<string, ImportField>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  birthDate: 'birthDate',
  bsn: 'bsn',
  phone: 'phone',
  email: 'email',
  role: 'role',
};
const HOUSEHOLD_FIELD: Partial<Record<string, ImportField>> = { displayName: 'household', wijk: 'wijk', address: 'address', postcode: 'postcode' };

/** `onProgress` gets the fraction of rows checked, every 500 rows. `today`: the local day for the
 * birth-date rule (shared/dates), the caller's clock by default. */
export function buildImportPlan(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  onProgress?: (fraction: number) => void,
  today: string = localDay(),
): ImportPlan {
  const MemberDraftSchema = memberDraftSchema(today);
  const HouseholdDraftSchema = householdDraftSchema(today);
  const dataRows = rows.slice(1);
  const reports: RowReport[] = [];
  type Group = { key: string; rowIdx: number[]; members: MemberDraft[]; hh: Partial<Record<'displayName' | 'wijk' | 'address' | 'postcode', string>>; conflict: boolean };
  const groups = new Map<string, Group>();
  const colOf = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f !== null && !colOf.has(f)) colOf.set(f, i);
  });

  dataRows.forEach((cells, idx) => {
    if (onProgress && idx % 500 === 0) onProgress(idx / dataRows.length);
    const report: RowReport = { row: idx + 2, status: 'skipped', problems: [], neutralised: [] };
    reports.push(report);
    const get = (f: ImportField): string => {
      const col = colOf.get(f);
      if (col === undefined) return '';
      const raw = (cells[col] ?? '').trim();
      const { value, neutralised } = neutraliseCell(raw);
      if (neutralised) report.neutralised.push(f);
      return value;
    };
    if (cells.every((c) => c.trim() === '')) {
      report.problems.push({ field: 'row', message: IMPORT_MESSAGES.emptyRow });
      return;
    }
    let firstName = get('firstName');
    let lastName = get('lastName');
    const full = get('fullName');
    if (!firstName && full) {
      const [first, ...rest] = full.split(/\s+/);
      firstName = first ?? '';
      if (!lastName) lastName = rest.join(' ');
    }
    const roleText = get('role');
    const role = parseRole(roleText);
    if (role === null) report.problems.push({ field: 'role', message: IMPORT_MESSAGES.role });
    const member = {
      role: role ?? 'anders',
      firstName,
      lastName,
      birthDate: get('birthDate') ? normaliseDate(get('birthDate')) : '',
      bsn: get('bsn'),
      phone: get('phone'),
      email: get('email'),
    };
    if (!firstName) report.problems.push({ field: 'firstName', message: IMPORT_MESSAGES.noName });
    else {
      const parsed = MemberDraftSchema.safeParse(member);
      if (!parsed.success) report.problems.push(...issuesToProblems(parsed.error, (p) => MEMBER_FIELD[String(p[0])] ?? 'row'));
    }
    const householdName = get('household') || [firstName, lastName].filter(Boolean).join(' ');
    const key = colOf.has('household') && get('household') ? `h:${householdName.toLowerCase()}` : `r:${idx}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, rowIdx: [], members: [], hh: { displayName: householdName }, conflict: false };
      groups.set(key, group);
    }
    for (const f of ['wijk', 'address', 'postcode'] as const) {
      const v = get(f);
      if (!v) continue;
      const had = group.hh[f];
      if (had !== undefined && had !== v) {
        report.problems.push({ field: f, message: IMPORT_MESSAGES.householdConflict });
        group.conflict = true;
      } else group.hh[f] = v;
    }
    group.rowIdx.push(reports.length - 1);
    group.members.push(member);
  });

  const households: ParsedHouseholdDraft[] = [];
  for (const group of groups.values()) {
    const groupReports = group.rowIdx.map((i) => reports[i]).filter((r): r is RowReport => r !== undefined);
    if (group.members.length > 30) for (const r of groupReports) r.problems.push({ field: 'row', message: IMPORT_MESSAGES.tooManyMembers });
    const parsed = HouseholdDraftSchema.safeParse({ ...group.hh, members: group.members });
    if (!parsed.success) {
      const first = groupReports[0];
      const hhIssues = parsed.error.issues.filter((i) => i.path[0] !== 'members');
      if (first && hhIssues.length) first.problems.push(...issuesToProblems(new z.ZodError(hhIssues), (p) => HOUSEHOLD_FIELD[String(p[0])] ?? 'row'));
    }
    const anyProblem = groupReports.some((r) => r.problems.length > 0);
    if (!parsed.success || anyProblem) {
      for (const r of groupReports) if (r.problems.length === 0) r.problems.push({ field: 'row', message: IMPORT_MESSAGES.siblingInvalid });
      continue;
    }
    households.push(parsed.data);
    for (const r of groupReports) {
      r.status = 'imported';
      r.household = households.length - 1;
    }
  }
  const imported = reports.filter((r) => r.status === 'imported').length;
  return {
    households,
    rows: reports,
    imported,
    skipped: reports.length - imported,
    neutralised: reports.filter((r) => r.neutralised.length > 0).length,
  };
}
