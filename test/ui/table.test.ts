import { describe, expect, it } from 'vitest';
import { renderTable, tableWidthOf } from '../../src/ui/table.js';
import { visibleLength } from '../../src/ui/text.js';

const head = ['id', 'title', 'level', 'topics', 'steps'];
const rows = [
  [
    'cross-account-assume-role',
    'Cross-account access with AssumeRole: both sides must say yes',
    'associate',
    'cross-account, assume-role, trust-policy, policy-evaluation',
    8,
  ],
  ['eks-irsa', 'EKS IAM roles for service accounts (IRSA)', 'professional', 'eks, oidc, web-identity', 4],
];
const widest = (text: string) => Math.max(...text.trimEnd().split('\n').map(visibleLength));
const words = (text: string) =>
  text
    .replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort();

describe('renderTable fits the terminal', () => {
  it.each([60, 80, 120])('boxed, in %i columns, without losing or breaking a word', (columns) => {
    const out = renderTable(head, rows, { plain: false, tableWidth: tableWidthOf(columns) });
    expect(widest(out)).toBeLessThanOrEqual(columns - 1);
    for (const word of ['cross-account-assume-role', 'policy-evaluation', 'professional', '(IRSA)']) {
      expect(out).toContain(word);
    }
  });

  it('wraps long columns inside the box from 80 columns up', () => {
    const out = renderTable(head, rows, { plain: false, tableWidth: tableWidthOf(100) });
    expect(out.startsWith('┌')).toBe(true);
    expect(out.split('\n').filter((l) => l.includes('cross-account-assume-role'))).toHaveLength(1);
    // the row's text is all there, in the same order per column
    expect(words(out)).toEqual(words([head, ...rows].flat().join(' ')));
  });

  it('turns each row into a block below 80 columns', () => {
    const out = renderTable(head, rows, { plain: false, tableWidth: tableWidthOf(60) });
    expect(out).not.toContain('┌');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('cross-account-assume-role');
    expect(lines[1]).toMatch(/^ {2}title: Cross-account access/);
    expect(out).toMatch(/\neks-irsa\n {2}title: EKS IAM roles/);
    expect(out).toContain('steps: 4');
  });

  it('keeps a table that fits as it is, one line per row', () => {
    const small = renderTable(['topic', 'answered'], [['mfa', 3]], { plain: false, tableWidth: 59 });
    expect(small.trimEnd().split('\n')).toHaveLength(4);
  });

  it('aligns plain columns when they fit, and uses blocks when they do not', () => {
    const unbounded = renderTable(head, rows, { plain: true });
    expect(unbounded.trimEnd().split('\n')).toHaveLength(3);
    expect(unbounded.split('\n')[1]).toMatch(/^cross-account-assume-role {2}Cross-account/);
    const fitted = renderTable(head, rows, { plain: true, tableWidth: tableWidthOf(120) });
    expect(widest(fitted)).toBeLessThanOrEqual(119);
    expect(fitted).toMatch(/^cross-account-assume-role\n {2}title: /);
  });
});
