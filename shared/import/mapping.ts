/**
 * Which spreadsheet column holds what. The importer suggests a mapping from the header names
 * Dutch teams use; the user confirms or changes it before anything is validated.
 */
export const IMPORT_FIELDS = [
  'household',
  'fullName',
  'firstName',
  'lastName',
  'birthDate',
  'bsn',
  'role',
  'wijk',
  'address',
  'postcode',
  'phone',
  'email',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Column index → field, or null for "do not import this column". */
export type ColumnMapping = (ImportField | null)[];

const SYNONYMS: Record<ImportField, readonly string[]> = {
  household: ['huishouden', 'huishoudnaam', 'naamhuishouden', 'gezin', 'gezinsnaam', 'familie', 'dossier', 'casus', 'household'],
  fullName: ['naam', 'volledigenaam', 'naamgezinslid', 'naaminwoner', 'cliënt', 'client', 'inwoner', 'name', 'fullname'],
  firstName: ['voornaam', 'roepnaam', 'voornamen', 'firstname', 'givenname'],
  lastName: ['achternaam', 'geslachtsnaam', 'familienaam', 'lastname', 'surname'],
  birthDate: ['geboortedatum', 'geb.datum', 'gebdatum', 'geboren', 'dateofbirth', 'birthdate', 'dob'],
  bsn: ['bsn', 'burgerservicenummer', 'sofinummer'],
  role: ['rol', 'relatie', 'gezinsrol', 'role'],
  wijk: ['wijk', 'buurt', 'gebied', 'neighbourhood', 'district'],
  address: ['adres', 'straat', 'straatenhuisnummer', 'woonadres', 'address'],
  postcode: ['postcode', 'pc', 'zipcode', 'postalcode'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'mobiel', 'phone'],
  email: ['email', 'e-mail', 'emailadres', 'mail'],
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.-]/g, '')
    .replace(/[.-]/g, (c) => (c === '-' ? '' : c));
}

/** Suggest a field per header; each field is used at most once (the first matching column wins). */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const n = normaliseHeader(h);
    for (const field of IMPORT_FIELDS) {
      if (used.has(field)) continue;
      if (SYNONYMS[field].some((s) => normaliseHeader(s) === n)) {
        used.add(field);
        return field;
      }
    }
    return null;
  });
}

export type MappingProblem = 'no-name' | 'duplicate';

/** A mapping can be used when it names members and uses no field twice. */
export function checkMapping(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const fields = mapping.filter((f): f is ImportField => f !== null);
  if (new Set(fields).size !== fields.length) problems.push('duplicate');
  if (!fields.includes('firstName') && !fields.includes('fullName')) problems.push('no-name');
  return problems;
}
