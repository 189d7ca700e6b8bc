// Parameter validation with AWS's ValidationError wording (docs/decisions.md#error-messages §2–§7 and notes 1–3).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/engine/index.js';
import { assume, basicWorld, brief, DEV, last, roleArn } from './worlds.js';

const APP = roleArn(DEV, 'App');
/** A list that holds itself. */
function cyclic(): unknown[] {
  const list: unknown[] = [];
  list.push(list);
  return list;
}

const one = (value: string, member: string, clause: string) =>
  `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${clause}`;
const PATTERN = 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';

function expectValidation(call: Call, message: string) {
  const r = last(basicWorld(), [call]);
  expect(brief(r)).toEqual({ outcome: 'error', code: 'ValidationError', message });
  expect(r.httpStatus).toBe(400);
  expect(r.trace.at(-1)).toMatchObject({ phase: 'validate', ok: false });
}

describe('RoleSessionName: 2–64 characters of [\\w+=,.@-] (docs/decisions.md#validation-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', () => {
  const long = 's'.repeat(65);
  const longBad = `${'s'.repeat(64)}:`;
  it.each([
    ['a colon (3.1)', 'Session1:2', one('Session1:2', 'roleSessionName', PATTERN)],
    ['a space', 'has space', one('has space', 'roleSessionName', PATTERN)],
    [
      '65 characters (3.2)',
      long,
      one(long, 'roleSessionName', 'Member must have length less than or equal to 64'),
    ],
    [
      'one character (3.3)',
      'x',
      one('x', 'roleSessionName', 'Member must have length greater than or equal to 2'),
    ],
    [
      'too long and a bad character: two violations joined, pattern first (3.4)',
      longBad,
      `2 validation errors detected: Value '${longBad}' at 'roleSessionName' failed to satisfy constraint: ${PATTERN}; Value '${longBad}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    ],
  ])('%s', (_n, name, message) => {
    expectValidation(assume('user/alice', APP, { RoleSessionName: name }), message);
  });

  it.each([['ab'], ['s'.repeat(64)], ['a_b+c=d,e.f@g-h']])('negative: %s is accepted', (name) => {
    expect(last(basicWorld(), [assume('user/alice', APP, { RoleSessionName: name })]).outcome).toBe(
      'success',
    );
  });
});

describe('RoleArn: 20–2048 characters, then ARN syntax `<arn> is invalid` (docs/decisions.md#validation-messages)', () => {
  it.each([
    ['not an ARN (3.6)', 'nothing-valid-in-here', 'nothing-valid-in-here is invalid'],
    ['no partition (3.7)', 'arn::b:::something/test-role', 'arn::b:::something/test-role is invalid'],
    ['no service (3.8)', 'arn:a::::something/test-role', 'arn:a::::something/test-role is invalid'],
    ['too few colons (3.9)', 'arn:a:::something/test-role', 'arn:a:::something/test-role is invalid'],
    ['no resource (3.10)', 'arn:a:a::aaaaaaaaaa:', 'arn:a:a::aaaaaaaaaa: is invalid'],
    [
      'shorter than 20 (3.11)',
      'MyIAMRoleName',
      one('MyIAMRoleName', 'roleArn', 'Member must have length greater than or equal to 20'),
    ],
  ])('%s', (_n, arn, message) => {
    expectValidation(assume('user/alice', arn), message);
  });

  it('model constraints run before the ARN syntax check (docs/decisions.md#validation-messages)', () => {
    expectValidation(
      assume('user/alice', 'nothing-valid-in-here', { RoleSessionName: 'Session1:2' }),
      one('Session1:2', 'roleSessionName', PATTERN),
    );
  });

  it('negative: a well-formed ARN of a role that does not exist is an AccessDenied, not a ValidationError', () => {
    const r = last(basicWorld(), [assume('user/alice', 'arn:aws:iam::111111111111:role/Nope')]);
    expect(r.code).toBe('AccessDenied');
  });
});

describe('DurationSeconds model ranges (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html', () => {
  const min = (n: number) =>
    one(String(n), 'durationSeconds', 'Member must have value greater than or equal to 900');
  const max = (n: number, m: number) =>
    one(String(n), 'durationSeconds', `Member must have value less than or equal to ${m}`);
  it.each<[string, Call, string]>([
    ['AssumeRole below 900', assume('user/alice', APP, { DurationSeconds: 20 }), min(20)],
    ['AssumeRole above 43200', assume('user/alice', APP, { DurationSeconds: 345600 }), max(345600, 43200)],
    [
      'GetSessionToken below 900',
      { api: 'GetSessionToken', as: 'user/alice', params: { DurationSeconds: 600 } },
      min(600),
    ],
    [
      'GetSessionToken above 129600',
      { api: 'GetSessionToken', as: 'user/alice', params: { DurationSeconds: 345600 } },
      max(345600, 129600),
    ],
    [
      'GetFederationToken above 129600',
      { api: 'GetFederationToken', as: 'user/alice', params: { Name: 'fed', DurationSeconds: 129601 } },
      max(129601, 129600),
    ],
  ])('%s', (_n, call, message) => {
    expectValidation(call, message);
  });

  it.each<[string, Call]>([
    [
      'GetSessionToken at 129600',
      { api: 'GetSessionToken', as: 'user/alice', params: { DurationSeconds: 129600 } },
    ],
    [
      'GetSessionToken at 900',
      { api: 'GetSessionToken', as: 'user/alice', params: { DurationSeconds: 900 } },
    ],
    ['AssumeRole at 900', assume('user/alice', APP, { DurationSeconds: 900 })],
  ])('negative: %s is accepted', (_n, call) => {
    expect(last(basicWorld(), [call]).outcome).toBe('success');
  });
});

describe('ExternalId: 2–1224 characters of [\\w+=,.@:\\/-] (docs/decisions.md#error-messages)', () => {
  it.each([
    [
      'a space (4.1)',
      'XMode Social',
      one('XMode Social', 'externalId', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*'),
    ],
    [
      'one character (4.2)',
      'x',
      one('x', 'externalId', 'Member must have length greater than or equal to 2'),
    ],
    [
      '1225 characters (4.2)',
      'e'.repeat(1225),
      one('e'.repeat(1225), 'externalId', 'Member must have length less than or equal to 1224'),
    ],
  ])('%s', (_n, id, message) => {
    expectValidation(assume('user/alice', APP, { ExternalId: id }), message);
  });

  it('negative: colons and slashes are allowed in an ExternalId', () => {
    const r = last(basicWorld(), [assume('user/alice', APP, { ExternalId: 'arn:vendor/abc-123' })]);
    expect(r.outcome).toBe('success');
  });
});

describe('GetFederationToken Name: 2–32 characters of [\\w+=,.@-] (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html', () => {
  const gft = (Name: string): Call => ({ api: 'GetFederationToken', as: 'user/alice', params: { Name } });
  it.each([
    [
      '33 characters (7.3)',
      'n'.repeat(33),
      one('n'.repeat(33), 'name', 'Member must have length less than or equal to 32'),
    ],
    ['one character (7.4)', 'n', one('n', 'name', 'Member must have length greater than or equal to 2')],
    ['a slash (7.4)', 'a/b', one('a/b', 'name', PATTERN)],
  ])('%s', (_n, name, message) => {
    expectValidation(gft(name), message);
  });

  it('negative: 32 characters are accepted', () => {
    expect(last(basicWorld(), [gft('n'.repeat(32))]).outcome).toBe('success');
  });
});

describe('session tags: key 1–128 / value 0–256 from the tag character class (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', () => {
  const KEY_RE = 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';
  const VALUE_RE = 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*';
  const tags = (...t: [string, string][]) => ({ Tags: t.map(([Key, Value]) => ({ Key, Value })) });
  it.each([
    [
      'a value with [ ] (5.4), index 1-based',
      tags(['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['actor', 'dependabot-preview[bot]']),
      one('dependabot-preview[bot]', 'tags.5.member.value', VALUE_RE),
    ],
    ['a key with a bad character (5.5)', tags(['bad*key', 'v']), one('bad*key', 'tags.1.member.key', KEY_RE)],
    [
      'a key over 128 (5.5)',
      tags(['k'.repeat(129), 'v']),
      one('k'.repeat(129), 'tags.1.member.key', 'Member must have length less than or equal to 128'),
    ],
    [
      'a value over 256 (5.6)',
      tags(['k', 'v'.repeat(257)]),
      one('v'.repeat(257), 'tags.1.member.value', 'Member must have length less than or equal to 256'),
    ],
  ])('%s', (_n, params, message) => {
    expectValidation(assume('user/alice', APP, params), message);
  });

  it('lengths count Unicode code points: 256 letters outside the BMP fit a value, 257 do not', () => {
    const bold = '\u{1D400}'; // MATHEMATICAL BOLD CAPITAL A: a letter, two UTF-16 units
    const fits = last(basicWorld(), [assume('user/alice', APP, tags(['k', bold.repeat(256)]))]);
    expect(fits.outcome === 'error' ? fits.code : 'success').not.toBe('ValidationError');
    expectValidation(
      assume('user/alice', APP, tags(['k', bold.repeat(257)])),
      one(bold.repeat(257), 'tags.1.member.value', 'Member must have length less than or equal to 256'),
    );
  });

  it('more than 50 tags (5.7) is a ValidationError at `tags`', () => {
    const many = Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'] as [string, string]);
    const r = last(basicWorld(), [assume('user/alice', APP, tags(...many))]);
    expect(r.code).toBe('ValidationError');
    expect(r.message).toMatch(
      /^1 validation error detected: Value '.*' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    );
  });

  it('negative: an empty value and unicode letters are accepted', () => {
    const r = last(basicWorld(), [
      assume('user/alice', APP, tags(['Équipe', ''], ['cost-center', 'a.b:c/d=e+f@g'])),
    ]);
    expect(r.outcome).toBe('success');
  });
});

describe('SourceIdentity: 2–64 characters of [\\w+=,.@-], so never `aws:…` (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html', () => {
  it.each([
    ['an aws: prefix (6.1)', 'aws:alice', one('aws:alice', 'sourceIdentity', PATTERN)],
    [
      'one character (6.2)',
      'a',
      one('a', 'sourceIdentity', 'Member must have length greater than or equal to 2'),
    ],
    [
      '65 characters (6.2)',
      'a'.repeat(65),
      one('a'.repeat(65), 'sourceIdentity', 'Member must have length less than or equal to 64'),
    ],
  ])('%s', (_n, si, message) => {
    expectValidation(assume('user/alice', APP, { SourceIdentity: si }), message);
  });

  it('negative: alice@example.com is a valid source identity', () => {
    expect(
      last(basicWorld(), [assume('user/alice', APP, { SourceIdentity: 'alice@example.com' })]).outcome,
    ).toBe('success');
  });
});

describe('several violations are joined: `N validation errors detected: …; …` (docs/decisions.md#validation-messages)', () => {
  it('a bad session name and a too-short duration are both reported, in parameter order', () => {
    const r = last(basicWorld(), [
      assume('user/alice', APP, { RoleSessionName: 'a b', DurationSeconds: 60 }),
    ]);
    expect(r.message).toBe(
      `2 validation errors detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: ${PATTERN}; Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
    );
  });

  it('a missing required parameter is `Value null … Member must not be null` (docs/decisions.md#validation-messages)', () => {
    const r = last(basicWorld(), [{ api: 'AssumeRole', as: 'user/alice', params: { RoleArn: APP } }]);
    expect(r.message).toBe(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('the other members keep their model constraints and AWS wording (docs/decisions.md#validation-messages)', () => {
  const anonymous = (api: Call['api'], params: Record<string, unknown>): Call => ({
    api,
    as: 'anonymous',
    params,
  });
  const nullAt = (member: string) =>
    `Value null at '${member}' failed to satisfy constraint: Member must not be null`;
  const notNull = (member: string) => `1 validation error detected: ${nullAt(member)}`;
  const saml = { RoleArn: APP, PrincipalArn: `arn:aws:iam::${DEV}:saml-provider/Okta`, SAMLAssertion: {} };
  const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
  const keys = Array.from({ length: 51 }, (_, i) => `k${i}`);

  it.each<[string, Call, string]>([
    [
      'TokenCode: six digits, not a letter',
      assume('user/alice', APP, { SerialNumber: `arn:aws:iam::${DEV}:mfa/alice`, TokenCode: '12345a' }),
      one('12345a', 'tokenCode', 'Member must satisfy regular expression pattern: [\\d]*'),
    ],
    [
      'TokenCode: five digits',
      assume('user/alice', APP, { TokenCode: '12345' }),
      one('12345', 'tokenCode', 'Member must have length greater than or equal to 6'),
    ],
    [
      'TokenCode: seven digits',
      { api: 'GetSessionToken', as: 'user/alice', params: { TokenCode: '1234567' } },
      one('1234567', 'tokenCode', 'Member must have length less than or equal to 6'),
    ],
    [
      'SerialNumber: a space',
      { api: 'GetSessionToken', as: 'user/alice', params: { SerialNumber: 'arn:aws:iam::1:mfa/a b' } },
      one(
        'arn:aws:iam::1:mfa/a b',
        'serialNumber',
        'Member must satisfy regular expression pattern: [\\w+=/:,.@-]*',
      ),
    ],
    [
      'SerialNumber: 8 characters',
      assume('user/alice', APP, { SerialNumber: 'GAHT1234' }),
      one('GAHT1234', 'serialNumber', 'Member must have length greater than or equal to 9'),
    ],
    [
      'DurationSeconds that is not an integer',
      assume('user/alice', APP, { DurationSeconds: '900.5' }),
      one('900.5', 'durationSeconds', 'Member must be an integer'),
    ],
    [
      'DurationSeconds written as a mapping (only a scenario file can send one): its JSON, not an engine failure',
      assume('user/alice', APP, { DurationSeconds: { toString: 'x' } }),
      one('{"toString":"x"}', 'durationSeconds', 'Member must be an integer'),
    ],
    [
      'DurationSeconds that refers to itself (a YAML alias can build one) has no JSON: it is named, not thrown',
      assume('user/alice', APP, { DurationSeconds: cyclic() }),
      one('[unreadable value]', 'durationSeconds', 'Member must be an integer'),
    ],
    [
      'GetAccessKeyInfo with AccessKeyId written as a mapping reads its JSON',
      { api: 'GetAccessKeyInfo', as: 'user/alice', params: { AccessKeyId: { toString: 'x' } } },
      one('{"toString":"x"}', 'accessKeyId', 'Member must satisfy regular expression pattern: [\\w]*'),
    ],
    [
      'DurationSeconds written as a list is not an integer either',
      assume('user/alice', APP, { DurationSeconds: [3600] }),
      one('[3600]', 'durationSeconds', 'Member must be an integer'),
    ],
    [
      'RoleSessionName written as a mapping reads as its JSON, which fails the pattern',
      assume('user/alice', APP, { RoleSessionName: { toString: 'x' } }),
      one(
        '{"toString":"x"}',
        'roleSessionName',
        'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
      ),
    ],
    [
      'a tag whose Key is a mapping',
      assume('user/alice', APP, { Tags: [{ Key: { toString: 'x' }, Value: 'v' }] }),
      one(
        '{"toString":"x"}',
        'tags.1.member.key',
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
      ),
    ],
    [
      'an inline Policy over 2048 characters',
      assume('user/alice', APP, { Policy: 'p'.repeat(2049) }),
      one('p'.repeat(2049), 'policy', 'Member must have length less than or equal to 2048'),
    ],
    [
      'an empty inline Policy',
      { api: 'GetFederationToken', as: 'user/alice', params: { Name: 'fed', Policy: '' } },
      one('', 'policy', 'Member must have length greater than or equal to 1'),
    ],
    [
      'eleven PolicyArns',
      assume('user/alice', APP, { PolicyArns: arns(11).map((arn) => ({ arn })) }),
      one(JSON.stringify(arns(11)), 'policyArns', 'Member must have length less than or equal to 10'),
    ],
    [
      '51 TransitiveTagKeys',
      assume('user/alice', APP, { TransitiveTagKeys: keys }),
      one(JSON.stringify(keys), 'transitiveTagKeys', 'Member must have length less than or equal to 50'),
    ],
    [
      'AssumeRoleWithWebIdentity without a WebIdentityToken',
      anonymous('AssumeRoleWithWebIdentity', { RoleArn: APP, RoleSessionName: 'web' }),
      notNull('webIdentityToken'),
    ],
    [
      'AssumeRoleWithSAML without a SAMLAssertion',
      anonymous('AssumeRoleWithSAML', { RoleArn: APP, PrincipalArn: saml.PrincipalArn }),
      notNull('sAMLAssertion'),
    ],
    [
      'AssumeRoleWithSAML with a PrincipalArn shorter than 20',
      anonymous('AssumeRoleWithSAML', { ...saml, PrincipalArn: 'saml-provider/Okta' }),
      one('saml-provider/Okta', 'principalArn', 'Member must have length greater than or equal to 20'),
    ],
    [
      'AssumeRoleWithSAML without a RoleArn or a PrincipalArn: both, in parameter order',
      anonymous('AssumeRoleWithSAML', { SAMLAssertion: {} }),
      `2 validation errors detected: ${nullAt('roleArn')}; ${nullAt('principalArn')}`,
    ],
    [
      'GetAccessKeyInfo with a dash in the key',
      { api: 'GetAccessKeyInfo', as: 'user/alice', params: { AccessKeyId: 'AKIA-IOSFODNN7EXAMPLE' } },
      one('AKIA-IOSFODNN7EXAMPLE', 'accessKeyId', 'Member must satisfy regular expression pattern: [\\w]*'),
    ],
    [
      'GetAccessKeyInfo with a 15-character key',
      { api: 'GetAccessKeyInfo', as: 'user/alice', params: { AccessKeyId: 'AKIAIOSFODNN7EX' } },
      one('AKIAIOSFODNN7EX', 'accessKeyId', 'Member must have length greater than or equal to 16'),
    ],
  ])('%s', (_n, call, message) => {
    expectValidation(call, message);
  });

  it('an empty EncodedMessage is shorter than its minimum of 1', () => {
    const r = last(basicWorld(), [
      { api: 'DecodeAuthorizationMessage', as: 'user/alice', params: { EncodedMessage: '' } },
    ]);
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'ValidationError',
      message: one('', 'encodedMessage', 'Member must have length greater than or equal to 1'),
    });
    expect(r.trace.at(-1)).toMatchObject({
      id: 'validate.params',
      ok: false,
      values: {
        violations: [
          { member: 'encodedMessage', constraint: 'Member must have length greater than or equal to 1' },
        ],
      },
    });
  });

  it.each<[string, Call]>([
    ['ten PolicyArns', assume('user/alice', APP, { PolicyArns: arns(10) })],
    ['50 TransitiveTagKeys', assume('user/alice', APP, { TransitiveTagKeys: keys.slice(1) })],
    ['a 2048-character Policy', assume('user/alice', APP, { Policy: 'p'.repeat(2048) })],
  ])('negative: %s is not a ValidationError', (_n, call) => {
    const r = last(basicWorld(), [call]);
    expect(r.outcome === 'error' ? r.code : 'success').not.toBe('ValidationError');
  });
});
