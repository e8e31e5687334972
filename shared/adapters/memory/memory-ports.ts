/** Every port backed by memory, for unit tests and dry runs; the fakes stay reachable for assertions. */
import type { ReportChecker, ReportValidator, UploadPorts } from '#shared/ports.ts';
import { ManualClock } from './manual-clock.ts';
import { MemoryAgencyRegistry } from './memory-agency-registry.ts';
import { MemoryBlobStore } from './memory-blob-store.ts';
import { MemoryEventPublisher } from './memory-event-publisher.ts';
import { MemoryOfficeRegistry } from './memory-office-registry.ts';
import { MemorySubmissionStore } from './memory-submission-store.ts';
import { MemoryTokenStore } from './memory-token-store.ts';
import { MemoryUploadSigner } from './memory-upload-signer.ts';
import { MemoryVersionStore } from './memory-version-store.ts';
import { SequentialIds } from './sequential-ids.ts';

export interface MemoryPorts extends UploadPorts {
  readonly clock: ManualClock;
  readonly ids: SequentialIds;
  readonly agencies: MemoryAgencyRegistry;
  readonly offices: MemoryOfficeRegistry;
  readonly tokens: MemoryTokenStore;
  readonly submissions: MemorySubmissionStore;
  readonly versions: MemoryVersionStore;
  readonly originals: MemoryBlobStore;
  readonly data: MemoryBlobStore;
  readonly uploads: MemoryBlobStore;
  readonly events: MemoryEventPublisher;
  readonly uploadSigner: MemoryUploadSigner;
}

export function memoryPorts(checker: { checkReport: ReportChecker; validateReport: ReportValidator }): MemoryPorts {
  return {
    clock: new ManualClock(),
    ids: new SequentialIds(),
    agencies: new MemoryAgencyRegistry(),
    offices: new MemoryOfficeRegistry(),
    tokens: new MemoryTokenStore(),
    submissions: new MemorySubmissionStore(),
    versions: new MemoryVersionStore(),
    originals: new MemoryBlobStore(),
    data: new MemoryBlobStore(),
    uploads: new MemoryBlobStore(),
    events: new MemoryEventPublisher(),
    uploadSigner: new MemoryUploadSigner(),
    ...checker,
  };
}
