// Build: esbuild bundles the CLI and the library (code-split so each command
// module loads lazily), then tsc emits the library's type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json');
rmSync('dist', { recursive: true, force: true });
// commander is bundled into the entry (no package resolution on every start); CommonJS code in the
// bundle gets a real `require` for Node's built-ins. Everything else loads from node_modules when a
// command needs it.
const external = Object.keys(pkg.dependencies).filter((d) => d !== 'commander');
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  external,
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
const { compileBuiltin } = await import(pathToFileURL('dist/.compile-content.mjs').href);
writeFileSync('dist/content.json', JSON.stringify(compileBuiltin()));
rmSync('dist/.compile-content.mjs');

// The test suite rebuilds the bundle before it runs (test/global-setup.ts) and skips the slower declarations.
if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
