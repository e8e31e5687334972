/** What `npm start` prints once everything listens: where to click, which token to paste, how to start over. */

export interface BannerFacts {
  readonly url: string;
  readonly home: string;
  readonly adminToken: string;
  readonly demoTokens: Readonly<Record<string, string>>;
  readonly demoAgencies: Readonly<Record<string, string>>;
  readonly demoContacts: Readonly<Record<string, string>>;
  readonly nextRuns: Readonly<Record<string, string | null>>;
  readonly startedInMs: number;
}

/** The seed report's agency: its sample file is in the repository, so the curl line works as printed. */
export const FEATURED_AGENCY_ID = 'qujiang-trade-union';
export const FEATURED_SAMPLE = 'examples/2022-shaoguan-qujiang-trade-union.txt';

export function formatBanner(facts: BannerFacts): string {
  const featuredToken = facts.demoTokens[FEATURED_AGENCY_ID];
  const featuredContact = facts.demoContacts[FEATURED_AGENCY_ID];
  const lines = [
    '',
    `公开 Gongkai is running locally (ready in ${(facts.startedInMs / 1000).toFixed(1)} s)`,
    '',
    `  API            ${facts.url}/v1/…   (health: ${facts.url}/health)`,
    `  Public site    ${facts.url}/`,
    `  Upload page    ${facts.url}/file/`,
    `  Mail inbox     ${facts.url}/_local/mail`,
    `  Dead letters   ${facts.url}/_local/dead-letters`,
    `  Schedules      ${facts.url}/_local/schedules   (POST …/schedules/<name> runs one now)`,
    ...Object.entries(facts.nextRuns).map(
      ([name, next]) => `                   ${name}: next run ${next ?? 'on its rate'}`,
    ),
    '',
    `  Data           ${facts.home}/   (delete this folder to start over)`,
    `  Admin token    ${facts.home}/admin-token`,
    `  Agency tokens  ${facts.home}/demo-tokens.json`,
  ];
  if (featuredToken) {
    lines.push(
      '',
      `  ${facts.demoAgencies[FEATURED_AGENCY_ID] ?? FEATURED_AGENCY_ID} (${FEATURED_AGENCY_ID}):`,
      `    ${featuredToken}`,
      ...(featuredContact
        ? [
            '',
            `  Sign in at ${facts.url}/file/ as ${featuredContact};`,
            `    the six-digit code arrives in ${facts.url}/_local/mail`,
          ]
        : []),
      '',
      '  File its 2022 report:',
      `    curl -sS -H 'Authorization: Bearer ${featuredToken}' -H 'Content-Type: text/plain; charset=utf-8' \\`,
      `      --data-binary @${FEATURED_SAMPLE} ${facts.url}/v1/reports`,
    );
  }
  lines.push('', '  Ctrl-C stops everything; the data stays.', '');
  return lines.join('\n');
}
