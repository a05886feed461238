import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * A small button that shows or hides the sidebar (or opens the side panel). It carries no
 * customer data, so it may live in the page, in a closed shadow root so page styles
 * neither break it nor read it.
 */
export function mountLauncher(ctx: ContentScriptContext, { onToggle }: { onToggle: () => void }) {
  const host = document.createElement('cordial-launcher');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    button { position: fixed; right: 12px; bottom: 16px; z-index: 2147483647; font: 600 13px system-ui, sans-serif;
      padding: 8px 12px; border-radius: 18px; border: 1px solid #8886; background: Canvas; color: CanvasText;
      box-shadow: 0 1px 6px rgb(0 0 0 / 25%); cursor: pointer; }
    button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
    button[hidden] { display: none; }`;
  const button = document.createElement('button');
  button.type = 'button';
  button.hidden = true;
  button.textContent = 'Cordial';
  ctx.addEventListener(button, 'click', onToggle);
  root.append(style, button);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  return {
    update({ visible, expanded, mode }: { visible: boolean; expanded: boolean; mode: 'frame' | 'side-panel' }) {
      button.hidden = !visible;
      button.setAttribute('aria-label', mode === 'side-panel' ? 'Open the Cordial side panel' : 'Cordial sidebar');
      if (mode === 'frame') button.setAttribute('aria-expanded', String(expanded));
      else button.removeAttribute('aria-expanded');
    },
  };
}
