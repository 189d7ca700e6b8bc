/**
 * Which topics a learn question counts toward. A checkpoint names its own (`topics:`); otherwise it
 * counts toward its step's API, so one miss lowers one topic rather than every topic of the scenario.
 */
import type { ApiName, Scenario, Step } from '../content/schema.js';

/** The topic (as `list topics` names it) each API belongs to. */
export const API_TOPIC: Record<ApiName, string> = {
  AssumeRole: 'assume-role',
  AssumeRoleWithSAML: 'saml',
  AssumeRoleWithWebIdentity: 'web-identity',
  GetSessionToken: 'get-session-token',
  GetFederationToken: 'federation-token',
  GetCallerIdentity: 'caller-identity',
  GetAccessKeyInfo: 'caller-identity',
  DecodeAuthorizationMessage: 'policy-evaluation',
  SignIn: 'identity-center',
  GetRoleCredentials: 'identity-center',
  Request: 'policy-evaluation',
};

/** The step's own topic: its API's, or for a clock step `credential-expiry`. */
export function stepTopic(step: Step): string {
  return step.call ? API_TOPIC[step.call.api] : 'credential-expiry';
}

/** A checkpoint's topics: authored, else the step's topic. */
export function checkpointTopics(step: Step): string[] {
  return step.checkpoint?.topics ?? [stepTopic(step)];
}

/** A prediction about `step` (or a what-if varying it) counts toward the step's topic. */
export function predictionTopics(step: Step): string[] {
  return [stepTopic(step)];
}

/** The scenario's step with `id`. */
export function stepById(scenario: Scenario, id: string): Step | undefined {
  return scenario.steps.find((s) => s.id === id);
}
