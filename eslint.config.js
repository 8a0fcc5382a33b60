// ESLint flat config: typescript-eslint strictTypeChecked, plus the project's boundaries —
// a part is imported only through its index.ts (other parts may not reach into its files).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PARTS = ['dockerfile', 'lint', 'buildlog', 'diagnose', 'cachekey', 'goproxy', 'record', 'report', 'dashboard', 'cache'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', '**/__fixtures__/**', 'eslint.config.js', 'scripts/*.mjs', 'test/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-empty': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${PARTS.join('|')})/(?!index\\.ts$|codes\\.ts$).+`,
              message: 'import another part only through its index.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
