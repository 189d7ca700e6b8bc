import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario } from '../../src/content/run.js';
import { renderHandout } from '../../src/learn/handout.js';
import { pathOrder, scenarioPicker, SEED_FLOWS } from '../../src/learn/pick.js';
import { resumeOffer, startFor } from '../../src/learn/resume.js';
import { decidingCheck, DECIDED, renderTrace } from '../../src/learn/trace.js';
import { whatIfMenu } from '../../src/learn/whatif-menu.js';
import { paginate, showPaged } from '../../src/ui/pager.js';
import { createTheme } from '../../src/ui/theme.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const byId = (id: string) => library.scenarioById.get(id)!.scenario;
const t = createTheme({ color: false, plain: true, columns: 100 });

describe('the collapsed trace', () => {
  const run = runScenario(byId('role-chaining'));
  const first = run.steps[0]!.result!;

  it('shows one line per check and opens only the deciding one', () => {
    const text = renderTrace(first, t, { expand: false });
    const numbered = text.split('\n').filter((l) => /^\s*\d+\. [✔✘ℹ]/.test(l));
    expect(numbered).toHaveLength(first.trace.length);
    const decider = decidingCheck(first.trace)!;
    expect(first.trace[decider]!.id).toMatch(/authorize|trust/);
    expect(text).toContain(DECIDED);
    // the deciding AssumeRole authorization is open; TagSession's identical tree is not printed
    expect(text.match(/trust policy of role Deployer: allows/g)).toHaveLength(1);
    expect(text).toContain('(d: every check in detail)');
  });

  it('expanded, folds a repeated policy tree into one line', () => {
    const text = renderTrace(first, t, { expand: true });
    expect(text.match(/same policies as above: ✔/g)).toHaveLength(2); // TagSession, SetSourceIdentity
    expect(text).not.toContain(DECIDED);
  });

  it('on a failure, the first failing check decides', () => {
    const failed = run.steps.find((s) => s.result?.outcome === 'error')!.result!;
    const i = decidingCheck(failed.trace)!;
    expect(failed.trace[i]!.ok).toBe(false);
    expect(failed.trace.slice(0, i).every((c) => c.ok || c.info)).toBe(true);
  });
});

describe('the pager', () => {
  const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
  it('splits text into pages that fit the terminal, counting wrapped lines', () => {
    expect(paginate(text, 80, 20)).toHaveLength(3);
    expect(paginate('x'.repeat(200), 80, 20)[0]).toBe('x'.repeat(200));
    expect(paginate(`${'y'.repeat(170)}\nz`, 80, 3)).toHaveLength(2);
  });

  it('pages forward on space, back on b, and writes short text at once', async () => {
    const out: string[] = [];
    const keys = [' ', 'b', ' ', ' '];
    const io = {
      write: (s: string) => void out.push(s),
      key: async () => keys.shift()!,
      size: () => ({ columns: 80, rows: 21 }),
    };
    await showPaged(text, io, 1, (p, n) => `${p}/${n}`);
    expect(out.map((s) => s.split('\n')[0])).toEqual(['line 1', 'line 21', 'line 1', 'line 21', 'line 41']);
    const once: string[] = [];
    await showPaged('short', { ...io, write: (s) => void once.push(s) }, 1, () => '');
    expect(once).toEqual(['short\n']);
  });
});

describe('resume and the what-if menu', () => {
  const s = byId('role-chaining');
  it('offers the step, the what-ifs or a fresh start, defaulting to where the learner left', () => {
    expect(resumeOffer(s, undefined)).toBeUndefined();
    const mid = resumeOffer(s, { completed: false, position: 3, stage: 'steps' })!;
    expect(mid.choices.map((c) => c.value)).toEqual(['step', 'start']);
    expect(mid.default).toBe('step');
    const wi = resumeOffer(s, { completed: true, stage: 'what-ifs', whatIfsSeen: ['x'] })!;
    expect(wi.choices.map((c) => c.value)).toEqual(['what-ifs', 'start']);
    expect(wi.default).toBe('what-ifs');
    expect(wi.choices[0]!.name).toContain(`1 of ${s.whatIf!.length}`);
    const done = resumeOffer(s, { completed: true, position: 0 })!;
    expect(done.choices.map((c) => c.value)).toEqual(['what-ifs', 'start']);
    expect(done.default).toBe('start');
    expect(startFor('step', { completed: false, position: 3 }).step).toBe(3);
    expect(startFor('what-ifs', { completed: true, stage: 'what-ifs', whatIfsSeen: ['a'] })).toMatchObject({
      whatIfs: true,
      whatIfsSeen: ['a'],
    });
    expect(startFor('start', { completed: true, position: 4 })).toEqual({ step: 0 });
  });

  it('keeps Done on screen: first when the list is taller than the terminal', () => {
    const tall = whatIfMenu(s, [], 45, t);
    expect(tall.choices.at(-1)!.value).toBe('done');
    expect(tall.pageSize).toBe(tall.choices.length);
    const short = whatIfMenu(s, [], 8, t);
    expect(short.choices[0]!.value).toBe('done');
    expect(short.pageSize).toBeLessThanOrEqual(3);
  });
});

describe('the path and the handout', () => {
  it('orders scenarios foundational → associate → professional with the seed flows first', () => {
    const order = pathOrder(library);
    const rank = { foundational: 0, associate: 1, professional: 2, specialty: 3 } as const;
    const ranks = order.map((s) => rank[s.level ?? 'associate']);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const level of ['foundational', 'associate', 'professional'] as const) {
      const ids = order.filter((s) => s.level === level).map((s) => s.id);
      const seeds = ids.filter((id) => SEED_FLOWS.includes(id));
      expect(ids.slice(0, seeds.length)).toEqual(seeds);
    }
  });

  it('ranks title matches above summary matches', () => {
    const picker = scenarioPicker(library, {}, t);
    const hits = picker.source('saml').map((c) => c.value);
    const titled = library.scenarios.filter((s) => /saml/i.test(`${s.scenario.id} ${s.scenario.title}`));
    expect(hits.slice(0, titled.length).sort()).toEqual(titled.map((s) => s.scenario.id).sort());
    expect(hits.length).toBeGreaterThan(titled.length);
  });

  it('puts the answers in a key at the end and asks the predictions as questions', () => {
    const s = byId('credential-expiry-rotation');
    const text = renderHandout(s, t);
    const key = text.indexOf('Answer key');
    expect(key).toBeGreaterThan(text.indexOf('Takeaways'));
    expect(text).toMatch(/P1\. Predict before you read on/);
    const cp = s.steps.find((x) => x.checkpoint?.type === 'single')!.checkpoint!;
    const answerAt = text.indexOf(`. ${cp.answer as string}`, key);
    expect(answerAt).toBeGreaterThan(key);
    expect(text.slice(0, key)).not.toContain('Answer:');
    expect(text.slice(key)).toMatch(/P1\. it (succeeds|fails with \w+)/);
  });
});
