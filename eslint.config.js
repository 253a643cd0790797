import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'storybook-static', 'coverage', '.data', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      // Elements register through the guarded define() in each index.ts.
      'wc/guard-super-call': 'off',
      // role="list" on a styled <ul> is deliberate: WebKit drops list semantics with list-style: none.
      'lit-a11y/no-redundant-role': 'off',
    },
  },
  {
    // SQL takes values as bound parameters (? or @name), never spliced into its text: a template
    // literal given to prepare()/exec() may interpolate only UPPER_CASE constants (fixed SQL fragments).
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(prepare|exec)$/] > TemplateLiteral > .expressions:not(Identifier[name=/^[A-Z][A-Z0-9_]*$/])',
          message:
            'SQL with an interpolated value: bind it as a parameter (? or @name); only UPPER_CASE constant SQL fragments may be interpolated.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/] > BinaryExpression[operator='+']",
          message: 'SQL built by concatenation: bind values as parameters (? or @name).',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
