/**
 * `quiz --print`: a worksheet of the selected questions, then an answer key
 * with explanations. Plain text at a fixed width so the same seed prints the
 * same sheet anywhere (terminal, pipe, printer).
 */
import { wrapText } from '../ui/theme.js';
import { presentChoices } from './bank.js';
import { answerLines, label, type BankQuestion } from './question.js';

const WIDTH = 80;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = (i: number) => LETTERS[i] ?? String(i + 1);

const INSTRUCTION: Record<BankQuestion['type'], string> = {
  single: 'Choose one.',
  outcome: 'Choose one.',
  multi: 'Choose all that apply.',
  order: 'Write the letters in the right order.',
  pair: 'Answer both parts; both must be right.',
};

/** `prefix` then `text` wrapped, continuation lines aligned under the text (a hanging indent). */
function hanging(prefix: string, text: string, indent: number): string {
  const pad = indent + prefix.length;
  const body = wrapText(text, WIDTH, pad);
  return ' '.repeat(indent) + prefix + body.slice(pad);
}

function options(items: readonly string[], q: BankQuestion, indent: number): string[] {
  return items.map((c, i) => hanging(`${letter(i)}) `, label(q, c), indent));
}

/** The choices of each part as printed (seeded), so the key's letters match the sheet. */
function layout(q: BankQuestion, seed: number) {
  if (q.type === 'pair' && q.pair) {
    const api = presentChoices(
      { ...q, id: `${q.id}#api`, type: 'single', choices: q.pair.api.choices },
      seed,
    );
    const trust = presentChoices(
      { ...q, id: `${q.id}#trust`, type: 'single', choices: q.pair.trust.choices },
      seed,
    );
    return { api, trust, choices: [] as string[] };
  }
  return { choices: presentChoices(q, seed), api: [] as string[], trust: [] as string[] };
}

function keyLetters(q: BankQuestion, lay: ReturnType<typeof layout>): string {
  const find = (items: string[], v: string) => letter(items.indexOf(v));
  if (q.type === 'pair' && q.pair)
    return `a) ${find(lay.api, q.pair.api.answer)}  b) ${find(lay.trust, q.pair.trust.answer)}`;
  if (q.type === 'order') return (q.answer as string[]).map((a) => find(lay.choices, a)).join(' → ');
  if (Array.isArray(q.answer))
    return q.answer
      .map((a) => find(lay.choices, a))
      .sort()
      .join(', ');
  return find(lay.choices, q.answer);
}

export function renderWorksheet(questions: readonly BankQuestion[], seed: number, command: string): string {
  const out: string[] = [];
  out.push(`STS trainer worksheet: ${questions.length} question${questions.length === 1 ? '' : 's'}`);
  out.push(`Same sheet again: ${command}`);
  out.push('');
  const layouts = questions.map((q) => layout(q, seed));
  questions.forEach((q, n) => {
    const lay = layouts[n]!;
    out.push(hanging(`${n + 1}. `.padEnd(3), q.prompt, 0));
    // an author's own instruction (`(Choose two.)`) stands; a second one would contradict it
    if (!/\(Choose [^)]*\)$/.test(q.prompt.trim())) out.push(`   (${INSTRUCTION[q.type]})`);
    if (q.type === 'pair' && q.pair) {
      out.push('   a) Which API?', ...options(lay.api, q, 6));
      out.push('   b) What must the trust policy say?', ...options(lay.trust, q, 6));
    } else {
      out.push(...options(lay.choices, q, 3));
    }
    out.push(q.type === 'order' ? '   Order: ____________________' : '   Answer: ______', '');
  });
  out.push('='.repeat(WIDTH), 'Answer key', '='.repeat(WIDTH), '');
  questions.forEach((q, n) => {
    const lay = layouts[n]!;
    out.push(`${n + 1}. ${keyLetters(q, lay)}`);
    out.push(...answerLines(q).map((l) => wrapText(l, WIDTH, 3)));
    if (q.explain) out.push(wrapText(q.explain, WIDTH, 3));
    for (const r of q.refs) out.push(`   ${r}`);
    out.push('');
  });
  return out.join('\n');
}
