import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import wijktafel from './tools/eslint/table-ownership.js';

/**
 * Process boundaries are enforced here (CONVENTIONS.md): shared/ is pure TypeScript,
 * the renderer never imports the Electron side, nothing logs to the console outside
 * scripts and tests.
 */
/**
 * Table ownership (renderer/src/data/stores/tables.ts; tests/unit/data/table-ownership.test.ts
 * checks that these lists equal the stores' own declarations). `pending` names a foreign table a
 * store still touches directly, with the reason; the list only shrinks.
 */
const STORE_TABLES = {
  households: { owned: ['households', 'householdKeys'] },
  casefile: { owned: ['intakes', 'assessments', 'plans', 'goals', 'actions', 'handovers', 'notes', 'events'] },
  partners: { owned: ['organisations', 'contacts', 'placements', 'involvements', 'consents', 'invitations'] },
  team: { owned: ['teamMembers', 'settings'] },
  meetings: { owned: ['meetings', 'agendaItems'] },
  feedback: { owned: ['feedbackDuties', 'evaluations', 'escalations', 'knelpunten'] },
  audit: { owned: ['audit'] },
  vault: { owned: ['vault'] },
};
/**
 * Foreign tables a store (or a view) still READS directly, each with why; the list only shrinks.
 * Every write across stores goes through the owner's writer inside a transaction that declares
 * the tables (data/usecases/, audit's writeAudit, households/touch.ts).
 */
const DUTY_SYNC = 'feedback-duty sync, follow-up and the evaluation context read the case file in bulk (through casefile readers next)';
const PLAN_CONTEXT = 'the agenda shows the plan, the case summary, consents and invitations of a household (through the owners\' readers next)';
const PEOPLE = 'reads the people at the table in bulk (through the team and partners readers next)';
const HOUSEHOLD_CHECK = 'checks or lists households by their plain index (through the households store\'s readers next)';
const EXPORT_INPUTS = 'export inputs load every aggregate (views/exports.ts, owned by the export pipeline work)';
const ATTENTION_VIEW = 'the attention list reads households, plans, actions, duties, escalations and consents in bulk chunks (through owners\' readers next)';
const PENDING = {
  casefile: {
    pending: {
      households: HOUSEHOLD_CHECK,
      evaluations: 'the case file shows its evaluations (through a feedback reader next)',
      contacts: PEOPLE,
      organisations: PEOPLE,
      feedbackDuties: 'counts the open feedback of a household (moves to the feedback store)',
      teamMembers: 'a handover checks the new regisseur is a member (through the team store next)',
    },
  },
  feedback: {
    pending: {
      ...Object.fromEntries(['intakes', 'plans', 'actions', 'goals', 'assessments'].map((t) => [t, DUTY_SYNC])),
      households: HOUSEHOLD_CHECK,
      teamMembers: PEOPLE,
      settings: 'reads the current user from the app settings row (through the team store next)',
    },
  },
  meetings: {
    pending: {
      ...Object.fromEntries(['teamMembers', 'contacts', 'organisations', 'placements'].map((t) => [t, PEOPLE])),
      ...Object.fromEntries(['actions', 'feedbackDuties', 'plans', 'goals', 'assessments', 'consents', 'invitations'].map((t) => [t, PLAN_CONTEXT])),
      households: HOUSEHOLD_CHECK,
    },
  },
  partners: {
    pending: {
      households: HOUSEHOLD_CHECK,
      teamMembers: PEOPLE,
      actions: 'the workload overview counts open actions per owner (moves to data/views/)',
    },
  },
  views: {
    pending: {
      ...Object.fromEntries(
        ['plans', 'goals', 'actions', 'assessments', 'consents', 'intakes', 'handovers', 'notes', 'events', 'evaluations', 'settings', 'organisations', 'contacts', 'teamMembers', 'placements', 'involvements', 'invitations', 'feedbackDuties', 'escalations', 'knelpunten', 'meetings', 'agendaItems', 'audit', 'households'].map((t) => [t, EXPORT_INPUTS]),
      ),
      ...Object.fromEntries(['households', 'feedbackDuties', 'actions', 'plans', 'escalations', 'consents'].map((t) => [t, `${ATTENTION_VIEW}; ${EXPORT_INPUTS}`])),
    },
    dynamic: 'the export inputs and the incremental attention list read rows of a table chosen at run time',
  },
};

/**
 * Whole-store exceptions: backup and restore copy every table, retention erases a household
 * from every store, the example loader fills them all, the data core (db, migrations, records,
 * session, vault) sits below the stores. These files are not linted for ownership.
 */
export const WHOLE_STORE_EXCEPTIONS = [
  'renderer/src/data/usecases/backup.ts',
  'renderer/src/data/usecases/backup-auto.ts',
  'renderer/src/data/usecases/retention.ts',
  'renderer/src/data/usecases/synthetic.ts',
  'renderer/src/data/*.ts',
  'renderer/src/data/stores/tables.ts',
  'renderer/src/data/backup-file/**',
];

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'coverage/**', 'tools/**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ is pure TypeScript: no Electron.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'shared/ is pure TypeScript: no Node APIs.' },
            { group: ['react', 'react-dom', 'dexie', '**/renderer/**', '**/electron/**'], message: 'shared/ depends on nothing but zod.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'shared/ is pure TypeScript: no DOM.' }))],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', '**/electron/**', '../electron/*'], message: 'The renderer talks to the shell only through renderer/src/platform.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed web page: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    // Only the data layer touches the database (CONVENTIONS.md, "Data"); inside it, only the
    // owning store touches a table (wijktafel/table-ownership below).
    files: ['renderer/src/features/**', 'renderer/src/app/**', 'renderer/src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/data/db', 'dexie'], message: 'Features use the data layer (renderer/src/data/stores, usecases, views), not the database.' },
            { group: ['electron', '**/electron/**'], message: 'The renderer talks to the shell only through renderer/src/platform.' },
          ],
        },
      ],
    },
  },
  {
    // PRIVACY.md "At rest": Chromium keeps the state of form controls for session restore
    // (Sessions/, UTF-16) and what was typed into submitted fields in its autofill table (Web
    // Data) unless a control says autocomplete="off". Every control says it; ui/Field's
    // TextField, TextArea and SelectField do so by default. tests/e2e/profile-canary.spec.ts
    // checks the rendered screens and scans the profile.
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXOpeningElement[name.name=/^(input|textarea|select)$/]:not(:has(JSXAttribute[name.name="autoComplete"]))',
          message: 'A form control needs autoComplete="off" (else Chromium saves what was typed to disk), or use TextField/TextArea/SelectField from ui/Field.',
        },
        {
          selector: 'JSXAttribute[name.name="autoComplete"]:not([value.value=/^(off|new-password|current-password)$/])',
          message: 'autoComplete is "off" (resident data) or, on a passphrase field, "current-password"/"new-password": nothing else, and no expression.',
        },
      ],
    },
  },
  ...Object.entries(STORE_TABLES).map(([store, { owned }]) => ({
    files: [`renderer/src/data/stores/${store}/**/*.ts`],
    plugins: { wijktafel },
    rules: { 'wijktafel/table-ownership': ['error', { store, owned, ...PENDING[store] }] },
  })),
  {
    // Everything else in the renderer owns no table: it calls a store, a use case or a view.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['renderer/src/data/stores/*/**', ...WHOLE_STORE_EXCEPTIONS],
    plugins: { wijktafel },
    rules: { 'wijktafel/table-ownership': ['error', { store: 'none', owned: [] }] },
  },
  {
    // Views (derived read models) read across stores; what they still read directly is listed.
    files: ['renderer/src/data/views/**/*.ts'],
    plugins: { wijktafel },
    rules: { 'wijktafel/table-ownership': ['error', { store: 'views', owned: [], ...PENDING.views }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'build/**/*.{js,cjs}', 'tests/**/*.{ts,tsx}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
