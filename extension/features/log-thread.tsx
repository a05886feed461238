import { TouchpointPurposeSchema } from '@cordial/core';
import { SelectField, Status, TextField, useActionForm } from '../ui/form';
import { dateTime } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

function LogThread({ view, model, thread }: FeatureProps & { thread: NonNullable<FeatureProps['thread']> }) {
  const form = useActionForm(
    `${view.contact.id}:log:${thread.key}`,
    { purpose: 'sales', outcome: '' },
    (input) => model.act(view.email, { op: 'thread:log', contactId: view.contact.id, thread, input }),
    'Conversation logged.',
  );
  const logged = view.timeline.find((t) => t.externalIds['email-thread'] === thread.key);
  if (logged) {
    return (
      <section aria-label="This conversation" class="logged">
        <p>{`This conversation is logged (${logged.purpose}, ${dateTime(logged.occurredAt)}).`}</p>
        <Status status={form.status} />
      </section>
    );
  }
  return (
    <section aria-label="This conversation">
      <form onSubmit={form.onSubmit} class="inline-form">
        <SelectField form={form} name="purpose" label="Purpose" options={TouchpointPurposeSchema.options} />
        <TextField form={form} name="outcome" label="Outcome" placeholder="e.g. sent the quote" />
        <button type="submit" disabled={form.busy}>
          Log this conversation
        </button>
      </form>
      <Status status={form.status} />
    </section>
  );
}

export default defineSidebarFeature('log-thread', {
  render: (props) => (props.thread ? <LogThread {...props} thread={props.thread} /> : null),
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal, tests/fixtures/outlook/mail.html
