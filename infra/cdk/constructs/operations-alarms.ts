import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { constructId } from '../construct-id.ts';

export interface OperationsAlarmsProps {
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly api: HttpApi;
  readonly alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Every failure that otherwise goes unseen raises an alarm on one encrypted SNS topic: a message in any
 * dead-letter queue, any function error or throttle, any 5xx from the API. The topic's key is a customer key
 * because CloudWatch cannot publish to a topic under the AWS-managed SNS key.
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    // Only transient alarm messages are under this key: it goes (after KMS's waiting period) with the stack.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true, displayName: 'Gongkai alarms' });
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarmOn(
        `${constructId(name)}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        `${name} gave up on an event or schedule; inspect the message and redrive it after the fix.`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      const metric = { period: FIVE_MINUTES, statistic: 'Sum' };
      this.alarmOn(`${constructId(name)}Errors`, fn.metricErrors(metric), `${name} threw; see its log group.`);
      this.alarmOn(`${constructId(name)}Throttles`, fn.metricThrottles(metric), `${name} was throttled.`);
    }
    this.alarmOn(
      'ApiServerErrors',
      props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      'The API answered 5xx; the access log has the request ids.',
    );
    this.dashboard = this.addDashboard(props);
  }

  private alarmOn(id: string, metric: IMetric, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }

  private addDashboard(props: OperationsAlarmsProps): Dashboard {
    const functions = Object.values(props.functions);
    const sum = { period: FIVE_MINUTES, statistic: 'Sum' };
    return new Dashboard(this, 'Dashboard', {
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [props.api.metricCount(sum), props.api.metricClientError(sum), props.api.metricServerError(sum)],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency p90',
            left: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p90' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({ title: 'Invocations', left: functions.map((fn) => fn.metricInvocations(sum)), width: 8 }),
          new GraphWidget({ title: 'Errors', left: functions.map((fn) => fn.metricErrors(sum)), width: 8 }),
          new GraphWidget({
            title: 'Duration p99',
            left: functions.map((fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' })),
            width: 8,
          }),
        ],
        [
          new GraphWidget({
            title: 'Dead-letter queue depth',
            left: Object.values(props.deadLetterQueues).map((queue) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
            ),
            width: 24,
          }),
        ],
      ],
    });
  }
}
