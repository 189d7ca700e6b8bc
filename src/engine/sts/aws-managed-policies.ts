/**
 * A few AWS managed policies, so `PolicyArns` can name them in any world.
 * Their documents follow the AWS Managed Policy Reference; ReadOnlyAccess and
 * ViewOnlyAccess list hundreds of actions in AWS and are condensed here to the
 * Describe/Get/List families they grant.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
const doc = (statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });

export const AWS_MANAGED_POLICIES: Record<string, unknown> = {
  AdministratorAccess: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  PowerUserAccess: doc([
    { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: [
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
        'account:ListRegions',
        'account:GetAccountInformation',
      ],
      Resource: '*',
    },
  ]),
  ReadOnlyAccess: doc([
    { Effect: 'Allow', Action: ['*:Describe*', '*:Get*', '*:List*', '*:BatchGet*'], Resource: '*' },
  ]),
  ViewOnlyAccess: doc([{ Effect: 'Allow', Action: ['*:Describe*', '*:List*'], Resource: '*' }]),
  AmazonS3ReadOnlyAccess: doc([
    {
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
      Resource: '*',
    },
  ]),
  AmazonS3FullAccess: doc([{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }]),
  AmazonEC2ReadOnlyAccess: doc([
    {
      Effect: 'Allow',
      Action: [
        'ec2:Describe*',
        'ec2:GetSecurityGroupsForVpc',
        'elasticloadbalancing:Describe*',
        'cloudwatch:ListMetrics',
        'cloudwatch:GetMetricStatistics',
        'cloudwatch:Describe*',
        'autoscaling:Describe*',
      ],
      Resource: '*',
    },
  ]),
  AmazonDynamoDBReadOnlyAccess: doc([
    {
      Effect: 'Allow',
      Action: [
        'dynamodb:BatchGetItem',
        'dynamodb:Describe*',
        'dynamodb:List*',
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:Scan',
        'dynamodb:PartiQLSelect',
      ],
      Resource: '*',
    },
  ]),
};
