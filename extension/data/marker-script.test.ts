import { describe, expect, it, vi } from 'vitest';
import { type ContentScriptsApi, markerRegistrar, type ScriptingApi, syncMarkerScript } from './marker-script';

/** Chrome's (and Firefox 102+'s) `scripting` API, keeping registrations by id as the browser does. */
function fakeScripting() {
  const registered = new Map<string, Parameters<ScriptingApi['registerContentScripts']>[0][number]>();
  return {
    registered,
    api: {
      registerContentScripts: vi.fn(async (scripts) => {
        for (const script of scripts) {
          if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          registered.set(script.id, script);
        }
      }),
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
        ids.flatMap((id) => registered.get(id) ?? []),
      ),
      unregisterContentScripts: vi.fn(async ({ ids }) => {
        for (const id of ids) registered.delete(id);
      }),
    } satisfies ScriptingApi,
  };
}

/** Firefox MV2's `contentScripts` API: each registration is a handle that removes it. */
function fakeContentScripts() {
  const live = new Set<object>();
  const api = {
    register: vi.fn(async (options: Parameters<ContentScriptsApi['register']>[0]) => {
      const handle = { options, unregister: vi.fn(async () => void live.delete(handle)) };
      live.add(handle);
      return handle;
    }),
  };
  return { live, api };
}

describe(markerRegistrar, () => {
  it('should use the scripting API where it is complete, even when contentScripts exists too', () => {
    expect(markerRegistrar({ scripting: fakeScripting().api, contentScripts: fakeContentScripts().api })?.api).toBe(
      'scripting',
    );
  });

  it('should fall back to contentScripts where scripting has no registration (Firefox before 102)', () => {
    const partial = { executeScript: () => undefined } as Partial<ScriptingApi>;
    expect(markerRegistrar({ scripting: partial, contentScripts: fakeContentScripts().api })?.api).toBe(
      'contentScripts',
    );
  });

  it('should offer no markers where neither API exists', () => {
    expect(markerRegistrar({})).toBeUndefined();
  });
});

describe(syncMarkerScript, () => {
  it('should register the marker script once while all sites are granted and remove it when revoked (scripting)', async () => {
    const { api, registered } = fakeScripting();
    const registrar = markerRegistrar({ scripting: api });
    if (!registrar) throw new Error('no registrar');
    await syncMarkerScript(registrar, true);
    await syncMarkerScript(registrar, true);
    expect(api.registerContentScripts).toHaveBeenCalledTimes(1);
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        js: ['content-scripts/markers.js'],
        matches: ['https://*/*', 'http://*/*'],
        excludeMatches: expect.arrayContaining(['https://mail.google.com/*']),
        persistAcrossSessions: true,
      }),
    ]);
    await syncMarkerScript(registrar, false);
    expect(registered.size).toBe(0);
  });

  it('should register once and remove through its handle on Firefox MV2 (contentScripts)', async () => {
    const { api, live } = fakeContentScripts();
    const registrar = markerRegistrar({ contentScripts: api });
    if (!registrar) throw new Error('no registrar');
    await syncMarkerScript(registrar, false);
    expect(api.register).not.toHaveBeenCalled();
    await syncMarkerScript(registrar, true);
    await syncMarkerScript(registrar, true);
    expect(api.register).toHaveBeenCalledTimes(1);
    expect(api.register.mock.calls[0]?.[0]).toMatchObject({
      js: [{ file: '/content-scripts/markers.js' }],
      matches: ['https://*/*', 'http://*/*'],
      excludeMatches: expect.arrayContaining(['https://outlook.office.com/*']),
    });
    expect(live.size).toBe(1);
    await syncMarkerScript(registrar, false);
    expect(live.size).toBe(0);
    expect(await registrar.isRegistered()).toBe(false);
  });
});
