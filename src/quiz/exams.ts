/**
 * The three exams' domains and the task statements the content tags, from the
 * official AWS Certification exam guides (SAA-C03 v1.1, SCS-C03, DVA-C03:
 * "Content outline" and "Exam content" sections): names, the share of scored
 * content per domain, length, time and the scaled passing score.
 * https://docs.aws.amazon.com/aws-certification/latest/examguides/ (exam guides)
 *
 * The current versions and the retired ones they replaced: content/exam-versions.ts.
 */
import { isCurrentExam, type ExamCode } from '../content/exam-versions.js';

export { currentExam, EXAM_CODES, RETIRED, type ExamCode } from '../content/exam-versions.js';

export interface Domain {
  /** `1`, `2`… as in the task statements (`SCS-C03/4.1` is in domain `4`). */
  id: string;
  name: string;
  /** Percentage of scored content. */
  weight: number;
}

export interface ExamInfo {
  code: ExamCode;
  title: string;
  domains: Domain[];
  /** The real exam: questions (scored and unscored) and minutes. */
  questions: number;
  minutes: number;
  /** Scaled passing score out of 100–1000. */
  passing: number;
  /** Names of the task statements the content uses, by `CODE/n.m`. */
  tasks: Record<string, string>;
}

export const EXAMS: Record<ExamCode, ExamInfo> = {
  'SAA-C03': {
    code: 'SAA-C03',
    title: 'AWS Certified Solutions Architect – Associate',
    domains: [
      { id: '1', name: 'Design Secure Architectures', weight: 30 },
      { id: '2', name: 'Design Resilient Architectures', weight: 26 },
      { id: '3', name: 'Design High-Performing Architectures', weight: 24 },
      { id: '4', name: 'Design Cost-Optimized Architectures', weight: 20 },
    ],
    questions: 65,
    minutes: 130,
    passing: 720,
    tasks: {
      'SAA-C03/1.1': 'Design secure access to AWS resources',
      'SAA-C03/1.2': 'Design secure workloads and applications',
      'SAA-C03/1.3': 'Determine appropriate data security controls',
    },
  },
  'SCS-C03': {
    code: 'SCS-C03',
    title: 'AWS Certified Security – Specialty',
    domains: [
      { id: '1', name: 'Detection', weight: 16 },
      { id: '2', name: 'Incident Response', weight: 14 },
      { id: '3', name: 'Infrastructure Security', weight: 18 },
      { id: '4', name: 'Identity and Access Management', weight: 20 },
      { id: '5', name: 'Data Protection', weight: 18 },
      { id: '6', name: 'Security Foundations and Governance', weight: 14 },
    ],
    questions: 65,
    minutes: 170,
    passing: 750,
    tasks: {
      'SCS-C03/1.1':
        'Design and implement monitoring and alerting solutions for an AWS account or organization',
      'SCS-C03/2.2': 'Respond to security events',
      'SCS-C03/4.1': 'Design, implement, and troubleshoot authentication strategies',
      'SCS-C03/4.2': 'Design, implement, and troubleshoot authorization strategies',
      'SCS-C03/5.1': 'Design and implement controls for data in transit',
    },
  },
  'DVA-C03': {
    code: 'DVA-C03',
    title: 'AWS Certified Developer – Associate',
    domains: [
      { id: '1', name: 'Development with AWS Services', weight: 30 },
      { id: '2', name: 'Security', weight: 26 },
      { id: '3', name: 'Testing and Deployment', weight: 22 },
      { id: '4', name: 'Troubleshooting and Optimization', weight: 22 },
    ],
    // Length, time and pass mark as DVA-C02's: AWS's comparison of the two versions lists no change.
    questions: 65,
    minutes: 130,
    passing: 720,
    tasks: {
      // The comparison lists content added to Task 2.1 (presigned URLs) and no change of its title.
      'DVA-C03/2.1': 'Implement authentication and/or authorization for applications and AWS services',
    },
  },
};

/** `SCS-C03/4.1` → the exam and domain it belongs to (a current exam only). */
export function parseTask(tag: string): { exam: ExamCode; domain: string } | undefined {
  const m = /^([A-Z]{3}-C\d{2})\/(\d+)(?:\.\d+)?$/.exec(tag);
  return m && isCurrentExam(m[1]!) ? { exam: m[1], domain: m[2]! } : undefined;
}

/** `SCS-C03 4.1 Design, implement, … authentication …`: the code with its official name when known. */
export function taskName(tag: string): string {
  const p = parseTask(tag);
  const name = p && EXAMS[p.exam].tasks[tag];
  return name ? `${tag.replace('/', ' ')} ${name}` : tag;
}

/** The domain of `exam` with id `domain`. */
export function domainOf(exam: ExamCode, domain: string): Domain | undefined {
  return EXAMS[exam].domains.find((d) => d.id === domain);
}
