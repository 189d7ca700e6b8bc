/**
 * Services that pass session tags when they assume a role for a workload.
 *
 * IAM Roles Anywhere turns the certificate's subject, issuer and SAN fields into
 * session tags (x509Subject/CN, x509Subject/OU, x509Issuer/CN, x509SAN/DNS, …) and
 * makes them available "via the sourceIdentity and principal tags", so trust
 * policies condition on aws:PrincipalTag/x509Subject/CN: in the trust evaluation
 * the tags it passes count as the principal's tags.
 * https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html
 *
 * EKS Pod Identity passes eks-cluster-arn, eks-cluster-name, kubernetes-namespace,
 * kubernetes-service-account, kubernetes-pod-name and kubernetes-pod-uid; trust
 * policies condition on them with aws:RequestTag/… (the ordinary session-tag keys).
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html
 */
import type { ContextBuilder } from './context.js';

export const ROLES_ANYWHERE = 'rolesanywhere.amazonaws.com';

export function serviceTagsAsPrincipalTags(
  b: ContextBuilder,
  service: string,
  tags: Record<string, string>,
): void {
  if (service !== ROLES_ANYWHERE) return;
  for (const [k, v] of Object.entries(tags)) b.set(`aws:PrincipalTag/${k}`, v);
}
