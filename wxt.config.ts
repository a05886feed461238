import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ANY_PAGE_ORIGINS, DEMO_MATCHES, DEMO_ORIGINS, WEBMAIL_MATCHES } from './extension/hosts/webmail-hosts';

/**
 * The demo build (CORDIAL_DEMO=1) also matches the demo inbox served on loopback
 * (`npm run demo`, `/mail/`). Release builds never ask for loopback hosts.
 */
const demo = process.env.CORDIAL_DEMO === '1';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: demo ? 'dist/demo-extension' : 'dist/extension',
  // The @cordial/* workspaces are TypeScript sources; let Vite bundle them.
  vite: () => ({ plugins: [preact()], define: { 'import.meta.env.CORDIAL_DEMO': JSON.stringify(demo) } }),
  zip: {
    artifactTemplate: 'cordial-{{browser}}.zip',
    sourcesTemplate: 'cordial-{{browser}}-sources.zip',
  },
  hooks: {
    // Content scripts declare the real webmail hosts; the demo build adds the loopback inbox.
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT grants a runtime-registered content script its matches as host permissions; the
      // any-page markers must stay optional (asked for in the options page), so take them out.
      manifest.host_permissions = manifest.host_permissions?.filter((p: string) => !ANY_PAGE_ORIGINS.includes(p));
      // MV2 (Firefox) has no optional_host_permissions: optional origins go in optional_permissions.
      if (wxt.config.manifestVersion === 2 && manifest.optional_host_permissions) {
        manifest.optional_permissions = [
          ...(manifest.optional_permissions ?? []),
          ...manifest.optional_host_permissions,
        ];
        delete manifest.optional_host_permissions;
      }
      if (!demo) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => WEBMAIL_MATCHES.includes(m))) script.matches.push(...DEMO_MATCHES);
      }
    },
  },
  manifest: {
    name: 'Cordial',
    description: "A sales rep's contact sidebar in Gmail and Outlook: the 360-degree view, value and churn risk.",
    // alarms + notifications: a follow-up's reminder when it falls due. Other sites and feed URLs are
    // optional host permissions, asked for in the options page when the rep turns them on.
    // scripting: registers the any-page marker script once the rep grants all sites. unlimitedStorage:
    // the value signals of every contact (one small record each) in extension storage.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    optional_host_permissions: ANY_PAGE_ORIGINS,
    host_permissions: demo ? [...WEBMAIL_MATCHES, ...DEMO_MATCHES] : WEBMAIL_MATCHES,
    web_accessible_resources: [
      // web_accessible_resources take origin patterns only (path "/*").
      { resources: ['sidebar.html'], matches: demo ? [...WEBMAIL_MATCHES, ...DEMO_ORIGINS] : WEBMAIL_MATCHES },
      // The card of the any-page markers: framed by pages the rep opted into (it shows nothing to them).
      { resources: ['card.html'], matches: ANY_PAGE_ORIGINS },
    ],
  },
});
