/**
 * How a request to another AWS service (the engine's `Request`) reaches the caller: the operation
 * the AWS CLI names ("when calling the GetObject operation") and the error the service's protocol
 * puts on the wire. The engine decides as IAM does and calls a denial AccessDenied; EC2 sends it as
 * UnauthorizedOperation with its own first sentence, and the services that speak the AWS JSON
 * protocol as AccessDeniedException with HTTP 400. Expired credentials likewise (EXPIRED). `learn`
 * shows both names and asks for the service's, as the quiz and `validate` do (content/outcome.ts);
 * the lab answers with the service's (lab/services.ts). docs/decisions.md#service-errors
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html
 */

/** The wire protocols that word an error differently from STS (the other Query services keep its words). */
export type ServiceProtocol = 'ec2' | 'json' | 's3' | 'other';

/** Services the built-in scenarios call that speak the AWS JSON protocol (requests carry X-Amz-Target). */
const JSON_SERVICES: Record<string, string> = {
  cloudtrail: 'CloudTrail',
  dynamodb: 'DynamoDB',
  ecs: 'ECS',
  kms: 'KMS',
  logs: 'CloudWatch Logs',
  secretsmanager: 'Secrets Manager',
  ssm: 'Systems Manager',
};

const NAMES: Record<string, string> = { ec2: 'EC2', s3: 'S3' };

/** An error as the service sends it. */
export interface WireError {
  code: string;
  message: string;
  status: number;
}

/** The protocol of a service, by the prefix of its IAM actions (`ec2`, `dynamodb`, …). */
export function protocolOf(service: string): ServiceProtocol {
  const s = service.toLowerCase();
  if (s === 'ec2' || s === 's3') return s;
  return Object.hasOwn(JSON_SERVICES, s) ? 'json' : 'other';
}

/**
 * Expired credentials, as each protocol reports them (the engine's code is STS's `ExpiredToken`):
 * EC2 `RequestExpired` (its error codes: "if you're using temporary security credentials, this error
 * can also occur if the credentials have expired"), S3 `ExpiredToken` with its own sentence
 * (AmazonS3/latest/API/ErrorResponses.html), the JSON services `ExpiredTokenException`
 * (amazondynamodb/latest/APIReference/CommonErrors.html); all HTTP 400.
 */
const EXPIRED: Partial<Record<ServiceProtocol, (message: string) => WireError>> = {
  ec2: () => ({ code: 'RequestExpired', message: 'Request has expired.', status: 400 }),
  s3: () => ({ code: 'ExpiredToken', message: 'The provided token has expired.', status: 400 }),
  json: (message) => ({ code: 'ExpiredTokenException', message, status: 400 }),
};

/** The engine's error as `protocol` sends it: a denial and expired credentials are worded differently. */
export function wireError(
  protocol: ServiceProtocol,
  code: string,
  message: string,
  status: number,
): WireError {
  const expired = code === 'ExpiredToken' ? EXPIRED[protocol] : undefined;
  if (expired) return expired(message);
  if (code !== 'AccessDenied' || protocol === 'other' || protocol === 's3') return { code, message, status };
  if (protocol === 'ec2')
    return {
      code: 'UnauthorizedOperation',
      message: `You are not authorized to perform this operation. ${message}`,
      status,
    };
  return { code: 'AccessDeniedException', message, status: 400 };
}

/**
 * The operation the AWS CLI names for an action: the action's name, except where S3's
 * API and its IAM action differ (ListObjectsV2 needs s3:ListBucket, ListBuckets s3:ListAllMyBuckets).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export function operationName(action: string): string {
  const colon = action.indexOf(':');
  const service = action.slice(0, colon).toLowerCase();
  const name = action.slice(colon + 1);
  if (service === 's3' && name.toLowerCase() === 'listbucket') return 'ListObjectsV2';
  if (service === 's3' && name.toLowerCase() === 'listallmybuckets') return 'ListBuckets';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What learn shows for a denied request: the service's name for it, and the CLI's operation. */
export interface ServiceDenial extends WireError {
  operation: string;
  /** The service's name when it words the error differently from the engine, else undefined. */
  renamedBy?: string;
}

/** The service of an IAM action (`ec2:StopInstances` → `ec2`). */
const serviceOf = (action: string) => action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();

/**
 * The error code the caller sees when the engine answers `code` to a request for `action`
 * (content/outcome.ts).
 */
export const serviceCode = (action: string, code: string): string =>
  wireError(protocolOf(serviceOf(action)), code, '', 0).code;

export function serviceDenial(action: string, code: string, message: string, status: number): ServiceDenial {
  const service = serviceOf(action);
  const wire = wireError(protocolOf(service), code, message, status);
  const same = wire.code === code && wire.message === message && wire.status === status;
  const renamedBy = same ? undefined : (NAMES[service] ?? JSON_SERVICES[service]!);
  return { ...wire, operation: operationName(action), ...(renamedBy ? { renamedBy } : {}) };
}
