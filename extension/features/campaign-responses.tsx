import { date } from '../ui/format';
import { defineSidebarFeature } from './define-sidebar-feature';

export default defineSidebarFeature('campaign-responses', {
  when: (view) => view.campaignResponses.length > 0,
  render: ({ view }) => (
    <section aria-labelledby={`campaigns-${view.contact.id}`}>
      <h3 id={`campaigns-${view.contact.id}`}>Campaign responses</h3>
      <ul class="list">
        {view.campaignResponses.map(({ response, campaign }) => (
          <li key={response.id}>
            <span>{campaign?.name ?? response.campaignId}</span>{' '}
            <span class="meta">{`${response.response} · ${date(response.respondedAt)}`}</span>
          </li>
        ))}
      </ul>
    </section>
  ),
});

// Checked against: demo/mail (seeded demo data)
