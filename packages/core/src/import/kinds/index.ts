/** The record kinds a CSV can hold: one file each, one line here. */
import { accountsKind } from './accounts.ts';
import { casesKind } from './cases.ts';
import { contactsKind } from './contacts.ts';
import type { ImportKind, ImportStore } from './kind.ts';
import { opportunitiesKind } from './opportunities.ts';
import { ordersKind } from './orders.ts';
import { productsKind } from './products.ts';

export const IMPORT_KINDS: { readonly [S in ImportStore]: ImportKind<S> } = {
  contacts: contactsKind,
  accounts: accountsKind,
  products: productsKind,
  orders: ordersKind,
  opportunities: opportunitiesKind,
  cases: casesKind,
};
