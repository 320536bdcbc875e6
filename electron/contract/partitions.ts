// AWS partitions as the console needs them: which partition a region is in, and where that
// partition's console and sign-in endpoint live. Shared so the window names the same hosts
// main allows.

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export const SIGNIN_ENDPOINTS: Readonly<Record<Partition, string>> = {
  aws: 'https://signin.aws.amazon.com/federation',
  'aws-cn': 'https://signin.amazonaws.cn/federation',
  'aws-us-gov': 'https://signin.amazonaws-us-gov.com/federation',
};

export const CONSOLE_HOSTS: Readonly<Record<Partition, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The partition an ARN names (arn:aws-cn:…), or undefined for anything else. */
export function partitionOfArn(arn: string): Partition | undefined {
  const name = arn.split(':')[1];
  return (PARTITIONS as readonly string[]).includes(name ?? '') ? (name as Partition) : undefined;
}
