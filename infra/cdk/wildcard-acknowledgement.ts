import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 for ONE wildcard resource in the policies under `scope` — such as
 * the objects of one declared bucket, which no policy can name one by one. The finding id spells the resource
 * as it appears in the template, and a reference to the stateful stack only takes that form once CDK has
 * resolved cross-stack references, which happens after construction; so the id is computed in a validation
 * hook, which runs after that and before the policy checks, with cdk-nag's own spelling of references.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const spelled = flattenCfnReference(Stack.of(scope).resolve(resource));
      Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${spelled}]`, reason });
      return [];
    },
  });
}
