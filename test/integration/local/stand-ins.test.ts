import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CopyObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsEnvironment } from '../../../infra/local/aws-environment.ts';
import type { S3NotificationRecord } from '../../../infra/local/event-envelopes.ts';
import { type StandIns, startStandIns } from '../../../infra/local/stand-ins.ts';
import { S3UploadUrlSigner } from '../../../shared/adapters/aws/s3-upload-url-signer.ts';
import { testApp } from './fixtures/test-app.ts';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';
let home: string;
let standIns: StandIns;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-stand-ins-'));
  standIns = await startStandIns({ app: testApp, home });
});
afterAll(async () => {
  await standIns?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Checksum behaviour comes from the environment the runner gives handlers, not from client config. */
function s3Client(): S3Client {
  const env = awsEnvironment(
    { ...standIns.endpoints, eventBridge: 'http://127.0.0.1:9' },
    {
      tables: standIns.tableNames,
      buckets: standIns.bucketNames,
      eventBus: 'bus',
      mailSender: 'noreply@gongkai.localhost',
    },
  );
  Object.assign(process.env, env);
  return new S3Client({ endpoint: standIns.endpoints.s3, region, credentials, forcePathStyle: true });
}

describe('startStandIns', () => {
  it('creates the declared tables with their keys and GSIs', async () => {
    const dynamo = new DynamoDBClient({ endpoint: standIns.endpoints.dynamodb, region, credentials });
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: standIns.tableNames.records }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byStatus']);
  });

  it('keeps items on disk across a restart on the same home', async () => {
    const before = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: standIns.endpoints.dynamodb, region, credentials }),
    );
    await before.send(new PutCommand({ TableName: standIns.tableNames.records, Item: { pk: 'a', sk: 'b', n: 1 } }));
    await standIns.stop();
    standIns = await startStandIns({ app: testApp, home });
    const after = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: standIns.endpoints.dynamodb, region, credentials }),
    );
    const { Item } = await after.send(
      new GetCommand({ TableName: standIns.tableNames.records, Key: { pk: 'a', sk: 'b' } }),
    );
    expect(Item).toEqual({ pk: 'a', sk: 'b', n: 1 });
  });

  it('stores a streamed upload as its bytes, not aws-chunked framing', async () => {
    const s3 = s3Client();
    const Bucket = standIns.bucketNames.inbox;
    await s3.send(
      new PutObjectCommand({ Bucket, Key: 'stream.txt', Body: Readable.from(['年报', '正文']), ContentLength: 12 }),
    );
    const object = await s3.send(new GetObjectCommand({ Bucket, Key: 'stream.txt' }));
    expect(await object.Body?.transformToString()).toBe('年报正文');
  });

  it('pages through a listing (continuation tokens need DES, missing from OpenSSL 3)', async () => {
    const s3 = s3Client();
    const Bucket = standIns.bucketNames.archive;
    for (const key of ['a', 'b', 'c']) await s3.send(new PutObjectCommand({ Bucket, Key: `page/${key}`, Body: key }));
    const first = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'page/', MaxKeys: 2 }));
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListObjectsV2Command({ Bucket, Prefix: 'page/', ContinuationToken: first.NextContinuationToken }),
    );
    expect(second.Contents?.map((object) => object.Key)).toEqual(['page/c']);
  });

  it('copies a Chinese key whether CopySource is encoded per segment or with %2F', async () => {
    const s3 = s3Client();
    const Bucket = standIns.bucketNames.archive;
    const key = 'reports/曲江区 总工会/2022.txt';
    await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: '原件' }));
    const perSegment = `${Bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
    await s3.send(new CopyObjectCommand({ Bucket, Key: 'copy-1.txt', CopySource: perSegment }));
    await s3.send(
      new CopyObjectCommand({ Bucket, Key: 'copy-2.txt', CopySource: encodeURIComponent(`${Bucket}/${key}`) }),
    );
    for (const Key of ['copy-1.txt', 'copy-2.txt']) {
      const object = await s3.send(new GetObjectCommand({ Bucket, Key }));
      expect(await object.Body?.transformToString()).toBe('原件');
    }
  });

  it('reports a presigned browser PUT as an object-created record', async () => {
    const records: S3NotificationRecord[] = [];
    standIns.s3.onObjectEvent((record) => records.push(record));
    const url = await getSignedUrl(
      s3Client(),
      new PutObjectCommand({ Bucket: standIns.bucketNames.inbox, Key: 'qujiang-trade-union/sub-1' }),
      { expiresIn: 300 },
    );
    expect(url).not.toContain('x-amz-checksum');
    const response = await fetch(url, {
      method: 'PUT',
      body: '韶关市曲江区总工会',
      headers: { origin: 'http://localhost:3000' },
    });
    expect(response.status).toBe(200);
    expect(records.map((r) => [r.eventName, r.s3.bucket.name, r.s3.object.key])).toEqual([
      ['ObjectCreated:Put', standIns.bucketNames.inbox, 'qujiang-trade-union/sub-1'],
    ]);
  });

  it('takes a presigned browser POST from another origin and reports it as an object-created record', async () => {
    const records: S3NotificationRecord[] = [];
    standIns.s3.onObjectEvent((record) => records.push(record));
    const post = await new S3UploadUrlSigner(s3Client(), standIns.bucketNames.inbox ?? 'inbox').presignPost({
      key: 'qujiang-trade-union/sub-2',
      contentType: 'text/plain',
      maxBytes: 1024,
      expiresInSeconds: 300,
    });
    // An upload with progress listeners is not a simple request: the browser asks first.
    const preflight = await fetch(post.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    form.append('file', new Blob(['韶关市曲江区总工会']), 'report.txt');
    const response = await fetch(post.url, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost:3000' },
    });
    expect(response.status).toBe(204);
    expect(records.map((r) => [r.eventName, r.s3.bucket.name, r.s3.object.key])).toEqual([
      ['ObjectCreated:Post', standIns.bucketNames.inbox, 'qujiang-trade-union/sub-2'],
    ]);
  });

  it('captures mail sent through the real SESv2 client', async () => {
    const ses = new SESv2Client({ endpoint: standIns.endpoints.ses, region, credentials });
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@gongkai.localhost',
        Destination: { ToAddresses: ['zgh@qujiang.example.org'] },
        Content: { Simple: { Subject: { Data: '年报报送提醒' }, Body: { Text: { Data: '请于1月31日前报送。' } } } },
      }),
    );
    const inbox = await standIns.ses.inbox();
    expect(inbox).toContainEqual(expect.objectContaining({ subject: '年报报送提醒' }));
  });
});
