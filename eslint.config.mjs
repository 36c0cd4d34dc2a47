// Lint for what the compiler does not check: one-way imports between packages
// (rules ← roster ← files/summary ← apps, nothing upward), no import cycles,
// and no non-null assertion in shipped code where a check belongs.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** What each layer may import from the workspace (anything else of ours is upward or sideways). */
const layers = {
  'packages/rules': [],
  'packages/roster': ['@ce/rules'],
  'packages/files': ['@ce/rules', '@ce/roster'],
  'packages/summary': ['@ce/rules', '@ce/roster'],
  'packages/cases': ['@ce/rules'],
};
const ours = ['@ce/rules', '@ce/roster', '@ce/files', '@ce/summary', '@ce/cases', '@ce/report', 'excel-addin'];

const boundaries = Object.entries(layers).map(([dir, allowed]) => ({
  files: [`${dir}/**/*.ts`],
  ignores: ['**/*.test.ts', '**/test-support.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: ours
          .filter((p) => !allowed.includes(p) && !dir.endsWith(p.replace('@ce/', '')))
          .map((p) => ({ group: [p, `${p}/*`], message: `${dir} sits below ${p}: imports go rules ← roster ← files/summary ← apps only.` })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts', 'out/**', '**/vendor/**'] },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['packages/*/tsconfig.json', 'apps/*/tsconfig.json', 'test/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    // shipped code of the packages and the apps (their src/; tests and build scripts may assert)
    files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support.ts', '**/testing.ts'],
    rules: {
      // arr[i]! after a bounds check is what noUncheckedIndexedAccess asks for; any other `x!` skips a check
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSNonNullExpression:not([expression.type='MemberExpression'][expression.computed=true])",
          message: 'A non-null assertion skips a check: test the value (or narrow it) instead.',
        },
      ],
    },
  },
  ...boundaries,
);
