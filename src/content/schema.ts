/**
 * The content contract (FORMAT.md) as one zod schema: the single source of the
 * TypeScript types the engine and commands use, and of the JSON Schema that
 * `sts-trainer schema scenario|quiz` prints. Extensions beyond FORMAT.md are all
 * optional and documented in docs/authoring.md.
 */
import { z } from 'zod';
import { API_NAMES } from '../engine/world.js';
import { parseInstant } from '../engine/sts/time.js';

/** The newest content format this release understands (`format:` in a file; absent = 1). */
export const FORMAT_VERSION = 1;

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. `cross-account-access`');
const accountId = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit account id in quotes, e.g. "111111111111"');
const stringOrList = z.union([z.string(), z.array(z.string())]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/**
 * The longest duration a file may give (10 years, in seconds). STS sessions last hours at most; the
 * bound keeps the simulated clock a valid date (a file's `advance: 300000000000000s` would not be).
 */
export const MAX_DURATION_SECONDS = 10 * 365 * 86400;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const durationText = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/;
/** Seconds, or a number with a unit: `90m`, `2h`, `1d`, `30s`; at most MAX_DURATION_SECONDS. */
export const DurationSchema = z.union([
  z.number().int().nonnegative().max(MAX_DURATION_SECONDS),
  z
    .string()
    .regex(durationText, 'must be seconds or a duration like `90m`, `2h`, `1d`')
    .refine((v) => {
      const m = durationText.exec(v);
      return !m || Number(m[1]) * (UNIT_SECONDS[m[2] || 's'] ?? 1) <= MAX_DURATION_SECONDS;
    }, 'must be at most 10 years (3650d)'),
]);
const tagMap = z.record(z.string(), z.string());
/** Topics are names shown on one line (a row of `list topics`, a heading of an export). */
const topicList = z.array(z.string().regex(/^[^\r\n\t]+$/, 'must be one line of text, e.g. `role-chaining`'));

const StatementSchema = z.strictObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Principal: z.union([z.literal('*'), z.record(z.string(), stringOrList)]).optional(),
  NotPrincipal: z.union([z.literal('*'), z.record(z.string(), stringOrList)]).optional(),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.union([scalar, z.array(scalar)]))).optional(),
});

/** An IAM policy document written as YAML (plain IAM JSON). */
export const PolicySchema = z.strictObject({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.union([StatementSchema, z.array(StatementSchema)]),
});

const UserSchema = z.strictObject({
  name: z.string().min(1),
  account: accountId,
  /** Optional IAM path, e.g. `/engineering/` (extension). */
  path: z.string().optional(),
  /** A virtual MFA device `arn:aws:iam::<account>:mfa/<name>` whose valid code is "123456", or another code. */
  mfa: z
    .union([
      z.boolean(),
      z.strictObject({
        code: z
          .string()
          .regex(/^\d{6}$/)
          .optional(),
      }),
    ])
    .optional(),
  tags: tagMap.optional(),
  policies: z.array(PolicySchema).optional(),
  permissionsBoundary: PolicySchema.optional(),
});

const RoleSchema = z.strictObject({
  name: z.string().min(1).max(64),
  account: accountId,
  path: z.string().optional(),
  description: z.string().optional(),
  maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
  trust: PolicySchema,
  policies: z.array(PolicySchema).optional(),
  permissionsBoundary: PolicySchema.optional(),
  tags: tagMap.optional(),
});

const ManagedPolicySchema = z.strictObject({
  name: z.string().min(1),
  account: accountId,
  policy: PolicySchema,
});

const ScpSchema = z.strictObject({
  name: z.string().min(1),
  accounts: z.array(accountId),
  policy: PolicySchema,
});

const IdentityCenterSchema = z.strictObject({
  account: accountId,
  users: z.array(z.strictObject({ name: z.string().min(1), email: z.string().optional() })),
  permissionSets: z.array(
    z.strictObject({
      name: z.string().min(1).max(32),
      /** Seconds, 3600..43200 (1–12 hours); default 3600. */
      sessionDuration: z.number().int().min(3600).max(43200).optional(),
      policies: z.array(PolicySchema).optional(),
      permissionsBoundary: PolicySchema.optional(),
    }),
  ),
  assignments: z.array(z.strictObject({ user: z.string(), permissionSet: z.string(), account: accountId })),
});

/** A scenario's `world:` — accounts, principals, providers and resources. */
export const WorldSchema = z.strictObject({
  start: z.string().optional(),
  organization: z
    .strictObject({
      id: z.string().regex(/^o-[a-z0-9]{10,32}$/, 'must look like `o-a1b2c3d4e5`'),
      accounts: z.array(accountId),
      management: accountId.optional(),
      scps: z.array(ScpSchema).optional(),
    })
    .optional(),
  accounts: z
    .array(
      z.strictObject({
        id: accountId,
        name: z.string().optional(),
        /** Regions where the account has deactivated STS (extension; us-east-1 cannot be). */
        stsDisabledRegions: z.array(z.string()).optional(),
        /** The account's global-endpoint token setting (extension; default v1Token). */
        globalEndpointTokenVersion: z.enum(['v1Token', 'v2Token']).optional(),
      }),
    )
    .optional(),
  users: z.array(UserSchema).optional(),
  roles: z.array(RoleSchema).optional(),
  /** Customer managed policies, for `PolicyArns` (extension). */
  managedPolicies: z.array(ManagedPolicySchema).optional(),
  samlProviders: z
    .array(z.strictObject({ name: z.string().min(1), account: accountId, issuer: z.string().min(1) }))
    .optional(),
  oidcProviders: z
    .array(
      z.strictObject({ url: z.string().url(), account: accountId, audiences: z.array(z.string()).min(1) }),
    )
    .optional(),
  identityCenter: IdentityCenterSchema.optional(),
  resources: z
    .array(
      z.strictObject({
        arn: z.string().min(1),
        /** The owning account, when the ARN has none (S3 buckets); extension. */
        account: accountId.optional(),
        policy: PolicySchema.optional(),
        tags: tagMap.optional(),
      }),
    )
    .optional(),
});

/** The engine's API names are the one list (the engine owns them). */
export { API_NAMES };

/** Seconds since 1970 from the year 9999 on: no token time is that late (and a Date cannot go much further). */
const LATEST_INSTANT_SECONDS = 253_402_300_799;

/**
 * A token time: relative to the call (`+5m`, `-1h`: at most MAX_DURATION_SECONDS either way), an ISO
 * time, or seconds since 1970. Checked here because a time past what a Date holds
 * (`+99999999999d`) would stop the engine with a RangeError instead of an answer.
 */
const instant = z.union([z.string(), z.number()]).refine((v) => {
  const at = parseInstant(v, 0);
  if (at === undefined) return false;
  return typeof v === 'string' && /^\s*[+-]/.test(v)
    ? Math.abs(at) <= MAX_DURATION_SECONDS * 1000
    : at >= 0 && at <= LATEST_INSTANT_SECONDS * 1000;
}, 'must be a time: relative like `+5m` or `-1h` (at most 10 years), an ISO time like `2026-03-02T10:00:00Z`, or seconds since 1970');

/**
 * `SAMLAssertion` as structured YAML (FORMAT.md); AWS's wire form is a base64 SAML response.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
export const SamlAssertionSchema = z.strictObject({
  /** Issuer: must be the IAM SAML provider's issuer. */
  issuer: z.string().optional(),
  /** The provider whose key signed it; another name is a bad signature. */
  signedBy: z.string().optional(),
  /** Subject/NameID (saml:sub). */
  subject: z.string().optional(),
  /** NameID Format without the `urn:oasis:names:tc:SAML:2.0:nameid-format:` prefix (default `persistent`). */
  subjectType: z.string().optional(),
  /** The RoleSessionName attribute (default: subject). */
  sessionName: z.string().optional(),
  /** SubjectConfirmationData/@Recipient: saml:aud and the response's Audience (default https://signin.aws.amazon.com/saml). */
  recipient: z.string().optional(),
  /** AudienceRestriction/Audience: urn:amazon:webservices (default) or https://signin.aws.amazon.com/saml, else rejected. */
  audience: z.string().optional(),
  /** The Role attribute: "roleArn,providerArn" pairs. */
  roles: z.array(z.string()).optional(),
  sessionDuration: DurationSchema.optional(),
  /** SubjectConfirmationData NotOnOrAfter (relative like `+5m`, or an ISO time). */
  notOnOrAfter: instant.optional(),
  /** AuthnStatement SessionNotOnOrAfter: caps the session. */
  sessionNotOnOrAfter: instant.optional(),
  /** PrincipalTag:<Key> attributes. */
  tags: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
  transitiveTagKeys: z.array(z.string()).optional(),
  sourceIdentity: z.string().optional(),
});

/**
 * `WebIdentityToken` as structured YAML: the ID token's claims and who signed it (FORMAT.md; the
 * engine's Token in engine/sts/apis/web-identity/request.ts). A field of the wrong type stopped the
 * engine (`iss: 42`), and a misspelt one passed unseen.
 */
export const WebIdentityTokenSchema = z.strictObject({
  iss: z.string().optional(),
  /** The provider whose key signed it; another name is a bad signature. */
  signedBy: z.string().optional(),
  sub: z.string().optional(),
  aud: stringOrList.optional(),
  azp: z.string().optional(),
  exp: instant.optional(),
  /** Any other claims, by name. */
  claims: z.record(z.string(), z.unknown()).optional(),
});

/** `Tags` as AWS takes them: a list of `{ Key, Value }` (a mapping was read as no tags at all). */
const TagListSchema = z.array(z.strictObject({ Key: scalar.optional(), Value: scalar.optional() }));

/** A step's `call:` — one request to the engine. */
export const CallSchema = z.strictObject({
  api: z.enum(API_NAMES),
  /** user/NAME, root/ACCOUNT, $STEP, service/PRINCIPAL, anonymous, sso/NAME */
  as: z.string().min(1),
  /**
   * AWS's own parameter names (content/check.ts refuses one the API does not take); the tokens and
   * `Tags` are checked field by field.
   */
  params: z
    .object({
      SAMLAssertion: SamlAssertionSchema.optional(),
      WebIdentityToken: z.union([WebIdentityTokenSchema, z.string()]).optional(),
      Tags: TagListSchema.optional(),
    })
    .catchall(z.unknown())
    .optional(),
  context: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
  /** For `Request`: the action, e.g. `s3:GetObject`. */
  action: z.string().optional(),
  /** For `Request`: the resource ARN. */
  resource: z.string().optional(),
  /** Extension: the Region of the endpoint called (absent: the global STS endpoint, us-east-1). */
  region: z.string().min(1).optional(),
  /** Extension: the AWS services that made this request for the caller, first to last (aws:CalledVia). */
  via: z.array(z.string().min(1)).min(1).optional(),
});

export const ExpectSchema = z.strictObject({
  outcome: z.enum(['success', 'error']),
  code: z.string().optional(),
  message: z.string().optional(),
  arn: z.string().optional(),
  account: accountId.optional(),
  userId: z.string().optional(),
  expiresIn: z.number().int().optional(),
  sourceIdentity: z.string().optional(),
  tags: tagMap.optional(),
  mfa: z.boolean().optional(),
  /** For a failure: the id of the trace check that decided it, e.g. `authorize.trust` (extension). */
  deniedAt: z.string().min(1).optional(),
});

const examList = z.array(
  z.string().regex(/^[A-Z]{3}-C\d{2}(\/\d+(\.\d+)?)?$/, 'must look like `SAA-C03/1.1`'),
);

const choiceList = z.array(z.string().min(1)).min(2);

export const CheckpointSchema = z.strictObject({
  type: z.enum(['single', 'multi', 'order']),
  prompt: z.string().min(1),
  choices: choiceList,
  answer: stringOrList,
  explain: z.string().optional(),
  /** Extension: the topics this question tests (default: the topic of the step's API). */
  topics: topicList.optional(),
  /** Extension: the exam task statements it practises, e.g. `SCS-C03/4.1` (shown with the question). */
  exam: examList.optional(),
});

export const StepSchema = z
  .strictObject({
    id: kebab,
    title: z.string().optional(),
    narrate: z.string().optional(),
    call: CallSchema.optional(),
    advance: DurationSchema.optional(),
    expect: ExpectSchema.optional(),
    explain: z.string().optional(),
    checkpoint: CheckpointSchema.optional(),
  })
  .refine((s) => (s.call === undefined) !== (s.advance === undefined), {
    message: 'a step needs a `call` or an `advance`, and not both',
  });

export const WhatIfSchema = z.strictObject({
  id: kebab,
  title: z.string().optional(),
  step: z.string().min(1),
  change: z.record(z.string(), z.unknown()),
  /** Extension: move the clock this much before the changed call runs. */
  advance: DurationSchema.optional(),
  narrate: z.string().optional(),
  expect: ExpectSchema,
  explain: z.string().optional(),
});

/**
 * Steps, and what-ifs, a scenario may have: a walkthrough a learner can finish (the longest built-in
 * has 12 of each), and a bound on what one file can make `learn` print (guards.ts).
 */
export const MAX_STEPS = 100;

const refList = z.array(z.string().url());
const level = z.enum(['foundational', 'associate', 'professional', 'specialty']);

export const ScenarioSchema = z.strictObject({
  format: z.number().int().positive().optional(),
  id: kebab,
  title: z.string().min(1),
  summary: z.string().optional(),
  level: level.optional(),
  topics: topicList.optional(),
  exam: examList.optional(),
  refs: refList.optional(),
  world: WorldSchema,
  steps: z.array(StepSchema).min(1).max(MAX_STEPS),
  whatIf: z.array(WhatIfSchema).max(MAX_STEPS).optional(),
  takeaways: z.array(z.string()).optional(),
});

const questionBase = {
  id: kebab,
  scenario: z.string().optional(),
  prompt: z.string().min(1),
  explain: z.string().optional(),
  refs: refList.optional(),
  difficulty: z.number().int().min(1).max(3).optional(),
  topics: topicList.optional(),
  exam: examList.optional(),
};

const partSchema = z.strictObject({ choices: choiceList, answer: z.string().min(1) });

export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('single'),
    choices: choiceList,
    answer: z.string().min(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multi'),
    choices: choiceList,
    answer: z.array(z.string()).min(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('order'),
    choices: choiceList,
    answer: z.array(z.string()).min(2),
  }),
  z.strictObject({ ...questionBase, type: z.literal('pair'), api: partSchema, trust: partSchema }),
  z.strictObject({
    ...questionBase,
    type: z.literal('outcome'),
    scenario: z.string().min(1),
    call: CallSchema,
    choices: z.array(z.string()).optional(),
  }),
]);

export const QuizSchema = z.strictObject({
  format: z.number().int().positive().optional(),
  id: kebab,
  title: z.string().min(1),
  summary: z.string().optional(),
  topics: topicList.optional(),
  exam: examList.optional(),
  refs: refList.optional(),
  questions: z.array(QuestionSchema).min(1),
});

export type Policy = z.infer<typeof PolicySchema>;
export type World = z.infer<typeof WorldSchema>;
export type Call = z.infer<typeof CallSchema>;
export type Expect = z.infer<typeof ExpectSchema>;
export type Checkpoint = z.infer<typeof CheckpointSchema>;
export type Step = z.infer<typeof StepSchema>;
export type WhatIf = z.infer<typeof WhatIfSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
export type ApiName = (typeof API_NAMES)[number];
