// Lint: typed rules (no any, no floating promises) and the import arrows of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Forbid imports matching these patterns, with the reason shown in the lint message. */
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      // Bare package names go in `paths` (exact); folder patterns in `patterns` (gitignore-style).
      paths: patterns.flatMap((p) => p.packages ?? []).map((name) => ({ name, message: patterns.find((q) => q.packages?.includes(name)).message })),
      patterns: patterns.filter((p) => p.group).map(({ group, message }) => ({ group, message })),
    },
  ],
});

const NODE = ['fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'worker_threads', 'better-sqlite3', 'drizzle-orm'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'scripts/*.cjs', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  // The arrows: renderer → (contract, domain); main → core → db → domain; core → contract → domain.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // react-hook-form's watch() is fine without the React Compiler, which we do not use.
      'react-hooks/incompatible-library': 'off',
      // Physical sides in inline styles and Mantine style props break RTL: use the logical ones.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name=/^(margin|padding|border)(Left|Right)|^(left|right)$|^textAlign$/][value.value=/^(left|right)$/], Property[key.name=/^(margin|padding|border)(Left|Right)/]',
          message: 'Use logical properties (marginInlineStart, paddingInlineEnd, insetInlineStart, textAlign: start).',
        },
        {
          selector: 'JSXAttribute[name.name=/^(ml|mr|pl|pr)$/]',
          message: 'Use Mantine logical style props: ms, me, ps, pe.',
        },
      ],
      ...restrict([
        { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/db/**'], message: 'The renderer reaches the app only through the contract (renderer/api).' },
        { packages: ['electron', ...NODE], message: 'The renderer never reaches Node, the database or Electron.' },
        { group: ['node:*', 'drizzle-orm/*'], message: 'The renderer never reaches Node or the database.' },
      ]),
    },
  },
  {
    files: ['electron/domain/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/contract/**', '**/db/**', '**/renderer/**'], message: 'The domain is pure: it imports nothing of the app.' },
      { packages: ['electron', ...NODE], message: 'The domain is pure TypeScript, shared with the renderer: no I/O.' },
      { group: ['node:*', 'drizzle-orm/*'], message: 'The domain is pure TypeScript, shared with the renderer: no I/O.' },
    ]),
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/db/**', '**/renderer/**'], message: 'The contract depends only on zod and the domain.' },
      { packages: ['electron', ...NODE], message: 'The contract is imported by the renderer: no Node.' },
      { group: ['node:*', 'drizzle-orm/*'], message: 'The contract is imported by the renderer: no Node.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts', 'db/**/*.ts'],
    rules: restrict([
      { packages: ['electron'], message: "Core and db never import 'electron': only electron/main does." },
      { group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'Core and db never reach the shell or the renderer.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/core/**', '**/db/**', '**/renderer/**'], message: 'The preload only bridges IPC.' },
    ]),
  },
);
