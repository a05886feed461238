import * as z from 'zod';

/** A ZodError as one message per field, for the form to show next to each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof z.ZodError)) return { form: error instanceof Error ? error.message : String(error) };
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
