/**
 * CSV/formula injection (OWASP): a cell starting with = + - @ or a tab/CR is run as a formula
 * when the data is later opened in a spreadsheet. Such cells are neutralised by prefixing a
 * single quote, and reported. A plain signed number or phone number ("+31 6 …", "-12") is not a
 * formula and is left alone.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-][0-9][0-9 ().-]*$/;

export function isFormulaLike(value: string): boolean {
  return TRIGGER.test(value) && !PLAIN_NUMBER.test(value);
}

export function neutraliseCell(value: string): { value: string; neutralised: boolean } {
  if (!isFormulaLike(value)) return { value, neutralised: false };
  return { value: `'${value}`, neutralised: true };
}
