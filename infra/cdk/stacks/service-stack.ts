import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { DEADLINES_CONFIG_ENV } from '../../../shared/deadlines/config.ts';
import { REVIEW_CONFIG_ENV } from '../../../shared/review/review-config.ts';
import { type AppDeclaration, NOT_FOUND_ROUTE_PATH, type RouteDecl } from '../../declaration.ts';
import { asyncTargets } from '../async-targets.ts';
import { bucketRef, eventBusRef } from '../cdk-interfaces.ts';
import type { DeployConfig } from '../config.ts';
import { AthenaReportsTable } from '../constructs/athena-reports-table.ts';
import { DeadLetterQueues } from '../constructs/dead-letter-queues.ts';
import { DeclaredFunctions } from '../constructs/declared-functions.ts';
import { DeclaredQueues } from '../constructs/declared-queues.ts';
import { EdgeParameter, type EdgeParameterProps } from '../constructs/edge-parameter.ts';
import { EventRouting } from '../constructs/event-routing.ts';
import { FilingApi } from '../constructs/filing-api.ts';
import { OperationsAlarms } from '../constructs/operations-alarms.ts';
import { PublicSite } from '../constructs/public-site.ts';
import { ScheduledTasks } from '../constructs/scheduled-tasks.ts';
import { UPLOAD_PAGE, UploadPage } from '../constructs/upload-page.ts';
import type { StatefulStack } from './stateful-stack.ts';

export interface ServiceStackProps extends StackProps {
  readonly declaration: AppDeclaration<string, string, string>;
  readonly config: DeployConfig;
  readonly stateful: StatefulStack;
  /** Folder of the upload page (served at `/file/`); without one, CloudFront serves the site and API only. */
  readonly uploadPageFolder?: string;
  /** Where the edge stack published the web ACL's ARN (an SSM parameter in us-east-1). */
  readonly webAcl?: Omit<EdgeParameterProps, 'logRetention'>;
}

/** Everything built from the declaration that holds no data: functions, API, rules, schedules, CDN, alarms. */
export class ServiceStack extends Stack {
  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { declaration, config, stateful } = props;
    const { resources } = stateful;
    const logRetention = config.logRetentionDays as RetentionDays;
    const retries = asyncTargets(declaration);
    const deadLetters = new DeadLetterQueues(this, 'DeadLetters', { functionNames: [...retries.keys()] });
    const queueProps = { queues: declaration.queues ?? {}, functions: declaration.functions };
    const queues = new DeclaredQueues(this, 'Queues', queueProps);
    const { functions } = new DeclaredFunctions(this, 'Functions', {
      functions: declaration.functions,
      routes: declaration.routes,
      resources: { ...resources, queues: queues.queues },
      service: declaration.name,
      logLevel: config.logLevel,
      logRetention,
      architecture: config.lambdaArchitecture,
      asyncFailures: new Map(
        [...retries].map(([fn, retryAttempts]) => [fn, { deadLetterQueue: deadLetters.queues[fn]!, retryAttempts }]),
      ),
    });
    queues.connect(queueProps, functions);
    const authorizer = declaration.authorizer === undefined ? undefined : functions[declaration.authorizer];
    const api = new FilingApi(this, 'Api', {
      routes: [...declaration.routes, ...notFoundRoutes(declaration)],
      functions,
      ...(authorizer === undefined ? {} : { authorizer }),
      throttle: config.api,
      logRetention,
      ...(config.apiDomain === undefined ? {} : { customDomain: config.apiDomain }),
    });
    const eventBridgeBuckets = Object.keys(declaration.buckets).filter(
      (name) => declaration.buckets[name]?.eventBridge,
    );
    new EventRouting(this, 'EventRouting', {
      subscriptions: declaration.subscriptions,
      functions,
      deadLetterQueues: deadLetters.queues,
      bus: eventBusRef(resources.bus),
      eventBridgeBucketNames: eventBridgeBuckets.map((name) => resources.buckets[name]!.bucket.bucketName),
    });
    new ScheduledTasks(this, 'Schedules', {
      schedules: declaration.schedules,
      functions,
      deadLetterQueues: deadLetters.queues,
      backend: config.schedules,
    });
    const operations = new OperationsAlarms(this, 'Operations', {
      functions,
      // A task parked in a queue's dead-letter queue is an aggregate left stale: alarmed like a failed event.
      deadLetterQueues: {
        ...deadLetters.queues,
        ...Object.fromEntries(Object.entries(queues.deadLetterQueues).map(([name, q]) => [`${name}Queue`, q])),
      },
      api: api.api,
      ...(config.alarmEmail === undefined ? {} : { alarmEmail: config.alarmEmail }),
    });

    const siteBuckets = Object.keys(declaration.buckets).filter((name) => declaration.buckets[name]?.publicSite);
    if (siteBuckets.length > 1) throw new Error(`One public site bucket at most; infra/app.ts has ${siteBuckets}.`);
    const [siteBucketName] = siteBuckets;
    const site =
      siteBucketName === undefined
        ? undefined
        : new PublicSite(this, 'PublicSite', {
            siteBucket: importedBucket(this, 'SiteBucket', resources.buckets[siteBucketName]!.bucket),
            apiDomainName: api.domainName,
            // The declared not-found function answers what the bucket has no object for (origin failover).
            apiAnswersMissingPages: declaration.notFound !== undefined,
            apiPathPatterns: apiPathPatterns(declaration.routes),
            uploadHosts: eventBridgeBuckets.map((name) => resources.buckets[name]!.bucket.bucketRegionalDomainName),
            logBucket: bucketRef(stateful.reportBuckets.accessLogs),
            ...(props.uploadPageFolder === undefined
              ? {}
              : {
                  staticPages: {
                    bucket: bucketRef(
                      new UploadPage(this, 'UploadPage', { folder: props.uploadPageFolder, logRetention }).bucket,
                    ),
                    pathPattern: `${UPLOAD_PAGE.pathPrefix}*`,
                  },
                }),
            ...(config.domain === undefined ? {} : { domain: config.domain }),
            withoutEdgeFunctions: config.partition === 'aws-cn',
            ...(stateful.siteOriginAccessIdentity === undefined
              ? {}
              : { originAccessIdentity: stateful.siteOriginAccessIdentity }),
            ...(props.webAcl === undefined
              ? {}
              : { webAclArn: new EdgeParameter(this, 'WebAclArn', { ...props.webAcl, logRetention }).value }),
          });

    if (siteBucketName !== undefined && Object.keys(declaration.queues ?? {}).length > 0) {
      // The id predates the class's name; changing it would replace the deployed Glue table.
      new AthenaReportsTable(this, 'ArchiveTable', {
        siteBucket: bucketRef(resources.buckets[siteBucketName]!.bucket),
      });
    }

    const siteUrl = `https://${config.domain?.name ?? site?.distribution.distributionDomainName}`;
    // The deadline calendar is not a resource a function `uses`, and which functions read it is not declared:
    // every function gets it (it is configuration, not a secret), with the site's URL for links in notices.
    const deadlines = { ...(site === undefined ? {} : { siteUrl }), ...config.deadlines };
    for (const fn of Object.values(functions)) fn.addEnvironment(DEADLINES_CONFIG_ENV, this.toJsonString(deadlines));
    // So is the review setting (先备案后公布), set only where some region reviews.
    if (Object.keys(config.review).length > 0) {
      for (const fn of Object.values(functions)) fn.addEnvironment(REVIEW_CONFIG_ENV, this.toJsonString(config.review));
    }
    if (site !== undefined) {
      new CfnOutput(this, 'SiteUrl', { description: 'The public archive and the upload page', value: siteUrl });
      new CfnOutput(this, 'ApiUrl', {
        description: 'Base of the API routes (/v1/…), on the site origin',
        value: siteUrl,
      });
    }
    if (api.customDomainTarget === undefined) {
      new CfnOutput(this, 'ApiEndpoint', { description: 'The API on its own host', value: api.api.apiEndpoint });
    } else {
      new CfnOutput(this, 'ApiDomainTarget', {
        description: `CNAME ${config.apiDomain?.name} to this (the execute-api endpoint is disabled)`,
        value: api.customDomainTarget,
      });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: operations.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: operations.dashboard.dashboardName });
  }
}

/**
 * CloudFront path patterns that send every declared route to the API: `/v1/*` for routes under `/v1/`, the
 * exact path for a one-segment route such as `/health`. A route starting with a parameter would swallow the
 * site, so it is refused.
 */
/** The catch-all route of the declared `notFound` function; CloudFront reaches it only by origin failover. */
export function notFoundRoutes(declaration: { readonly notFound?: string | undefined }): RouteDecl<string>[] {
  return declaration.notFound === undefined
    ? []
    : [{ method: 'GET', path: NOT_FOUND_ROUTE_PATH, fn: declaration.notFound, auth: 'none' }];
}

export function apiPathPatterns(routes: readonly RouteDecl<string>[]): string[] {
  const patterns = new Set<string>();
  for (const { path } of routes) {
    const [first, ...rest] = path.split('/').filter((segment) => segment !== '');
    if (first === undefined || first.startsWith('{')) {
      throw new Error(`Route ${path} cannot share the site's origin: its first segment is not a literal.`);
    }
    patterns.add(rest.length === 0 ? `/${first}` : `/${first}/*`);
  }
  return [...patterns].sort();
}

// Imported so CloudFront's origin access control leaves the bucket policy (owned by the stateful stack) alone.
function importedBucket(scope: Construct, id: string, bucket: Bucket): IBucket {
  return Bucket.fromBucketAttributes(scope, id, {
    bucketArn: bucket.bucketArn,
    bucketRegionalDomainName: bucket.bucketRegionalDomainName,
  });
}
