// The queueing snippet (dist/sdk/snippet.js, also in docs/sdk.md): load it before the SDK's
// script tag to call window.cordial right away; the calls are kept and replayed in order
// when the SDK loads. No array methods beyond push, so a page's prototype changes cannot
// break it.
((w) => {
  if (w.cordial) return;
  const q = [];
  const stub =
    (name) =>
    (...args) => {
      q.push([name, ...args]);
      return c;
    };
  const c = { _q: q, consent: { grant: stub('consent.grant'), revoke: stub('consent.revoke') } };
  for (const name of ['identify', 'track', 'page', 'group', 'alias', 'reset', 'on', 'off']) c[name] = stub(name);
  w.cordial = c;
})(window);
