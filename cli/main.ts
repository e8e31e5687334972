/**
 * The `gongkai` CLI: finds the command in the table, parses its options, runs it, and maps every
 * failure to one stderr line and an exit code. `bin/gongkai.js` calls `main` with the real process.
 */
import { DomainError } from '#shared/errors.ts';
import { type Command, commandHelp, type OptionSpecs, parseCommandLine } from './command.ts';
import { COMMANDS, type CommandEntry, commandsUnder, findCommand } from './commands.ts';
import { CliFailure, describeFailure, EXIT, exitCodeOf, UsageError } from './failure.ts';
import { type CliIo, processIo } from './io.ts';

const SYNOPSIS = 'gongkai <command> [options]';

function listing(entries: readonly CommandEntry[]): string {
  const width = Math.max(...entries.map((e) => e.name.length)) + 2;
  return entries.map((e) => `  ${e.name.padEnd(width)}${e.summary}`).join('\n');
}

export function generalHelp(): string {
  return [
    `用法 usage: ${SYNOPSIS}`,
    '',
    '政府信息公开工作年度报告：离线检查与报送 / check and file annual disclosure reports',
    '',
    '命令 commands:',
    listing(COMMANDS),
    '',
    '每个命令都支持 --help。FILE 为 - 时读取标准输入。',
    'Every command takes --help. Use - as FILE to read standard input.',
    '退出码 exit codes: 0 成功 ok · 1 有错误/被退回 errors or rejected · 2 无法使用的输入 unusable input',
    '',
  ].join('\n');
}

async function runCommand(command: Command<OptionSpecs>, argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(command, argv);
  if (parsed.help) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(parsed, io);
}

function groupHelpOrFailure(argv: readonly string[], io: CliIo): number {
  const group = argv[0] ?? '';
  const members = commandsUnder(group);
  if (members.length === 0) {
    throw new UsageError(`未知命令 ${group}`, `unknown command ${group}`, SYNOPSIS);
  }
  const names = members.map((m) => m.name).join(' | ');
  if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h')) {
    io.stdout.write(`用法 usage: ${names}\n\n${listing(members)}\n`);
    return EXIT.ok;
  }
  const word = argv[1];
  if (word === undefined) throw new UsageError(`缺少子命令`, `missing subcommand`, names);
  throw new UsageError(`未知子命令 ${word}`, `unknown subcommand ${word}`, names);
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined) throw new UsageError('缺少命令', 'missing command', SYNOPSIS);
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(generalHelp());
    return EXIT.ok;
  }
  const match = findCommand(argv);
  if (!match) return groupHelpOrFailure(argv, io);
  const { command } = await match.entry.load();
  return runCommand(command, match.rest, io);
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    io.stderr.write(`gongkai: ${describeFailure(error)}\n`);
    // Bugs, unlike failures the CLI expects, can be traced on request without ever leaking by default.
    if (
      !(error instanceof CliFailure || error instanceof DomainError) &&
      io.env.GONGKAI_DEBUG &&
      error instanceof Error
    ) {
      io.stderr.write(`${error.stack ?? ''}\n`);
    }
    return exitCodeOf(error);
  }
}
