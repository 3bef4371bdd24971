import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const pureDomainBans = {
  paths: [
    { name: 'react', message: 'src/domain is pure: no React.' },
    { name: 'react-dom', message: 'src/domain is pure: no React.' },
    { name: 'zustand', message: 'src/domain is pure: no store.' },
    { name: 'i18next', message: 'src/domain returns error codes, never translated text.' },
    { name: 'react-i18next', message: 'src/domain returns error codes, never translated text.' },
    { name: 'recharts', message: 'src/domain is pure: charts belong in src/charts.' },
  ],
  patterns: [
    { group: ['zustand/*', 'recharts/*', '@digdir/*'], message: 'src/domain is pure.' },
    {
      group: [
        '../../store/*',
        '../../features/*',
        '../../ui/*',
        '../../lib/*',
        '../../app/*',
        '../../charts/*',
        '../../i18n/*',
      ],
      message:
        'src/domain imports only domain modules, zod and (in files/csv-parse.ts only) papaparse.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
      '.reports',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['**/*.tsx'],
    rules: {
      // A scrollable table region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'], tags: [] }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // `import { type X } from 'm'` stays in the build as `import 'm'` (verbatimModuleSyntax), so
      // a type alone would pull m and all it imports into the first screen: write `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureDomainBans] },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
