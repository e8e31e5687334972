import { Aws, Duration, TimeZone } from 'aws-cdk-lib';
import { Rule, Schedule as RuleSchedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleDecl } from '../../declaration.ts';
import { constructId } from '../construct-id.ts';
import { utcCron } from '../utc-cron.ts';
import { acknowledgeWildcardResource } from '../wildcard-acknowledgement.ts';

export interface ScheduledTasksProps {
  readonly schedules: Readonly<Record<string, ScheduleDecl<string>>>;
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /**
   * `scheduler`: EventBridge Scheduler, in the schedule's own time zone. `rules`: EventBridge rules with the
   * cron shifted to UTC, for regions without Scheduler; same target, retries and dead-letter queue.
   */
  readonly backend: 'scheduler' | 'rules';
}

/**
 * One EventBridge Scheduler schedule per declared schedule, in its own time zone (deadlines are Beijing
 * dates). The target has no input, so the function receives the same "Scheduled Event" the local runner
 * builds; a schedule that cannot be delivered within the hour lands in the function's dead-letter queue.
 */
export class ScheduledTasks extends Construct {
  readonly schedules: readonly (Schedule | Rule)[];

  constructor(scope: Construct, id: string, props: ScheduledTasksProps) {
    super(scope, id);
    this.schedules = Object.entries(props.schedules).map(([name, schedule]) => {
      const fn = props.functions[schedule.fn];
      const deadLetterQueue = props.deadLetterQueues[schedule.fn];
      if (fn === undefined || deadLetterQueue === undefined) {
        throw new Error(`Schedule ${name} names unknown function ${schedule.fn}.`);
      }
      const id = constructId(name);
      if (props.backend === 'rules') {
        return new Rule(this, id, {
          description: `${schedule.description} (${schedule.cron} ${schedule.timezone}, as UTC)`,
          schedule: RuleSchedule.expression(utcCron(schedule.cron, schedule.timezone)),
          targets: [new LambdaFunction(fn, { deadLetterQueue, retryAttempts: 2, maxEventAge: Duration.hours(1) })],
        });
      }
      const role = new Role(this, `${id}Invoker`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      });
      const target = new LambdaInvoke(fn, { role, deadLetterQueue, retryAttempts: 2, maxEventAge: Duration.hours(1) });
      acknowledgeWildcardResource(
        role,
        `${fn.functionArn}:*`,
        `Scheduler's Lambda target grants ${schedule.fn} including its versions and aliases (":*"); no other function.`,
      );
      return new Schedule(this, id, {
        description: schedule.description,
        schedule: ScheduleExpression.expression(cronExpression(schedule.cron), TimeZone.of(schedule.timezone)),
        timeWindow: TimeWindow.off(),
        target,
      });
    });
  }
}

/** The declaration may write `cron(…)` or just the six fields. */
function cronExpression(cron: string): string {
  const fields = cron.trim().replace(/^cron\((.*)\)$/, '$1');
  if (fields.split(/\s+/).length !== 6) throw new Error(`"${cron}" is not a six-field Scheduler cron expression.`);
  return `cron(${fields})`;
}
