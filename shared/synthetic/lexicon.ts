/**
 * Word lists for the synthetic municipality. Names are common Dutch given names and surnames
 * (as found in any phone book); combined at random they describe nobody in particular.
 * Texts are short Dutch sentences in the register of a sociaal werker's file, per life domain,
 * so search has realistic words to find ("schulden", "huurachterstand", "mantelzorg" …).
 */

export const FIRST_NAMES = [
  'Anna', 'Emma', 'Sophie', 'Julia', 'Lotte', 'Noor', 'Sara', 'Fenna', 'Lisa', 'Eva', 'Mila', 'Tess',
  'Fatima', 'Aylin', 'Yasmina', 'Samira', 'Elif', 'Zeynep', 'Naima', 'Soraya', 'Anouk', 'Ingrid',
  'Marieke', 'Petra', 'Wilma', 'Gerda', 'Henny', 'Ria', 'Joke', 'Esther', 'Sandra', 'Monique',
  'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Noah', 'Bram', 'Luuk', 'Milan', 'Thijs', 'Jesse', 'Ruben',
  'Mohamed', 'Youssef', 'Ayoub', 'Emre', 'Mehmet', 'Burak', 'Rachid', 'Karim', 'Jeroen', 'Kees',
  'Henk', 'Gerrit', 'Jan', 'Piet', 'Willem', 'Marco', 'Dennis', 'Erik', 'Ricardo', 'Sven', 'Tim',
  'Priya', 'Shanti', 'Romano', 'Giovanni', 'Kofi', 'Abdi', 'Hodan', 'Olena', 'Dmytro', 'Katarzyna',
] as const;

export const TUSSENVOEGSELS = ['van', 'de', 'van de', 'van der', 'van den', 'ter', 'te', 'in het', 'van het'] as const;

export const SURNAMES = [
  'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks',
  'Dekker', 'Brouwer', 'Dijkstra', 'Smits', 'Willems', 'Kok', 'Jacobs', 'Schouten', 'Vermeulen',
  'Wouters', 'Kramer', 'Koster', 'Prins', 'Huisman', 'Postma', 'Kuiper', 'Veenstra', 'Kuijpers',
  'Verhoeven', 'Bosman', 'Boer', 'Berg', 'Wal', 'Heuvel', 'Velde', 'Dijk', 'Leeuwen', 'Vliet',
  'Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'El Amrani', 'Bouzid', 'El Idrissi', 'Benali',
  'Ramdin', 'Sewnath', 'Pinas', 'Wijngaarde', 'Kowalski', 'Nowak', 'Ahmed', 'Hassan', 'Mensah',
  'Rossi', 'Kovač', 'Hoekstra', 'Zwart', 'Groen', 'Blom', 'Schipper', 'Timmermans', 'Maas',
] as const;

/** Surnames that usually carry a tussenvoegsel (Berg → van den Berg). */
export const WITH_TUSSENVOEGSEL: Readonly<Record<string, readonly string[]>> = {
  Boer: ['de', 'den'],
  Berg: ['van den', 'van der'],
  Wal: ['van der', 'van de'],
  Heuvel: ['van den', 'van de'],
  Velde: ['van de', 'van der'],
  Dijk: ['van', 'van der'],
  Leeuwen: ['van'],
  Vliet: ['van', 'van der'],
  Vos: ['de'],
  Groen: ['de'],
  Zwart: ['de'],
};

export const WIJKEN = [
  'Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'De Hoven', 'Bloemenbuurt', 'Oude Haven', 'Rivierenwijk',
  'Kerkebuurt', 'De Vlinder', 'Molenwijk', 'Stationskwartier', 'Lindenhof',
] as const;

export const STREETS = [
  'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Lindelaan', 'Stationsweg', 'Rozenstraat', 'Tulpstraat',
  'Havenkade', 'Schoolstraat', 'Beukenlaan', 'Eikenhof', 'Vlinderpad', 'Julianastraat', 'Marktplein',
  'Nieuwstraat', 'Sportlaan', 'Weteringpad', 'Prins Hendrikstraat',
] as const;

export const ORGANISATIONS: readonly (readonly [string, string, 'binnenring' | 'buitenring' | 'invliegen'])[] = [
  ['Algemeen Maatschappelijk Werk', 'amw', 'binnenring'],
  ['Stichting Welzijn', 'welzijn', 'binnenring'],
  ['MEE cliëntondersteuning', 'mee', 'binnenring'],
  ['Wijkverpleging Thuiszorg', 'wijkverpleging', 'binnenring'],
  ['Gemeente — Wmo-consulenten', 'gemeente_wmo', 'binnenring'],
  ['Sociaal Raadslieden', 'sociaal_raadslieden', 'buitenring'],
  ['GGZ Wijkteam', 'ggz', 'buitenring'],
  ['GGD Jeugdgezondheidszorg', 'ggd_jgz', 'buitenring'],
  ['Jeugd- en gezinsteam', 'jeugdzorg', 'buitenring'],
  ['Huisartsenpraktijk (POH-GGZ)', 'huisarts_poh', 'buitenring'],
  ['Woningcorporatie', 'woningcorporatie', 'buitenring'],
  ['Schuldhulpverlening', 'schuldhulp', 'buitenring'],
  ['Wijkagent (politie)', 'politie', 'invliegen'],
  ['Vrijwilligerscentrale', 'vrijwilligers', 'buitenring'],
  ['Ervaringsdeskundigen', 'ervaringsdeskundige', 'invliegen'],
  ['Voedselbank', 'anders', 'invliegen'],
];

export const SPECIALISMS = ['schulden', 'jeugd en gezin', 'ggz', 'ouderen', 'wonen', 'werk en inkomen', 'verslaving', 'veiligheid'] as const;

/** Per life domain: what a worker writes down (narratives), and goals in the resident's own words. */
export const DOMAIN_TEXTS: Readonly<Record<string, { narratives: readonly string[]; goals: readonly string[]; actions: readonly string[] }>> = {
  financien: {
    narratives: [
      'Er zijn schulden bij de energieleverancier en de zorgverzekeraar.',
      'Huurachterstand van drie maanden; de woningcorporatie heeft een brief gestuurd.',
      'De post blijft ongeopend liggen, het overzicht ontbreekt.',
      'Inkomen is een uitkering; aan het eind van de maand is er geen geld voor boodschappen.',
      'Toeslagen zijn stopgezet na een wijziging die niet is doorgegeven.',
    ],
    goals: ['Ik wil weer rust in mijn hoofd over geld.', 'Ik wil dat de deurwaarder niet meer aan de deur komt.', 'Elke maand de huur op tijd betalen.'],
    actions: ['Samen de post doorlopen en sorteren', 'Aanmelden bij schuldhulpverlening', 'Betalingsregeling met de energieleverancier afspreken', 'Toeslagen opnieuw aanvragen', 'Budgetcoach van de vrijwilligerscentrale inschakelen'],
  },
  werk: {
    narratives: [
      'Geen werk sinds twee jaar; dagbesteding ontbreekt.',
      'Wil graag vrijwilligerswerk doen maar weet niet waar te beginnen.',
      'Werkt parttime in de schoonmaak, onregelmatige uren.',
    ],
    goals: ['Ik wil iets te doen hebben overdag.', 'Ik wil weer aan het werk.'],
    actions: ['Kennismaken bij het buurthuis', 'Gesprek met het werkgeversservicepunt plannen', 'Vrijwilligersvacatures samen bekijken'],
  },
  huisvesting: {
    narratives: [
      'De woning is vochtig en te klein voor het gezin.',
      'Dreigende uithuiszetting door huurachterstand.',
      'Overlast van buren, spanningen in het portiek.',
      'Woning is vervuild; mevrouw schaamt zich om mensen binnen te laten.',
    ],
    goals: ['Ik wil in mijn huis kunnen blijven wonen.', 'Een droge woning voor mij en de kinderen.'],
    actions: ['Contact opnemen met de woningcorporatie over de achterstand', 'Urgentieaanvraag voorbereiden', 'Buurtbemiddeling inschakelen', 'Schoonmaakhulp regelen via de Wmo'],
  },
  relaties: {
    narratives: [
      'Veel ruzie thuis sinds de scheiding.',
      'Moeder voelt zich niet gesteund door haar partner.',
      'Contact met de ex-partner over de omgang verloopt moeizaam.',
    ],
    goals: ['Rustiger met elkaar omgaan thuis.', 'Goede afspraken over de kinderen met mijn ex.'],
    actions: ['Gezinsgesprek plannen', 'Verwijzen naar mediation', 'Ouderschapsplan samen doorlopen'],
  },
  opvoeding: {
    narratives: [
      'Zoon verzuimt regelmatig van school; de leerplichtambtenaar is betrokken.',
      'Ouders weten niet goed hoe ze grenzen kunnen stellen.',
      'Dochter heeft een zorgbehoefte; de opvoeding vraagt veel van moeder.',
    ],
    goals: ['Dat mijn zoon weer elke dag naar school gaat.', 'Ik wil meer grip op de opvoeding.'],
    actions: ['Overleg met de intern begeleider van school', 'Opvoedondersteuning via het CJG aanvragen', 'Huiswerkbegeleiding regelen'],
  },
  ggz: {
    narratives: [
      'Somberheid en slecht slapen; is bekend bij de POH-GGZ.',
      'Angstklachten, komt nauwelijks buiten.',
      'Eerder opgenomen geweest; medicatie wordt niet altijd genomen.',
    ],
    goals: ['Ik wil me minder somber voelen.', 'Weer zelf boodschappen kunnen doen.'],
    actions: ['Afspraak bij de POH-GGZ maken', 'Samen naar de huisarts gaan', 'Wandelgroep in de wijk proberen'],
  },
  gezondheid: {
    narratives: [
      'Chronische rugklachten beperken het dagelijks functioneren.',
      'Diabetes is slecht ingesteld.',
      'Mantelzorg voor de zieke moeder weegt zwaar.',
    ],
    goals: ['Mijn moeder goed verzorgd weten zonder dat ik omval.', 'Beter voor mezelf zorgen.'],
    actions: ['Mantelzorgondersteuning aanvragen', 'Respijtzorg onderzoeken', 'Wijkverpleging vragen mee te kijken'],
  },
  middelen: {
    narratives: [
      'Alcoholgebruik is toegenomen na het verlies van werk.',
      'Blowt dagelijks; geeft zelf aan te willen minderen.',
    ],
    goals: ['Minder drinken.', 'Ik wil stoppen met blowen.'],
    actions: ['Kennismaking met de verslavingszorg plannen', 'Ervaringsdeskundige laten aansluiten'],
  },
  vaardigheden: {
    narratives: [
      'Kan de DigiD en formulieren niet zelf invullen.',
      'Moeite met plannen van afspraken.',
      'Spreekt de taal nog beperkt, heeft hulp nodig bij brieven.',
    ],
    goals: ['Zelf mijn brieven kunnen begrijpen.', 'Mijn afspraken niet meer vergeten.'],
    actions: ['Taalmaatje zoeken', 'Cursus digitale vaardigheden in de bibliotheek', 'Weekplanner samen maken'],
  },
  netwerk: {
    narratives: [
      'Weinig contacten; eenzaamheid speelt een grote rol.',
      'Zus woont dichtbij en wil helpen.',
      'Buurvrouw helpt af en toe met de kinderen.',
    ],
    goals: ['Meer mensen om me heen.', 'Iemand hebben om op terug te vallen.'],
    actions: ['Netwerkberaad organiseren met familie', 'Buurvrouw vragen om een vaste middag', 'Maatjesproject aanmelden'],
  },
  participatie: {
    narratives: ['Neemt niet deel aan activiteiten in de wijk.', 'Kinderen sporten niet door geldgebrek.'],
    goals: ['Dat de kinderen kunnen sporten.', 'Meedoen in de buurt.'],
    actions: ['Jeugdfonds Sport aanvragen', 'Meegaan naar de inloop in het buurthuis'],
  },
  justitie: {
    narratives: ['Heeft een taakstraf lopen.', 'Reclassering is betrokken.'],
    goals: ['Mijn taakstraf afmaken zonder problemen.'],
    actions: ['Afstemmen met de reclassering', 'Afspraken over vervoer naar de taakstraf'],
  },
  veiligheid: {
    narratives: ['Zorgen over huiselijk geweld; Veilig Thuis is geraadpleegd.', 'Kinderen zijn getuige geweest van ruzies.'],
    goals: ['Dat iedereen thuis veilig is.'],
    actions: ['Veiligheidsplan opstellen', 'Overleg met Veilig Thuis', 'Wijkagent informeren'],
  },
};

export const INTAKE_QUESTIONS = [
  'Ik red het niet meer met de rekeningen en weet niet waar ik moet beginnen.',
  'Mijn zoon gaat niet meer naar school en ik weet niet wat ik moet doen.',
  'We dreigen ons huis uit gezet te worden.',
  'Ik zorg voor mijn moeder en ik kan het niet meer aan.',
  'Sinds mijn man is overleden kom ik de deur niet meer uit.',
  'Er is veel ruzie thuis en de kinderen lijden eronder.',
  'Ik wil graag hulp bij de formulieren van de gemeente.',
  'De huisarts zei dat ik hier moest aankloppen voor hulp.',
];

export const NOTE_TEXTS = [
  'Huisbezoek afgelegd; sfeer was rustig, afspraken doorgenomen.',
  'Telefonisch contact gehad, volgende week opnieuw bellen.',
  'Brief van de woningcorporatie samen gelezen.',
  'Overleg met de schuldhulpverlening over de aanmelding.',
  'Afspraak niet nagekomen; kaartje in de bus gedaan.',
  'Samen naar het loket geweest voor de aanvraag.',
  'Netwerk in beeld gebracht met een ecogram.',
  'Moeder gaf aan dat het beter gaat sinds de budgetcoach langskomt.',
  'Zorgen over de veiligheid besproken met de gedragswetenschapper.',
  'Terugkoppeling gegeven aan de huisarts.',
];

export const HANDOVER_REASONS = ['Andere expertise nodig', 'Regisseur met verlof', 'Verdeling werklast', 'Verhuisd naar andere wijk'] as const;

export const REFERRER_ORGANISATIONS: Readonly<Record<string, string>> = {
  huisarts: 'Huisartsenpraktijk De Linde',
  poh: 'Gezondheidscentrum Noord',
  woningcorporatie: 'Woonstichting Thuis',
  school: 'Basisschool De Regenboog',
  politie: 'Politie basisteam',
  wmo_loket: 'Wmo-loket gemeente',
};
