// Null: `true` matches when the key is absent from the request, `false` when it is present. It tests
// presence, not values, so the generic evaluator handles it (existence: true); IfExists is not allowed.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
import type { ConditionOperator } from './types.js';

/** Does a Null policy value ("true"/"false") match the key's presence? Anything else never matches. */
export function nullMatches(policyValue: string, present: boolean): boolean {
  const v = policyValue.toLowerCase();
  return v === 'true' ? !present : v === 'false' ? present : false;
}

export const nullOperators: ConditionOperator[] = [
  { name: 'Null', compare: () => false, negated: false, variables: false, existence: true },
];
