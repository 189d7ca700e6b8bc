/**
 * AssumeRoleWithSAML: an unsigned request carrying an IdP-signed assertion.
 * STS checks the assertion against the IAM SAML provider, then the role's
 * trust policy (Principal.Federated = the provider).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { baseContext, callContext, ContextBuilder } from '../context.js';
import { AccessDenied, ExpiredTokenException, InvalidIdentityToken, ValidationError } from '../errors.js';
import { authorizeIdpCall, idpTags } from '../federation.js';
import { hex } from '../ids.js';
import { arnIsValid, FIELDS, Validator } from '../params.js';
import { REF } from '../refs.js';
import { nameQualifier } from '../sha1.js';
import {
  findRole,
  issueRoleSession,
  requestTagKeys,
  roleDuration,
  roleResourceTags,
} from '../role-session.js';
import { DURATION } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { iso, parseDuration, parseInstant } from '../time.js';

const DENIED = 'Not authorized to perform sts:AssumeRoleWithSAML';
/** The sign-in endpoint: the default Recipient, hence the default saml:aud. */
const SIGNIN = 'https://signin.aws.amazon.com/saml';
/**
 * The values AWS accepts in the assertion's AudienceRestriction (IAM UG, "Configure SAML assertions
 * for the authentication response"). AWS's troubleshooting page gives the message for a wrong one
 * ("Response does not contain the required audience.") but not the error code: InvalidIdentityToken
 * is the trainer's choice, the code STS uses for every other assertion-validation failure
 * (docs/decisions.md#error-messages).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html
 */
const WEBSERVICES = 'urn:amazon:webservices';
const AUDIENCES = [WEBSERVICES, SIGNIN];
const WRONG_AUDIENCE = 'Response does not contain the required audience.';
const SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;

interface Assertion {
  issuer?: string;
  signedBy?: string;
  subject?: string;
  subjectType?: string;
  sessionName?: string;
  /** SubjectConfirmationData/@Recipient: becomes saml:aud and the response's Audience. */
  recipient?: string;
  /** AudienceRestriction/Audience: must name AWS (AUDIENCES), else the assertion is rejected. */
  audience?: string;
  roles?: string[];
  sessionDuration?: number | string;
  notOnOrAfter?: string | number;
  sessionNotOnOrAfter?: string | number;
  tags?: Record<string, unknown>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
}

/** docs/decisions.md#error-messages: the nested service suffix is part of AWS's message. */
const discovery = (text: string, code: string, seed: string) =>
  `${text} (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: ${code}; Request ID: ${hex(seed, 8)}-${hex(`${seed}1`, 4)}-${hex(`${seed}2`, 4)}-${hex(`${seed}3`, 4)}-${hex(`${seed}4`, 12)}; Proxy: null)`;

export const assumeRoleWithSaml: ApiHandler = ({ state, call, params, trace }) => {
  const v = new Validator(params);
  const parsed = v.result(
    {
      roleArn: v.required(FIELDS.RoleArn),
      principalArn: v.required(FIELDS.PrincipalArn),
      duration: v.duration(DURATION.roleMin, DURATION.roleModelMax),
      policyText: v.policyText(2048),
      policyArns: v.policyArns(),
      assertion: v.present('SAMLAssertion', 'sAMLAssertion'),
    },
    trace,
    REF.assumeRoleWithSaml,
  );
  if ('error' in parsed) return parsed;
  const { roleArn, principalArn, duration, policyText, policyArns } = parsed.request;
  if (
    !arnIsValid(roleArn) ||
    !arnIsValid(principalArn) ||
    !/:saml-provider\//.test(principalArn) ||
    !/:role\//.test(roleArn)
  ) {
    trace.fail({
      id: 'validate.arns',
      phase: 'validate',
      title: 'RoleArn names a role and PrincipalArn a SAML provider',
      detail: `${roleArn} / ${principalArn}`,
      ref: REF.assumeRoleWithSaml,
    });
    return fail(ValidationError('Request ARN is invalid'));
  }
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    title: "parameters satisfy the API's constraints",
    ref: REF.assumeRoleWithSaml,
  });
  const a = parsed.request.assertion;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    trace.fail({
      id: 'saml.parse',
      phase: 'federation',
      title: 'SAMLAssertion is a SAML response',
      detail: 'not a structured assertion',
      ref: REF.samlAssertions,
    });
    return fail(InvalidIdentityToken('Invalid base64 SAMLResponse'));
  }
  const assertion = a as Assertion;

  // The assertion, checked against the IAM SAML provider's metadata.
  const provider = state.world.samlProviders.get(principalArn);
  if (!provider) {
    trace.fail({
      id: 'saml.provider',
      phase: 'federation',
      title: 'PrincipalArn is a SAML provider in IAM',
      detail: `no provider \`${principalArn}\``,
      ref: REF.samlProviders,
    });
    return fail(
      InvalidIdentityToken(
        discovery("Specified provider doesn't exist", 'AuthSamlManifestNotFoundException', principalArn),
      ),
    );
  }
  trace.pass({
    id: 'saml.provider',
    phase: 'federation',
    title: `the SAML provider exists: ${provider.name}`,
    detail: provider.arn,
    ref: REF.samlProviders,
  });
  if (assertion.issuer !== provider.issuer) {
    trace.fail({
      id: 'saml.issuer',
      phase: 'federation',
      title: "the assertion's Issuer is the provider's",
      detail: `assertion: ${assertion.issuer ?? '(none)'}; provider metadata: ${provider.issuer}`,
      ref: REF.samlTroubleshoot,
    });
    return fail(
      InvalidIdentityToken(
        discovery(
          'Issuer not present in specified provider',
          'AuthSamlInvalidSamlResponseException',
          provider.arn,
        ),
      ),
    );
  }
  trace.pass({
    id: 'saml.issuer',
    phase: 'federation',
    title: "the assertion's Issuer is the provider's",
    detail: provider.issuer,
    ref: REF.samlTroubleshoot,
  });
  if (assertion.signedBy !== provider.name) {
    trace.fail({
      id: 'saml.signature',
      phase: 'federation',
      title: "the signature verifies with the provider's certificate",
      detail: `signed by ${assertion.signedBy ?? '(nobody)'}, expected ${provider.name}`,
      ref: REF.samlTroubleshoot,
    });
    return fail(InvalidIdentityToken('Response signature invalid'));
  }
  trace.pass({
    id: 'saml.signature',
    phase: 'federation',
    title: "the signature verifies with the provider's certificate",
    detail: provider.name,
    ref: REF.samlTroubleshoot,
  });
  const audience = assertion.audience ?? WEBSERVICES;
  if (!AUDIENCES.includes(audience)) {
    trace.fail({
      id: 'saml.audience',
      phase: 'federation',
      title: `the AudienceRestriction names AWS (${AUDIENCES.join(' or ')})`,
      detail: audience,
      ref: REF.samlAssertions,
    });
    return fail(InvalidIdentityToken(WRONG_AUDIENCE));
  }
  trace.pass({
    id: 'saml.audience',
    phase: 'federation',
    title: 'the AudienceRestriction names AWS',
    detail: audience,
    ref: REF.samlAssertions,
  });
  const deadline = parseInstant(assertion.notOnOrAfter ?? '+5m', state.now);
  if (deadline !== undefined && state.now >= deadline) {
    // AWS's wording for an assertion redeemed too late (docs/decisions.md#error-messages); the exact text for a
    // NotOnOrAfter that has passed is not documented.
    trace.fail({
      id: 'saml.expiry',
      phase: 'federation',
      title: 'the assertion is redeemed before NotOnOrAfter',
      detail: `NotOnOrAfter ${iso(deadline)}; now ${iso(state.now)}`,
      ref: REF.samlAssertions,
    });
    return fail(ExpiredTokenException('Token must be redeemed within 5 minutes of issuance'));
  }
  trace.pass({
    id: 'saml.expiry',
    phase: 'federation',
    title: 'the assertion is redeemed before NotOnOrAfter',
    detail: deadline !== undefined ? iso(deadline) : undefined,
    ref: REF.samlAssertions,
  });
  const pairs = (assertion.roles ?? []).map((r) => r.split(',').map((x) => x.trim()));
  const paired = pairs.some((p) => p.includes(roleArn) && p.includes(principalArn));
  if (!paired) {
    trace.fail({
      id: 'saml.role',
      phase: 'federation',
      title: 'the Role attribute pairs RoleArn with PrincipalArn',
      detail: `attribute values: ${(assertion.roles ?? []).join(' | ') || '(none)'}`,
      ref: REF.samlAssertions,
    });
    return fail(
      InvalidIdentityToken(
        "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
      ),
    );
  }
  trace.pass({
    id: 'saml.role',
    phase: 'federation',
    title: 'the Role attribute pairs RoleArn with PrincipalArn',
    detail: `${roleArn},${principalArn}`,
    ref: REF.samlAssertions,
  });
  if (!assertion.subject) {
    trace.fail({
      id: 'saml.subject',
      phase: 'federation',
      title: 'the assertion has a Subject NameID',
      ref: REF.samlAssertions,
    });
    return fail(AccessDenied(DENIED));
  }
  const sessionName = assertion.sessionName ?? assertion.subject;
  if (!SESSION_NAME.test(sessionName)) {
    trace.fail({
      id: 'saml.sessionName',
      phase: 'federation',
      title: 'the RoleSessionName attribute matches [a-zA-Z_0-9+=,.@-]{2,64}',
      detail: sessionName,
      ref: REF.samlAssertions,
    });
    return fail(InvalidIdentityToken('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}'));
  }
  trace.pass({
    id: 'saml.sessionName',
    phase: 'federation',
    title: `session name from the RoleSessionName attribute: ${sessionName}`,
    ref: REF.samlAssertions,
  });
  if (
    assertion.sourceIdentity !== undefined &&
    (!SESSION_NAME.test(assertion.sourceIdentity) || assertion.sourceIdentity.startsWith('aws:'))
  ) {
    trace.fail({
      id: 'saml.sourceIdentity',
      phase: 'source-identity',
      title: 'the SourceIdentity attribute is valid',
      detail: assertion.sourceIdentity,
      ref: REF.sourceIdentity,
    });
    return fail(
      InvalidIdentityToken('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'),
    );
  }
  const sp = sessionPolicies(state, params.Policy, policyArns, trace);
  if ('error' in sp) return fail(sp.error);

  const role = findRole(state, roleArn, trace);
  if (!role) return fail(AccessDenied(DENIED));
  const tags = idpTags(assertion.tags);
  const transitive = assertion.transitiveTagKeys ?? [];
  const subjectType = assertion.subjectType ?? 'persistent';
  // SAML keys during the call (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml);
  // saml:aud is SubjectConfirmationData/@Recipient, never the AudienceRestriction.
  const recipient = assertion.recipient ?? SIGNIN;
  const qualifier = nameQualifier(provider.issuer, provider.account, provider.name);
  const carried = new ContextBuilder()
    .set('saml:sub', assertion.subject)
    .set('saml:sub_type', subjectType)
    .set('saml:namequalifier', qualifier);
  const b = baseContext(state.now, true)
    .set('saml:aud', recipient)
    .set('saml:iss', assertion.issuer)
    .set('saml:doc', `${provider.account}/${provider.name}`)
    .set('sts:RoleSessionName', sessionName);
  for (const e of carried.build().values()) b.add(e);
  if (assertion.sourceIdentity) b.set('sts:SourceIdentity', assertion.sourceIdentity);
  requestTagKeys(b, tags, transitive);
  roleResourceTags(b, role, {});
  callContext(b, call);
  const context = b.build();
  const sends = { tags: Object.keys(tags).length > 0, sourceIdentity: Boolean(assertion.sourceIdentity) };
  const assume = { action: 'sts:AssumeRoleWithSAML', ref: REF.samlProviders };
  if (!authorizeIdpCall(provider.arn, role, assume, sends, context, trace)) return fail(AccessDenied(DENIED));
  const d = roleDuration({ requested: duration, role }, trace);
  if ('error' in d) return fail(d.error);
  let seconds = d.seconds;
  // SessionDuration can only shorten an API session; SessionNotOnOrAfter caps it (docs/decisions.md#durations).
  const attr = parseDuration(assertion.sessionDuration);
  if (attr !== undefined && attr < seconds) {
    trace.info({
      id: 'duration.saml',
      phase: 'duration',
      title: `the SessionDuration attribute shortens the session to ${attr} s`,
      ref: REF.samlAssertions,
    });
    seconds = attr;
  }
  const sessionEnd = parseInstant(assertion.sessionNotOnOrAfter, state.now);
  if (sessionEnd !== undefined && (sessionEnd - state.now) / 1000 < seconds) {
    seconds = Math.max(0, Math.floor((sessionEnd - state.now) / 1000));
    trace.info({
      id: 'duration.saml',
      phase: 'duration',
      title: `SessionNotOnOrAfter caps the session at ${iso(sessionEnd)}`,
      detail: `${seconds} s`,
      ref: REF.assumeRoleWithSaml,
    });
  }
  return issueRoleSession(
    state,
    role,
    sessionName,
    {
      duration: seconds,
      mfa: false,
      ...(sp.policies ? { sessionPolicies: sp.policies } : {}),
      tags,
      transitiveKeys: transitive,
      ...(assertion.sourceIdentity ? { sourceIdentity: assertion.sourceIdentity } : {}),
      federation: { kind: 'saml', provider: provider.arn, carried: [...carried.build().values()] },
      origin: 'AssumeRoleWithSAML',
    },
    { policyText, arnCount: policyArns?.length ?? 0, passedTags: tags },
    trace,
    {
      Subject: assertion.subject,
      SubjectType: subjectType,
      Issuer: assertion.issuer,
      Audience: recipient,
      NameQualifier: qualifier,
    },
  );
};
