import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CliCommand, type CliIo, UsageError } from './command.ts';
import { commands } from './commands/index.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: cordial COMMAND [options]   (cordial COMMAND --help for its options)\n\nCommands:\n${commands
    .map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
    .join('\n')}\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const nodeIo: CliIo = {
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs `cordial ARGS…` and resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`cordial: unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true });
    return await command.run({ positionals, values }, io);
  } catch (error) {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) throw error;
    io.stderr(`cordial ${name}: ${(error as Error).message}\n\nUsage: ${command.usage}\n`);
    return 2;
  }
}
