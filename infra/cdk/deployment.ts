import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AppDeclaration } from '../declaration.ts';
import { type DeployConfig, readDeployConfig } from './config.ts';
import { constructId } from './construct-id.ts';
import { UPLOAD_PAGE } from './constructs/upload-page.ts';
import { REPOSITORY_ROOT } from './repository-root.ts';
import { EDGE_REGION, EdgeStack } from './stacks/edge-stack.ts';
import { ServiceStack } from './stacks/service-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';

export interface Deployment {
  readonly config: DeployConfig;
  readonly stateful: StatefulStack;
  readonly service: ServiceStack;
  /** The web ACL's stack in us-east-1; absent without a web ACL (`-c webAcl=false`, or aws-cn). */
  readonly edge?: EdgeStack;
}

/**
 * The two stacks of one stage, built from the declaration and the context. No account is pinned: the
 * stacks take the CLI's account and region when it has credentials and stay environment-agnostic otherwise,
 * so synth works offline.
 */
export interface DeploymentOptions {
  /** The upload page's folder; by default the repository's, when it has one. */
  readonly uploadPageFolder?: string;
}

export function defineDeployment(
  app: App,
  declaration: AppDeclaration<string, string, string>,
  options: DeploymentOptions = {},
): Deployment {
  const config = readDeployConfig(app.node);
  const prefix = `${constructId(declaration.name)}-${config.stage}`;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = deploymentRegion(config.partition, process.env.CDK_DEFAULT_REGION);
  const env = { ...(account === undefined ? {} : { account }), ...(region === undefined ? {} : { region }) };
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    description: `${declaration.name} (${config.stage}): tables, buckets, event bus, mail identity`,
    env,
    declaration,
    config,
  });
  const webAclParameterName = `/${declaration.name}/${config.stage}/web-acl-arn`;
  const edge =
    config.webAcl === undefined
      ? undefined
      : new EdgeStack(app, `${prefix}-Edge`, {
          description: `${declaration.name} (${config.stage}): the web ACL in front of CloudFront`,
          env: account === undefined ? {} : { account },
          firewall: { ...config.webAcl, metricPrefix: `${declaration.name}-${config.stage}` },
          webAclParameterName,
        });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    description: `${declaration.name} (${config.stage}): functions, API, events, schedules, CDN, alarms`,
    env,
    declaration,
    config,
    stateful,
    ...uploadPage(options),
    ...(edge === undefined
      ? {}
      : {
          webAcl: {
            parameterName: webAclParameterName,
            region: EDGE_REGION,
            fingerprint: JSON.stringify(config.webAcl),
          },
        }),
  });
  if (edge !== undefined) service.addStackDependency(edge, 'CloudFront attaches the web ACL the edge stack publishes');
  if (service.node.tryFindChild('UploadPage') === undefined) {
    Annotations.of(service).addWarningV2(
      'gongkai:uploadPageMissing',
      `${UPLOAD_PAGE.folder} does not exist: CloudFront serves the site and the API, but no upload page at ${UPLOAD_PAGE.pathPrefix}.`,
    );
  }
  if (config.partition === 'aws-cn' && config.domain === undefined) {
    Annotations.of(service).addWarningV2(
      'gongkai:chinaWithoutDomain',
      'CloudFront in aws-cn serves no content on *.cloudfront.cn: pass an ICP-recorded -c domainName and -c iamCertificateId.',
    );
  }
  Tags.of(app).add('application', declaration.name);
  Tags.of(app).add('stage', config.stage);
  return { config, stateful, service, ...(edge === undefined ? {} : { edge }) };
}

/**
 * The CLI's region, when it belongs to the chosen partition. An aws-cn synth on a machine whose CLI defaults to a
 * global region stays environment-agnostic instead, so every ARN is built on `AWS::Partition` and the templates
 * deploy in Beijing or Ningxia unchanged; the opposite mistake is refused.
 */
function deploymentRegion(partition: DeployConfig['partition'], cliRegion: string | undefined): string | undefined {
  const chinese = cliRegion?.startsWith('cn-') === true;
  if (partition === 'aws' && chinese) {
    throw new Error(`Region ${cliRegion} is in the aws-cn partition: synthesize with -c partition=aws-cn.`);
  }
  return partition === 'aws-cn' && !chinese ? undefined : cliRegion;
}

function uploadPage(options: DeploymentOptions): { uploadPageFolder?: string } {
  const folder = options.uploadPageFolder ?? join(REPOSITORY_ROOT, UPLOAD_PAGE.folder);
  return existsSync(folder) ? { uploadPageFolder: folder } : {};
}

/** cdk-nag's AWS Solutions rules on every stack: an unacknowledged finding fails synth. */
export function addPolicyChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
