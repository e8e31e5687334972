/**
 * The command table. Adding a command is one module under `commands/` and one line here; modules load
 * lazily so `gongkai check` never pays for the HTTP client and `gongkai --help` loads nothing.
 */
import type { Command, OptionSpecs } from './command.ts';

export interface CommandEntry {
  /** The words that select the command, e.g. "agencies add". */
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly command: Command<OptionSpecs> }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'normalize',
    summary: '把报告转换为规范 JSON / print the canonical JSON of a report',
    load: () => import('./commands/normalize.ts'),
  },
  {
    name: 'check',
    summary: '检查报告的勾稽关系等规则 / check a report against every rule',
    load: () => import('./commands/check.ts'),
  },
  {
    name: 'render',
    summary: '输出 JSON、CSV 或 HTML 表格 / render a report as json, csv or html',
    load: () => import('./commands/render.ts'),
  },
  {
    name: 'submit',
    summary: '向报送接口提交报告 / file a report with the filing API',
    load: () => import('./commands/submit.ts'),
  },
  {
    name: 'agencies alias',
    summary: '为机关增加署名别名 / add a name an agency signs with',
    load: () => import('./commands/agencies-alias.ts'),
  },
  {
    name: 'agencies migrate',
    summary: '为旧登记补上区划代码 / give old entries their division codes',
    load: () => import('./commands/agencies-migrate.ts'),
  },
  {
    name: 'agencies add',
    summary: '登记一个机关 / register an agency',
    load: () => import('./commands/agencies-add.ts'),
  },
  {
    name: 'agencies list',
    summary: '列出已登记的机关 / list registered agencies',
    load: () => import('./commands/agencies-list.ts'),
  },
  {
    name: 'agencies import',
    summary: '从 CSV 批量登记机关 / register agencies from a CSV file',
    load: () => import('./commands/agencies-import.ts'),
  },
  {
    name: 'tokens issue',
    summary: '为机关签发报送令牌 / issue a filing token for an agency',
    load: () => import('./commands/tokens-issue.ts'),
  },
  {
    name: 'deadlines run',
    summary: '发出当天的报送期限通知 / emit the deadline notices of a day',
    load: () => import('./commands/deadlines-run.ts'),
  },
  {
    name: 'notices list',
    summary: '列出报送期限通知 / list the deadline notices sent',
    load: () => import('./commands/notices-list.ts'),
  },
  {
    name: 'site rebuild',
    summary: '重建全部公开页面 / rewrite every public page',
    load: () => import('./commands/site-rebuild.ts'),
  },
];

export interface CommandMatch {
  readonly entry: CommandEntry;
  /** argv after the command words. */
  readonly rest: readonly string[];
}

/** The command whose words are the longest prefix of argv. */
export function findCommand(argv: readonly string[], table: readonly CommandEntry[] = COMMANDS): CommandMatch | null {
  let best: CommandMatch | null = null;
  for (const entry of table) {
    const words = entry.name.split(' ');
    const matches = words.every((word, i) => argv[i] === word);
    if (matches && (!best || words.length > best.entry.name.split(' ').length)) {
      best = { entry, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/** Commands under a group word such as "agencies", for `gongkai agencies` and its help. */
export function commandsUnder(group: string, table: readonly CommandEntry[] = COMMANDS): readonly CommandEntry[] {
  return table.filter((entry) => entry.name.startsWith(`${group} `));
}
