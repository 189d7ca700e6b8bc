/**
 * The assertion's attributes: the Role attribute pairs the role with the provider, the Subject and
 * RoleSessionName name the session, and a SourceIdentity attribute is well formed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
import { AccessDenied, InvalidIdentityToken, type AwsError } from '../../errors.js';
import { REF } from '../../refs.js';
import type { Trace } from '../../trace.js';
import type { SamlRequest } from './request.js';

export const DENIED = 'Not authorized to perform sts:AssumeRoleWithSAML';
const SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;

const error = (aws: AwsError) => ({ error: aws });

/** Who the session is for, from the assertion's attributes. */
export interface SamlSubject {
  subject: string;
  sessionName: string;
}

export function checkAttributes(request: SamlRequest, trace: Trace): SamlSubject | { error: AwsError } {
  const { roleArn, principalArn, assertion } = request;
  const pairs = (assertion.roles ?? []).map((value) => value.split(',').map((part) => part.trim()));
  const paired = pairs.some((pair) => pair.includes(roleArn) && pair.includes(principalArn));
  if (!paired) {
    trace.fail({
      id: 'saml.role',
      phase: 'federation',
      values: { values: assertion.roles ?? [], role: roleArn, provider: principalArn },
      ref: REF.samlAssertions,
    });
    return error(
      InvalidIdentityToken(
        "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
      ),
    );
  }
  trace.pass({
    id: 'saml.role',
    phase: 'federation',
    values: { values: assertion.roles ?? [], role: roleArn, provider: principalArn },
    ref: REF.samlAssertions,
  });
  if (!assertion.subject) {
    trace.fail({
      id: 'saml.subject',
      phase: 'federation',
      values: {},
      ref: REF.samlAssertions,
    });
    return error(AccessDenied(DENIED));
  }
  const sessionName = assertion.sessionName ?? assertion.subject;
  if (!SESSION_NAME.test(sessionName)) {
    trace.fail({
      id: 'saml.sessionName',
      phase: 'federation',
      values: { sessionName },
      ref: REF.samlAssertions,
    });
    return error(
      InvalidIdentityToken('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}'),
    );
  }
  trace.pass({
    id: 'saml.sessionName',
    phase: 'federation',
    values: { sessionName },
    ref: REF.samlAssertions,
  });
  if (
    assertion.sourceIdentity !== undefined &&
    (!SESSION_NAME.test(assertion.sourceIdentity) || assertion.sourceIdentity.startsWith('aws:'))
  ) {
    trace.fail({
      id: 'saml.sourceIdentity',
      phase: 'source-identity',
      values: { sourceIdentity: assertion.sourceIdentity },
      ref: REF.sourceIdentity,
    });
    return error(
      InvalidIdentityToken('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'),
    );
  }
  return { subject: assertion.subject, sessionName };
}
