/** @cordial/sdk: the event API and the widgets, for bundlers (`npm i @cordial/sdk`). */
export { type Client, type ClientEvents, createClient } from './client';
export { type ClientConfig, ConfigError } from './config';
export { OfferEvent } from './events';
export type { Message, Properties } from './message';
export { type Offer, parseOffers } from './offer-config';
export { createOffers } from './offers';
export { CordialOffer, setOfferHost } from './widgets/offer/offer';
