import type { BankQuestion } from '../../src/quiz/question.js';
import { begin, createGroup, type GroupState } from '../../src/group/state.js';

const base = { refs: [], exam: [], origin: 'authored' as const };

/** Three small questions of different types (content-independent). */
export const Q: BankQuestion[] = [
  {
    ...base,
    id: 'g/api',
    type: 'single',
    prompt: 'Which API lets an IAM user in account A use a role in account B?',
    choices: ['AssumeRole', 'GetSessionToken', 'GetFederationToken'],
    answer: 'AssumeRole',
    explain: 'Cross-account access is AssumeRole on a role whose trust policy names account A.',
    topics: ['assume-role', 'cross-account'],
  },
  {
    ...base,
    id: 'g/mfa',
    type: 'multi',
    prompt: 'Which parameters does GetSessionToken take for MFA?',
    choices: ['SerialNumber', 'TokenCode', 'ExternalId'],
    answer: ['SerialNumber', 'TokenCode'],
    explain: 'The MFA device serial number (or ARN) and the current code.',
    topics: ['mfa'],
  },
  {
    ...base,
    id: 'g/pair',
    type: 'pair',
    prompt: 'A vendor reaches into your account. Which API and which trust condition?',
    choices: [],
    answer: '',
    pair: {
      api: { choices: ['AssumeRole', 'AssumeRoleWithSAML'], answer: 'AssumeRole' },
      trust: { choices: ['sts:ExternalId', 'SAML:aud'], answer: 'sts:ExternalId' },
    },
    topics: ['cross-account'],
  },
];

/** A session with Ana, Ben and Chen over the three questions. */
export function game(players = ['Ana', 'Ben', 'Chen'], seed = 1): GroupState {
  return begin(createGroup({ questions: Q, seed }), players);
}
