/** Folders made for the files sts-trainer keeps. */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one folder at a time from the nearest that exists. Node's own recursive mkdir never
 * returns where the file system refuses a folder with ENOENT (under /proc it spins at full CPU, deaf to
 * Ctrl-C and SIGTERM); this gives that error back.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (statSync(d, { throwIfNoEntry: false })) break;
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
