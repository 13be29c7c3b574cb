import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Process boundaries are enforced here (CONVENTIONS.md): shared/ is pure TypeScript,
 * the renderer never imports the Electron side, nothing logs to the console outside
 * scripts and tests.
 */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'coverage/**'] },
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
    // Only repositories touch the database (CONVENTIONS.md, "Data").
    files: ['renderer/src/features/**', 'renderer/src/app/**', 'renderer/src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/data/db', 'dexie'], message: 'Features use repositories (renderer/src/data/repositories), not the database.' },
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
