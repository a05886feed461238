/** Hosts where the sidebar appears without any opt-in (the manifest's host permissions). */
export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
];

/** The demo inbox served by `npm run demo`; only demo builds (CORDIAL_DEMO=1) match it. */
export const DEMO_MATCHES = ['http://127.0.0.1/mail/*', 'http://localhost/mail/*'];
export const DEMO_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Every other site: asked for only when the rep turns on address markers (an optional host permission). */
export const ANY_PAGE_ORIGINS = ['https://*/*', 'http://*/*'];
