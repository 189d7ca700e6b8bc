/**
 * Which versions of the three exams the content tags are current. AWS replaces an exam version now
 * and then: SCS-C03 replaced SCS-C02 on 2 December 2025, and DVA-C03 replaced DVA-C02 on 1 December
 * 2026 (each exam guide's appendix "Comparison of … and …"). A retired code still names its successor,
 * so `validate` can point an author at it and a mock exam kept before the change can go on.
 * The exams' domains and weights are in quiz/exams.ts; docs/authoring.md#exam-tags.
 */

export const EXAM_CODES = ['SAA-C03', 'SCS-C03', 'DVA-C03'] as const;
export type ExamCode = (typeof EXAM_CODES)[number];

/** Exam versions AWS no longer gives: the version that replaced each, and the last day it was given. */
export const RETIRED: Readonly<Record<string, { successor: ExamCode; lastDay: string }>> = {
  'SCS-C02': { successor: 'SCS-C03', lastDay: '2025-12-01' },
  'DVA-C02': { successor: 'DVA-C03', lastDay: '2026-11-30' },
};

/** `code` is one of the current exam versions. */
export const isCurrentExam = (code: string): code is ExamCode =>
  (EXAM_CODES as readonly string[]).includes(code);

/** The retired exam version `code` (`SCS-C02`), with its successor and last day; undefined if not one. */
export function retiredExam(
  code: string,
): { code: string; successor: ExamCode; lastDay: string } | undefined {
  return Object.hasOwn(RETIRED, code) ? { code, ...RETIRED[code]! } : undefined;
}

/** The exam a code names today: itself when current, its successor when retired. */
export function currentExam(code: string): ExamCode | undefined {
  return isCurrentExam(code) ? code : retiredExam(code)?.successor;
}

/** The retired version an exam tag (`SCS-C02/4.1`) names, if it names one. */
export const retiredVersion = (tag: string) => retiredExam(tag.split('/')[0]!);
