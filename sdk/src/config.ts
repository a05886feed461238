import type { ClientConfig } from './config.schema';
import { checkSchema, type JsonSchema } from './schema-check';
import schema from './schemas/client-config.json';

export type { ClientConfig };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the owner's config with a message that says which field is wrong and why. */
export function parseConfig(input: unknown): ClientConfig {
  const problems = checkSchema(schema as unknown as JsonSchema, input ?? {});
  if (problems.length) throw new ConfigError(`Cordial: invalid configuration.\n  ${problems.join('\n  ')}`);
  return { ...(input as ClientConfig) };
}
