/** User-facing text of `sts-trainer apis`. */
export const APIS_TEXT = {
  title: 'The STS APIs side by side',
  intro:
    "Built from the simulator's own rules: the durations and what each session may call are the numbers the engine enforces.",
  flowsTitle: 'The six flows and their APIs',
  apisTitle: 'Each STS API',
  callers: 'who calls it',
  credentials: 'signed with',
  mfa: 'MFA in the call',
  duration: 'session length',
  chaining: 'chaining',
  session: 'session can call',
  permission: 'permission',
  scenario: 'see it in',
  ref: 'AWS docs',
  api: 'STS API',
  trust: 'trust side checks',
  noSession: 'mints no credentials',
  noScenario: 'no scenario calls it yet',
} as const;
