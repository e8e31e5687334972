/**
 * The identity the local stand-ins present: one fixed account and region, and the one access key
 * s3rver accepts (dynalite and the SES stand-in accept any), so every real SDK client signs alike.
 */
import type { AppDeclaration } from '../declaration.ts';

export type AnyAppDeclaration = AppDeclaration<string, string, string>;

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCESS_KEY = 'S3RVER';
export const LOCAL_API_ID = 'local';

/** Physical names locally: the app's name plus the logical name, as readable as CDK's are not. */
export function localTableName(app: AnyAppDeclaration, table: string): string {
  return `${app.name}-${table}`;
}
export function localBucketName(app: AnyAppDeclaration, bucket: string): string {
  // S3 bucket names are lowercase DNS labels.
  return `${app.name}-${bucket}`.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
}
/** FIFO queue names end in `.fifo`. */
export function localQueueName(app: AnyAppDeclaration, queue: string): string {
  return `${app.name}-${queue}.fifo`;
}
export function localEventBusName(app: AnyAppDeclaration): string {
  return `${app.name}-events`;
}
export function localFunctionArn(functionName: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`;
}

/** EventBridge `time` has whole seconds: `2021-11-12T00:00:00Z`. */
export function eventTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
