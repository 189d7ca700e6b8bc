// BinaryEquals: the request's bytes against a base64-encoded policy value. The simulator carries binary
// request values as base64 too, so the comparison is of the base64 strings.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
import type { ConditionOperator } from './types.js';

export const binaryOperators: ConditionOperator[] = [
  { name: 'BinaryEquals', compare: (r, p) => r === p, negated: false, variables: false },
];
