import { describe, expect, it } from 'vitest';
import { awsEnvironment } from '../../../infra/local/aws-environment.ts';

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
});
