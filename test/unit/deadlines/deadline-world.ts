/**
 * A filing season in memory: the registry, accepted reports, notice records, a mailer and a bus that hands
 * the deadline events to the notice sender, as the EventBridge rule does.
 */
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryEventPublisher } from '#shared/adapters/memory/memory-event-publisher.ts';
import { MemoryMailer } from '#shared/adapters/memory/memory-mailer.ts';
import { MemoryNoticeStore } from '#shared/adapters/memory/memory-notice-store.ts';
import { MemoryVersionStore } from '#shared/adapters/memory/memory-version-store.ts';
import { VersionStoreAcceptedReports } from '#shared/adapters/memory/version-store-accepted-reports.ts';
import { type DeadlineConfig, DeadlineConfigSchema } from '#shared/deadlines/config.ts';
import { type DeadlineRun, runDeadlines } from '#shared/deadlines/run-deadlines.ts';
import { sendNotice } from '#shared/deadlines/send-notice.ts';
import type { DeadlinePorts, NoticePorts } from '#shared/ports.ts';
import { type AgencyInput, AgencySchema } from '#shared/registry/agency.ts';
import { dueNoticeEvents } from '../../helpers/due-notice-events.ts';

export class DeadlineWorld {
  readonly clock = new ManualClock('2023-01-01T00:00:00.000Z');
  readonly agencies = new MemoryAgencyRegistry();
  readonly versions = new MemoryVersionStore();
  readonly notices = new MemoryNoticeStore();
  readonly mailer = new MemoryMailer();
  readonly bus = new MemoryEventPublisher();
  readonly config: DeadlineConfig;
  #delivered = 0;

  constructor(config: unknown = {}) {
    this.config = DeadlineConfigSchema.parse(config);
  }

  get deadlinePorts(): DeadlinePorts {
    const reports = new VersionStoreAcceptedReports(this.versions);
    return {
      clock: this.clock,
      agencies: this.agencies,
      reports,
      notices: this.notices,
      events: this.bus,
      config: this.config,
    };
  }

  get noticePorts(): NoticePorts {
    return { clock: this.clock, notices: this.notices, mailer: this.mailer, events: this.bus, config: this.config };
  }

  async register(...inputs: AgencyInput[]): Promise<void> {
    for (const input of inputs) await this.agencies.create(AgencySchema.parse(input));
  }

  /** Version 1 of the agency's report, accepted at 10:00 China time on `day`. */
  async file(agencyId: string, year: number, day: string, extra: { imported?: boolean; publishedOn?: string } = {}) {
    await this.versions.putIfAbsent({
      agencyId,
      year,
      version: 1,
      submissionId: `sub-${agencyId}-${year}`,
      sha256: 'a'.repeat(64),
      original: { key: `originals/${'a'.repeat(64)}`, contentType: 'text/plain', fileName: 'r.txt', sizeBytes: 10 },
      canonicalKey: `reports/${agencyId}/${year}/v1.json`,
      acceptedAt: `${day}T02:00:00.000Z`,
      publishedOn: extra.publishedOn ?? day,
      amendmentReason: null,
      imported: extra.imported ?? false,
      hasErrors: false,
      warningCount: 0,
    });
  }

  /** Sets the clock to 08:00 China time on `day` (when the schedule fires). */
  at(day: string): void {
    this.clock.advance(Date.parse(`${day}T00:00:00.000Z`) - this.clock.now().getTime());
  }

  run(asOf: string, dryRun = false): Promise<DeadlineRun> {
    return runDeadlines(this.deadlinePorts, { asOf, dryRun });
  }

  /** Deadline events published since the last delivery, handed to the sender (all at once: concurrently). */
  async deliver(): Promise<void> {
    const pending = this.bus.published.slice(this.#delivered);
    this.#delivered = this.bus.published.length;
    await Promise.all(dueNoticeEvents(pending).map((event) => sendNotice(this.noticePorts, event)));
  }
}
