/**
 * GetCallerIdentity: "who am I". No permission is needed and it cannot be
 * denied — an explicit Deny on sts:GetCallerIdentity has no effect.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
import type { ApiHandler } from '../api.js';
import { viewOf } from '../mint.js';
import { REF } from '../refs.js';

export const getCallerIdentity: ApiHandler = ({ state, caller, trace }) => {
  if (caller.type !== 'credentials') throw new Error('GetCallerIdentity needs credentials');
  const c = caller.creds;
  const denies = [...(c.role?.policies ?? c.user?.policies ?? [])].some((p) =>
    p.statements.some(
      (s) =>
        s.effect === 'Deny' &&
        s.action.patterns.some((a) => /^sts:(\*|getcalleridentity|getcaller\*)$/i.test(a) || a === '*'),
    ),
  );
  trace.pass(
    'authorize.none',
    'authorize',
    'GetCallerIdentity needs no permission and cannot be denied',
    denies ? 'a Deny statement covers sts:GetCallerIdentity, and it has no effect' : 'no policy is evaluated',
    REF.getCallerIdentity,
  );
  return {
    response: { UserId: c.userId, Account: c.account, Arn: c.arn },
    view: viewOf(c, state.now),
  };
};
