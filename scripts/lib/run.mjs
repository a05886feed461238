import { spawn } from 'node:child_process';

/**
 * Runs a command with inherited output and resolves to its exit code (never rejects).
 * `label` is printed first so long logs stay readable.
 */
export function run(command, args, { label, env, cwd, quiet = false } = {}) {
  if (label) console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
      cwd,
    });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
    }
    child.on('error', (error) => {
      console.error(`✖ could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code) => {
      if (quiet && code !== 0) process.stdout.write(output);
      resolve(code ?? 1);
    });
  });
}
