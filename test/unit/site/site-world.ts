/**
 * A site on memory adapters with an archive seeded directly (registry, versions, canonical JSON,
 * originals, findings), so the page builder is tested and measured without the filing service.
 */
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryArchiveTable } from '#shared/adapters/memory/memory-archive-table.ts';
import { MemoryBlobStore } from '#shared/adapters/memory/memory-blob-store.ts';
import { MemoryStreamingBlobStore } from '#shared/adapters/memory/memory-streaming-blob-store.ts';
import { MemoryTaskQueue } from '#shared/adapters/memory/memory-task-queue.ts';
import { MemoryVersionStore } from '#shared/adapters/memory/memory-version-store.ts';
import { publishAgencyPages } from '#shared/archive/agency-pages.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import type { ArchiveTask, TaskOf } from '#shared/archive/archive-tasks.ts';
import { buildShard } from '#shared/archive/build-shard.ts';
import { type Filing, indexFiling } from '#shared/archive/index-filing.ts';
import { runRebuildTask } from '#shared/archive/rebuild-plan.ts';
import { runArchiveTask } from '#shared/archive/run-task.ts';
import { parseDeadlineConfig } from '#shared/deadlines/config.ts';
import { canonicalKey, type ReportVersion, type Submission } from '#shared/filing/records.ts';
import type { Agency } from '#shared/registry/agency.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';

export interface SiteWorld extends ArchivePorts {
  readonly clock: ManualClock;
  readonly agencies: MemoryAgencyRegistry;
  readonly versions: MemoryVersionStore;
  readonly data: MemoryBlobStore;
  readonly site: MemoryStreamingBlobStore;
  readonly index: MemoryArchiveTable;
  readonly queue: MemoryTaskQueue;
  readonly originals: MemoryBlobStore;
  readonly findings: Map<string, Finding[]>;
}

export function siteWorld(now = '2023-06-01T02:00:00.000Z'): SiteWorld {
  const findings = new Map<string, Finding[]>();
  const clock = new ManualClock(now);
  return {
    clock,
    index: new MemoryArchiveTable(),
    queue: new MemoryTaskQueue(() => clock.now().getTime()),
    queueDelays: { archive: 10, shards: 10, pages: 0, rebuild: 0 },
    agencies: new MemoryAgencyRegistry(),
    versions: new MemoryVersionStore(),
    submissions: {
      get: async (id) => (findings.has(id) ? ({ findings: findings.get(id) } as unknown as Submission) : null),
    },
    originals: new MemoryBlobStore(),
    data: new MemoryBlobStore(),
    site: new MemoryStreamingBlobStore(),
    deadlines: parseDeadlineConfig(undefined),
    siteUrl: 'https://gongkai.example',
    findings,
  };
}

/** An agency of 广东省韶关市曲江区 (440205), or of a region written as free text, as entries from before codes. */
export function agencyOf(id: string, name: string, kind: Agency['kind'] = 'department', region?: string): Agency {
  return {
    id,
    name,
    kind,
    regionCode: region === undefined ? '440205' : null,
    region: region ?? '广东省韶关市曲江区',
    creditCode: null,
    supervisorId: null,
    aliases: [],
    contactEmails: [],
    deadlineOverride: null,
  };
}

/** Runs one task as the consumer of its queue would. */
export async function runTask(world: SiteWorld, task: ArchiveTask): Promise<void> {
  if (task.kind === 'pages') await publishAgencyPages(world, task);
  else if (task.kind === 'shard') await buildShard(world, task.year, task.code);
  else if (task.kind === 'rebuildPlan' || task.kind === 'rebuildShard') await runRebuildTask(world, task);
  else await runArchiveTask(world, task);
}

/** Runs every queued task (and those they queue) as the queues' consumers would. */
export function drain(world: SiteWorld): Promise<void> {
  return world.queue.drain((task) => runTask(world, task));
}

/**
 * A filing as the event function and the pages queue publish it: its index entry and tasks, then at once
 * its pages (the pages queue delays nothing); the aggregates' tasks stay queued. Returns the files written.
 */
export async function publishFiling(ports: ArchivePorts & { readonly queue: MemoryTaskQueue }, filing: Filing) {
  const entry = await indexFiling(ports, filing);
  const written: string[] = [];
  await ports.queue.drain(
    async (task) => {
      written.push(...(await publishAgencyPages(ports, task as TaskOf<'pages'>)).written);
    },
    (task) => task.kind === 'pages',
  );
  return { written, entry };
}

export interface Filed {
  readonly report: Report;
  readonly version?: number;
  readonly acceptedAt?: string;
  readonly amendmentReason?: string | null;
  readonly findings?: Finding[];
  readonly original?: string;
  /** What the filing recorded of the original: the type its bytes were sniffed as, the name the filer gave. */
  readonly stored?: { readonly contentType: string; readonly fileName: string };
}

/** Stores a version as the filing service would after accepting it; returns the stored version. */
export async function archive(world: SiteWorld, agencyId: string, filed: Filed): Promise<ReportVersion> {
  const n = filed.version ?? 1;
  const { year } = filed.report;
  const submissionId = `${agencyId}-${year}-v${n}`;
  const sha = (agencyId.length.toString(16) + year.toString(16) + n.toString(16)).padEnd(64, '0').slice(0, 64);
  const version: ReportVersion = {
    agencyId,
    year,
    version: n,
    submissionId,
    sha256: sha,
    original: {
      key: `originals/${sha}`,
      contentType: filed.stored?.contentType ?? 'text/plain; charset=utf-8',
      fileName: filed.stored?.fileName ?? `${year}年报.txt`,
      sizeBytes: 5,
    },
    canonicalKey: canonicalKey(agencyId, year, n),
    acceptedAt: filed.acceptedAt ?? '2023-01-06T02:15:30.000Z',
    publishedOn: filed.report.publishedOn,
    amendmentReason: filed.amendmentReason ?? null,
    imported: false,
    hasErrors: false,
    warningCount: (filed.findings ?? []).filter((f) => f.severity === 'warning').length,
  };
  const encoder = new TextEncoder();
  await world.originals.put(version.original.key, encoder.encode(filed.original ?? 'original text'), 'text/plain');
  await world.data.put(version.canonicalKey, encoder.encode(JSON.stringify(filed.report)), 'application/json');
  world.findings.set(submissionId, filed.findings ?? []);
  await world.versions.putIfAbsent(version);
  await world.versions.advanceCurrent(version);
  return version;
}

export function text(world: SiteWorld, key: string): Promise<string> {
  return world.site.get(key).then((blob) => new TextDecoder().decode(blob?.bytes ?? new Uint8Array()));
}
