import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';

type Area = 'uploads' | 'processing' | 'results';
export type AreaAccess = Partial<Record<Area, ('read' | 'write' | 'delete')[]>>;

const ACTIONS = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:AbortMultipartUpload'],
  delete: ['s3:DeleteObject'],
};

/**
 * Least privilege on the media bucket: object actions on the named areas only, and listing
 * limited to those prefixes (deleting a job lists its folders first).
 */
export function bucketAccess(bucket: s3.IBucket, access: AreaAccess): iam.PolicyStatement[] {
  const areas = Object.keys(access) as Area[];
  const statements = areas.map(
    (area) =>
      new iam.PolicyStatement({
        sid: `${area[0].toUpperCase()}${area.slice(1)}Objects`,
        actions: access[area]!.flatMap((kind) => ACTIONS[kind]),
        resources: [bucket.arnForObjects(`${area}/*`)],
      }),
  );
  statements.push(
    new iam.PolicyStatement({
      sid: 'ListOwnAreas',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': areas.map((area) => `${area}/*`) } },
    }),
  );
  return statements;
}
