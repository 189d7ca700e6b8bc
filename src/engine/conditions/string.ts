// String condition operators: Equals are exact and case-sensitive, IgnoreCase folds case, Like supports
// `*` and `?` across the whole value (including `:`); all accept policy variables.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
import { wildcardMatch } from '../policy/wildcard.js';
import type { ConditionOperator } from './types.js';

const equals = (r: string, p: string): boolean => r === p;
const equalsIgnoreCase = (r: string, p: string): boolean => r.toLowerCase() === p.toLowerCase();
const like = (r: string, p: string): boolean => wildcardMatch(r, p);

export const stringOperators: ConditionOperator[] = [
  { name: 'StringEquals', compare: equals, negated: false, variables: true },
  { name: 'StringNotEquals', compare: equals, negated: true, variables: true },
  { name: 'StringEqualsIgnoreCase', compare: equalsIgnoreCase, negated: false, variables: true },
  { name: 'StringNotEqualsIgnoreCase', compare: equalsIgnoreCase, negated: true, variables: true },
  { name: 'StringLike', compare: like, negated: false, variables: true, wildcards: true },
  { name: 'StringNotLike', compare: like, negated: true, variables: true, wildcards: true },
];
