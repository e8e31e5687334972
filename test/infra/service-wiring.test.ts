import { Capture, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, synthesize } from './synthesized.ts';

const { stateful, service } = synthesize(fixtureApp);
const resources = service.toJSON().Resources;
const functions = declaredResources(service, 'AWS::Lambda::Function', 'function');
const logicalIdOf = (name: string) => functions.get(name)?.logicalId ?? `missing function ${name}`;

describe('HTTP API', () => {
  it('puts an uncached Lambda authorizer (simple responses, run for a bearer token or a cookie alike) on every protected route', () => {
    const authorizer = new Capture();
    service.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      // An identity source would make API Gateway refuse a session cookie without a token before the authorizer.
      IdentitySource: [],
      AuthorizerResultTtlInSeconds: 0,
      AuthorizerUri: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [logicalIdOf('authorize'), 'Arn'] }])],
      }),
    });
    const [authorizerId] = Object.keys(service.findResources('AWS::ApiGatewayV2::Authorizer'));
    for (const route of fixtureApp.routes.filter((candidate) => candidate.auth !== 'none')) {
      service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: 'CUSTOM',
        AuthorizerId: { Ref: authorizer },
      });
      expect(authorizer.asString()).toBe(authorizerId);
    }
  });

  it('leaves /health open', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /health',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it('throttles the stage and writes JSON access logs that never include the token', () => {
    const format = new Capture();
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: format },
    });
    const fields = JSON.parse(format.asString());
    expect(fields).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    expect(format.asString()).not.toMatch(/authorization|header/i);
  });
});

describe('events and schedules', () => {
  it('rules gongkai.* events on the application bus and aws.s3 on the default bus, upload bucket only', () => {
    const [bus] = Object.keys(stateful.findResources('AWS::Events::EventBus'));
    const uploads = declaredResources(stateful, 'AWS::S3::Bucket', 'bucket').get('uploads')?.logicalId;
    service.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.objectLike({
        'Fn::GetStackOutput': Match.objectLike({ OutputName: Match.stringLikeRegexp(`${bus}`) }),
      }),
      EventPattern: { source: ['gongkai.filing'], 'detail-type': ['ReportAccepted', 'FilingAmended'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOf('rebuildSite'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
    service.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: 'default',
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: {
            name: [
              Match.objectLike({
                'Fn::GetStackOutput': Match.objectLike({ OutputName: Match.stringLikeRegexp(`${uploads}`) }),
              }),
            ],
          },
        },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf('onUploaded'), 'Arn'] } })],
    });
  });

  it('schedules each declared cron in its time zone with a dead-letter queue and retries', () => {
    service.resourceCountIs('AWS::Scheduler::Schedule', 1);
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 ? 1 MON-FRI *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf('sendReminders'), 'Arn'] },
        Input: Match.absent(),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } },
      }),
    });
  });

  it('gives every asynchronous target a dead-letter queue: the function, its rules and its schedules', () => {
    const queues = Object.keys(service.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(3);
    for (const name of ['rebuildSite', 'onUploaded', 'sendReminders']) {
      const queue = new Capture();
      service.hasResourceProperties('AWS::Lambda::Function', {
        Tags: Match.arrayWith([{ Key: 'declared-as', Value: `function/${name}` }]),
        DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      });
      expect(queues).toContain(queue.asString());
      service.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(name) },
        MaximumRetryAttempts: 2,
      });
    }
    for (const rule of Object.values(service.findResources('AWS::Events::Rule'))) {
      for (const target of rule.Properties.Targets)
        expect(queues).toContain(target.DeadLetterConfig.Arn['Fn::GetAtt'][0]);
    }
    for (const schedule of Object.values(service.findResources('AWS::Scheduler::Schedule'))) {
      expect(queues).toContain(schedule.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0]);
    }
    expect(functions.get('health')?.properties).not.toHaveProperty('DeadLetterConfig');
  });

  it('encrypts every dead-letter queue and refuses it any request without TLS', () => {
    for (const queue of Object.keys(service.findResources('AWS::SQS::Queue'))) {
      expect(resources[queue].Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      service.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });
});

describe('alarms', () => {
  const topic = Object.keys(service.findResources('AWS::SNS::Topic'))[0];

  it('alarm on any message in any dead-letter queue', () => {
    for (const queue of Object.keys(service.findResources('AWS::SQS::Queue'))) {
      service.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: topic }],
      });
    }
  });

  it('alarm on every function error and throttle, and on API 5xx', () => {
    for (const { logicalId } of functions.values()) {
      for (const metric of ['Errors', 'Throttles']) {
        service.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
          AlarmActions: [{ Ref: topic }],
        });
      }
    }
    service.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    service.resourceCountIs('AWS::CloudWatch::Alarm', functions.size * 2 + 3 + 1);
    service.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('send alarms to a KMS-encrypted topic with a rotated key, and to no address unless one is configured', () => {
    service.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
    service.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    service.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
