/** A failed condition is an answer ("someone else got there first"), not a fault. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export async function unlessConditionFails(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (
      e instanceof ConditionalCheckFailedException ||
      (e as { name?: unknown })?.name === 'ConditionalCheckFailedException'
    ) {
      return false;
    }
    throw e;
  }
}
