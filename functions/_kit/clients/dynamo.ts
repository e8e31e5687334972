/** The DynamoDB document client, one per container; only the functions that declare a table import it. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { perContainer } from '../function-environment.ts';

export const dynamo = /* @__PURE__ */ perContainer(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
);
