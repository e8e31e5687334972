import { Duration, Stack } from 'aws-cdk-lib';
import { type Archive, EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

export interface EventBackboneProps {
  readonly description: string;
  readonly archiveDays: number;
}

/**
 * The application's own event bus, with an archive of everything published on it: a subscriber that was broken
 * for a while can be fixed and the missed events replayed (`aws events start-replay`) instead of re-filed.
 * AWS service events (S3 `Object Created`) arrive on the account's default bus, where the service stack's rules
 * pick them up.
 */
export class EventBackbone extends Construct {
  readonly bus: EventBus;
  readonly archive: Archive;

  constructor(scope: Construct, id: string, props: EventBackboneProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: props.description });
    this.archive = this.bus.archive('Archive', {
      description: `Every event on ${props.description}, kept for replay`,
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(props.archiveDays),
    });
  }
}
