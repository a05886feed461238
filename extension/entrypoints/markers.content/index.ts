import { type FoundAddress, findAddresses } from '../../hosts/find-addresses';
import { isListed, loadSettings } from '../../state/settings';

/**
 * Any page, only after the rep granted access to all sites (options page): a small marker
 * after every email address and mailto link; hovering or focusing it shows a compact card.
 * The card is an extension page in a frame (card.html), so what it shows about the person
 * never enters this page. Registered at runtime by the background, never in the manifest.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['https://*/*', 'http://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const { exclude, ownAddresses } = await loadSettings();
    const seen = new WeakSet<Node>();
    const markersAfter = new WeakMap<Node, ChildNode>();
    let card: { host: HTMLElement; frame: HTMLIFrameElement } | undefined;

    const hideCard = () => {
      card?.host.remove();
      card = undefined;
    };

    const showCard = (marker: HTMLElement, email: string) => {
      hideCard();
      const host = document.createElement('cordial-card');
      const root = host.attachShadow({ mode: 'closed' });
      const frame = document.createElement('iframe');
      frame.title = `Cordial: ${email}`;
      frame.src = `${browser.runtime.getURL('/card.html')}#${encodeURIComponent(email)}`;
      const box = marker.getBoundingClientRect();
      frame.style.cssText = `position:fixed;z-index:2147483647;width:300px;height:180px;border:1px solid #8886;border-radius:8px;box-shadow:0 2px 12px rgb(0 0 0 / 25%);background:Canvas;top:${Math.min(box.bottom + 4, innerHeight - 190)}px;left:${Math.min(box.left, innerWidth - 310)}px;`;
      root.append(frame);
      document.documentElement.append(host);
      card = { host, frame };
    };

    const mark = ({ email, anchor }: FoundAddress) => {
      seen.add(anchor);
      // The exclude list and the rep's own addresses are not marked, so they are never looked up.
      if (isListed(email, exclude) || isListed(email, ownAddresses)) return;
      const host = document.createElement('cordial-mark');
      const root = host.attachShadow({ mode: 'closed' });
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '◉';
      button.setAttribute('aria-label', `Cordial card for ${email}`);
      button.style.cssText =
        'all:initial;cursor:pointer;font:11px system-ui;color:#0e7490;margin-left:2px;padding:0 2px;border-radius:3px;';
      const open = () => showCard(button, email);
      ctx.addEventListener(button, 'mouseenter', open);
      ctx.addEventListener(button, 'focus', open);
      ctx.addEventListener(button, 'click', open);
      ctx.addEventListener(button, 'blur', hideCard);
      root.append(button);
      seen.add(host);
      // After the link, or after the text holding the address (several addresses: several markers, in order).
      const last = markersAfter.get(anchor) ?? anchor;
      last.after(host);
      markersAfter.set(anchor, host);
    };

    const scan = () => {
      for (const found of findAddresses(document.body, seen)) mark(found);
    };

    let timer: number | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = ctx.setTimeout(scan, 300);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      hideCard();
      for (const el of document.querySelectorAll('cordial-mark')) el.remove();
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape') hideCard();
    });
    ctx.addEventListener(document, 'mousedown', (event) => {
      if (card && event.target !== card.host) hideCard();
    });
    scan();
  },
});
