/**
 * The STS service model's constraints on each request parameter: lengths, patterns and list sizes,
 * as the API Reference's "Request Parameters" sections give them (docs/decisions.md#validation-messages).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
 */

/** A model pattern: the regular expression, and its text as AWS quotes it in a message. */
export interface Pattern {
  re: RegExp;
  text: string;
}

/** The length and pattern limits of one string member. */
export interface TextLimits {
  min?: number;
  max?: number;
  pattern?: Pattern;
}

/** A string parameter: its AWS name, the member name messages use, and its limits. */
export interface FieldSpec extends TextLimits {
  /** AWS's PascalCase parameter name. */
  param: string;
  /** lowerCamel member name used in messages. */
  member: string;
}

const p = (text: string, re: RegExp): Pattern => ({ re, text });
const SESSION_NAME = p('[\\w+=,.@-]*', /^[\w+=,.@-]*$/);

export const FIELDS = {
  RoleArn: { param: 'RoleArn', member: 'roleArn', min: 20, max: 2048 },
  PrincipalArn: { param: 'PrincipalArn', member: 'principalArn', min: 20, max: 2048 },
  RoleSessionName: {
    param: 'RoleSessionName',
    member: 'roleSessionName',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
  },
  ExternalId: {
    param: 'ExternalId',
    member: 'externalId',
    min: 2,
    max: 1224,
    pattern: p('[\\w+=,.@:\\/-]*', /^[\w+=,.@:/-]*$/),
  },
  SerialNumber: {
    param: 'SerialNumber',
    member: 'serialNumber',
    min: 9,
    max: 256,
    pattern: p('[\\w+=/:,.@-]*', /^[\w+=/:,.@-]*$/),
  },
  TokenCode: { param: 'TokenCode', member: 'tokenCode', min: 6, max: 6, pattern: p('[\\d]*', /^\d*$/) },
  SourceIdentity: {
    param: 'SourceIdentity',
    member: 'sourceIdentity',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
  },
  Name: { param: 'Name', member: 'name', min: 2, max: 32, pattern: SESSION_NAME },
  AccessKeyId: {
    param: 'AccessKeyId',
    member: 'accessKeyId',
    min: 16,
    max: 128,
    pattern: p('[\\w]*', /^\w*$/),
  },
  EncodedMessage: { param: 'EncodedMessage', member: 'encodedMessage', min: 1, max: 10240 },
} satisfies Record<string, FieldSpec>;

/** A session tag's key and value: 1–128 and 0–256 characters from the tag character class. */
export const TAG_KEY: TextLimits = {
  min: 1,
  max: 128,
  pattern: p('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u),
};
export const TAG_VALUE: TextLimits = {
  min: 0,
  max: 256,
  pattern: p('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u),
};

/** The most entries a list parameter takes (docs/decisions.md#session-policy-limits for PolicyArns). */
export const LIST_MAX = { Tags: 50, TransitiveTagKeys: 50, PolicyArns: 10 } as const;
