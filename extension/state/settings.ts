import * as z from 'zod';

/**
 * The rep's settings, kept in `browser.storage.local`. Addresses and domains listed
 * here are the rep's own (or excluded ones): never looked up, never logged.
 */
export const SettingsSchema = z.object({
  ownAddresses: z.array(z.string().trim().toLowerCase()).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = SettingsSchema.safeParse(stored[KEY] ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: SettingsSchema.parse(settings) });
}

/** One entry a line: `me@company.com` excludes an address, `company.com` a whole domain. */
export function parseOwnAddresses(text: string): { entries: string[]; invalid: string[] } {
  const entries: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,;]+/)) {
    const entry = raw.trim().toLowerCase().replace(/^@/, '');
    if (!entry) continue;
    const ok = entry.includes('@') ? z.email().safeParse(entry).success : /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry);
    (ok ? entries : invalid).push(entry);
  }
  return { entries, invalid };
}

export function isOwnAddress(email: string, ownAddresses: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return ownAddresses.some((entry) => entry === email || entry === domain);
}
