// The demo store's own code: a tiny single-page shop that reports what visitors do through
// the Cordial event API, exactly as a site owner would (Segment e-commerce v2 event names).
const view = document.getElementById('view');
const products = await fetch('/store/products.json').then((r) => r.json());
const cart = JSON.parse(sessionStorage.getItem('demo-cart') ?? '[]');

/** Calls the SDK when it is there; the queueing snippet is not used on this page. */
function cordial(method, ...args) {
  window.cordial?.[method]?.(...args);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function link(href, text) {
  const a = el('a', { href }, text);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    navigate(href);
  });
  return a;
}

function money(amount) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
}

function productProps(p, extra = {}) {
  return {
    product_id: p.product_id,
    sku: p.sku,
    name: p.name,
    category: p.category,
    price: p.price,
    currency: 'USD',
    ...extra,
  };
}

function saveCart() {
  sessionStorage.setItem('demo-cart', JSON.stringify(cart));
  document.getElementById('cart-count').textContent = String(cart.reduce((n, item) => n + item.quantity, 0));
}

function renderCatalog() {
  document.title = 'Brew & Co. — demo store';
  const list = el('ul', { class: 'grid' });
  for (const p of products) {
    list.append(
      el(
        'li',
        { class: 'card' },
        link(`/store/product/${p.product_id}`, p.name),
        el('p', { class: 'price' }, money(p.price)),
      ),
    );
  }
  view.replaceChildren(el('h1', {}, 'All products'), el('cordial-offer', { placement: 'home' }), list);
}

function renderProduct(p) {
  document.title = `${p.name} — Brew & Co.`;
  const add = el('button', { type: 'button' }, 'Add to cart');
  add.addEventListener('click', () => {
    const line = cart.find((item) => item.product_id === p.product_id);
    if (line) line.quantity++;
    else cart.push({ product_id: p.product_id, quantity: 1 });
    saveCart();
    cordial('track', 'Product Added', productProps(p, { quantity: 1 }));
  });
  view.replaceChildren(
    el('h1', {}, p.name),
    el('p', {}, `${p.category} · `, el('span', { class: 'price' }, money(p.price))),
    add,
    el('cordial-offer', { placement: 'product' }),
  );
  cordial('track', 'Product Viewed', productProps(p));
}

function renderCart() {
  document.title = 'Cart — Brew & Co.';
  const lines = cart.map((item) => ({ ...item, product: products.find((p) => p.product_id === item.product_id) }));
  const total = lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0);
  const buy = el('button', { type: 'button' }, 'Place order');
  buy.disabled = lines.length === 0;
  buy.addEventListener('click', () => {
    const orderId = `demo-${Date.now().toString(36)}`;
    cordial('track', 'Order Completed', {
      order_id: orderId,
      revenue: total,
      total,
      currency: 'USD',
      products: lines.map((line) => productProps(line.product, { quantity: line.quantity })),
    });
    cart.length = 0;
    saveCart();
    view.replaceChildren(el('h1', {}, 'Thank you!'), el('p', {}, `Order ${orderId} is placed.`));
  });
  const list = el('ul', {});
  for (const line of lines)
    list.append(el('li', {}, `${line.quantity} × ${line.product.name} — ${money(line.product.price * line.quantity)}`));
  view.replaceChildren(
    el('h1', {}, 'Your cart'),
    list,
    el('p', { class: 'price' }, `Total ${money(total)}`),
    buy,
    el('cordial-offer', { placement: 'cart' }),
  );
}

function route() {
  const path = location.pathname;
  const product = /^\/store\/product\/([\w-]+)$/.exec(path);
  const p = product && products.find((x) => x.product_id === product[1]);
  if (p) renderProduct(p);
  else if (path === '/store/cart') renderCart();
  else renderCatalog();
}

function navigate(href) {
  history.pushState({}, '', href);
  route();
  view.focus();
}

/** The visitor's own controls: consent, and their data (export as a download, erase). */
document.getElementById('consent-grant').addEventListener('click', () => window.cordial?.consent.grant());
document.getElementById('consent-revoke').addEventListener('click', () => window.cordial?.consent.revoke());
document.getElementById('profile-erase').addEventListener('click', () => window.cordial?.profile.erase());
document.getElementById('profile-export').addEventListener('click', async () => {
  const data = await window.cordial?.profile.export();
  const a = el('a', {
    href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
    download: 'my-data.json',
  });
  a.click();
  URL.revokeObjectURL(a.href);
});

window.addEventListener('popstate', route);
saveCart();
route();
