/**
 * Calls to other AWS services in a lab (`lab env --all` points AWS_ENDPOINT_URL
 * here): the request is mapped to the IAM action and resource it needs and
 * answered as the engine's `Request` decides — authorization only, so an
 * allowed call returns an empty result and a denied one AWS's error shape for
 * that protocol. S3 (REST-XML), EC2 and other Query services, and JSON services
 * (X-Amz-Target) are mapped; other REST APIs are answered with a clear refusal.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { wireError } from '../content/service-error.js';
import { escapeXml } from './xml.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a service request needs from IAM, and how to answer it. */
export interface ServiceCall {
  action: string;
  resource: string;
  /** The operation name, e.g. `GetObject`, `TerminateInstances`. */
  operation: string;
  allowed(requestId: string): HttpAnswer;
  denied(code: string, message: string, status: number, requestId: string): HttpAnswer;
}

export interface ServiceRequest {
  method: string;
  /** The decoded path. */
  path: string;
  host: string;
  query: Map<string, string>;
  /** The body as text (form or JSON). */
  body: string;
  contentType: string;
  target: string | undefined;
  service: string;
  region: string;
  /** The caller's account, for resource ARNs the request names only by id. */
  account: string;
  /** The caller's IAM user ARN, for IAM calls about "yourself" (no UserName). */
  callerArn?: string;
}

const xml = (body: string, status = 200): HttpAnswer => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
});

// ---- S3 (REST-XML, path-style or virtual-hosted-style) ----

function s3(req: ServiceRequest): ServiceCall {
  const hostBucket = /^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/.exec(
    req.host,
  )?.[1];
  const parts = req.path.replace(/^\/+/, '').split('/');
  const bucket = hostBucket ?? parts.shift() ?? '';
  const key = (hostBucket ? req.path.replace(/^\/+/, '') : parts.join('/')) || '';
  const m = req.method;
  let operation: string;
  let action: string;
  if (!bucket) [operation, action] = ['ListBuckets', 's3:ListAllMyBuckets'];
  else if (!key) {
    if (m === 'PUT') [operation, action] = ['CreateBucket', 's3:CreateBucket'];
    else if (m === 'DELETE') [operation, action] = ['DeleteBucket', 's3:DeleteBucket'];
    else if (m === 'HEAD') [operation, action] = ['HeadBucket', 's3:ListBucket'];
    else [operation, action] = ['ListObjectsV2', 's3:ListBucket'];
  } else if (m === 'PUT') [operation, action] = ['PutObject', 's3:PutObject'];
  else if (m === 'DELETE') [operation, action] = ['DeleteObject', 's3:DeleteObject'];
  else if (m === 'HEAD') [operation, action] = ['HeadObject', 's3:GetObject'];
  else [operation, action] = ['GetObject', 's3:GetObject'];
  const resource = !bucket ? '*' : key ? `arn:aws:s3:::${bucket}/${key}` : `arn:aws:s3:::${bucket}`;
  return {
    action,
    resource,
    operation,
    allowed(requestId) {
      const headers = { 'x-amz-request-id': requestId };
      if (operation === 'ListBuckets') {
        return {
          ...xml(
            `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${req.account}</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>`,
          ),
          headers: { ...headers, 'content-type': 'application/xml' },
        };
      }
      if (operation === 'ListObjectsV2') {
        const prefix = escapeXml(req.query.get('prefix') ?? '');
        return {
          ...xml(
            `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucket)}</Name><Prefix>${prefix}</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`,
          ),
          headers: { ...headers, 'content-type': 'application/xml' },
        };
      }
      const etag = { ETag: '"d41d8cd98f00b204e9800998ecf8427e"' };
      if (operation === 'DeleteObject') return { status: 204, headers, body: '' };
      return {
        status: 200,
        headers: { ...headers, ...etag, 'content-type': 'binary/octet-stream' },
        body: '',
      };
    },
    denied(code, message, status, requestId) {
      // S3's own words for what it words differently (expired credentials: docs/decisions.md#service-errors)
      const w = wireError('s3', code, message, status);
      return {
        status: w.status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body:
          req.method === 'HEAD'
            ? ''
            : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(w.code)}</Code><Message>${escapeXml(w.message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    },
  };
}

// ---- Query protocol (EC2 and the older XML services: IAM, SNS, …) ----

/** EC2 resources a request names by id (instance ids are `InstanceId.N`). */
function ec2Resource(req: ServiceRequest, form: Map<string, string>): string {
  const instance = form.get('InstanceId.1');
  return instance ? `arn:aws:ec2:${req.region}:${req.account}:instance/${instance}` : '*';
}

/** IAM resources a request names: a user (the caller's own when none is named, as IAM does) or a role. */
function iamResource(req: ServiceRequest, form: Map<string, string>, operation: string): string {
  const user = form.get('UserName');
  if (user) return `arn:aws:iam::${req.account}:user/${user}`;
  const role = form.get('RoleName');
  if (role) return `arn:aws:iam::${req.account}:role/${role}`;
  return /AccessKey|MFADevice|SigningCertificate|SSHPublicKey|LoginProfile/.test(operation) && req.callerArn
    ? req.callerArn
    : '*';
}

function query(req: ServiceRequest, form: Map<string, string>): ServiceCall {
  const operation = form.get('Action') ?? '';
  const isEc2 = req.service === 'ec2';
  const resource = isEc2
    ? ec2Resource(req, form)
    : req.service === 'iam'
      ? iamResource(req, form, operation)
      : '*';
  const version = form.get('Version') ?? '';
  return {
    action: `${req.service}:${operation}`,
    resource,
    operation,
    allowed(requestId) {
      if (isEc2) {
        return xml(
          `<${operation}Response xmlns="http://ec2.amazonaws.com/doc/${escapeXml(version)}/"><requestId>${requestId}</requestId></${operation}Response>`,
        );
      }
      return xml(
        `<${operation}Response><${operation}Result></${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
      );
    },
    denied(code, message, status, requestId) {
      if (isEc2) {
        // EC2 calls a denial UnauthorizedOperation and prefixes the IAM message (content/service-error.ts).
        const ec2 = wireError('ec2', code, message, status);
        return xml(
          `<Response><Errors><Error><Code>${escapeXml(ec2.code)}</Code><Message>${escapeXml(ec2.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
          ec2.status,
        );
      }
      return xml(
        `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        status,
      );
    },
  };
}

// ---- JSON protocol (X-Amz-Target: Service_Version.Operation) ----

function jsonResource(req: ServiceRequest, body: Record<string, unknown>): string {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const services =
    Array.isArray(body.services) && body.services.length === 1 ? String(body.services[0]) : undefined;
  if (req.service === 'ecs' && (s('service') ?? services)) {
    const cluster = s('cluster') ?? 'default';
    const service = (s('service') ?? services)!;
    return service.startsWith('arn:')
      ? service
      : `arn:aws:ecs:${req.region}:${req.account}:service/${cluster}/${service}`;
  }
  // CloudTrail names a trail by ARN or by name (StopLogging, StartLogging, …)
  if (req.service === 'cloudtrail' && s('Name')) {
    const name = s('Name')!;
    return name.startsWith('arn:') ? name : `arn:aws:cloudtrail:${req.region}:${req.account}:trail/${name}`;
  }
  if (req.service === 'dynamodb' && s('TableName')) {
    return `arn:aws:dynamodb:${req.region}:${req.account}:table/${s('TableName')}`;
  }
  return '*';
}

function json(req: ServiceRequest, target: string): ServiceCall {
  const operation = target.split('.').pop() ?? '';
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(req.body || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    // A malformed body still maps to an action; the resource is then unknown.
  }
  const type = req.contentType.includes('1.0') ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
  return {
    action: `${req.service}:${operation}`,
    resource: jsonResource(req, body),
    operation,
    allowed: (requestId) => ({
      status: 200,
      headers: { 'content-type': type, 'x-amzn-requestid': requestId },
      body: '{}',
    }),
    denied(code, message, status, requestId) {
      // JSON services name a denial AccessDeniedException and answer 400 (content/service-error.ts).
      const w = wireError('json', code, message, status);
      return {
        status: w.status,
        headers: { 'content-type': type, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: w.code, message: w.message }),
      };
    },
  };
}

/** Maps a signed request for another service, or says why it cannot. */
export function serviceCall(req: ServiceRequest, form: Map<string, string>): ServiceCall | string {
  if (req.service === 's3') return s3(req);
  if (req.target) return json(req, req.target);
  if (form.has('Action')) return query(req, form);
  return `sts-trainer lab maps S3, Query (EC2, IAM, …) and JSON (X-Amz-Target) requests to IAM actions; this ${req.service} request (${req.method} ${req.path}) is not one of them`;
}
