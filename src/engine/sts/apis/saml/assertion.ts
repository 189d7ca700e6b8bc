/**
 * The SAML assertion, checked against the IAM SAML provider's metadata: the provider exists, the
 * Issuer is its own, the signature verifies, the AudienceRestriction names AWS and the assertion is
 * redeemed in time. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html
 */
import { ExpiredTokenException, InvalidIdentityToken, type AwsError } from '../../errors.js';
import { hex } from '../../ids.js';
import { REF } from '../../refs.js';
import type { EngineState } from '../../state.js';
import { iso, parseInstant } from '../../time.js';
import type { Trace } from '../../trace.js';
import type { SamlProviderModel } from '../../world-model.js';
import type { SamlRequest } from './request.js';

/** The sign-in endpoint: the default Recipient, hence the default saml:aud. */
export const SIGNIN = 'https://signin.aws.amazon.com/saml';
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

/** docs/decisions.md#error-messages: the nested service suffix is part of AWS's message. */
const discovery = (text: string, code: string, seed: string) =>
  `${text} (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: ${code}; Request ID: ${hex(seed, 8)}-${hex(`${seed}1`, 4)}-${hex(`${seed}2`, 4)}-${hex(`${seed}3`, 4)}-${hex(`${seed}4`, 12)}; Proxy: null)`;

const error = (aws: AwsError) => ({ error: aws });

/** The provider whose metadata the assertion satisfies, or the AWS error. */
export function checkAssertion(
  state: EngineState,
  request: SamlRequest,
  trace: Trace,
): { provider: SamlProviderModel } | { error: AwsError } {
  const { principalArn, assertion } = request;
  const provider = state.world.samlProviders.get(principalArn);
  if (!provider) {
    trace.fail({
      id: 'saml.provider',
      phase: 'federation',
      values: { provider: principalArn },
      ref: REF.samlProviders,
    });
    return error(
      InvalidIdentityToken(
        discovery("Specified provider doesn't exist", 'AuthSamlManifestNotFoundException', principalArn),
      ),
    );
  }
  trace.pass({
    id: 'saml.provider',
    phase: 'federation',
    values: { provider: provider.arn, name: provider.name },
    ref: REF.samlProviders,
  });
  if (assertion.issuer !== provider.issuer) {
    trace.fail({
      id: 'saml.issuer',
      phase: 'federation',
      values:
        assertion.issuer === undefined
          ? { expected: provider.issuer }
          : { issuer: assertion.issuer, expected: provider.issuer },
      ref: REF.samlTroubleshoot,
    });
    return error(
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
    values: { issuer: provider.issuer, expected: provider.issuer },
    ref: REF.samlTroubleshoot,
  });
  if (assertion.signedBy !== provider.name) {
    trace.fail({
      id: 'saml.signature',
      phase: 'federation',
      values:
        assertion.signedBy === undefined
          ? { expected: provider.name }
          : { signedBy: assertion.signedBy, expected: provider.name },
      ref: REF.samlTroubleshoot,
    });
    return error(InvalidIdentityToken('Response signature invalid'));
  }
  trace.pass({
    id: 'saml.signature',
    phase: 'federation',
    values: { signedBy: provider.name, expected: provider.name },
    ref: REF.samlTroubleshoot,
  });
  const audience = assertion.audience ?? WEBSERVICES;
  if (!AUDIENCES.includes(audience)) {
    trace.fail({
      id: 'saml.audience',
      phase: 'federation',
      values: { audience, allowed: AUDIENCES },
      ref: REF.samlAssertions,
    });
    return error(InvalidIdentityToken(WRONG_AUDIENCE));
  }
  trace.pass({
    id: 'saml.audience',
    phase: 'federation',
    values: { audience, allowed: AUDIENCES },
    ref: REF.samlAssertions,
  });
  const deadline = parseInstant(assertion.notOnOrAfter ?? '+5m', state.now);
  if (deadline !== undefined && state.now >= deadline) {
    // AWS's wording for an assertion redeemed too late (docs/decisions.md#error-messages); the exact text for a
    // NotOnOrAfter that has passed is not documented.
    trace.fail({
      id: 'saml.expiry',
      phase: 'federation',
      values: { notOnOrAfter: iso(deadline), now: iso(state.now) },
      ref: REF.samlAssertions,
    });
    return error(ExpiredTokenException('Token must be redeemed within 5 minutes of issuance'));
  }
  trace.pass({
    id: 'saml.expiry',
    phase: 'federation',
    values:
      deadline !== undefined ? { notOnOrAfter: iso(deadline), now: iso(state.now) } : { now: iso(state.now) },
    ref: REF.samlAssertions,
  });
  return { provider };
}
