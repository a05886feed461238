import type { Repository } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';

let opened: Promise<Repository> | undefined;

/**
 * The customer database of this extension context: core's IndexedDB repository on the
 * extension's origin (the background, the sidebar, the popup share it; content scripts
 * never call this). Opened once per context; if a newer build upgrades the database, this
 * connection closes and the next call opens a fresh one.
 */
export function openRepository(): Promise<Repository> {
  opened ??= openIdbRepository({
    name: 'cordial',
    onBlocked: () => console.warn('[cordial] waiting for an older Cordial page to close before upgrading the database'),
    onVersionChange: () => {
      opened = undefined;
    },
  }).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}
