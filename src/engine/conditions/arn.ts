// ARN operators: ArnEquals and ArnLike behave the same — each of the six `:`-separated segments is
// matched separately with `*`/`?`, case-sensitively; policy variables allowed.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { arnMatch } from '../policy/wildcard.js';
import type { ConditionOperator } from './types.js';

export const arnOperators: ConditionOperator[] = [
  { name: 'ArnEquals', compare: arnMatch, negated: false, variables: true, wildcards: true },
  { name: 'ArnLike', compare: arnMatch, negated: false, variables: true, wildcards: true },
  { name: 'ArnNotEquals', compare: arnMatch, negated: true, variables: true, wildcards: true },
  { name: 'ArnNotLike', compare: arnMatch, negated: true, variables: true, wildcards: true },
];
