import { execFileSync } from 'node:child_process';

/** The CLI tests run the built binary: rebuild the bundle once so they never test stale code. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-types'], { stdio: 'inherit' });
}
