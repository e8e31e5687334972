import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionDecl, type RouteDecl, routeAuthEnvironment } from '../../declaration.ts';
import { constructId } from '../construct-id.ts';
import { tagDeclared } from '../declared-as.ts';
import { type BindableResources, environmentFor, grantUses } from './function-bindings.ts';
import { HandlerFunction } from './handler-function.ts';

export interface DeclaredFunctionsProps {
  readonly functions: Readonly<Record<string, FunctionDecl<string, string>>>;
  /** The declared routes: each HTTP function is told the auth of its own. */
  readonly routes: readonly RouteDecl<string>[];
  readonly resources: BindableResources;
  readonly service: string;
  readonly logLevel: string;
  readonly logRetention: RetentionDays;
  /** Retries and dead-letter queue of each asynchronously invoked function. */
  readonly asyncFailures: ReadonlyMap<string, { readonly deadLetterQueue: IQueue; readonly retryAttempts: number }>;
  readonly architecture: 'arm64' | 'x86_64';
}

/** Every declared function, told the names of what it `uses` and granted exactly that. */
export class DeclaredFunctions extends Construct {
  readonly functions: Readonly<Record<string, NodejsFunction>>;

  constructor(scope: Construct, id: string, props: DeclaredFunctionsProps) {
    super(scope, id);
    const functions: Record<string, NodejsFunction> = {};
    for (const [name, declaration] of Object.entries(props.functions)) {
      const asyncFailures = props.asyncFailures.get(name);
      const handler = new HandlerFunction(this, constructId(name), {
        declaration,
        service: props.service,
        logLevel: props.logLevel,
        logRetention: props.logRetention,
        environment: {
          ...environmentFor(declaration.uses, props.resources),
          ...routeAuthEnvironment(name, props.routes),
        },
        architecture: props.architecture,
        ...(asyncFailures === undefined ? {} : { asyncFailures }),
      });
      tagDeclared(handler, 'function', name);
      grantUses(handler.role, declaration.uses, props.resources);
      functions[name] = handler.function;
    }
    this.functions = functions;
  }
}
