/**
 * The shape of one CLI command and the option parsing every command shares (node:util parseArgs,
 * strict), so a new command is one module that declares its options and a `run`.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './failure.ts';
import type { CliIo } from './io.ts';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** Shown by --help, e.g. "json|csv|html". */
  readonly valueName?: string;
  readonly description: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true
    ? boolean[]
    : boolean
  : S['multiple'] extends true
    ? string[]
    : string;

export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: ValueOf<O[K]> };

export interface CommandArgs<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** The words that select the command, e.g. "agencies add". */
  readonly name: string;
  /** One line: the command with its positionals and options. */
  readonly synopsis: string;
  /** What the command does, for --help (Chinese first). */
  readonly description: string;
  readonly options: O;
  /** Names of the positional arguments, all required, e.g. ["FILE"]. */
  readonly positionals: readonly string[];
  run(args: CommandArgs<O>, io: CliIo): Promise<number>;
}

/** Keeps the literal option types so `run` sees `values.json` as boolean and `values.to` as string. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

export type ParsedCommandLine<O extends OptionSpecs> = { readonly help: true } | (CommandArgs<O> & { help: false });

function quotedOption(message: string): string {
  return /'(-[^' ]*)/.exec(message)?.[1] ?? '';
}

function usageErrorFrom(error: unknown, synopsis: string): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = quotedOption(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(`未知选项 ${option}`, `unknown option ${option}`, synopsis);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? new UsageError(`选项 ${option} 不带值`, `option ${option} takes no value`, synopsis)
      : new UsageError(`选项 ${option} 缺少值`, `option ${option} needs a value`, synopsis);
  }
  return new UsageError('命令行参数有误', message, synopsis);
}

/** Parses argv after the command words; `--help` is available on every command. */
export function parseCommandLine<O extends OptionSpecs>(
  command: Command<O>,
  argv: readonly string[],
): ParsedCommandLine<O> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = {
      type: spec.type,
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFrom(error, command.synopsis);
  }
  if (parsed.values.help === true) return { help: true };
  const expected = command.positionals.length;
  if (parsed.positionals.length < expected) {
    const missing = command.positionals.slice(parsed.positionals.length).join(' ');
    throw new UsageError(`缺少参数 ${missing}`, `missing ${missing}`, command.synopsis);
  }
  if (parsed.positionals.length > expected) {
    const extra = parsed.positionals.slice(expected).join(' ');
    throw new UsageError(`多余的参数 ${extra}`, `unexpected argument ${extra}`, command.synopsis);
  }
  const { help: _help, ...values } = parsed.values;
  return { help: false, values: values as OptionValues<O>, positionals: parsed.positionals };
}

const HELP_OPTION: OptionSpec = { type: 'boolean', description: '显示本帮助 / show this help' };

/** The --help text of one command. */
export function commandHelp(command: Command): string {
  const entries = [...Object.entries(command.options), ['help', HELP_OPTION] as const];
  const heads = entries.map(([name, spec]) => {
    const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
    return `  --${name}${value}${spec.multiple ? ' …' : ''}`;
  });
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  const optionLines = entries.map(([, spec], i) => `${(heads[i] ?? '').padEnd(width)}${spec.description}`);
  return [`用法 usage: ${command.synopsis}`, '', command.description, '', '选项 options:', ...optionLines, ''].join(
    '\n',
  );
}
