import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import {
  type BucketAccess,
  bucketEnvName,
  EVENT_BUS_ENV,
  MAIL_SENDER_ENV,
  queueDelayEnvName,
  queueEnvName,
  SMTP_RELAY_ENV,
  type TableAccess,
  tableEnvName,
  type Use,
} from '../../declaration.ts';
import { acknowledgeWildcardResource } from '../wildcard-acknowledgement.ts';

/** SES applies this configuration set (bounce/complaint suppression, reputation metrics) to every notice. */
export const MAIL_CONFIGURATION_SET_ENV = 'MAIL_CONFIGURATION_SET';

export interface DeclaredTable {
  readonly table: TableV2;
  /** The declared global secondary indexes: queries are granted on these and no other. */
  readonly indexNames: readonly string[];
}

export interface DeclaredBucket {
  readonly bucket: Bucket;
  /** Object Lock: a version once written can never be deleted, so deletion is never granted. */
  readonly immutable: boolean;
}

export interface MailIdentity {
  readonly kind: 'ses';
  readonly senderAddress: string;
  readonly identityArn: string;
  readonly configurationSetName: string;
  readonly configurationSetArn: string;
}

/** An SMTP relay (where SES is not offered): its address, and the secret that holds its login. */
export interface SmtpRelay {
  readonly kind: 'smtp';
  readonly senderAddress: string;
  readonly host: string;
  readonly port: number;
  /** Name of the Secrets Manager secret (`{"username","password"}`) the operator created in the deployment region. */
  readonly loginSecretName: string;
}

/** The stateful resources a declared `uses` entry can name. */
export interface BindableResources {
  readonly tables: Readonly<Record<string, DeclaredTable>>;
  readonly buckets: Readonly<Record<string, DeclaredBucket>>;
  readonly bus: EventBus;
  readonly mail: MailIdentity | SmtpRelay;
  /** The declared queues with their delivery delay (senders size their batching window by it). */
  readonly queues?: Readonly<Record<string, { readonly queue: Queue; readonly delaySeconds: number }>>;
}

type AnyUse = Use<string, string>;

/** The environment a function's `uses` imply: resource names under the variables `infra/declaration.ts` derives. */
export function environmentFor(uses: readonly AnyUse[], resources: BindableResources): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const use of uses) {
    if ('table' in use) environment[tableEnvName(use.table)] = declared(resources.tables, use.table).table.tableName;
    else if ('bucket' in use)
      environment[bucketEnvName(use.bucket)] = declared(resources.buckets, use.bucket).bucket.bucketName;
    else if ('bus' in use) environment[EVENT_BUS_ENV] = resources.bus.eventBusName;
    else if ('queue' in use) {
      const { queue, delaySeconds } = declared(resources.queues ?? {}, use.queue);
      environment[queueEnvName(use.queue)] = queue.queueUrl;
      environment[queueDelayEnvName(use.queue)] = String(delaySeconds);
    } else Object.assign(environment, mailEnvironment(resources.mail));
  }
  return environment;
}

/** Turns each use into the narrowest grant that serves it; a function with no uses gets no data access at all. */
export function grantUses(role: Role, uses: readonly AnyUse[], resources: BindableResources): void {
  for (const use of uses) {
    if ('table' in use) {
      grantTable(role, declared(resources.tables, use.table), use.access);
    } else if ('bucket' in use) {
      grantBucket(role, use.bucket, declared(resources.buckets, use.bucket), use.access);
    } else if ('bus' in use) {
      resources.bus.grantPutEventsTo(role);
    } else if ('queue' in use) {
      declared(resources.queues ?? {}, use.queue).queue.grantSendMessages(role);
    } else if (resources.mail.kind === 'smtp') {
      grantSmtpLogin(role, resources.mail.loginSecretName);
    } else {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [resources.mail.identityArn, resources.mail.configurationSetArn],
        }),
      );
    }
  }
}

function mailEnvironment(mail: MailIdentity | SmtpRelay): Record<string, string> {
  if (mail.kind === 'ses') {
    return { [MAIL_SENDER_ENV]: mail.senderAddress, [MAIL_CONFIGURATION_SET_ENV]: mail.configurationSetName };
  }
  // The secret's name, not its value: the function reads the login from Secrets Manager when it first sends.
  return {
    [MAIL_SENDER_ENV]: mail.senderAddress,
    [SMTP_RELAY_ENV.host]: mail.host,
    [SMTP_RELAY_ENV.port]: String(mail.port),
    [SMTP_RELAY_ENV.secretId]: mail.loginSecretName,
  };
}

// A secret named by the operator has an ARN whose last six characters are random: the grant must end in `-??????`.
function grantSmtpLogin(role: Role, secretName: string): void {
  const secretArn = Stack.of(role).formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${secretName}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }),
  );
  acknowledgeWildcardResource(
    role,
    secretArn,
    'The SMTP login secret is named by the operator (-c smtpSecretName); "-??????" is the random suffix Secrets Manager adds to that one name.',
  );
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

// CDK's grantReadData/grantReadWriteData add stream and describe actions and `index/*`; the handlers query the
// declared indexes and nothing else, and transactions need no action of their own. ConditionCheckItem is what a
// transaction's condition-only item needs.
function grantTable(role: Role, { table, indexNames }: DeclaredTable, access: TableAccess): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: access === 'read' ? TABLE_READ : [...TABLE_READ, 'dynamodb:ConditionCheckItem', ...TABLE_WRITE],
      resources: [table.tableArn, ...indexNames.map((index) => `${table.tableArn}/index/${index}`)],
    }),
  );
}

// Named object actions instead of CDK's `s3:GetObject*`/`s3:PutObject*`/`s3:Abort*` families: the handlers
// get, put and (on mutable buckets) delete single objects, and nothing else.
function grantBucket(role: Role, name: string, { bucket, immutable }: DeclaredBucket, access: BucketAccess): void {
  const objects = bucket.arnForObjects('*');
  if (access !== 'write') {
    // ListBucket lets a missing key answer 404 NoSuchKey instead of 403, which the handlers rely on.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  }
  const actions = [
    ...(access === 'write' ? [] : ['s3:GetObject']),
    ...(access === 'read' ? [] : ['s3:PutObject']),
    ...(access === 'readWrite' && !immutable ? ['s3:DeleteObject'] : []),
  ];
  role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [objects] }));
  acknowledgeWildcardResource(
    role,
    objects,
    `Object keys are data (content hashes, agency ids, years): ${actions.join(', ')} on any key of the ${name} bucket only, as infra/app.ts declares (${access}).`,
  );
}

function declared<V>(record: Readonly<Record<string, V>>, name: string): V {
  const value = record[name];
  if (value === undefined) throw new Error(`A function uses "${name}", which infra/app.ts does not declare.`);
  return value;
}
