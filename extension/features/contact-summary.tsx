import { LifecycleStageSchema } from '@cordial/core';
import { Disclosure, SelectField, Status, TextField, useActionForm } from '../ui/form';
import { displayName } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

const STAGE_LABEL = { prospect: 'Prospect', customer: 'Customer', repeat: 'Repeat customer', churned: 'Churned' };

function EditContact({ view, model }: FeatureProps) {
  const c = view.contact;
  const form = useActionForm(
    `${c.id}:edit`,
    {
      firstName: c.firstName ?? '',
      lastName: c.lastName ?? '',
      company: c.company ?? '',
      title: c.title ?? '',
      ownerId: c.ownerId ?? '',
      lifecycleStage: c.lifecycleStage as string,
    },
    (values) => model.act(view.email, { op: 'contact:edit', contactId: c.id, input: values }),
    'Contact saved.',
  );
  return (
    <Disclosure label="Edit contact">
      <form onSubmit={form.onSubmit}>
        <TextField form={form} name="firstName" label="First name" />
        <TextField form={form} name="lastName" label="Last name" />
        <TextField form={form} name="company" label="Company" />
        <TextField form={form} name="title" label="Title" />
        <TextField form={form} name="ownerId" label="Owner" />
        <SelectField
          form={form}
          name="lifecycleStage"
          label="Life-cycle stage"
          options={LifecycleStageSchema.options.map((s) => [s, STAGE_LABEL[s]] as const)}
        />
        <button type="submit" disabled={form.busy}>
          Save contact
        </button>
        <Status status={form.status} />
      </form>
    </Disclosure>
  );
}

export default defineSidebarFeature('contact-summary', {
  render: (props) => {
    const { contact, account } = props.view;
    const company = contact.company ?? account?.name;
    return (
      <section aria-label="Contact" class="summary">
        <h2 class="name">{displayName(contact)}</h2>
        <p class="role">{[contact.title, company].filter(Boolean).join(' · ') || 'No title or company yet'}</p>
        <dl class="facts">
          <dt>Stage</dt>
          <dd>{STAGE_LABEL[contact.lifecycleStage]}</dd>
          <dt>Owner</dt>
          <dd>{contact.ownerId ?? 'Unassigned'}</dd>
          <dt>Email</dt>
          <dd>{contact.emails.join(', ')}</dd>
        </dl>
        {props.view.corrupt > 0 && (
          <p class="warning">{`${props.view.corrupt} stored record(s) of this contact could not be read.`}</p>
        )}
        <EditContact {...props} />
      </section>
    );
  },
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal, tests/fixtures/outlook/mail.html
