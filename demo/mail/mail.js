// A webmail-like single-page inbox whose DOM follows Gmail's where the extension reads it.
// Everything is built with textContent: the message data is untrusted, like real mail.
const main = document.getElementById('main');
const threads = await fetch('/mail/threads.json').then((r) => r.json());

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function person(cls, p) {
  return el('span', { class: cls, email: p.email, name: p.name }, p.name);
}

function renderInbox() {
  document.title = 'Inbox - demo mail';
  const table = el('table', { class: 'F cf zt', role: 'grid', 'aria-label': 'Inbox' });
  for (const t of threads) {
    const first = t.messages[0];
    const link = el('a', { href: `#inbox/${t.id}` }, t.subject);
    table.append(el('tr', { class: 'zA' }, el('td', {}, first.from.name), el('td', {}, link)));
  }
  main.replaceChildren(table);
}

function renderThread(t) {
  document.title = `${t.subject} - demo mail`;
  const parts = [el('h2', { class: 'hP' }, t.subject)];
  for (const m of t.messages) {
    const recipients = el('div', { class: 'iw' }, 'to ');
    for (const p of m.to) recipients.append(person('g2', p), ' ');
    if (m.cc.length) {
      recipients.append('cc ');
      for (const p of m.cc) recipients.append(person('g2', p), ' ');
    }
    parts.push(el('div', { class: 'adn' }, person('gD', m.from), recipients, el('div', { class: 'a3s' }, m.body)));
  }
  parts.push(el('p', {}, el('a', { href: '#inbox' }, 'Back to inbox')));
  main.replaceChildren(...parts);
}

function route() {
  const match = /^#inbox\/(.+)$/.exec(location.hash);
  const thread = match && threads.find((t) => t.id === match[1]);
  if (thread) renderThread(thread);
  else renderInbox();
}

window.addEventListener('hashchange', route);
route();
