import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Tag naming the declaration entry a resource was built from, e.g. `function/submitReport`. */
export const DECLARED_AS_TAG = 'declared-as';

export type DeclaredKind = 'table' | 'bucket' | 'function';

/**
 * Marks everything under `scope` as built from one entry of `infra/app.ts`: in the console and the bill a
 * resource is found by its declared name, and the drift test matches template to declaration by it.
 */
export function tagDeclared(scope: IConstruct, kind: DeclaredKind, name: string): void {
  Tags.of(scope).add(DECLARED_AS_TAG, `${kind}/${name}`);
}
