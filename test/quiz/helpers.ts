import { loadLibrary, type Library } from '../../src/content/library.js';
import { buildBank, type Bank } from '../../src/quiz/bank.js';

let cached: Promise<{ library: Library; bank: Bank }> | undefined;

/** The built-in content and its bank, loaded once per test file. */
export function builtIn(): Promise<{ library: Library; bank: Bank }> {
  cached ??= loadLibrary({ contentDirs: [], cwd: process.cwd() }).then((library) => ({
    library,
    bank: buildBank(library),
  }));
  return cached;
}
