import { type Opportunity, OpportunityStageSchema } from '@cordial/core';
import { Disclosure, SelectField, Status, TextField, useActionForm } from '../ui/form';
import { money } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

const STAGES = OpportunityStageSchema.options;

function StageSelect({ opportunity, view, model }: FeatureProps & { opportunity: Opportunity }) {
  return (
    <select
      aria-label={`Stage of ${opportunity.name}`}
      value={opportunity.stage}
      onChange={(e) => {
        const stage = OpportunityStageSchema.parse(e.currentTarget.value);
        model.act(view.email, { op: 'opportunity:move', opportunityId: opportunity.id, stage });
      }}
    >
      {STAGES.map((s) => (
        <option value={s}>{s}</option>
      ))}
    </select>
  );
}

function NewOpportunity({ view, model }: FeatureProps) {
  const currency = view.orders[0]?.currency ?? view.openOpportunities[0]?.amount.currency ?? 'EUR';
  const form = useActionForm(
    `${view.contact.id}:opportunity`,
    { name: '', stage: 'lead', amount: '', currency, expectedClose: '' },
    (input) => model.act(view.email, { op: 'opportunity:create', contactId: view.contact.id, input }),
    'Opportunity created.',
  );
  return (
    <Disclosure label="New opportunity">
      <form onSubmit={form.onSubmit}>
        <TextField form={form} name="name" label="Name" required />
        <SelectField form={form} name="stage" label="Stage" options={STAGES} />
        <TextField form={form} name="amount" label="Amount" type="number" min={0} step="0.01" required />
        <TextField form={form} name="currency" label="Currency" maxLength={3} />
        <TextField form={form} name="expectedClose" label="Expected close" type="date" />
        <button type="submit" disabled={form.busy}>
          Create opportunity
        </button>
        <Status status={form.status} />
      </form>
    </Disclosure>
  );
}

export default defineSidebarFeature('opportunities', {
  render: (props) => (
    <section aria-labelledby={`opps-${props.view.contact.id}`}>
      <h3 id={`opps-${props.view.contact.id}`}>Open opportunities</h3>
      {props.view.openOpportunities.length === 0 ? (
        <p class="empty">None open.</p>
      ) : (
        <ul class="list">
          {props.view.openOpportunities.map((o) => (
            <li key={o.id}>
              <span>{o.name}</span> <span class="meta">{money(o.amount)}</span>{' '}
              <StageSelect {...props} opportunity={o} />
            </li>
          ))}
        </ul>
      )}
      <NewOpportunity {...props} />
    </section>
  ),
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal
