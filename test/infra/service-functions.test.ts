import { Capture, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, synthesize } from './synthesized.ts';

const { stateful, service } = synthesize(fixtureApp);
const template = service.toJSON();
const functions = declaredResources(service, 'AWS::Lambda::Function', 'function');
const tables = declaredResources(stateful, 'AWS::DynamoDB::GlobalTable', 'table');
const buckets = declaredResources(stateful, 'AWS::S3::Bucket', 'bucket');

interface Statement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

function declaredFunction(name: string) {
  const found = functions.get(name);
  if (!found) throw new Error(`no function declared as ${name}`);
  return found;
}

/** Every Allow statement of the function's role, resources spelled as JSON to find references in them. */
function statementsOf(name: string): Statement[] {
  const role = new Capture();
  expect(declaredFunction(name).properties).toMatchObject({ Role: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
  service.hasResourceProperties('AWS::Lambda::Function', {
    Role: { 'Fn::GetAtt': [role, 'Arn'] },
    Tags: Match.arrayWith([{ Key: 'declared-as', Value: `function/${name}` }]),
  });
  const policies = Object.values(
    service.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role.asString() }] } }),
  );
  return policies.flatMap((policy) =>
    policy.Properties.PolicyDocument.Statement.map(
      (statement: { Action: unknown; Resource: unknown; Effect: string }) => {
        expect(statement.Effect).toBe('Allow');
        return {
          actions: [statement.Action].flat(),
          resources: [statement.Resource].flat().map((r) => JSON.stringify(r)),
        };
      },
    ),
  );
}

function actionsOn(name: string, logicalId: string): string[] {
  return statementsOf(name)
    .filter((statement) => statement.resources.some((resource) => resource.includes(logicalId)))
    .flatMap((statement) => statement.actions)
    .sort();
}

const tableId = (name: string) => tables.get(name)?.logicalId ?? `missing table ${name}`;
const bucketId = (name: string) => buckets.get(name)?.logicalId ?? `missing bucket ${name}`;

describe('declared functions', () => {
  it('run on Node.js 22, arm64, with the handler export, and the declared memory and timeout', () => {
    for (const [name, declaration] of Object.entries(fixtureApp.functions)) {
      expect(declaredFunction(name).properties, name).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 'memoryMb' in declaration ? declaration.memoryMb : 512,
        Timeout: 'timeoutSeconds' in declaration ? declaration.timeoutSeconds : 10,
        Description: declaration.description,
      });
    }
  });

  it('log to a log group of their own with the configured retention', () => {
    const logGroups = new Set<string>();
    for (const [name, { properties }] of functions) {
      const logGroup = new Capture();
      expect(properties, name).toMatchObject({ LoggingConfig: { LogGroup: { Ref: expect.any(String) } } });
      service.hasResourceProperties('AWS::Lambda::Function', {
        LoggingConfig: { LogGroup: { Ref: logGroup } },
        Tags: Match.arrayWith([{ Key: 'declared-as', Value: `function/${name}` }]),
      });
      expect(template.Resources[logGroup.asString()]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 90 },
      });
      logGroups.add(logGroup.asString());
    }
    expect(logGroups.size).toBe(functions.size);
  });

  it('get log settings and the names of what they use — and no other variable', () => {
    const expected = {
      submitFiling: ['RECORDS_TABLE_NAME', 'ORIGINALS_BUCKET_NAME', 'EVENT_BUS_NAME', 'GONGKAI_ROUTE_AUTH'],
      sendReminders: ['RECORDS_TABLE_NAME', 'MAIL_SENDER', 'MAIL_CONFIGURATION_SET'],
      health: ['GONGKAI_ROUTE_AUTH'],
      authorize: ['TOKENS_TABLE_NAME'],
    };
    const house = ['POWERTOOLS_SERVICE_NAME', 'LOG_LEVEL', 'GONGKAI_DEADLINES'];
    for (const [name, variables] of Object.entries(expected)) {
      const environment = declaredFunction(name).properties.Environment;
      expect(Object.keys(Object(environment).Variables).sort(), name).toEqual([...house, ...variables].sort());
      expect(environment).toMatchObject({
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'gongkai',
          LOG_LEVEL: 'INFO',
        },
      });
    }
    expect(JSON.stringify(declaredFunction('submitFiling').properties.Environment)).toContain(tableId('records'));
    expect(declaredFunction('health').properties).toMatchObject({
      Environment: { Variables: { GONGKAI_ROUTE_AUTH: '{"GET /health":"none"}' } },
    });
    expect(declaredFunction('sendReminders').properties).toMatchObject({
      Environment: { Variables: { MAIL_SENDER: 'notices@example.com' } },
    });
  });

  it("share the deadline calendar, with the distribution's URL as the site notices link to", () => {
    const [distribution] = Object.keys(service.findResources('AWS::CloudFront::Distribution'));
    for (const [name, { properties }] of functions) {
      expect(Object(properties.Environment).Variables.GONGKAI_DEADLINES, name).toEqual({
        'Fn::Join': ['', ['{"siteUrl":"https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '"}']],
      });
    }
  });
});

describe('function permissions', () => {
  it('never grant a wildcard action or an unscoped resource', () => {
    for (const name of functions.keys()) {
      for (const statement of statementsOf(name)) {
        expect(
          statement.actions.filter((action) => action.includes('*')),
          name,
        ).toEqual([]);
        expect(statement.resources, name).not.toContain('"*"');
      }
    }
  });

  it('let the authorizer read the token table and write its own logs, nothing more', () => {
    const actions = statementsOf('authorize').flatMap((statement) => statement.actions);
    expect(actions.sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'].concat(
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ),
    );
    expect(actionsOn('authorize', tableId('tokens'))).toHaveLength(4);
    expect(actionsOn('authorize', tableId('records'))).toEqual([]);
  });

  it('give a function without uses its log stream only', () => {
    expect(statementsOf('health').flatMap((statement) => statement.actions)).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });

  it('turn readWrite on a table into item reads and writes on the table and its declared indexes', () => {
    expect(actionsOn('submitFiling', tableId('records'))).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
    ]);
    const resources = statementsOf('submitFiling').find((s) => s.actions.includes('dynamodb:PutItem'))?.resources;
    expect(resources?.some((resource) => resource.includes('/index/byYear'))).toBe(true);
  });

  it('grant object writes without reads to a write-only use, and never deletes on the immutable originals', () => {
    expect(actionsOn('submitFiling', bucketId('originals'))).toEqual(['s3:PutObject']);
    expect(actionsOn('createUpload', bucketId('uploads'))).toEqual(['s3:PutObject']);
    expect(actionsOn('rebuildSite', bucketId('originals'))).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(actionsOn('rebuildSite', bucketId('site'))).toEqual([
      's3:DeleteObject',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
    ]);
    for (const name of functions.keys())
      expect(actionsOn(name, bucketId('originals'))).not.toContain('s3:DeleteObject');
  });

  it('let publishers put events on the application bus and mailers send from the verified identity only', () => {
    const bus = Object.keys(stateful.findResources('AWS::Events::EventBus'))[0] ?? 'missing bus';
    expect(actionsOn('submitFiling', bus)).toEqual(['events:PutEvents']);
    expect(actionsOn('rebuildSite', bus)).toEqual([]);
    const mail = statementsOf('sendReminders').find((statement) => statement.actions.includes('ses:SendEmail'));
    expect(mail?.actions).toEqual(['ses:SendEmail']);
    const [identity] = Object.keys(stateful.findResources('AWS::SES::EmailIdentity'));
    const [configurationSet] = Object.keys(stateful.findResources('AWS::SES::ConfigurationSet'));
    expect(mail?.resources).toEqual([
      expect.stringMatching(`:configuration-set/.*${configurationSet}`),
      expect.stringMatching(`:identity/.*${identity}`),
    ]);
  });
});
