// Numeric condition operators: integers and decimals compared by value; a value that is not a number
// never matches. No policy variables.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
import type { ConditionOperator } from './types.js';

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

/** The value as a number, or undefined when it is not a plain decimal. */
export function parseNumber(value: string): number | undefined {
  return NUMBER.test(value) ? Number(value) : undefined;
}

function numeric(test: (r: number, p: number) => boolean): (r: string, p: string) => boolean {
  return (r, p) => {
    const a = parseNumber(r);
    const b = parseNumber(p);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

export const numericOperators: ConditionOperator[] = [
  { name: 'NumericEquals', compare: numeric((a, b) => a === b), negated: false, variables: false },
  { name: 'NumericNotEquals', compare: numeric((a, b) => a === b), negated: true, variables: false },
  { name: 'NumericLessThan', compare: numeric((a, b) => a < b), negated: false, variables: false },
  { name: 'NumericLessThanEquals', compare: numeric((a, b) => a <= b), negated: false, variables: false },
  { name: 'NumericGreaterThan', compare: numeric((a, b) => a > b), negated: false, variables: false },
  { name: 'NumericGreaterThanEquals', compare: numeric((a, b) => a >= b), negated: false, variables: false },
];
