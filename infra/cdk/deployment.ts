import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AppDeclaration } from '../declaration.ts';
import { type DeployConfig, readDeployConfig } from './config.ts';
import { constructId } from './construct-id.ts';
import { ServiceStack } from './stacks/service-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';

export interface Deployment {
  readonly config: DeployConfig;
  readonly stateful: StatefulStack;
  readonly service: ServiceStack;
}

/**
 * The two stacks of one stage, built from the declaration and the context. No account is pinned: the
 * stacks take the CLI's account and region when it has credentials and stay environment-agnostic otherwise,
 * so synth works offline.
 */
export function defineDeployment(app: App, declaration: AppDeclaration<string, string, string>): Deployment {
  const config = readDeployConfig(app.node);
  const prefix = `${constructId(declaration.name)}-${config.stage}`;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  const env = { ...(account === undefined ? {} : { account }), ...(region === undefined ? {} : { region }) };
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    description: `${declaration.name} (${config.stage}): tables, buckets, event bus, mail identity`,
    env,
    declaration,
    config,
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    description: `${declaration.name} (${config.stage}): functions, API, events, schedules, CDN, alarms`,
    env,
    declaration,
    config,
    stateful,
  });
  Tags.of(app).add('application', declaration.name);
  Tags.of(app).add('stage', config.stage);
  return { config, stateful, service };
}

/** cdk-nag's AWS Solutions rules on every stack: an unacknowledged finding fails synth. */
export function addPolicyChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
