import { describe, expect, it } from 'vitest';
import {
  bucketEnvName,
  EVENT_BUS_ENV,
  isResourceEnvName,
  MAIL_SENDER_ENV,
  queueDelayEnvName,
  queueEnvName,
  tableEnvName,
} from '../../../infra/declaration.ts';
import { awsEnvironment, localDeadlinesConfig, sharedEnvironment } from '../../../infra/local/aws-environment.ts';

describe('awsEnvironment', () => {
  const env = awsEnvironment(
    {
      dynamodb: 'http://127.0.0.1:1',
      s3: 'http://127.0.0.1:2',
      ses: 'http://127.0.0.1:3',
      eventBridge: 'http://127.0.0.1:4',
      sqs: 'http://127.0.0.1:5',
    },
    {
      tables: { registry: 'gongkai-registry', filings: 'gongkai-filings' },
      buckets: { originals: 'gongkai-originals', publicSite: 'gongkai-publicsite' },
      eventBus: 'gongkai-events',
      mailSender: 'noreply@gongkai.localhost',
    },
  );

  it('points every SDK client at its stand-in', () => {
    expect(env).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:2',
      AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:3',
      AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:3',
      AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:4',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    });
  });

  it('names resources with the variables the declaration derives', () => {
    expect(env).toMatchObject({
      REGISTRY_TABLE_NAME: 'gongkai-registry',
      FILINGS_TABLE_NAME: 'gongkai-filings',
      ORIGINALS_BUCKET_NAME: 'gongkai-originals',
      PUBLIC_SITE_BUCKET_NAME: 'gongkai-publicsite',
      EVENT_BUS_NAME: 'gongkai-events',
      MAIL_SENDER: 'noreply@gongkai.localhost',
    });
  });

  it('recognizes every variable the declaration names for a resource, and only those', () => {
    const declared = [tableEnvName('signIn'), bucketEnvName('uploads'), queueEnvName('archive')];
    for (const key of [...declared, queueDelayEnvName('archive'), EVENT_BUS_ENV, MAIL_SENDER_ENV]) {
      expect(isResourceEnvName(key), key).toBe(true);
    }
    expect(isResourceEnvName('GONGKAI_REVIEW')).toBe(false);
    expect(Object.keys(sharedEnvironment(env)).filter((key) => declared.includes(key))).toEqual([]);
  });
});

describe('the site URL the functions see locally', () => {
  it("names the running port unless the operator's GONGKAI_DEADLINES sets one, keeping the rest", () => {
    expect(localDeadlinesConfig('http://localhost:4321', undefined)).toBe('{"siteUrl":"http://localhost:4321"}');
    expect(
      JSON.parse(localDeadlinesConfig('http://localhost:4321', '{"holidays":{"rollForward":true}}') ?? ''),
    ).toEqual({
      holidays: { rollForward: true },
      siteUrl: 'http://localhost:4321',
    });
    const own = '{"siteUrl":"https://gongkai.example.cn"}';
    expect(localDeadlinesConfig('http://localhost:4321', own)).toBe(own);
    expect(localDeadlinesConfig('http://localhost:4321', 'not json')).toBe('not json');
    expect(localDeadlinesConfig(undefined, undefined)).toBeUndefined();
  });

  it('keeps it out of the process environment, so the next start on another port reads the operator’s value', () => {
    const full = awsEnvironment(
      { dynamodb: 'd', s3: 's', ses: 'm', eventBridge: 'e', sqs: 'q' },
      { tables: {}, buckets: {}, eventBus: 'b', mailSender: 'x@y.z', siteUrl: 'http://localhost:4321' },
    );
    expect(JSON.parse(full.GONGKAI_DEADLINES ?? '{}').siteUrl).toBe('http://localhost:4321');
    expect(sharedEnvironment(full).GONGKAI_DEADLINES).toBeUndefined();
  });
});
