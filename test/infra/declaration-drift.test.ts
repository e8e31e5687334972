import { Capture, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app as realApp } from '../../infra/app.ts';
import { asyncTargets } from '../../infra/cdk/async-targets.ts';
import { constructId } from '../../infra/cdk/construct-id.ts';
import { apiPathPatterns, notFoundRoutes } from '../../infra/cdk/stacks/service-stack.ts';
import {
  type AppDeclaration,
  bucketEnvName,
  EVENT_BUS_ENV,
  MAIL_SENDER_ENV,
  queueDelayEnvName,
  queueEnvName,
  ROUTE_AUTH_ENV,
  routeAuthEnvironment,
  tableEnvName,
  type Use,
} from '../../infra/declaration.ts';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, synthesize } from './synthesized.ts';

type Declaration = AppDeclaration<string, string, string>;

const HOUSE_VARIABLES = ['GONGKAI_DEADLINES', 'LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME'];

function variablesFor(uses: readonly Use<string, string>[]): string[] {
  return uses.flatMap((use) => {
    if ('table' in use) return [tableEnvName(use.table)];
    if ('bucket' in use) return [bucketEnvName(use.bucket)];
    if ('bus' in use) return [EVENT_BUS_ENV];
    if ('queue' in use) return [queueEnvName(use.queue), queueDelayEnvName(use.queue)];
    return [MAIL_SENDER_ENV, 'MAIL_CONFIGURATION_SET'];
  });
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

describe.each([
  ['the fixture declaration', fixtureApp as Declaration],
  ['infra/app.ts', realApp as Declaration],
])('%s and its template', (_, declaration) => {
  const { stateful, service } = synthesize(declaration);
  const functions = declaredResources(service, 'AWS::Lambda::Function', 'function');
  const tables = declaredResources(stateful, 'AWS::DynamoDB::GlobalTable', 'table');
  const buckets = declaredResources(stateful, 'AWS::S3::Bucket', 'bucket');
  const fnId = (name: string) => functions.get(name)?.logicalId ?? `missing function ${name}`;
  const [bus] = Object.keys(stateful.findResources('AWS::Events::EventBus'));
  const [mailIdentity] = Object.keys(stateful.findResources('AWS::SES::EmailIdentity'));
  const [mailConfiguration] = Object.keys(stateful.findResources('AWS::SES::ConfigurationSet'));

  it('has one Lambda function per declared function and no other application function', () => {
    expect(sorted(functions.keys())).toEqual(sorted(Object.keys(declaration.functions)));
    service.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x' }, functions.size);
    stateful.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x' }, 0);
  });

  it('has exactly the declared tables and buckets (plus the access-log bucket)', () => {
    expect(sorted(tables.keys())).toEqual(sorted(Object.keys(declaration.tables)));
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', tables.size);
    expect(sorted(buckets.keys())).toEqual(sorted(Object.keys(declaration.buckets)));
    stateful.resourceCountIs('AWS::S3::Bucket', buckets.size + 1);
  });

  it('locks only immutable buckets and expires every bucket declared to expire, never a locked one', () => {
    for (const [name, bucket] of Object.entries(declaration.buckets)) {
      const properties = buckets.get(name)?.properties ?? {};
      expect(properties.ObjectLockEnabled === true, name).toBe(bucket.immutable === true);
      const rules = (properties.LifecycleConfiguration as { Rules: { ExpirationInDays?: number }[] }).Rules;
      expect(rules.find((rule) => rule.ExpirationInDays)?.ExpirationInDays, name).toBe(bucket.expiresAfterDays);
      if (bucket.immutable) expect(bucket.expiresAfterDays, name).toBeUndefined();
    }
  });

  it('routes each declared method and path to its declared function, authorized unless auth is none', () => {
    // The not-found function's catch-all route is declared by `notFound`, beside the routes.
    const routes = [...declaration.routes, ...notFoundRoutes(declaration)];
    service.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const route of routes) {
      const integration = new Capture();
      service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.auth === 'none' ? 'NONE' : 'CUSTOM',
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integration }]] },
      });
      expect(service.toJSON().Resources[integration.asString()].Properties.IntegrationUri).toEqual({
        'Fn::GetAtt': [fnId(route.fn), 'Arn'],
      });
    }
  });

  it('uses the declared authorizer function for the authorizer and for nothing else', () => {
    const authorizers = service.findResources('AWS::ApiGatewayV2::Authorizer');
    expect(Object.keys(authorizers)).toHaveLength(declaration.authorizer === undefined ? 0 : 1);
    if (declaration.authorizer === undefined) return;
    expect(JSON.stringify(Object.values(authorizers)[0])).toContain(fnId(declaration.authorizer));
    service.resourcePropertiesCountIs(
      'AWS::ApiGatewayV2::Integration',
      { IntegrationUri: { 'Fn::GetAtt': [fnId(declaration.authorizer), 'Arn'] } },
      0,
    );
  });

  it('has one rule per declared subscription, matching its source and detail types, targeting its function', () => {
    service.resourceCountIs('AWS::Events::Rule', declaration.subscriptions.length);
    for (const subscription of declaration.subscriptions) {
      service.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: Match.objectLike({ source: [subscription.source], 'detail-type': [...subscription.detailTypes] }),
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(subscription.fn), 'Arn'] } })],
      });
    }
  });

  it('has one schedule per declared schedule, with its cron, time zone and function', () => {
    const schedules = Object.values(declaration.schedules);
    service.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    for (const schedule of schedules) {
      service.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: schedule.cron.startsWith('cron(') ? schedule.cron : `cron(${schedule.cron})`,
        ScheduleExpressionTimezone: schedule.timezone,
        Description: schedule.description,
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(schedule.fn), 'Arn'] } }),
      });
    }
  });

  it('gives each function exactly the variables and the resources its uses imply', () => {
    const resources = service.toJSON().Resources;
    for (const [name, { properties }] of functions) {
      const uses = declaration.functions[name]?.uses ?? [];
      const variables = Object(properties.Environment).Variables;
      const routeAuth = routeAuthEnvironment(name, declaration.routes);
      expect(sorted(Object.keys(variables)), name).toEqual(
        sorted([...HOUSE_VARIABLES, ...variablesFor(uses), ...Object.keys(routeAuth)]),
      );
      expect(variables[ROUTE_AUTH_ENV], name).toBe(routeAuth[ROUTE_AUTH_ENV]);

      const role = Object(properties.Role)['Fn::GetAtt'][0];
      const policies = Object.values(resources).filter(
        (resource) =>
          Object(resource).Type === 'AWS::IAM::Policy' &&
          JSON.stringify(Object(resource).Properties.Roles).includes(role),
      );
      const statefulIds = [...tables.values(), ...buckets.values()]
        .map((found) => found.logicalId)
        .concat(bus ?? '', mailIdentity ?? '', mailConfiguration ?? '');
      const referenced = statefulIds.filter((id) => JSON.stringify(policies).includes(id));
      const expected = uses.flatMap((use) => {
        if ('table' in use) return [tables.get(use.table)?.logicalId ?? ''];
        if ('bucket' in use) return [buckets.get(use.bucket)?.logicalId ?? ''];
        if ('bus' in use) return [bus ?? ''];
        if ('queue' in use) return [];
        return [mailIdentity ?? '', mailConfiguration ?? ''];
      });
      expect(sorted(referenced), name).toEqual(sorted(expected));
    }
  });
});

describe('what the CDK app derives from a declaration', () => {
  it('sends /v1/* and each one-segment route to the API, and refuses a route that would swallow the site', () => {
    expect(apiPathPatterns(fixtureApp.routes)).toEqual(['/health', '/v1/*']);
    expect(() => apiPathPatterns([{ method: 'GET', path: '/{agencyId}', fn: 'x', auth: 'none' }])).toThrow(
      /first segment is not a literal/,
    );
  });

  it('retries asynchronous invocations as the most demanding subscription asks, within Lambda’s two', () => {
    expect(Object.fromEntries(asyncTargets(fixtureApp))).toEqual({ rebuildSite: 2, onUploaded: 2, sendReminders: 2 });
    const once = {
      ...fixtureApp,
      subscriptions: [{ source: 'gongkai.filing', detailTypes: ['ReportAccepted'], fn: 'rebuildSite', maxAttempts: 1 }],
      schedules: {},
    };
    expect(Object.fromEntries(asyncTargets(once))).toEqual({ rebuildSite: 0 });
  });

  it('derives stable construct ids from declared names', () => {
    expect(constructId('records')).toBe('Records');
    expect(constructId('aws.s3')).toBe('AwsS3');
    expect(constructId('publish-pending')).toBe('PublishPending');
  });
});
