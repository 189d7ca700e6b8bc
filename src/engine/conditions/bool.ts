// Bool: "true"/"false", compared case-insensitively; policy variables allowed.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
import type { ConditionOperator } from './types.js';

export const boolOperators: ConditionOperator[] = [
  {
    name: 'Bool',
    compare: (r, p) => {
      const a = r.toLowerCase();
      return (a === 'true' || a === 'false') && a === p.toLowerCase();
    },
    negated: false,
    variables: true,
  },
];
