import type { CliCommand } from '../command.ts';
import clv from './clv.ts';
import rfm from './rfm.ts';

/** The CLI's commands: add a command as one file in this folder plus one line here. */
export const commands: readonly CliCommand[] = [rfm, clv];
