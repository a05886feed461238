import { signal } from '@preact/signals';

/** The customer the rep opened last: the detail panel shows it and the call scripts view starts with it. */
export const selectedCustomerId = signal<string | null>(null);
