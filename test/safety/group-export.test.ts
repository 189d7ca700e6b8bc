/** `group --export` never replaces a file silently and refuses an unusable path before the session. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportProblem, writeExport } from '../../src/group/export-file.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sts-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const notes = join(dir, 'notes.md');
writeFileSync(notes, 'my own notes\n');
mkdirSync(join(dir, 'folder.md'));

describe('group --export', () => {
  it.each([
    [notes, false, '`' + notes + '` already exists: the summary would replace it'],
    [notes, true, undefined],
    [join(dir, 'folder.md'), true, '`' + join(dir, 'folder.md') + '` is a folder'],
    [join(dir, 'missing', 'x.md'), false, 'the folder `' + join(dir, 'missing') + '` does not exist'],
    [join(dir, 'new.json'), false, undefined],
    [join(dir, 'new.txt'), false, 'takes a .md or .json file name'],
  ])('%s (force %s)', (file, force, message) => {
    const problem = exportProblem(file, force);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem?.message).toContain(message);
  });

  it('refuses an existing file before asking anything, leaving it as it was (exit 2)', async () => {
    const r = await runCli(['group', '--players', 'Ana,Ben', '--export', notes], {
      env: { STS_TRAINER_HOME: dir },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists: the summary would replace it');
    expect(r.stderr).toContain('hint: choose another file name, or add `--force` to replace it');
    expect(readFileSync(notes, 'utf8')).toBe('my own notes\n');
  });

  it('writes atomically: the new text replaces the file, and no temp file is left', async () => {
    const file = join(dir, 'summary.md');
    await writeExport(file, 'first\n');
    await writeExport(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
