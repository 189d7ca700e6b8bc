/**
 * The one IAM write the simulator applies: iam:PutRolePolicy, which is how the
 * IAM console's "Revoke active sessions" works. It attaches the inline policy
 * AWSRevokeOlderSessions to the role, denying every action to sessions whose
 * aws:TokenIssueTime is before the moment of revocation; sessions issued later
 * are not affected. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 * (IAM's eventual consistency is not simulated: the policy applies from the next call.)
 * A `Request` step makes the write: `action: iam:PutRolePolicy`, `resource:` the
 * role's ARN, `params: { PolicyName, PolicyDocument }`.
 */
import { normalizePolicy } from '../policy/normalize.js';
import type { NormalizedPolicy } from '../policy/types.js';
import { MalformedPolicyDocument, type AwsError } from './errors.js';
import { parseRoleArn } from './arns.js';
import type { EngineState } from './state.js';
import type { Trace } from './trace.js';
import { roleKey } from './world-model.js';

const REF_REVOKE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html';

/** Applies an allowed IAM write; returns an error when it cannot be applied. */
export function applyIamWrite(
  state: EngineState,
  action: string,
  resourceArn: string,
  params: Record<string, unknown>,
  trace: Trace,
): AwsError | undefined {
  if (action.toLowerCase() !== 'iam:putrolepolicy' || params.PolicyDocument === undefined) return undefined;
  const parsed = parseRoleArn(resourceArn);
  const key = parsed ? roleKey(parsed.account, parsed.name) : '';
  const role = state.world.roles.get(key);
  if (!role) {
    trace.fail({
      id: 'iam.role',
      phase: 'issue',
      values: { role: resourceArn },
      ref: REF_REVOKE,
    });
    return {
      code: 'NoSuchEntity',
      message: `The role with name ${parsed?.name ?? resourceArn} cannot be found.`,
      httpStatus: 404,
    };
  }
  const name = typeof params.PolicyName === 'string' ? params.PolicyName : 'inline';
  const { policy, problems } = normalizePolicy(
    params.PolicyDocument,
    { kind: 'inline', name, role: role.name },
    'identity',
  );
  const bad = problems[0];
  if (bad) {
    trace.fail({
      id: 'iam.policy',
      phase: 'issue',
      values: { problem: bad },
      ref: REF_REVOKE,
    });
    return MalformedPolicyDocument('Syntax errors in policy.');
  }
  const list = state.rolePolicies.get(key) ?? [];
  const replaced = (p: NormalizedPolicy) => p.ref.kind === 'inline' && p.ref.name === name;
  state.rolePolicies.set(key, [...list.filter((p) => !replaced(p)), policy]);
  trace.pass({
    id: 'iam.put-role-policy',
    phase: 'issue',
    values: { policy: name, role: role.name },
    ref: REF_REVOKE,
  });
  return undefined;
}
