// Condition operators are a registry of small objects, one family per file.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

/** One condition operator (without `ForAnyValue:`/`ForAllValues:` prefix or `IfExists` suffix). */
export interface ConditionOperator {
  /** Canonical name, e.g. 'StringNotLike'. */
  name: string;
  /** The positive comparison of one request value with one policy value. For a negated operator this
   * is the comparison being negated (StringNotEquals.compare is string equality). */
  compare(requestValue: string, policyValue: string): boolean;
  /** Negated operators match only when the request value matches none of the policy values. */
  negated: boolean;
  /** Policy values may contain policy variables (String*, Arn*, Bool). */
  variables: boolean;
  /** Policy values are `*`/`?` patterns; compare receives them in pattern syntax (escapes `${*}` kept). */
  wildcards?: boolean;
  /** The Null operator tests key presence, not values. */
  existence?: boolean;
}

/** An operator as written, split into set prefix, operator and `IfExists` suffix. */
export interface ParsedOperator {
  written: string;
  op: ConditionOperator;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

/** Why an operator as written is not one IAM knows; `suggestion` is the closest known name. */
export type OperatorProblem =
  /** The part before `:` is neither `ForAnyValue` nor `ForAllValues`. */
  | { code: 'unknown-set-operator'; prefix: string; suggestion?: string }
  /** `operator` as written (with any prefix and suffix). */
  | { code: 'unknown-operator'; operator: string; suggestion?: string }
  /** `NullIfExists`: the Null operator takes no IfExists suffix. */
  | { code: 'null-if-exists'; operator: string };
