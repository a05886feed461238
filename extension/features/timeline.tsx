import { useState } from 'preact/hooks';
import { LIMITS } from '../data/contact-view';
import { clock, dateTime } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

function Timeline({ view }: FeatureProps) {
  const [all, setAll] = useState(false);
  const shown = all ? view.timeline : view.timeline.slice(0, LIMITS.timeline);
  return (
    <section aria-labelledby={`timeline-${view.contact.id}`}>
      <h3 id={`timeline-${view.contact.id}`}>{`Timeline (${view.timeline.length})`}</h3>
      <ol class="list timeline">
        {shown.map((t) => (
          <li key={t.id}>
            <span class="meta">
              {[dateTime(t.occurredAt), t.channel, t.direction, t.durationSeconds && clock(t.durationSeconds)]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span>{t.subject ?? t.event ?? t.purpose}</span>
            {t.outcome && <span class="meta">{`Outcome: ${t.outcome}`}</span>}
          </li>
        ))}
      </ol>
      {!all && view.timeline.length > shown.length && (
        <button type="button" class="link" onClick={() => setAll(true)}>
          {`Show all ${view.timeline.length}`}
        </button>
      )}
    </section>
  );
}

export default defineSidebarFeature('timeline', {
  when: (view) => view.timeline.length > 0,
  render: (props) => <Timeline {...props} />,
});

// Checked against: demo/mail (seeded demo data)
