import { date, money } from '../ui/format';
import { defineSidebarFeature } from './define-sidebar-feature';

export default defineSidebarFeature('orders', {
  when: (view) => view.orderCount > 0,
  render: ({ view }) => (
    <section aria-labelledby={`orders-${view.contact.id}`}>
      <h3 id={`orders-${view.contact.id}`}>{`Last orders (${view.orders.length} of ${view.orderCount})`}</h3>
      <ul class="list">
        {view.orders.map((o) => (
          <li key={o.id}>
            <span>{`${o.number ?? 'Order'} · ${date(o.placedAt)}`}</span>{' '}
            <span class="meta">{`${money(o.total)} · ${o.status}`}</span>
          </li>
        ))}
      </ul>
    </section>
  ),
});

// Checked against: demo/mail (seeded demo data)
