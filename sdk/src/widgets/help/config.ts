import statusSchema from '../../schemas/help-case-status.json';
import schema from '../../schemas/help-config.json';
import type { HelpConfig } from './config.schema';
import { type Check, parseWith, withDefaults } from './defaults';

/** Articles only, the contact form and call back only, or both. */
export const MODES = ['articles', 'contact', 'both'] as const;
export type { HelpConfig, Mode } from './config.schema';
export { statusSchema };

export type ConfigResult = { ok: true; config: HelpConfig } | { ok: false; error: string };

export function parseHelpConfig(input: unknown, check: Check): ConfigResult {
  const parsed = parseWith<HelpConfig>(check, schema, input ?? {}, 'configuration');
  return parsed.ok ? { ok: true, config: parsed.value } : parsed;
}

/** Every setting at its default (what an element without configuration uses). */
export const DEFAULT_CONFIG: HelpConfig = withDefaults(schema, {});
