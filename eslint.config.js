// ESLint (issue #19): the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte, with
// formatting left to Prettier (eslint-config-prettier). Rules switched off are deliberate patterns of
// this code base; README.md "Tests" says why.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'pb_data/', 'pb_data_dev/', 'test-results/', 'playwright-report/', '.tmp/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `_name` marks a value left out on purpose (rest destructuring, unused callback parameters).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' }
			],
			// Links are plain paths: the app is always served at the root (no `paths.base`), so resolve() adds nothing.
			'svelte/no-navigation-without-resolve': 'off',
			// URLSearchParams and friends are built inside functions to make links, never kept as state.
			'svelte/prefer-svelte-reactivity': 'off',
			// `{' · '}` keeps a separator's spaces where markup ends: deliberate.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// PocketBase JSVM files: globals ($app, migrate, routerAdd, …) come from pb_data/types.d.ts through a
		// triple-slash reference, and modules load with require() (no ES modules in goja).
		files: ['pb_hooks/**/*.js', 'pb_migrations/**/*.js'],
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/triple-slash-reference': 'off',
			'@typescript-eslint/no-require-imports': 'off'
		}
	},
	{
		// Removing control characters from imported text is the point of these expressions.
		files: ['src/lib/domain/import/decode.ts'],
		rules: { 'no-control-regex': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			// No type-aware rules are on, so no projectService: it tripled the lint time for nothing.
			parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	}
);
