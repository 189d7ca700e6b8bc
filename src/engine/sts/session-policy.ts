/**
 * Session policies passed to AssumeRole*, GetFederationToken: an inline `Policy`
 * and managed `PolicyArns`. They can only narrow the session's permissions.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */
import { normalizePolicy } from '../policy/normalize.js';
import type { NormalizedPolicy } from '../policy/types.js';
import { MalformedPolicyDocument, type AwsError } from './errors.js';
import { REF } from './refs.js';
import type { EngineState } from './state.js';
import type { Trace } from './trace.js';

export function sessionPolicies(
  state: EngineState,
  policy: unknown,
  arns: string[] | undefined,
  trace: Trace,
): { policies?: NormalizedPolicy[] } | { error: AwsError } {
  if (policy === undefined && (arns === undefined || arns.length === 0)) return {};
  const out: NormalizedPolicy[] = [];
  if (policy !== undefined) {
    let doc = policy;
    if (typeof policy === 'string') {
      try {
        doc = JSON.parse(policy);
      } catch {
        trace.fail({
          id: 'session.policy',
          phase: 'validate',
          values: { problem: 'json' },
          ref: REF.sessionPolicies,
        });
        return { error: MalformedPolicyDocument('The policy is not in the valid JSON format.') };
      }
    }
    const { policy: p, problems } = normalizePolicy(doc, { kind: 'session' }, 'session');
    const [problem] = problems;
    if (problem) {
      trace.fail({
        id: 'session.policy',
        phase: 'validate',
        values: { problem: 'invalid', detail: problem },
        ref: REF.sessionPolicies,
      });
      return { error: MalformedPolicyDocument('Syntax errors in policy.') };
    }
    out.push(p);
  }
  for (const arn of arns ?? []) {
    const p = state.world.managedPolicies.get(arn);
    if (!p) {
      trace.fail({
        id: 'session.policyArns',
        phase: 'validate',
        values: { arn },
      });
      return { error: MalformedPolicyDocument(`Policy ${arn} does not exist or is not attachable.`) };
    }
    const ref = { kind: 'managed-session', name: arn.split('/').pop() ?? arn } as const;
    out.push({ ...p, ref });
  }
  trace.pass({
    id: 'session.policy',
    phase: 'validate',
    values: { policies: out.map((p) => p.ref) },
    ref: REF.sessionPolicies,
  });
  return { policies: out };
}
