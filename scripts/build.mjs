// Build: esbuild bundles the CLI and the library (code-split so each command
// module loads lazily), then tsc emits the library's type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json');
rmSync('dist', { recursive: true, force: true });
// commander is bundled into the entry (no package resolution on every start), and zod into the chunks
// that check content: its ESM build is 99 files that Node resolves, reads and links one by one (about
// 40 ms of every `validate`). CommonJS code in the bundle gets a real `require` for Node's built-ins.
// Everything else loads from node_modules when a command needs it.
const BUNDLED = ['commander', 'zod'];
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.includes(d));
// commander loads node:child_process (and with it net, dgram, …) when it loads, for executable
// subcommands this CLI does not have: it gets a stand-in that loads the module only if spawn is called.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'lazy-child-process', namespace: 'lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let cp; module.exports = { spawn: (...a) => (cp ??= require('node:child_process')).spawn(...a) };",
      loader: 'js',
    }));
  },
};
// zod's namespace carries its error messages in 64 languages (370 KB of the bundle, most of it in
// scripts outside Latin-1, which V8 then scans as two-byte source on every start that loads the
// schema). sts-trainer speaks English only, which zod configures from its own en.js: the bundle keeps
// that one locale under `z.locales`.
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
await build({
  // validate-worker: a parallel `validate`'s worker threads load it (src/content/validate-parallel.ts).
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    'validate-worker': 'src/content/validate-worker.ts',
  },
  external,
  plugins: [lazyChildProcess, englishOnly],
  banner: {
    js: "import { createRequire as __stsCreateRequire } from 'node:module'; const require = __stsCreateRequire(import.meta.url);",
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: false,
  define: { __STS_TRAINER_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
// Bundled code carries its licence with it: the notices of the packages built into dist.
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.md',
  BUNDLED.map((name) => {
    const dir = join('node_modules', name);
    const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return `## ${name} ${version} (${license})\n\n${readFileSync(join(dir, 'LICENSE'), 'utf8').trim()}\n`;
  }).join('\n'),
);
// The built-in content, parsed and checked once (src/content/compiled.ts uses it while current).
await build({
  entryPoints: ['src/content/compile-builtin.ts'],
  outfile: 'dist/.compile-content.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const { compileBuiltin, buildListIndex } = await import(pathToFileURL('dist/.compile-content.mjs').href);
const content = compileBuiltin();
writeFileSync('dist/content.json', JSON.stringify(content));
// What `list` prints, a few kilobytes: `list` starts without reading the whole content.
writeFileSync('dist/list-index.json', JSON.stringify(buildListIndex(content)));
rmSync('dist/.compile-content.mjs');

// The top-level help as commander prints it to a pipe (80 columns): `--help` to a pipe or a file
// prints this copy without loading commander (src/cli/help-cache.ts). `help` renders it through
// commander itself, since `--help` would print the copy.
writeFileSync(
  'dist/help.txt',
  execFileSync(process.execPath, ['bin/sts-trainer.js', 'help'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '' },
  }),
);

// The test suite rebuilds the bundle before it runs (test/global-setup.ts) and skips the slower declarations.
if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
