/**
 * Signature Version 2 as S3 took it: an `Authorization: AWS AKID:signature` header, or
 * `AWSAccessKeyId` + `Signature` (+ `Expires`) in the query string — what boto3 presigns for S3
 * when told `signature_version='s3'`. The lab does not verify it: it answers as S3 does today.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/Appendix-Sigv2.html
 */
import type { Signer } from './credentials.js';
import { parseForm } from './query.js';
import type { SignedRequest } from './sigv4.js';

/** The access key id a SigV2-signed request names, or undefined for any other request. */
export function sigV2KeyId(req: SignedRequest): string | undefined {
  const header = req.headers.authorization?.[0];
  if (header !== undefined) return /^AWS ([^:\s]+):/.exec(header)?.[1];
  if (!req.query.includes('AWSAccessKeyId=') || !req.query.includes('Signature=')) return undefined;
  const query = parseForm(req.query);
  // `SignatureVersion=2` is the Query services' SigV2 (EC2, SQS…), not S3's: left to the SigV4 reader.
  if (query.has('SignatureVersion') || !query.has('Signature')) return undefined;
  return query.get('AWSAccessKeyId');
}

/**
 * The lab does not verify SigV2: S3 refuses it as it does for every bucket created after
 * 24 June 2020 and in every Region launched after January 2014 (400 InvalidRequest).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/Appendix-Sigv2.html
 */
export function sigV2Refused(accessKeyId: string): Signer {
  return {
    kind: 'refused',
    error: {
      code: 'InvalidRequest',
      message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      httpStatus: 400,
    },
    why: 'the request is signed with Signature Version 2 (AWSAccessKeyId + Signature), which S3 no longer accepts: sign with SigV4 (boto3: signature_version="s3v4")',
    // S3 is the only service that signs this way: the request is answered in S3's error shape.
    auth: {
      accessKeyId,
      date: '',
      region: 'us-east-1',
      service: 's3',
      signedHeaders: [],
      signature: '',
      amzDate: '',
      presigned: false,
    },
  };
}
