/**
 * A step's request as the AWS CLI command a learner would type, plus its parameters. The simulated
 * tokens and assertions (structured in the content) are shown as placeholders in the command and
 * spelled out below it.
 */
import { stringify } from 'yaml';
import type { Call } from '../content/schema.js';
import { sanitizeLine } from '../ui/sanitize.js';

type Params = Record<string, unknown>;

/** `--flag value` pairs in order; `undefined` values are left out. */
type Flag = [string, string | undefined];

const API_COMMANDS: Record<string, string> = {
  AssumeRole: 'aws sts assume-role',
  AssumeRoleWithSAML: 'aws sts assume-role-with-saml',
  AssumeRoleWithWebIdentity: 'aws sts assume-role-with-web-identity',
  GetSessionToken: 'aws sts get-session-token',
  GetFederationToken: 'aws sts get-federation-token',
  GetCallerIdentity: 'aws sts get-caller-identity',
  GetAccessKeyInfo: 'aws sts get-access-key-info',
  DecodeAuthorizationMessage: 'aws sts decode-authorization-message',
  GetRoleCredentials: 'aws sso get-role-credentials',
  SignIn: 'aws sso login',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const C_ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\u001b': '\\e' };

/**
 * Quotes a shell word when it needs it. A word with a control character (a line break, an escape)
 * takes ANSI-C quoting, `$'a\nb'` (bash, zsh): single quotes would print the character raw and split
 * the command over lines, while `$'…'` spells it and pastes as the same value.
 */
export function shellQuote(s: string): string {
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  if (s.search(CONTROL) === -1) return `'${s.replace(/'/g, `'\\''`)}'`;
  const escaped = s
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(CONTROL, (c) => C_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `$'${escaped}'`;
}

const str = (v: unknown): string | undefined =>
  v === undefined || v === null
    ? undefined
    : shellQuote(typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Separates the values of a list flag: a space on one line, a continuation line when wrapped. */
const ITEM = '\u0000';

function tagsFlag(tags: unknown): string | undefined {
  if (!Array.isArray(tags)) return str(tags);
  return tags
    .map((t: { Key?: unknown; Value?: unknown }) =>
      shellQuote(`Key=${String(t.Key)},Value=${String(t.Value)}`),
    )
    .join(ITEM);
}

function listFlag(v: unknown): string | undefined {
  return Array.isArray(v) ? v.map((x) => shellQuote(String(x))).join(ITEM) : str(v);
}

function policyArnsFlag(v: unknown): string | undefined {
  if (!Array.isArray(v)) return str(v);
  return v
    .map((p: { arn?: unknown } | string) => (typeof p === 'string' ? `arn=${p}` : `arn=${String(p.arn)}`))
    .join(ITEM);
}

function stsFlags(api: string, p: Params, token?: string): Flag[] {
  const common: Flag[] = [
    ['--duration-seconds', str(p.DurationSeconds)],
    ['--policy', p.Policy === undefined ? undefined : shellQuote(JSON.stringify(p.Policy))],
    ['--policy-arns', policyArnsFlag(p.PolicyArns)],
  ];
  switch (api) {
    case 'AssumeRole':
      return [
        ['--role-arn', str(p.RoleArn)],
        ['--role-session-name', str(p.RoleSessionName)],
        ...common,
        ['--external-id', str(p.ExternalId)],
        ['--serial-number', str(p.SerialNumber)],
        ['--token-code', str(p.TokenCode)],
        ['--source-identity', str(p.SourceIdentity)],
        ['--tags', tagsFlag(p.Tags)],
        ['--transitive-tag-keys', listFlag(p.TransitiveTagKeys)],
      ];
    case 'AssumeRoleWithWebIdentity':
      return [
        ['--role-arn', str(p.RoleArn)],
        ['--role-session-name', str(p.RoleSessionName)],
        ['--web-identity-token', p.WebIdentityToken === undefined ? undefined : (token ?? '"$TOKEN"')],
        ['--provider-id', str(p.ProviderId)],
        ...common,
      ];
    case 'AssumeRoleWithSAML':
      return [
        ['--role-arn', str(p.RoleArn)],
        ['--principal-arn', str(p.PrincipalArn)],
        ['--saml-assertion', p.SAMLAssertion === undefined ? undefined : (token ?? '"$SAML_RESPONSE"')],
        ...common,
      ];
    case 'GetSessionToken':
      return [
        ['--serial-number', str(p.SerialNumber)],
        ['--token-code', str(p.TokenCode)],
        ['--duration-seconds', str(p.DurationSeconds)],
      ];
    case 'GetFederationToken':
      return [['--name', str(p.Name)], ...common, ['--tags', tagsFlag(p.Tags)]];
    case 'GetAccessKeyInfo':
      return [['--access-key-id', str(p.AccessKeyId)]];
    case 'DecodeAuthorizationMessage':
      return [['--encoded-message', str(p.EncodedMessage)]];
    case 'GetRoleCredentials':
      return [
        ['--account-id', str(p.AccountId)],
        ['--role-name', str(p.RoleName)],
        ['--access-token', '"$PORTAL_TOKEN"'],
      ];
    default:
      return [];
  }
}

/** Splits `arn:aws:s3:::bucket/key` into bucket and key. */
function s3Parts(arn: string): { bucket: string; key?: string } | undefined {
  const m = /^arn:aws[\w-]*:s3:::([^/]+)(?:\/(.*))?$/.exec(arn);
  return m ? { bucket: m[1]!, key: m[2] } : undefined;
}

/** The parts of a service ARN: `arn:aws:ecs:eu-north-1:343434343434:service/prod/api` → ecs, service/prod/api. */
function arnParts(arn: string): { service: string; resource: string } | undefined {
  const m = /^arn:aws[\w-]*:([\w-]+):[\w-]*:\d*:(.+)$/.exec(arn);
  return m ? { service: m[1]!, resource: m[2]! } : undefined;
}

/**
 * The actions the built-in scenarios use, as the AWS CLI command that sends them (the command, then its
 * arguments); anything else as a comment naming action and resource. The lab maps each of these
 * requests back to the same action and resource (src/lab/services.ts), so running the command is
 * the task. S3 PutObject is sent without `--body`: an empty object needs no file.
 */
function requestCommand(action: string, resource: string): string[] {
  const s3 = s3Parts(resource);
  const arn = arnParts(resource);
  const q = shellQuote;
  const a = action.toLowerCase();
  if (s3?.key !== undefined) {
    const obj = [`--bucket ${q(s3.bucket)}`, `--key ${q(s3.key)}`];
    const file = s3.key.split('/').pop();
    if (a === 's3:getobject') return ['aws s3api get-object', ...obj, q(file || 'out')];
    if (a === 's3:putobject') return ['aws s3api put-object', ...obj];
    if (a === 's3:deleteobject') return ['aws s3api delete-object', ...obj];
  }
  if (s3 && s3.key === undefined && a === 's3:listbucket')
    return ['aws s3api list-objects-v2', `--bucket ${q(s3.bucket)}`];
  const instance = /^instance\/(i-[\w]+)$/.exec(arn?.resource ?? '')?.[1];
  if (instance) {
    if (a === 'ec2:stopinstances') return ['aws ec2 stop-instances', `--instance-ids ${instance}`];
    if (a === 'ec2:startinstances') return ['aws ec2 start-instances', `--instance-ids ${instance}`];
    if (a === 'ec2:terminateinstances') return ['aws ec2 terminate-instances', `--instance-ids ${instance}`];
  }
  if (resource === '*') {
    if (a === 'ec2:describeinstances') return ['aws ec2 describe-instances'];
    if (a === 'cloudtrail:lookupevents') return ['aws cloudtrail lookup-events'];
  }
  const ecs = /^service\/([^/]+)\/([^/]+)$/.exec(arn?.service === 'ecs' ? arn.resource : '');
  if (ecs) {
    if (a === 'ecs:updateservice')
      return ['aws ecs update-service', `--cluster ${q(ecs[1]!)}`, `--service ${q(ecs[2]!)}`];
    if (a === 'ecs:describeservices')
      return ['aws ecs describe-services', `--cluster ${q(ecs[1]!)}`, `--services ${q(ecs[2]!)}`];
  }
  const table = /^table\/([^/]+)$/.exec(arn?.service === 'dynamodb' ? arn.resource : '')?.[1];
  if (table) {
    if (a === 'dynamodb:scan') return ['aws dynamodb scan', `--table-name ${q(table)}`];
    if (a === 'dynamodb:putitem')
      return ['aws dynamodb put-item', `--table-name ${q(table)}`, `--item '{"id":{"S":"1"}}'`];
  }
  if (arn?.service === 'cloudtrail' && arn.resource.startsWith('trail/') && a === 'cloudtrail:stoplogging')
    return ['aws cloudtrail stop-logging', `--name ${q(resource)}`];
  const user = /^user\/([\w+=,.@-]+)$/.exec(arn?.service === 'iam' ? arn.resource : '')?.[1];
  if (user && a === 'iam:createuser') return ['aws iam create-user', `--user-name ${q(user)}`];
  if (user && a === 'iam:createaccesskey') return ['aws iam create-access-key', `--user-name ${q(user)}`];
  // A comment line, not a command: kept on one line whatever the action and resource hold
  return [`# ${sanitizeLine(action)} on ${sanitizeLine(resource)}`];
}

/**
 * The equivalent AWS CLI command of a call (one line per argument when it does not fit `width`).
 * `token`: the argument that sends the call's token or assertion (`lab token`'s `file://…`), instead
 * of the `"$TOKEN"` / `"$SAML_RESPONSE"` placeholder. `profile`: the named profile that signs it,
 * sent as the first argument (the lab's screen: the command pasted is the command that does the task).
 */
export function cliCommand(call: Call, width = 100, token?: string, profile?: string): string {
  const region = call.region ? [`--region ${shellQuote(call.region)}`] : [];
  const who = profile === undefined ? [] : [`--profile ${shellQuote(profile)}`];
  let base: string;
  let args: string[];
  if (call.api === 'Request') {
    [base = '', ...args] = requestCommand(call.action ?? '?', call.resource ?? '*');
    if (base.startsWith('#')) return base;
    args.unshift(...who);
    args.push(...region);
  } else {
    base = [API_COMMANDS[call.api] ?? `# ${call.api}`, ...region].join(' ');
    if (base.startsWith('#')) return base;
    args = [
      ...who,
      ...stsFlags(call.api, call.params ?? {}, token)
        .filter((f): f is [string, string] => f[1] !== undefined)
        .map(([k, v]) => `${k} ${v}`),
    ];
  }
  const oneLine = [base, ...args].join(' ').replaceAll(ITEM, ' ');
  if (oneLine.length <= width || args.length === 0) return oneLine;
  // One argument per line; a list argument too wide for its line puts each value on a line of its own.
  const lines = args.map((a) =>
    `    ${a}`.length <= width
      ? `    ${a.replaceAll(ITEM, ' ')}`
      : `    ${a.replaceAll(ITEM, ' \\\n        ')}`,
  );
  return [base, ...lines].join(' \\\n');
}

/** Who makes the call, in words; `steps` (the scenario's) turn `$id` into the step's number and title. */
export function callerLabel(as: string, steps: readonly { id: string; title?: string }[] = []): string {
  if (as.startsWith('$')) {
    // a learner knows a step by its number and title; its id is the author's name for it
    const at = steps.findIndex((s) => s.id === as.slice(1));
    const step = steps[at];
    if (!step) return `the credentials from step \`${as.slice(1)}\``;
    return `the credentials from step ${at + 1}${step.title ? ` (${step.title.replace(/[.?!]$/, '')})` : ''}`;
  }
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  switch (kind) {
    case 'user':
      return `IAM user ${name} (long-term access key)`;
    case 'root':
      return `the root user of account ${name}`;
    case 'service':
      return `the service ${name}`;
    case 'sso':
      return `Identity Center user ${name}`;
    case 'anonymous':
      return 'anyone (an unsigned call)';
    default:
      return as;
  }
}

/** Parameters the CLI command shows only as a placeholder (`"$TOKEN"`): spelled out below it. */
const PLACEHOLDERS = ['WebIdentityToken', 'SAMLAssertion'];

/**
 * The parameters of a call as YAML (tokens and assertions in full), or '' when there are none.
 * `onlyHidden`: just what the CLI command does not show (tokens, assertions, request context).
 */
export function paramsText(call: Call, onlyHidden = false): string {
  const all: Params = { ...(call.params ?? {}) };
  const p: Params = onlyHidden
    ? Object.fromEntries(Object.entries(all).filter(([k]) => PLACEHOLDERS.includes(k)))
    : all;
  if (call.context && Object.keys(call.context).length > 0) p['(request context)'] = call.context;
  if (call.via) p['(made for the caller by)'] = call.via;
  if (Object.keys(p).length === 0) return '';
  return stringify(p, { lineWidth: 0 }).trimEnd();
}
