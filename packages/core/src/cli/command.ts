import type { ParseArgsConfig } from 'node:util';

/** What a command can touch: the CLI's edges, injected so commands stay testable. */
export interface CliIo {
  readonly readText: (path: string) => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
/** A parsed option as node:util parseArgs returns it. */
export type OptionValue = string | boolean | (string | boolean)[] | undefined;
export type OptionValues = Record<string, OptionValue>;

export interface CliCommand {
  readonly name: string;
  /** One line for `cordial --help`. */
  readonly summary: string;
  /** The usage block for `cordial NAME --help` and for mistakes. */
  readonly usage: string;
  readonly options: OptionSpec;
  /** Resolves to the exit status: 0 success, 1 nothing usable, 2 a usage mistake. */
  run(input: { positionals: string[]; values: OptionValues }, io: CliIo): Promise<number>;
}

/** Identity with a type: one `defineCommand({...})` per file in commands/. */
export function defineCommand(command: CliCommand): CliCommand {
  return command;
}

/** Thrown by commands for a usage mistake the user can fix; the runner prints it with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}
