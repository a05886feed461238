import { ANY_PAGE_ORIGINS, WEBMAIL_MATCHES } from '../hosts/webmail-hosts';

const ID = 'cordial-markers';

/**
 * Keeps the any-page marker script registered exactly while the rep has granted access
 * to all sites (an optional permission, asked for in the options page). Chrome only:
 * Firefox's MV2 build has no `scripting.registerContentScripts`, so markers stay off there.
 */
export async function syncMarkerScript(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const granted = await browser.permissions.contains({ origins: ANY_PAGE_ORIGINS });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: ID,
        js: ['content-scripts/markers.js'],
        matches: ANY_PAGE_ORIGINS,
        excludeMatches: WEBMAIL_MATCHES,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ID] });
  }
}

export function watchMarkerPermission(): void {
  const sync = () => void syncMarkerScript().catch((error: unknown) => console.warn('[cordial] markers', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
