import { rfmReason } from '../data/value-signals';
import { money } from '../ui/format';
import { defineSidebarFeature } from './define-sidebar-feature';

const RISK_LABEL = { low: 'Low churn risk', medium: 'Medium churn risk', high: 'High churn risk' };

export default defineSidebarFeature('value-signals', {
  render: ({ view }) => {
    const { signals, note } = view.value ?? {};
    const rfm = signals?.rfm;
    return (
      <section aria-labelledby={`value-${view.contact.id}`} class="signals">
        <h3 id={`value-${view.contact.id}`}>Value and risk</h3>
        {rfm && signals && (
          <div class="signal">
            <strong>{`${rfm.segment} · RFM ${rfm.r}-${rfm.f}-${rfm.m}`}</strong>
            <span>{rfmReason(rfm, money({ amount: rfm.spent, currency: signals.currency }))}</span>
          </div>
        )}
        {signals?.churn && (
          <div class={`signal risk-${signals.churn.tier}`}>
            <strong>
              {RISK_LABEL[signals.churn.tier]}
              {/* BG/NBD puts P(alive) at 100% for anyone without a repeat purchase: not worth showing then. */}
              {signals.pAlive !== undefined &&
                (rfm?.orders ?? 0) > 1 &&
                ` · P(alive) ${Math.round(signals.pAlive * 100)}%`}
            </strong>
            <span>{signals.churn.reason}</span>
          </div>
        )}
        {signals?.clv !== undefined && (
          <div class="signal">
            <strong>{`Lifetime value ${money({ amount: signals.clv, currency: signals.currency })}`}</strong>
            <span>expected purchases over the next 12 months, discounted</span>
          </div>
        )}
        {note && <p class="empty">{note}</p>}
      </section>
    );
  },
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal (seeded demo data)
