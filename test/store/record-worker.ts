/** Child process for the concurrency test: records `n` answers as fast as it can. */
import { openProgress } from '../../src/store/progress-store.js';

const [dir, who, n] = process.argv.slice(2) as [string, string, string];
const store = openProgress(dir, (m) => process.stderr.write(`${m}\n`));
void Promise.all(
  Array.from({ length: Number(n) }, (_, i) =>
    store.recordAnswer({
      questionId: `${who}/${i}`,
      correct: i % 2 === 0,
      at: new Date(Date.UTC(2026, 0, 1)).toISOString(),
      topics: ['concurrency'],
      source: 'quiz',
    }),
  ),
).catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
