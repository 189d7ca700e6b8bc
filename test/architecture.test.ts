/**
 * Dependencies point one way (README "Development"): cli → group, lab → learn, quiz → content → engine,
 * with ui, store and src/errors.ts at the bottom. The lint rule that enforces it is tested here, so a
 * config change that quietly stops enforcing it fails.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import direction', () => {
  it.each([
    ['src/engine/sts/x.ts', "import type { Output } from '../../ui/output.js';"],
    ['src/engine/policy/x.ts', "import type { Scenario } from '../../content/schema.js';"],
    ['src/engine/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/engine/world.ts', "import type { z } from 'zod';"],
    ['src/content/x.ts', "import { runLearn } from '../learn/interactive.js';"],
    ['src/ui/x.ts', "import { main } from '../cli/main.js';"],
    ['src/store/x.ts', "import type { Engine } from '../engine/types.js';"],
    ['src/learn/x.ts', "import { runGroup } from '../group/loop.js';"],
    ['src/quiz/x.ts', "import { makeContext } from '../cli/context.js';"],
    ['src/quiz/x.ts', "import chalk from 'chalk';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['src/cli/x.ts', "import { runQuiz } from '../quiz/loop.js';"],
    ['src/group/x.ts', "import { grade } from '../quiz/grade.js';"],
    ['src/learn/x.ts', "import { createEngine } from '../engine/index.js';"],
    ['src/content/x.ts', "import { createEngine } from '../engine/index.js';"],
    ['src/quiz/x.ts', "import { Interrupted } from '../errors.js';"],
    ['src/ui/x.ts', "import chalk from 'chalk';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

describe('the library entry', () => {
  it('exports the engine only (its types never mention the content schema or zod)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    const from = [...source.matchAll(/^(?:import|export)[^;]*? from '([^']+)'/gm)].map((m) => m[1]);
    expect(from.length).toBeGreaterThan(0);
    expect(from.filter((f) => !f?.startsWith('./engine/'))).toEqual([]);
  });
});

describe('decisions live in the repo', () => {
  it('code cites docs/decisions.md anchors that exist, and no document outside the repo', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('..', import.meta.url).pathname;
    const anchors = new Set(
      [...readFileSync(join(root, 'docs/decisions.md'), 'utf8').matchAll(/<a id="([a-z-]+)">/g)].map(
        (m) => m[1],
      ),
    );
    const files = ['src', 'test', 'bench'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|mjs)$/.test(f))
        .map((f) => join(dir, f)),
    );
    const outside: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      // Spelled in two parts so that this test does not cite them itself.
      if (new RegExp(['STS', 'FACTS|STS', 'ERRORS'].join('-')).test(text)) outside.push(file);
      for (const m of text.matchAll(/docs\/decisions\.md#([a-z-]+)/g)) {
        if (!anchors.has(m[1])) missing.push(`${file}: #${m[1]}`);
      }
    }
    expect(anchors.size).toBeGreaterThan(10);
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
  });
});
