/**
 * The filing service on real SDK clients against dynalite and s3rver (the local runner's stand-ins, with
 * the declared tables and buckets), plus a PutEvents endpoint that keeps every entry it receives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { app } from '#infra/app.ts';
import { closeServer, listen } from '#infra/local/http-io.ts';
import { startStandIns } from '#infra/local/stand-ins.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoTokenStore } from '#shared/adapters/aws/dynamo-token-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { checkReport } from '#shared/check-report.ts';
import type { RegistryPorts, UploadPorts } from '#shared/ports.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { OTHER_AGENCY, SEED_AGENCY } from '../../unit/filing/seed-report.ts';

export interface BusEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
}

export interface AwsWorld {
  readonly ports: UploadPorts & RegistryPorts & { readonly clock: ManualClock };
  readonly dynamo: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly tableNames: Readonly<Record<string, string>>;
  readonly bucketNames: Readonly<Record<string, string>>;
  /** Every entry PutEvents received, in order. */
  readonly bus: BusEntry[];
  stop(): Promise<void>;
}

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';

export async function startAwsWorld(): Promise<AwsWorld> {
  const home = await mkdtemp(join(tmpdir(), 'gongkai-filing-'));
  const standIns = await startStandIns({ app, home });
  const bus: BusEntry[] = [];
  const busServer = await startCapturingBus(bus);
  const dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: standIns.endpoints.dynamodb, region, credentials }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const s3 = new S3Client({
    endpoint: standIns.endpoints.s3,
    region,
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const eventBridge = new EventBridgeClient({ endpoint: busServer.url, region, credentials });
  const table = (name: string) => standIns.tableNames[name] ?? name;
  const bucket = (name: string) => standIns.bucketNames[name] ?? name;
  const ports = {
    clock: new ManualClock(new Date()),
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo, table('registry')),
    offices: new DynamoOfficeRegistry(dynamo, table('registry')),
    tokens: new DynamoTokenStore(dynamo, table('registry')),
    submissions: new DynamoSubmissionStore(dynamo, table('filings')),
    versions: new DynamoVersionStore(dynamo, table('filings')),
    originals: new S3BlobStore(s3, bucket('originals')),
    data: new S3BlobStore(s3, bucket('data')),
    uploads: new S3BlobStore(s3, bucket('uploads')),
    uploadSigner: new S3UploadUrlSigner(s3, bucket('uploads')),
    events: new EventBridgePublisher(eventBridge, 'gongkai-test-bus'),
    checkReport,
    validateReport,
  };
  await ports.agencies.create(SEED_AGENCY);
  await ports.agencies.create(OTHER_AGENCY);
  return {
    ports,
    dynamo,
    s3,
    tableNames: standIns.tableNames,
    bucketNames: standIns.bucketNames,
    bus,
    async stop() {
      dynamo.destroy();
      s3.destroy();
      eventBridge.destroy();
      await busServer.close();
      await standIns.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** PutEvents in the AWS JSON 1.1 protocol: enough for the real EventBridge client. */
async function startCapturingBus(into: BusEntry[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        Entries?: { Source: string; DetailType: string; Detail: string }[];
      };
      for (const e of Entries) into.push({ source: e.Source, detailType: e.DetailType, detail: JSON.parse(e.Detail) });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: `event-${++next}` })) }));
    });
  });
  const url = await listen(server, 0);
  return { url, close: () => closeServer(server) };
}
