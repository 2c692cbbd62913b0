// Lint rules: typescript-eslint's recommended set, `any` forbidden, unused values an error, lines within 120
// characters, and imports between top-level folders one way only.
import tseslint from 'typescript-eslint';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** What each top-level folder may import besides itself. Folders not listed (root config files) are unchecked. */
const ALLOWED_IMPORTS = {
  data: [],
  models: ['data'],
  reports: ['data', 'models'],
  pipelines: ['data', 'models', 'reports'],
  notebooks: ['data', 'models', 'reports', 'pipelines'],
  test: ['data', 'models', 'reports', 'pipelines', 'notebooks'],
};

const ROOT = dirname(new URL(import.meta.url).pathname);

function topFolder(absPath) {
  const rel = relative(ROOT, absPath);
  if (rel.startsWith('..')) return null;
  const first = rel.split(sep)[0];
  return first in ALLOWED_IMPORTS ? first : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports between top-level folders in one direction (see README, Development).' },
    messages: {
      wrong:
        '{{from}}/ may not import from {{to}}/ ("{{spec}}"): imports run data ← models ← reports ← pipelines ← notebooks. Move the shared piece to the lower folder (shared infrastructure lives in data/).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = topFolder(file);
    if (from === null) return {};
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = topFolder(normalize(join(dirname(file), spec)));
      if (to === null || to === from || ALLOWED_IMPORTS[from].includes(to)) return;
      context.report({ node, messageId: 'wrong', data: { from, to, spec } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'reports/out/**',
      'notebooks/dist/**',
      'data/generated/**',
      'data/*.duckdb*',
      'models/artifacts/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { trustlens: { rules: { 'import-direction': importDirection } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      'trustlens/import-direction': 'error',
      // Prettier's width for everything it cannot wrap itself: comments and code around long literals. Strings and
      // templates are exempt, as in Prettier: a message or a page template reads better whole than split.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
);
