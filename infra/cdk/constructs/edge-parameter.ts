import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface EdgeParameterProps {
  readonly parameterName: string;
  readonly region: string;
  /**
   * Anything whose change should make the value be read again (the firewall's settings): the value is read
   * when the resource is created and whenever this changes, not on every deployment.
   */
  readonly fingerprint: string;
  readonly logRetention: RetentionDays;
}

/** The value of an SSM parameter in another region, read at deploy time by a CDK custom resource. */
export class EdgeParameter extends Construct {
  readonly value: string;

  constructor(scope: Construct, id: string, props: EdgeParameterProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const reader = new AwsCustomResource(this, 'Reader', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: props.parameterName },
        region: props.region,
        physicalResourceId: PhysicalResourceId.of(`${props.parameterName}#${props.fingerprint}`),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({
        resources: [
          stack.formatArn({
            service: 'ssm',
            region: props.region,
            resource: 'parameter',
            resourceName: props.parameterName.replace(/^\//, ''),
          }),
        ],
      }),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY }),
    });
    this.value = reader.getResponseField('Parameter.Value');
    acknowledgeReaderFunction(stack);
  }
}

// CDK runs every AwsCustomResource of a stack through one singleton function, found by the id CDK gives it.
function acknowledgeReaderFunction(stack: Stack): void {
  const singleton = stack.node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
  if (singleton === undefined) return;
  Validations.of(singleton).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "CDK's deploy-time reader of the web ACL's ARN (ssm:GetParameter on that one parameter); it runs only during deployments and its managed policy only writes its own logs.",
  });
}
