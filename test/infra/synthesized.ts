import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as z from 'zod';
import { DECLARED_AS_TAG } from '../../infra/cdk/declared-as.ts';
import {
  addPolicyChecks,
  type Deployment,
  type DeploymentOptions,
  defineDeployment,
} from '../../infra/cdk/deployment.ts';
import type { AppDeclaration } from '../../infra/declaration.ts';

// The same feature flags and settings `cdk synth` reads, so the tests see the template the CLI produces.
const CdkJsonSchema = z.object({ context: z.record(z.string(), z.unknown()) });
const CDK_CONTEXT = CdkJsonSchema.parse(
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')),
).context;

/** A stand-in for web/file, so the tests deploy an upload page whether or not the real one exists yet. */
export const FIXTURE_UPLOAD_PAGE = fileURLToPath(new URL('./fixtures/upload-page/', import.meta.url));

export interface Synthesized {
  readonly app: App;
  readonly deployment: Deployment;
  readonly stateful: Template;
  readonly service: Template;
  /** The web ACL's stack (us-east-1), when the deployment has one. */
  readonly edge?: Template;
}

/** Builds both stacks without bundling (the entries must exist, their code is not built). */
export function synthesize(
  declaration: AppDeclaration<string, string, string>,
  context: Readonly<Record<string, unknown>> = {},
  options: DeploymentOptions = {},
): Synthesized {
  const app = buildApp(context);
  const deployment = defineDeployment(app, declaration, options);
  return {
    app,
    deployment,
    stateful: Template.fromStack(deployment.stateful),
    service: Template.fromStack(deployment.service),
    ...(deployment.edge === undefined ? {} : { edge: Template.fromStack(deployment.edge) }),
  };
}

/** The app as `cdk synth` runs it, cdk-nag included; `app.synth()` throws on any unacknowledged finding. */
export function withPolicyChecks(
  declaration: AppDeclaration<string, string, string>,
  options: DeploymentOptions = {},
  context: Readonly<Record<string, unknown>> = {},
): {
  readonly app: App;
  readonly deployment: Deployment;
} {
  const app = buildApp(context);
  const deployment = defineDeployment(app, declaration, options);
  addPolicyChecks(app);
  return { app, deployment };
}

function buildApp(context: Readonly<Record<string, unknown>>): App {
  return new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
}

/**
 * The resources of one type in a template keyed by the declaration entry they were built from (the
 * `declared-as` tag, e.g. `function/submitReport` → `submitReport`), with their logical ids.
 */
export function declaredResources(
  template: Template,
  type: string,
  kind: string,
): Map<string, { readonly logicalId: string; readonly properties: Record<string, unknown> }> {
  const found = new Map<string, { logicalId: string; properties: Record<string, unknown> }>();
  for (const [logicalId, resource] of Object.entries(template.findResources(type))) {
    const properties: Record<string, unknown> = resource.Properties ?? {};
    const tag = tagsOf(properties).find((candidate) => candidate.Key === DECLARED_AS_TAG);
    const prefix = `${kind}/`;
    if (tag?.Value.startsWith(prefix)) found.set(tag.Value.slice(prefix.length), { logicalId, properties });
  }
  return found;
}

const TagListSchema = z.array(z.object({ Key: z.string(), Value: z.string() }));
const ReplicasSchema = z.array(z.object({ Tags: TagListSchema.optional() }));

// Most resources carry `Tags: [{Key, Value}]`; DynamoDB global tables carry them per replica.
function tagsOf(properties: Record<string, unknown>): z.infer<typeof TagListSchema> {
  const direct = TagListSchema.safeParse(properties.Tags);
  if (direct.success) return direct.data;
  const replicas = ReplicasSchema.safeParse(properties.Replicas);
  return replicas.success ? replicas.data.flatMap((replica) => replica.Tags ?? []) : [];
}
