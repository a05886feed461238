import { render } from 'preact';
import type { ContactView } from '../../data/contact-view';
import { callData } from '../../data/data-client';
import { displayName, money } from '../../ui/format';

/**
 * The compact card shown when the rep hovers or focuses an address marker on any page.
 * An extension page in a frame: the page that embeds it cannot read what it shows.
 */
function Card({ email, view, error }: { email: string; view?: ContactView; error?: string }) {
  if (error) return <p class="status error">{`Could not look up ${email}: ${error}`}</p>;
  if (!view) return <p class="empty">Loading…</p>;
  if (view.kind === 'unknown') return <p>{`${email} is not a contact yet.`}</p>;
  if (view.kind === 'duplicates') return <p class="warning">{`${view.contacts.length} contacts share ${email}.`}</p>;
  const { contact } = view;
  const lastOrder = view.orders[0];
  return (
    <main aria-label={`Cordial: ${displayName(contact)}`}>
      <h1>{displayName(contact)}</h1>
      <p class="role">{[contact.title, contact.company ?? view.account?.name].filter(Boolean).join(' · ')}</p>
      <p class="meta">{`${contact.lifecycleStage} · ${view.orderCount} orders${lastOrder ? ` · last ${money(lastOrder.total)}` : ''}`}</p>
      <p class="meta">{`${view.openOpportunities.length} open opportunities · ${view.openCases.length} open cases · ${view.openTasks.length} tasks`}</p>
    </main>
  );
}

const app = document.getElementById('app');
const email = decodeURIComponent(location.hash.slice(1));
if (app) {
  render(<Card email={email} />, app);
  callData({ op: 'view', email }).then((response) =>
    render(
      response.ok ? <Card email={email} view={response.value} /> : <Card email={email} error={response.message} />,
      app,
    ),
  );
}
