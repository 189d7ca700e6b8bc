/**
 * `quiz --mock CODE`: a timed exam whose questions are spread over the exam's
 * domains by their weights (the content's `exam` tags say which domain a
 * question belongs to), and a scaled-style score per domain.
 */
import { needsScenario, type Bank } from './bank.js';
import { domainOf, EXAMS, parseTask, type Domain, type ExamCode } from './exams.js';
import { createRandom, shuffle } from './prng.js';
import type { BankQuestion } from './question.js';
import type { Results } from './session.js';

/** The domain of `exam` a question is tagged with (its first tag for that exam). */
export function questionDomain(q: BankQuestion, exam: ExamCode): string | undefined {
  for (const tag of q.exam) {
    const t = parseTask(tag);
    if (t?.exam === exam && domainOf(exam, t.domain)) return t.domain;
  }
  return undefined;
}

/** Splits `count` over the weights (largest remainder), never giving a domain more than it has. */
export function allocate(
  count: number,
  pools: { id: string; weight: number; available: number }[],
): Map<string, number> {
  const out = new Map<string, number>(pools.map((p) => [p.id, 0]));
  let left = Math.min(
    count,
    pools.reduce((n, p) => n + p.available, 0),
  );
  while (left > 0) {
    const open = pools.filter((p) => out.get(p.id)! < p.available);
    const total = open.reduce((n, p) => n + p.weight, 0);
    const share = open.map((p) => ({ p, exact: (left * p.weight) / total }));
    let given = 0;
    for (const { p, exact } of share) {
      const n = Math.min(Math.floor(exact), p.available - out.get(p.id)!);
      out.set(p.id, out.get(p.id)! + n);
      given += n;
    }
    if (given === 0) {
      // hand out one by one, largest remainder first
      const next = share.sort((a, b) => (b.exact % 1) - (a.exact % 1) || b.p.weight - a.p.weight)[0]!.p;
      out.set(next.id, out.get(next.id)! + 1);
      given = 1;
    }
    left -= given;
  }
  return out;
}

export interface MockPlan {
  exam: ExamCode;
  questions: BankQuestion[];
  /** Domains the content has questions for, with how many this mock asks. */
  covered: (Domain & { count: number })[];
  /** Domains of the real exam that the content has no question for. */
  missing: Domain[];
  minutes: number;
}

/** The mock's questions: weighted by domain, seeded, as many as asked (default: the real exam's length). */
export function planMock(bank: Bank, exam: ExamCode, seed: number, count?: number): MockPlan {
  const info = EXAMS[exam];
  const byDomain = new Map<string, BankQuestion[]>();
  for (const q of bank.questions) {
    if (needsScenario(q)) continue;
    const d = questionDomain(q, exam);
    if (d) byDomain.set(d, [...(byDomain.get(d) ?? []), q]);
  }
  const pools = info.domains
    .filter((d) => byDomain.has(d.id))
    .map((d) => ({ id: d.id, weight: d.weight, available: byDomain.get(d.id)!.length }));
  const counts = allocate(count ?? info.questions, pools);
  const random = createRandom(seed);
  const picked = info.domains.flatMap((d) =>
    shuffle(byDomain.get(d.id) ?? [], random).slice(0, counts.get(d.id) ?? 0),
  );
  const questions = shuffle(picked, random);
  // the real exam's pace: its minutes per question
  const minutes = Math.max(1, Math.round((info.minutes / info.questions) * questions.length));
  return {
    exam,
    questions,
    covered: info.domains
      .filter((d) => byDomain.has(d.id))
      .map((d) => ({ ...d, count: counts.get(d.id) ?? 0 })),
    missing: info.domains.filter((d) => !byDomain.has(d.id)),
    minutes,
  };
}

export interface DomainScore extends Domain {
  asked: number;
  correct: number;
  /** 100–1000, linear in the share right. */
  scaled: number;
}

export interface MockScore {
  exam: ExamCode;
  domains: DomainScore[];
  /** Weighted by the domains' weights (of the domains asked). */
  scaled: number;
  passing: number;
  passed: boolean;
}

/**
 * A scaled-style score: AWS reports 100–1000 from a compensatory, equated
 * model that is not public, so this maps the share right linearly onto
 * 100–1000 per domain and weights the domains: an estimate, labelled as such.
 */
export function scoreMock(exam: ExamCode, res: Results): MockScore {
  const info = EXAMS[exam];
  const domains: DomainScore[] = [];
  for (const d of info.domains) {
    const items = res.items.filter((it) => questionDomain(it.question, exam) === d.id);
    if (items.length === 0) continue;
    const correct = items.filter((it) => it.correct).length;
    domains.push({
      ...d,
      asked: items.length,
      correct,
      scaled: Math.round(100 + (900 * correct) / items.length),
    });
  }
  const weight = domains.reduce((n, d) => n + d.weight, 0);
  const scaled =
    weight === 0 ? 100 : Math.round(domains.reduce((n, d) => n + d.scaled * d.weight, 0) / weight);
  return { exam, domains, scaled, passing: info.passing, passed: scaled >= info.passing };
}
