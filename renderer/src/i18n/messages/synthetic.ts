// Messages of the example-data (synthetic municipality) feature. nl is the default; en must have the same keys.
export const nl = {
  title: 'Voorbeeldgegevens',
  intro:
    'Laad een verzonnen gemeente om Wijktafel uit te proberen: huishoudens met gezinsleden, aanmeldingen, scores, plannen, acties, notities, overleggen en terugkoppelingen.',
  synthetic:
    'Alles is synthetisch: namen en teksten zijn verzonnen, BSN-achtige nummers zijn expres ongeldig, en elk huishouden begint met "[Synthetisch]".',
  encrypted: 'De voorbeeldgegevens worden net als echte gegevens versleuteld opgeslagen.',
  sizeSmall: 'Klein: {households} huishoudens.',
  sizeLarge: 'Groot: {households} huishoudens (voor metingen; laden duurt enkele minuten).',
  load: 'Voorbeeldgegevens laden',
  loading: 'Bezig: {done} van {total} huishoudens versleuteld en opgeslagen',
  done: '{households} voorbeeldhuishoudens geladen.',
  already: 'Deze voorbeeldgegevens zijn al geladen.',
  failed: 'Laden is niet gelukt. Huishoudens die al geladen waren blijven compleet; half opgeslagen huishoudens zijn er niet.',
  toList: 'Naar de huishoudens',
  link: 'Of laad voorbeeldgegevens om Wijktafel uit te proberen',
};

export const en: typeof nl = {
  title: 'Example data',
  intro:
    'Load an invented municipality to try Wijktafel: households with members, intakes, scores, plans, actions, notes, meetings and feedback.',
  synthetic:
    'Everything is synthetic: names and texts are invented, BSN-like numbers are invalid on purpose, and every household starts with "[Synthetisch]".',
  encrypted: 'Example data is stored encrypted, just like real data.',
  sizeSmall: 'Small: {households} households.',
  sizeLarge: 'Large: {households} households (for measurements; loading takes a few minutes).',
  load: 'Load example data',
  loading: 'Working: {done} of {total} households encrypted and stored',
  done: '{households} example households loaded.',
  already: 'This example data has already been loaded.',
  failed: 'Loading failed. Households already loaded stay complete; there are no half-stored households.',
  toList: 'Go to the households',
  link: 'Or load example data to try Wijktafel',
};
