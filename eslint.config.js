import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// One door to the terminal: only src/ui imports terminal libraries (STYLE.md §9).
const TERMINAL_LIBS = ['chalk', 'ora', '@inquirer/*', 'cli-table3', 'wrap-ansi', 'string-width'];

// The rooms of src/, top to bottom (README "Development"): cli → group, lab → learn, quiz → content →
// engine; ui, store and src/errors.ts sit at the bottom. For each room: the rooms it must not import, so
// an upward arrow fails lint. The engine imports nothing of the project.
const ABOVE_CONTENT = ['cli', 'group', 'lab', 'learn', 'quiz'];
const ROOMS = {
  cli: [],
  group: ['cli'],
  lab: ['cli'],
  learn: ['cli', 'group', 'lab'],
  quiz: ['cli', 'group', 'lab'],
  content: ABOVE_CONTENT,
  engine: [...ABOVE_CONTENT, 'content', 'ui', 'store'],
  ui: [...ABOVE_CONTENT, 'content', 'engine', 'store'],
  store: [...ABOVE_CONTENT, 'content', 'engine', 'ui'],
};

/** A pattern for relative imports into the named rooms (`../quiz/x.js`, `../../cli/y.js`). */
function roomBan(room, banned) {
  if (banned.length === 0) return [];
  return [
    {
      regex: `^(\\.\\./)+(${banned.join('|')})/`,
      message: `src/${room} may not import ${banned.join(', ')}: dependencies point one way (README "Development")`,
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...Object.entries(ROOMS).map(([room, banned]) => ({
    files: [`src/${room}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(room === 'ui'
              ? []
              : [{ group: TERMINAL_LIBS, message: 'only src/ui talks to the terminal' }]),
            // The engine is pure: no I/O and no Node built-ins (STYLE.md §1).
            ...(room === 'engine'
              ? [
                  { group: ['node:*', 'fs', 'path'], message: 'the engine is pure' },
                  // The library's .d.ts is the engine's types: they never mention the content schema's zod.
                  { group: ['zod', 'zod/*'], message: 'the engine declares plain input types, not zod ones' },
                ]
              : []),
            ...roomBan(room, banned),
          ],
        },
      ],
    },
  })),
  {
    // src/errors.ts is the leaf every room may import; it imports nothing of the project.
    files: ['src/errors.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.', message: 'src/errors.ts is a leaf' }] },
      ],
    },
  },
  {
    // The engine's simulated clock is an input: no wall clock (Date from a number is fine), no randomness.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now' },
        { object: 'Math', property: 'random' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'the engine never reads the wall clock',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
