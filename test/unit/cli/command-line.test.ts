import { describe, expect, it } from 'vitest';
import { commandHelp, defineCommand, parseCommandLine } from '#cli/command.ts';
import { COMMANDS, findCommand } from '#cli/commands.ts';
import { UsageError } from '#cli/failure.ts';
import { runCli } from './captured-io.ts';

const sample = defineCommand({
  name: 'sample',
  synopsis: 'gongkai sample FILE [--json] [--to FORMAT]',
  description: 'a sample command',
  options: {
    json: { type: 'boolean', description: 'print JSON' },
    to: { type: 'string', valueName: 'FORMAT', description: 'output format' },
    email: { type: 'string', multiple: true, description: 'repeatable' },
  },
  positionals: ['FILE'],
  run: async () => 0,
});

function usageErrorOf(argv: readonly string[]): UsageError {
  try {
    parseCommandLine(sample, argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('reads flags, string values, repeated values and the positional', () => {
    const parsed = parseCommandLine(sample, [
      'report.txt',
      '--json',
      '--to',
      'csv',
      '--email',
      'a@x.cn',
      '--email=b@x.cn',
    ]);
    expect(parsed).toEqual({
      help: false,
      values: { json: true, to: 'csv', email: ['a@x.cn', 'b@x.cn'] },
      positionals: ['report.txt'],
    });
  });

  it('takes a lone dash as the FILE positional (standard input)', () => {
    expect(parseCommandLine(sample, ['-'])).toMatchObject({ positionals: ['-'] });
  });

  it('answers --help without requiring the positionals', () => {
    expect(parseCommandLine(sample, ['--help'])).toEqual({ help: true });
    expect(parseCommandLine(sample, ['-h'])).toEqual({ help: true });
  });

  it('names an unknown option and carries the synopsis in one line', () => {
    const error = usageErrorOf(['a.txt', '--colour']);
    expect(error.zh).toBe('未知选项 --colour（用法：gongkai sample FILE [--json] [--to FORMAT]）');
    expect(error.en).toContain('unknown option --colour');
    expect(error.exitCode).toBe(2);
  });

  it('refuses a missing value, a value on a flag, a missing FILE and an extra argument', () => {
    expect(usageErrorOf(['a.txt', '--to']).en).toContain('option --to needs a value');
    expect(usageErrorOf(['a.txt', '--json=yes']).en).toContain('option --json takes no value');
    expect(usageErrorOf([]).en).toContain('missing FILE');
    expect(usageErrorOf(['a.txt', 'b.txt']).en).toContain('unexpected argument b.txt');
  });

  it('lists every option and --help in the command help', () => {
    const help = commandHelp(sample);
    expect(help).toContain('用法 usage: gongkai sample FILE');
    expect(help).toMatch(/--to FORMAT\s+output format/);
    expect(help).toMatch(/--email VALUE …\s+repeatable/);
    expect(help).toMatch(/--help\s+显示本帮助/);
  });
});

describe('findCommand', () => {
  it('selects two-word commands by their longest matching prefix', () => {
    const match = findCommand(['agencies', 'add', '--id', 'x']);
    expect(match?.entry.name).toBe('agencies add');
    expect(match?.rest).toEqual(['--id', 'x']);
  });

  it('finds nothing for a group word alone or an unknown word', () => {
    expect(findCommand(['agencies'])).toBeNull();
    expect(findCommand(['publish'])).toBeNull();
  });

  it('has one module behind every table entry, each declaring the name it is listed under', async () => {
    for (const entry of COMMANDS) {
      const { command } = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.synopsis.startsWith(`gongkai ${entry.name}`)).toBe(true);
    }
  });
});

describe('main', () => {
  it('prints the command list for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const entry of COMMANDS) expect(run.stdout).toContain(entry.name);
    expect(run.stderr).toBe('');
  });

  it('prints a command help on stdout for "check --help"', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gongkai check FILE');
    expect(run.stdout).toContain('--agency-kind KIND');
  });

  it('lists the subcommands of a group for "agencies --help"', async () => {
    const run = await runCli(['agencies', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agencies import');
  });

  it.each([
    [[], 'missing command'],
    [['publish'], 'unknown command publish'],
    [['agencies'], 'missing subcommand'],
    [['agencies', 'remove'], 'unknown subcommand remove'],
    [['check', 'a.txt', '--bogus'], 'unknown option --bogus'],
    [['render', 'a.txt', '--to', 'xml'], '--to must be json, csv or html'],
    [['check', 'a.txt', '--agency-kind', 'ministry'], '--agency-kind must be one of'],
  ])('exits 2 with one stderr line for %j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^gongkai: /);
    expect(run.stderr).toContain(message);
  });
});
