// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers (STYLE.md rule 1), enforced here so nobody has to remember them:
// shared/ imports no runtime, main/core/ never imports electron, renderer/ never reaches into main/.
const noElectron = { name: 'electron', message: 'main/core runs without Electron (serve mode, tests).' };
const nodeBuiltins = { regex: '^node:', message: 'shared/ runs in both processes: no Node builtins.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ imports no runtime.' },
            { name: 'react', message: 'shared/ imports no UI library.' },
            { name: 'react-dom', message: 'shared/ imports no UI library.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              regex: '^(fs|path|os|http|https|net|crypto|child_process)$',
              message: 'no Node builtins in shared/.',
            },
            { regex: '^\\.\\./(main|renderer)', message: 'shared/ depends on nothing else in the repo.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/serve.ts', 'main/sim.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { regex: '^electron/', message: noElectron.message },
            { regex: 'renderer/', message: 'the core never imports UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks to the core only through the contract.' }],
          patterns: [
            { regex: '(^|/)main/', message: 'the renderer imports shared/, never main/.' },
            { regex: '^node:', message: 'the renderer runs in a sandboxed web page.' },
          ],
        },
      ],
    },
  },
);
