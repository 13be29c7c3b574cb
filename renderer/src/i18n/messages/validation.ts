// Keys match shared/domain/common.ts `V`: zod issues carry these keys, the UI translates them.
export const nl = {
  required: 'Vul dit veld in.',
  tooLong: 'Deze tekst is te lang.',
  date: 'Vul een bestaande datum in (dag-maand-jaar).',
  dateInFuture: 'Deze datum ligt in de toekomst.',
  bsn: 'Dit is geen geldig BSN (de elfproef klopt niet).',
  email: 'Vul een geldig e-mailadres in.',
  phone: 'Vul een geldig telefoonnummer in.',
  postcode: 'Vul een postcode in als 1234 AB.',
  choice: 'Kies een van de mogelijkheden.',
  score: 'Kies een score van 1 tot en met 5.',
  reasonRequired: 'Geef een korte reden.',
  invalid: 'Deze waarde klopt niet.',
};

export const en: typeof nl = {
  required: 'Please fill in this field.',
  tooLong: 'This text is too long.',
  date: 'Enter a date that exists.',
  dateInFuture: 'This date is in the future.',
  bsn: 'This is not a valid BSN (the eleven-test fails).',
  email: 'Enter a valid e-mail address.',
  phone: 'Enter a valid phone number.',
  postcode: 'Enter a postcode like 1234 AB.',
  choice: 'Choose one of the options.',
  score: 'Choose a score from 1 to 5.',
  reasonRequired: 'Give a short reason.',
  invalid: 'This value is not valid.',
};
