// What can be wrong with a policy document, as codes with their values: the engine says what it found,
// the sentences a reader sees are built outside it (src/content/problem-text.ts), so rewording one never
// touches the simulator.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import type { OperatorProblem } from '../conditions/types.js';
import type { PolicyKind as Kind } from './types.js';

/** A statement element that comes in a positive and a `Not…` form. */
export type PairedElement = 'Principal' | 'Action' | 'Resource';

/** One problem found while normalising a policy, by code, with the values its wording needs. */
export type PolicyProblemDetail =
  /** The document is not a JSON object. */
  | { code: 'policy-not-object' }
  /** A top-level field other than Version, Id, Statement; `suggestion` is the closest known field. */
  | { code: 'unknown-policy-field'; field: string; suggestion?: string }
  | { code: 'missing-statement' }
  | { code: 'statement-not-object' }
  | { code: 'unknown-statement-field'; field: string; suggestion?: string }
  | { code: 'missing-effect' }
  /** `effect` is the value as written, as text. */
  | { code: 'invalid-effect'; effect: string; suggestion?: string }
  | { code: 'trust-not-principal' }
  /** `element` and its `Not…` form are both present (Principal, Action or Resource). */
  | { code: 'both-elements'; element: PairedElement }
  | { code: 'missing-principal'; kind: Kind }
  /** An identity-side policy names a principal: kept but ignored. */
  | { code: 'principal-ignored'; kind: Kind; element: 'Principal' | 'NotPrincipal' }
  | { code: 'missing-action' }
  | { code: 'missing-resource' }
  /** IAM's MalformedPolicyDocument "Has prohibited field Resource". */
  | { code: 'trust-resource' }
  /** `element` as written, e.g. `Action` or `Principal.AWS`. */
  | { code: 'not-string-list'; element: string }
  | { code: 'empty-list'; element: string }
  | { code: 'principal-shape'; element: 'Principal' | 'NotPrincipal' }
  | { code: 'unknown-principal-type'; type: string; suggestion?: string }
  /** A principal value with `*` or `?` other than a bare `*`: it matches nobody. */
  | { code: 'principal-wildcard'; value: string }
  | { code: 'condition-not-object' }
  | { code: 'condition-block-not-object'; operator: string }
  | { code: 'condition-value-type'; key: string }
  | OperatorProblem;

/** A policy problem's code. */
export type PolicyProblemCode = PolicyProblemDetail['code'];

/** A problem with a policy document: what (the code and its values) and where. */
export type PolicyProblem = PolicyProblemDetail & {
  /** JSON path into the policy document. */
  path: (string | number)[];
  /** The statement it is in (0-based), when it is in one. */
  statement?: number;
};

/** Why a statement cannot be evaluated (it never matches); the problem at its path says more. */
export type SkipReason =
  | 'not-an-object'
  | 'missing-effect'
  | 'invalid-effect'
  | 'principal-and-not-principal'
  | 'invalid-principal'
  | 'invalid-not-principal'
  | 'missing-principal'
  | 'missing-action'
  | 'invalid-action'
  | 'missing-resource'
  | 'invalid-resource'
  | 'invalid-condition';
