import { CurrencySchema, DEFAULT_SEGMENT_RULES, SegmentRulesSchema } from '@cordial/core';
import * as z from 'zod';
import { SavedViewSchema } from '../model/customers';
import { AudienceSchema } from '../model/list-builder';

/**
 * The workbench's own settings, in extension storage (the sidebar's settings, own addresses and
 * the exclude list, stay on the options page). Everything read back is validated: storage written
 * by an older build must not break the page.
 */
export const WorkbenchSettingsSchema = z.object({
  /** Analyse and show money in this currency; empty: the currency most orders are in. */
  currency: z.union([CurrencySchema, z.literal('')]).default(''),
  /** First month of the fiscal year, 1–12, for the forecast's fiscal quarters. */
  fiscalYearStart: z.number().int().min(1).max(12).default(1),
  rules: SegmentRulesSchema.default(DEFAULT_SEGMENT_RULES),
  /** Filled into call scripts. */
  repName: z.string().trim().max(100).default(''),
  ourCompany: z.string().trim().max(200).default(''),
  /** P(alive) below which a customer shows as newly at risk. */
  atRiskBelow: z.number().min(0.05).max(0.95).default(0.5),
});
export type WorkbenchSettings = z.infer<typeof WorkbenchSettingsSchema>;

const KEYS = { settings: 'workbench:settings', views: 'workbench:views', audiences: 'workbench:audiences' } as const;

/** The little key-value store the workbench keeps its settings in (browser.storage.local in the extension). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const extensionStorage: KeyValueStore = {
  async get(key) {
    return (await browser.storage.local.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
};

function stored<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>, fallback: () => T) {
  return {
    async load(): Promise<T> {
      const parsed = schema.safeParse(await store.get(key));
      return parsed.success ? parsed.data : fallback();
    },
    async save(value: T): Promise<void> {
      await store.set(key, schema.parse(value));
    },
  };
}

export function workbenchStorage(store: KeyValueStore) {
  return {
    settings: stored(store, KEYS.settings, WorkbenchSettingsSchema, () => WorkbenchSettingsSchema.parse({})),
    views: stored(store, KEYS.views, z.array(SavedViewSchema), () => []),
    audiences: stored(store, KEYS.audiences, z.array(AudienceSchema), () => []),
  };
}
export type WorkbenchStorage = ReturnType<typeof workbenchStorage>;
