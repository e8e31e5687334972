/**
 * THE application declaration: every table, bucket, function, route, event subscription and schedule.
 * Typed data only — the CDK app and the local runner both walk this value (see `declaration.ts`).
 * Keys and access patterns of the tables are documented in `docs/data-model.md`; routes in `docs/api.md`.
 */
import { DIVISION_TABLE_FILE, defineApp, REPORT_SCHEMA_FILE, SITE_ASSETS_FILE, type Use } from './declaration.ts';

type Tables = 'registry' | 'filings' | 'notices' | 'archive' | 'signIn';
type Buckets = 'originals' | 'data' | 'site' | 'uploads';

const filingUses: readonly Use<Tables, Buckets>[] = [
  { table: 'registry', access: 'read' },
  { table: 'filings', access: 'readWrite' },
  { bucket: 'originals', access: 'readWrite' },
  { bucket: 'uploads', access: 'readWrite' },
  { bucket: 'data', access: 'readWrite' },
  { bus: 'events' },
];

/** Indexing a filing (the index entry, the recent list) and queueing its pages and the aggregates it touches. */
const indexingUses: readonly Use<Tables, Buckets>[] = [
  { table: 'registry', access: 'read' },
  { table: 'filings', access: 'read' },
  { table: 'archive', access: 'readWrite' },
  { bucket: 'data', access: 'read' },
  { queue: 'pages', access: 'send' },
  { queue: 'shards', access: 'send' },
  { queue: 'archive', access: 'send' },
];

/** The Parquet reader and writer (the writer needs the reader), shipped beside the archive's bundles. */
const PARQUET_PACKAGES = ['hyparquet', 'hyparquet-writer'];

// Per-route limits for the routes that parse documents, sign uploads or rewrite the site; the others share
// the stage's limit. A county files a few hundred reports a year: these leave room for the deadline rush.
const filingThrottle = { rateLimit: 10, burstLimit: 20 } as const;
const adminJobThrottle = { rateLimit: 1, burstLimit: 2 } as const;
// Sign-in has its own per-address and per-client limits; this caps what a flood costs in mail and Lambda.
const signInThrottle = { rateLimit: 5, burstLimit: 10 } as const;

const deadlineUses: readonly Use<Tables, Buckets>[] = [
  { table: 'registry', access: 'read' },
  { table: 'filings', access: 'read' },
  { table: 'notices', access: 'read' },
  { bus: 'events' },
];

const officeUses: readonly Use<Tables, Buckets>[] = [
  { table: 'registry', access: 'read' },
  { table: 'filings', access: 'read' },
  { bus: 'events' },
];

export const app = defineApp({
  name: 'gongkai',
  tables: {
    registry: {
      purpose:
        'Agency registry, supervising offices and bearer tokens (sha256 hashes only); agencies listed through GSIs',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      globalSecondaryIndexes: [
        {
          indexName: 'agencyList',
          partitionKey: { name: 'listPk', type: 'S' },
          sortKey: { name: 'listSk', type: 'S' },
        },
        {
          // Sparse: agencies with a region code, one partition per province, sorted by region code then id.
          indexName: 'agencyRegion',
          partitionKey: { name: 'regionPk', type: 'S' },
          sortKey: { name: 'regionSk', type: 'S' },
        },
      ],
    },
    filings: {
      purpose:
        'Submissions (receipts), de-duplication keys, immutable report versions and the current version per agency-year',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      globalSecondaryIndexes: [
        {
          // Sparse: only submissions whose processing or event publication is unfinished carry these keys.
          indexName: 'pending',
          partitionKey: { name: 'pendingPk', type: 'S' },
          sortKey: { name: 'pendingSk', type: 'S' },
        },
        {
          // Sparse: submissions only, an agency's by arrival (its office reads rejected ones too).
          indexName: 'agencySubmissions',
          partitionKey: { name: 'subAgencyPk', type: 'S' },
          sortKey: { name: 'subAgencySk', type: 'S' },
        },
        {
          // Sparse: versions awaiting their office's review, one partition per province, sorted by region code.
          indexName: 'awaitingReview',
          partitionKey: { name: 'reviewPk', type: 'S' },
          sortKey: { name: 'reviewSk', type: 'S' },
        },
      ],
    },
    notices: {
      purpose: 'Deadline notices, one per agency, report year and stage (claimed before the mail goes out)',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    },
    archive: {
      purpose:
        'The public archive index: one entry per published agency-year keyed by year × county-level region, region summaries under their parent, rebuild jobs',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    },
    signIn: {
      purpose:
        'Sign-in by e-mail code: per address and per client limits, lockouts and the hashed code; sessions under the sha256 of their id; the audit trail of every attempt',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      timeToLiveAttribute: 'expiresAt',
    },
  },
  buckets: {
    originals: {
      purpose: 'The original of every report version, content-addressed as originals/<sha256>',
      immutable: true,
    },
    data: { purpose: 'Canonical report JSON per version: reports/<agencyId>/<year>/v<n>.json' },
    site: { purpose: 'The public pages', publicSite: true },
    uploads: {
      purpose:
        'Every received file until it becomes a version, at <agencyId>/<submissionId>: presigned POST uploads and ' +
        'request bodies; rejected and superseded files expire here, never in the locked originals',
      eventBridge: true,
      expiresAfterDays: 30,
    },
  },
  functions: {
    authorizer: {
      entry: 'functions/auth/authorizer.ts',
      description: 'Resolves a bearer token or a session cookie to its principal (agency, office or admin)',
      // readWrite on signIn: a session's idle clock restarts, and an ended one is deleted, as it is used.
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'signIn', access: 'readWrite' },
      ],
    },
    requestSignInCode: {
      entry: 'functions/http/request-sign-in-code.ts',
      description:
        'Stores and queues a six-digit sign-in code for any address (the same answer in the same time for every one)',
      uses: [
        { table: 'signIn', access: 'readWrite' },
        { queue: 'signInMail', access: 'send' },
      ],
    },
    mailSignInCode: {
      entry: 'functions/queues/sign-in-mail.ts',
      description: 'Mails a queued sign-in code if its address is a registered contact, and audits the request',
      uses: [{ table: 'registry', access: 'read' }, { table: 'signIn', access: 'readWrite' }, { mail: 'send' }],
      // Only the SMTP relay of the China profile sends through it.
      unbundled: ['nodemailer'],
    },
    openSession: {
      entry: 'functions/http/open-session.ts',
      description: 'Exchanges an e-mailed code for a session cookie; five wrong codes lock the address',
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'signIn', access: 'readWrite' },
      ],
    },
    signOut: {
      entry: 'functions/http/sign-out.ts',
      description: "Ends the caller's session server-side and clears its cookie",
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'signIn', access: 'readWrite' },
      ],
    },
    health: { entry: 'functions/http/health.ts', description: 'Liveness probe', uses: [] },
    notFoundPage: {
      entry: 'functions/http/not-found-page.ts',
      description: "Answers unknown URLs: the site's zh-CN 404 page, or the API's error for API paths",
      uses: [{ bucket: 'site', access: 'read' }],
    },
    submitReport: {
      entry: 'functions/http/submit-report.ts',
      description: 'Files, amends or dry-runs an agency report',
      uses: filingUses,
      files: [DIVISION_TABLE_FILE],
      timeoutSeconds: 29,
      memoryMb: 1024,
    },
    importReport: {
      entry: 'functions/http/import-report.ts',
      description: 'Archives an already-published historical report as-is',
      uses: filingUses,
      files: [DIVISION_TABLE_FILE],
      timeoutSeconds: 29,
      memoryMb: 1024,
    },
    createUpload: {
      entry: 'functions/http/create-upload.ts',
      description: 'Opens a submission and returns a presigned POST (type and size capped) for a large file',
      uses: [
        { table: 'filings', access: 'readWrite' },
        { bucket: 'uploads', access: 'write' },
      ],
    },
    getSubmission: {
      entry: 'functions/http/get-submission.ts',
      description: 'Returns a submission receipt to its agency, its supervising office or an admin',
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'filings', access: 'read' },
      ],
    },
    listAgencyReports: {
      entry: 'functions/http/list-agency-reports.ts',
      description: "Lists an agency's report versions",
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'filings', access: 'read' },
      ],
    },
    getMe: {
      entry: 'functions/http/get-me.ts',
      description: 'Tells a caller whom its token acts for (the upload page greets the agency by name)',
      uses: [{ table: 'registry', access: 'read' }],
    },
    createAgency: {
      entry: 'functions/http/create-agency.ts',
      description: 'Registers an agency',
      uses: [{ table: 'registry', access: 'readWrite' }],
      files: [DIVISION_TABLE_FILE],
    },
    listAgencies: {
      entry: 'functions/http/list-agencies.ts',
      description: 'Lists registered agencies, paginated',
      uses: [{ table: 'registry', access: 'read' }],
    },
    getAgency: {
      entry: 'functions/http/get-agency.ts',
      description: 'Returns one registered agency',
      uses: [{ table: 'registry', access: 'read' }],
    },
    updateAgency: {
      entry: 'functions/http/update-agency.ts',
      description: 'Replaces a registered agency',
      uses: [{ table: 'registry', access: 'readWrite' }],
      files: [DIVISION_TABLE_FILE],
    },
    issueAgencyToken: {
      entry: 'functions/http/issue-agency-token.ts',
      description: 'Issues a bearer token for an agency (returned once)',
      uses: [{ table: 'registry', access: 'readWrite' }],
    },
    revokeAgencyToken: {
      entry: 'functions/http/revoke-agency-token.ts',
      description: "Revokes one of an agency's tokens",
      uses: [{ table: 'registry', access: 'readWrite' }],
    },
    issueAdminToken: {
      entry: 'functions/http/issue-admin-token.ts',
      description: 'Issues an admin bearer token (returned once)',
      uses: [{ table: 'registry', access: 'readWrite' }],
    },
    revokeAdminToken: {
      entry: 'functions/http/revoke-admin-token.ts',
      description: 'Revokes an admin token',
      uses: [{ table: 'registry', access: 'readWrite' }],
    },
    createOffice: {
      entry: 'functions/http/create-office.ts',
      description: 'Registers a supervising office for a region',
      uses: [{ table: 'registry', access: 'readWrite' }],
      files: [DIVISION_TABLE_FILE],
    },
    listOffices: {
      entry: 'functions/http/list-offices.ts',
      description: 'Lists registered supervising offices, paginated',
      uses: [{ table: 'registry', access: 'read' }],
    },
    issueOfficeToken: {
      entry: 'functions/http/issue-office-token.ts',
      description: 'Issues a bearer token for a supervising office (returned once)',
      uses: [{ table: 'registry', access: 'readWrite' }],
    },
    listOfficeAgencies: {
      entry: 'functions/http/list-office-agencies.ts',
      description: "Lists the agencies of an office's region and their filing status for a year",
      uses: officeUses,
    },
    listAgencySubmissions: {
      entry: 'functions/http/list-agency-submissions.ts',
      description: "Lists an agency-year's submissions, rejected ones too, to the agency, its office or an admin",
      uses: officeUses,
    },
    sendReminder: {
      entry: 'functions/http/send-reminder.ts',
      description: 'An office re-sends a deadline reminder to one of its agencies',
      uses: officeUses,
    },
    listReviews: {
      entry: 'functions/http/list-reviews.ts',
      description: "Lists the versions awaiting an office's review in its region",
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'filings', access: 'read' },
      ],
    },
    acceptReview: {
      entry: 'functions/http/accept-review.ts',
      description: 'An office accepts a version held for review; ReportPublished makes it public',
      uses: [{ table: 'registry', access: 'read' }, { table: 'filings', access: 'readWrite' }, { bus: 'events' }],
    },
    returnReview: {
      entry: 'functions/http/return-review.ts',
      description: 'An office returns a version held for review, and the agency is e-mailed the reason',
      uses: [{ table: 'registry', access: 'read' }, { table: 'filings', access: 'readWrite' }, { mail: 'send' }],
      // Only the SMTP relay of the China profile sends through it.
      unbundled: ['nodemailer'],
    },
    onUploadCreated: {
      entry: 'functions/events/on-upload-created.ts',
      description: 'Processes a presigned upload once S3 reports the object created',
      uses: filingUses,
      files: [DIVISION_TABLE_FILE],
      timeoutSeconds: 120,
      memoryMb: 1536,
    },
    indexFiling: {
      entry: 'functions/events/index-filing.ts',
      description:
        "Writes an accepted report's index entry and the recent list, and queues its pages and the aggregates it touches",
      uses: indexingUses,
      timeoutSeconds: 60,
    },
    buildAgencyPages: {
      entry: 'functions/queues/pages-tasks.ts',
      description: "Renders one agency's report pages, downloads and agency page per queue message",
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'filings', access: 'read' },
        { table: 'archive', access: 'read' },
        { bucket: 'originals', access: 'read' },
        // Read and write: what each version changed is kept beside the canonical reports.
        { bucket: 'data', access: 'readWrite' },
        { bucket: 'site', access: 'write' },
      ],
      timeoutSeconds: 120,
      memoryMb: 1024,
    },
    buildShard: {
      entry: 'functions/queues/shard-tasks.ts',
      description:
        'Rebuilds one county-level shard of a year (its pages, dataset parts, search file, sitemap) per message',
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'archive', access: 'readWrite' },
        { bucket: 'data', access: 'read' },
        { bucket: 'site', access: 'write' },
        { queue: 'archive', access: 'send' },
      ],
      // A shard's build writes its Parquet part.
      unbundled: PARQUET_PACKAGES,
      timeoutSeconds: 300,
      memoryMb: 1024,
    },
    buildArchive: {
      entry: 'functions/queues/archive-tasks.ts',
      description:
        'Rebuilds one roll-up (a city or province, the nation, a region across years, the home page) per queue message',
      uses: [
        { table: 'archive', access: 'readWrite' },
        { bucket: 'site', access: 'write' },
        { queue: 'archive', access: 'send' },
      ],
      files: [REPORT_SCHEMA_FILE, SITE_ASSETS_FILE],
      timeoutSeconds: 300,
      memoryMb: 1024,
    },
    rebuildArchive: {
      entry: 'functions/queues/rebuild-tasks.ts',
      description:
        "Runs one step of a rebuild job per message: plans its shards, or re-indexes a shard's filings and queues their pages and aggregates",
      // A shard's step indexes its filings as a filing does (`functions/_kit/roots/rebuild.ts`), and the plan
      // queues the steps.
      uses: [...indexingUses, { queue: 'rebuild', access: 'send' }],
      timeoutSeconds: 300,
      memoryMb: 1024,
    },
    compactArchive: {
      entry: 'functions/schedules/compact-archive.ts',
      description: 'Streams the whole-year datasets from the shard parts; writes the data catalog and search index',
      uses: [
        { table: 'archive', access: 'readWrite' },
        { bucket: 'site', access: 'readWrite' },
        { queue: 'archive', access: 'send' },
      ],
      // Loaded only when a year changed since the last run; most runs find none.
      unbundled: PARQUET_PACKAGES,
      timeoutSeconds: 900,
      memoryMb: 1024,
    },
    rebuildSite: {
      entry: 'functions/http/rebuild-site.ts',
      description: 'Starts a rebuild job of every public page (202 with the job id)',
      uses: [
        { table: 'archive', access: 'readWrite' },
        { queue: 'rebuild', access: 'send' },
      ],
    },
    getRebuildJob: {
      entry: 'functions/http/get-rebuild-job.ts',
      description: 'Reports how far a rebuild job got',
      uses: [{ table: 'archive', access: 'read' }],
    },
    runDeadlines: {
      entry: 'functions/http/run-deadlines.ts',
      description: 'Runs the deadline calendar for a day (or plans it, dry) and emits the notices due',
      uses: deadlineUses,
      timeoutSeconds: 29,
      memoryMb: 1024,
    },
    deadlinesDaily: {
      entry: 'functions/schedules/deadlines-daily.ts',
      description: 'Every morning: emits the due-soon, overdue and escalation notices of the day',
      uses: deadlineUses,
      timeoutSeconds: 300,
      memoryMb: 1024,
    },
    sendNotice: {
      entry: 'functions/events/send-notice.ts',
      description: 'E-mails one deadline notice, once per agency, year and stage',
      uses: [{ table: 'notices', access: 'readWrite' }, { mail: 'send' }, { bus: 'events' }],
      // Only the SMTP relay of the China profile sends through it.
      unbundled: ['nodemailer'],
    },
    listNotices: {
      entry: 'functions/http/list-notices.ts',
      description: 'Lists the deadline notices of a report year',
      uses: [{ table: 'notices', access: 'read' }],
    },
    filingStatus: {
      entry: 'functions/http/filing-status.ts',
      description: "Every agency's filing status (on time, late, due, missing) for a report year",
      uses: [
        { table: 'registry', access: 'read' },
        { table: 'filings', access: 'read' },
      ],
      timeoutSeconds: 29,
      memoryMb: 1024,
    },
    publishPending: {
      entry: 'functions/schedules/publish-pending.ts',
      description: 'Finishes submissions whose processing or event publication was interrupted',
      uses: filingUses,
      files: [DIVISION_TABLE_FILE],
      timeoutSeconds: 300,
      memoryMb: 1024,
    },
  },
  authorizer: 'authorizer',
  notFound: 'notFoundPage',
  routes: [
    { method: 'GET', path: '/health', fn: 'health', auth: 'none' },
    { method: 'POST', path: '/v1/sign-in/codes', fn: 'requestSignInCode', auth: 'none', throttle: signInThrottle },
    { method: 'POST', path: '/v1/sign-in/sessions', fn: 'openSession', auth: 'none', throttle: signInThrottle },
    { method: 'POST', path: '/v1/sign-out', fn: 'signOut', auth: 'none' },
    { method: 'POST', path: '/v1/reports', fn: 'submitReport', auth: 'agency', throttle: filingThrottle },
    { method: 'POST', path: '/v1/uploads', fn: 'createUpload', auth: 'agency', throttle: filingThrottle },
    { method: 'GET', path: '/v1/submissions/{submissionId}', fn: 'getSubmission', auth: 'anyPrincipal' },
    { method: 'GET', path: '/v1/agencies/{agencyId}/reports', fn: 'listAgencyReports', auth: 'anyPrincipal' },
    {
      method: 'GET',
      path: '/v1/agencies/{agencyId}/submissions',
      fn: 'listAgencySubmissions',
      auth: 'anyPrincipal',
    },
    { method: 'GET', path: '/v1/me', fn: 'getMe', auth: 'anyPrincipal' },
    { method: 'GET', path: '/v1/office/agencies', fn: 'listOfficeAgencies', auth: 'office' },
    { method: 'POST', path: '/v1/office/agencies/{agencyId}/reminders', fn: 'sendReminder', auth: 'office' },
    { method: 'GET', path: '/v1/office/reviews', fn: 'listReviews', auth: 'office' },
    { method: 'POST', path: '/v1/office/reviews/{submissionId}/accept', fn: 'acceptReview', auth: 'office' },
    { method: 'POST', path: '/v1/office/reviews/{submissionId}/return', fn: 'returnReview', auth: 'office' },
    { method: 'POST', path: '/v1/admin/agencies', fn: 'createAgency', auth: 'admin' },
    { method: 'GET', path: '/v1/admin/agencies', fn: 'listAgencies', auth: 'admin' },
    { method: 'GET', path: '/v1/admin/agencies/{agencyId}', fn: 'getAgency', auth: 'admin' },
    { method: 'PUT', path: '/v1/admin/agencies/{agencyId}', fn: 'updateAgency', auth: 'admin' },
    { method: 'POST', path: '/v1/admin/agencies/{agencyId}/tokens', fn: 'issueAgencyToken', auth: 'admin' },
    {
      method: 'DELETE',
      path: '/v1/admin/agencies/{agencyId}/tokens/{tokenId}',
      fn: 'revokeAgencyToken',
      auth: 'admin',
    },
    { method: 'POST', path: '/v1/admin/offices', fn: 'createOffice', auth: 'admin' },
    { method: 'GET', path: '/v1/admin/offices', fn: 'listOffices', auth: 'admin' },
    { method: 'POST', path: '/v1/admin/offices/{officeId}/tokens', fn: 'issueOfficeToken', auth: 'admin' },
    { method: 'POST', path: '/v1/admin/tokens', fn: 'issueAdminToken', auth: 'admin' },
    { method: 'DELETE', path: '/v1/admin/tokens/{tokenId}', fn: 'revokeAdminToken', auth: 'admin' },
    {
      method: 'POST',
      path: '/v1/admin/imports',
      fn: 'importReport',
      auth: 'admin',
      throttle: { rateLimit: 5, burstLimit: 10 },
    },
    { method: 'POST', path: '/v1/admin/deadlines/run', fn: 'runDeadlines', auth: 'admin', throttle: adminJobThrottle },
    { method: 'GET', path: '/v1/admin/notices', fn: 'listNotices', auth: 'admin' },
    { method: 'GET', path: '/v1/admin/status', fn: 'filingStatus', auth: 'admin' },
    { method: 'POST', path: '/v1/admin/site/rebuild', fn: 'rebuildSite', auth: 'admin', throttle: adminJobThrottle },
    { method: 'GET', path: '/v1/admin/site/rebuild/{jobId}', fn: 'getRebuildJob', auth: 'admin' },
  ],
  subscriptions: [
    // S3 → EventBridge notifications; only the uploads bucket enables them, and the handler ignores other buckets.
    { source: 'aws.s3', detailTypes: ['Object Created'], fn: 'onUploadCreated', maxAttempts: 5 },
    {
      source: 'gongkai.deadlines',
      detailTypes: ['FilingDueSoon', 'FilingOverdue', 'FilingEscalated'],
      fn: 'sendNotice',
      maxAttempts: 5,
    },
    {
      source: 'gongkai.filing',
      detailTypes: ['ReportAccepted', 'ReportAmended', 'ReportPublished'],
      fn: 'indexFiling',
      maxAttempts: 5,
    },
  ],
  schedules: {
    'deadlines-daily': {
      cron: 'cron(0 8 * * ? *)',
      timezone: 'Asia/Shanghai',
      fn: 'deadlinesDaily',
      description: 'Every day at 08:00: due-soon reminders, overdue notices and escalations',
    },
    'archive-compaction': {
      cron: 'cron(0/15 * * * ? *)',
      timezone: 'Asia/Shanghai',
      fn: 'compactArchive',
      description: 'Every fifteen minutes: the whole-year datasets, the data catalog and the search index',
    },
    'publish-pending': {
      cron: 'cron(0/5 * * * ? *)',
      timezone: 'Asia/Shanghai',
      fn: 'publishPending',
      description: 'Every five minutes: finish interrupted submissions and publish their events',
    },
  },
  queues: {
    pages: {
      purpose:
        "An agency's pages to render after a filing or in a rebuild; the message group is the agency, so its pages have one writer at a time",
      consumer: 'buildAgencyPages',
      // No delay: a report's pages should exist before the aggregates, delayed by their window, link to them.
      deliveryDelaySeconds: 0,
      batchSize: 1,
      maxReceiveCount: 5,
    },
    shards: {
      purpose: 'Shard tasks (a county-level region of a year); the message group is the shard, so each has one writer',
      consumer: 'buildShard',
      deliveryDelaySeconds: 10,
      batchSize: 1,
      maxReceiveCount: 5,
    },
    archive: {
      purpose: 'Roll-up tasks; the message group is the aggregate, so each has one writer at a time',
      consumer: 'buildArchive',
      deliveryDelaySeconds: 10,
      batchSize: 1,
      maxReceiveCount: 5,
    },
    rebuild: {
      purpose: "A rebuild job's steps: its plan, then one message per shard (the message group)",
      consumer: 'rebuildArchive',
      // No window to wait for: each step's body names its job, so a job's steps never collapse into another's.
      deliveryDelaySeconds: 0,
      batchSize: 1,
      maxReceiveCount: 5,
    },
    signInMail: {
      purpose:
        'Sign-in codes to mail, so that asking for one answers alike for every address; the message group is the address',
      consumer: 'mailSignInCode',
      deliveryDelaySeconds: 0,
      batchSize: 1,
      maxReceiveCount: 3,
    },
  },
});

export type AppTables = Tables;
export type AppBuckets = Buckets;
