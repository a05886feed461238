import { ANY_PAGE_ORIGINS, WEBMAIL_MATCHES } from '../hosts/webmail-hosts';

const ID = 'cordial-markers';
const FILE = 'content-scripts/markers.js';

/**
 * Registers and removes the any-page marker script at runtime. Two browser APIs do this:
 * `scripting.registerContentScripts` (Chrome MV3, and Firefox MV2 from Firefox 102, which
 * honours `persistAcrossSessions` from 105) and Firefox's older `contentScripts.register`
 * (MV2 only, Firefox 59 and later). Both sit behind this one interface, picked by
 * `markerRegistrar`.
 */
export interface MarkerRegistrar {
  readonly api: 'scripting' | 'contentScripts';
  isRegistered(): Promise<boolean>;
  register(): Promise<void>;
  unregister(): Promise<void>;
}

/** The part of Chrome's `scripting` API the markers use. */
export interface ScriptingApi {
  registerContentScripts(
    scripts: {
      id: string;
      js: string[];
      matches: string[];
      excludeMatches: string[];
      runAt: 'document_idle';
      persistAcrossSessions: boolean;
    }[],
  ): Promise<void>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<unknown[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** Firefox's MV2 `contentScripts` API (not in Chrome's typings, so described here). */
export interface ContentScriptsApi {
  register(options: {
    js: { file: string }[];
    matches: string[];
    excludeMatches: string[];
    runAt: 'document_idle';
  }): Promise<{ unregister(): Promise<void> }>;
}

function scriptingRegistrar(scripting: ScriptingApi): MarkerRegistrar {
  return {
    api: 'scripting',
    isRegistered: async () => (await scripting.getRegisteredContentScripts({ ids: [ID] })).length > 0,
    register: () =>
      scripting.registerContentScripts([
        {
          id: ID,
          js: [FILE],
          matches: ANY_PAGE_ORIGINS,
          excludeMatches: WEBMAIL_MATCHES,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]),
    unregister: () => scripting.unregisterContentScripts({ ids: [ID] }),
  };
}

/**
 * Firefox keeps a `contentScripts` registration only while the background page that made
 * it lives, and hands back a handle to remove it: the handle is the state. Our MV2
 * background page is persistent and syncs again whenever it starts, so the registration
 * follows the grant across restarts.
 */
function contentScriptsRegistrar(contentScripts: ContentScriptsApi): MarkerRegistrar {
  let handle: { unregister(): Promise<void> } | undefined;
  return {
    api: 'contentScripts',
    isRegistered: async () => handle !== undefined,
    async register() {
      handle = await contentScripts.register({
        js: [{ file: `/${FILE}` }],
        matches: ANY_PAGE_ORIGINS,
        excludeMatches: WEBMAIL_MATCHES,
        runAt: 'document_idle',
      });
    },
    async unregister() {
      await handle?.unregister();
      handle = undefined;
    },
  };
}

/** The registrar this browser offers: Chrome's `scripting` first, Firefox MV2's `contentScripts`, or none. */
export function markerRegistrar(apis: {
  scripting?: Partial<ScriptingApi>;
  contentScripts?: Partial<ContentScriptsApi>;
}): MarkerRegistrar | undefined {
  const { scripting, contentScripts } = apis;
  if (scripting?.registerContentScripts && scripting.getRegisteredContentScripts && scripting.unregisterContentScripts)
    return scriptingRegistrar(scripting as ScriptingApi);
  if (contentScripts?.register) return contentScriptsRegistrar(contentScripts as ContentScriptsApi);
  return undefined;
}

/** Registers the marker script exactly while the rep has granted all sites, and removes it otherwise. */
export async function syncMarkerScript(registrar: MarkerRegistrar, granted: boolean): Promise<void> {
  const registered = await registrar.isRegistered();
  if (granted && !registered) await registrar.register();
  else if (!granted && registered) await registrar.unregister();
}

/**
 * Keeps the any-page marker script registered exactly while the rep has granted access to
 * all sites (an optional permission, asked for in the options page).
 */
export function watchMarkerPermission(): void {
  const registrar = markerRegistrar(browser as unknown as Parameters<typeof markerRegistrar>[0]);
  if (!registrar) return;
  // One sync at a time: a grant and a removal in quick succession must not both register.
  let queue = Promise.resolve();
  const sync = () => {
    queue = queue
      .then(async () => syncMarkerScript(registrar, await browser.permissions.contains({ origins: ANY_PAGE_ORIGINS })))
      .catch((error: unknown) => console.warn('[cordial] markers', error));
  };
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
