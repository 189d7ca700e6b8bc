/**
 * The three exams' domains and the task statements the content tags, from the
 * official AWS Certification exam guides (SAA-C03 v1.1, SCS-C02 v1.0,
 * DVA-C02 v1.0: "Content outline" and "Exam content" sections): names, the
 * share of scored content per domain, length, time and the scaled passing score.
 * https://docs.aws.amazon.com/aws-certification/latest/examguides/ (exam guides)
 */

export type ExamCode = 'SAA-C03' | 'SCS-C02' | 'DVA-C02';
export const EXAM_CODES: readonly ExamCode[] = ['SAA-C03', 'SCS-C02', 'DVA-C02'];

export interface Domain {
  /** `1`, `2`… as in the task statements (`SCS-C02/4.1` is in domain `4`). */
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
  'SCS-C02': {
    code: 'SCS-C02',
    title: 'AWS Certified Security – Specialty',
    domains: [
      { id: '1', name: 'Threat Detection and Incident Response', weight: 14 },
      { id: '2', name: 'Security Logging and Monitoring', weight: 18 },
      { id: '3', name: 'Infrastructure Security', weight: 20 },
      { id: '4', name: 'Identity and Access Management', weight: 16 },
      { id: '5', name: 'Data Protection', weight: 18 },
      { id: '6', name: 'Management and Security Governance', weight: 14 },
    ],
    questions: 65,
    minutes: 170,
    passing: 750,
    tasks: {
      'SCS-C02/1.2': 'Detect security threats and anomalies by using AWS services',
      'SCS-C02/2.1': 'Design and implement monitoring and alerting to address security events',
      'SCS-C02/4.1': 'Design, implement, and troubleshoot authentication for AWS resources',
      'SCS-C02/4.2': 'Design, implement, and troubleshoot authorization for AWS resources',
      'SCS-C02/5.1':
        'Design and implement controls that provide confidentiality and integrity for data in transit',
    },
  },
  'DVA-C02': {
    code: 'DVA-C02',
    title: 'AWS Certified Developer – Associate',
    domains: [
      { id: '1', name: 'Development with AWS Services', weight: 32 },
      { id: '2', name: 'Security', weight: 26 },
      { id: '3', name: 'Deployment', weight: 24 },
      { id: '4', name: 'Troubleshooting and Optimization', weight: 18 },
    ],
    questions: 65,
    minutes: 130,
    passing: 720,
    tasks: {
      'DVA-C02/2.1': 'Implement authentication and/or authorization for applications and AWS services',
      'DVA-C02/2.2': 'Implement encryption by using AWS services',
      'DVA-C02/2.3': 'Manage sensitive data in application code',
    },
  },
};

/** `SCS-C02/4.1` → the exam and domain it belongs to. */
export function parseTask(tag: string): { exam: ExamCode; domain: string } | undefined {
  const m = /^(SAA-C03|SCS-C02|DVA-C02)\/(\d+)(?:\.\d+)?$/.exec(tag);
  return m ? { exam: m[1] as ExamCode, domain: m[2]! } : undefined;
}

/** `SCS-C02 4.1 Design, implement, … authentication …`: the code with its official name when known. */
export function taskName(tag: string): string {
  const p = parseTask(tag);
  const name = p && EXAMS[p.exam].tasks[tag];
  return name ? `${tag.replace('/', ' ')} ${name}` : tag;
}

/** The domain of `exam` with id `domain`. */
export function domainOf(exam: ExamCode, domain: string): Domain | undefined {
  return EXAMS[exam].domains.find((d) => d.id === domain);
}
