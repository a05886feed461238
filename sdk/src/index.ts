/** @cordial/sdk: the event API and the widget loader, for bundlers (`npm i @cordial/sdk`). */
export {
  type Client,
  type ClientDeps,
  type ClientEventName,
  type ClientEvents,
  createClient,
  type Explanation,
  type OfferDecision,
  type OfferRef,
} from './client';
export { type ClientConfig, ConfigError } from './config';
export type { ConsentCategory, ConsentState } from './consent';
export { loadWidgets, type WidgetModule } from './loader';
export type { Context, Message, Properties } from './message';
export type { ProfileData } from './profile';
export { createIndexedDbStore, createMemoryAsyncStore, createMemoryStore } from './storage';
