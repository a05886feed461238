// zod/mini, not zod: this module runs in the content script of every webmail tab, where the
// classic API's method-chaining objects cost heap and bytes (measured in docs/extension.md).
import * as z from 'zod/mini';

const AddressOrDomainSchema = z.string().check(z.trim(), z.toLowerCase());

/**
 * The rep's settings, kept in `browser.storage.local` (extension storage, not the page's).
 * - `ownAddresses`: the rep's addresses and the company's (colleagues') domains: recognised and set aside.
 * - `exclude`: addresses and domains never looked up and never logged (personal mail, internal lists).
 * - `display`: the sidebar as a frame beside the mail, or in the browser's side panel.
 * - `feed`: a collector URL whose Segment NDJSON is imported periodically.
 */
/** The demo inbox's rep (demo/mail/index.html) and their company's domain: the demo build's default. */
const DEMO_REP = ['rep@cordial-demo.test', 'cordial-demo.test'];

export const SettingsSchema = z.object({
  ownAddresses: z._default(z.array(AddressOrDomainSchema), () => (import.meta.env.CORDIAL_DEMO ? [...DEMO_REP] : [])),
  exclude: z._default(z.array(AddressOrDomainSchema), () => []),
  display: z._default(z.enum(['frame', 'side-panel']), 'frame'),
  feed: z._default(
    z.nullable(
      z.object({
        url: z.url({ protocol: /^https?$/ }),
        intervalMinutes: z.int().check(z.minimum(1), z.maximum(1440)),
      }),
    ),
    null,
  ),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse(stored[SETTINGS_KEY] ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: SettingsSchema.parse(settings) });
}

/** Calls `listener` with the new settings whenever any context saves them, until `signal` aborts (if given). */
export function watchSettings(listener: (settings: Settings) => void, signal?: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const parsed = SettingsSchema.safeParse(changes[SETTINGS_KEY]?.newValue ?? {});
    if (parsed.success) listener(parsed.data);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}

/** One entry a line: `me@company.com` is an address, `company.com` (or `@company.com`) a whole domain. */
export function parseAddressList(text: string): { entries: string[]; invalid: string[] } {
  const entries: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,;]+/)) {
    const entry = raw.trim().toLowerCase().replace(/^@/, '');
    if (!entry) continue;
    const ok = entry.includes('@') ? z.email().safeParse(entry).success : /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry);
    if (!ok) invalid.push(entry);
    else if (!entries.includes(entry)) entries.push(entry);
  }
  return { entries, invalid };
}

/** Whether an address is on a list of addresses and whole domains (a domain never matches as a suffix of another). */
export function isListed(email: string, list: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return list.some((entry) => entry === email || entry === domain);
}
