import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  type CfnStage,
  DomainName,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDecl } from '../../declaration.ts';
import { constructId } from '../construct-id.ts';

export interface FilingApiProps {
  readonly routes: readonly RouteDecl<string>[];
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Resolves the bearer token of every route whose auth is not 'none'. */
  readonly authorizer?: IFunction;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: RetentionDays;
  /**
   * The API's own domain (a regional ACM certificate in the API's region). With it, the default execute-api
   * endpoint is disabled and CloudFront reaches the API through this name only.
   */
  readonly customDomain?: { readonly name: string; readonly certificateArn: string };
}

// JSON access logs, one object per request; the Authorization header is never logged.
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
} as const;

/**
 * The declared routes on one HTTP API. Protected routes share a Lambda authorizer (simple responses, run on
 * every request, so a revoked token or an ended session stops at once); the route's handler enforces which
 * principal kinds it accepts. Requests and
 * responses pass through Lambda, so a body is limited to Lambda's 6 MB (API Gateway's 10 MB never applies):
 * large report files go to S3 with a presigned upload instead.
 */
export class FilingApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The API's host name, as CloudFront's origin. */
  readonly domainName: string;
  /** What the API's custom domain must be a CNAME of (its regional API Gateway domain), when it has one. */
  readonly customDomainTarget?: string;
  private readonly routes: HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: FilingApiProps) {
    super(scope, id);
    const domain =
      props.customDomain === undefined
        ? undefined
        : new DomainName(this, 'Domain', {
            domainName: props.customDomain.name,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
          });
    this.api = new HttpApi(this, 'Api', {
      createDefaultStage: false,
      description: 'Gongkai filing API',
      // Clients must come through CloudFront (WAF, one origin); only its custom domain is left to reach.
      disableExecuteApiEndpoint: domain !== undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    if (domain === undefined) {
      this.domainName = Fn.select(2, Fn.split('/', this.api.apiEndpoint));
    } else {
      new ApiMapping(this, 'Mapping', { api: this.api, domainName: domain, stage: this.stage });
      this.domainName = props.customDomain?.name ?? '';
      this.customDomainTarget = domain.regionalDomainName;
    }
    const authorizer =
      props.authorizer === undefined
        ? undefined
        : new HttpLambdaAuthorizer('BearerToken', props.authorizer, {
            responseTypes: [HttpLambdaResponseType.SIMPLE],
            // No identity source: API Gateway answers a bare 401 without running the authorizer when one is
            // missing, and a caller brings either a bearer token or a session cookie. So nothing is cached either,
            // which a session needs anyway (sign-out and the idle limit act at once, and the CSRF check reads the
            // method and headers of each request).
            identitySource: [],
            resultsCacheTtl: Duration.seconds(0),
          });
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
      const integration =
        integrations.get(route.fn) ?? new HttpLambdaIntegration(constructId(route.fn), fnFor(props, route));
      integrations.set(route.fn, integration);
      this.addRoute(route, integration, authorizer);
    }
    this.throttleRoutes(props);
  }

  /** Route settings override the stage's defaults, so a route may only ever be stricter than the stage. */
  private throttleRoutes(props: FilingApiProps): void {
    // RouteSettings is untyped JSON in CloudFormation's schema, so CDK passes it through as written: PascalCase.
    const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of props.routes) {
      if (route.throttle === undefined) continue;
      const key = `${route.method} ${route.path}`;
      const { rateLimit, burstLimit } = route.throttle;
      if (rateLimit > props.throttle.rateLimit || burstLimit > props.throttle.burstLimit) {
        throw new Error(
          `${key} is throttled at ${rateLimit}/${burstLimit}, above the stage's ${props.throttle.rateLimit}/${props.throttle.burstLimit}.`,
        );
      }
      settings[key] = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit };
    }
    if (Object.keys(settings).length === 0) return;
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = settings;
    // API Gateway refuses settings for a route key that does not exist yet.
    this.stage.node.addDependency(...this.routes);
  }

  private addRoute(route: RouteDecl<string>, integration: HttpLambdaIntegration, authorizer?: IHttpRouteAuthorizer) {
    if (route.auth !== 'none' && authorizer === undefined) {
      throw new Error(`${route.method} ${route.path} needs auth '${route.auth}' but infra/app.ts names no authorizer.`);
    }
    const [created] = this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      ...(route.auth === 'none' || authorizer === undefined ? {} : { authorizer }),
    });
    if (created !== undefined) this.routes.push(created);
    if (route.auth === 'none' && created !== undefined) {
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.method} ${route.path} is declared auth 'none' in infra/app.ts: public by design.`,
      });
    }
  }
}

function fnFor(props: FilingApiProps, route: RouteDecl<string>): IFunction {
  const fn = props.functions[route.fn];
  if (fn === undefined) throw new Error(`Route ${route.method} ${route.path} names unknown function ${route.fn}.`);
  return fn;
}
