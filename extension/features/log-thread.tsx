import { TouchpointPurposeSchema } from '@cordial/core';
import { Field, Status, useActionForm } from '../ui/form';
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
        <Field label="Purpose">
          {(id) => (
            <select id={id} value={form.values.purpose} onChange={(e) => form.set('purpose', e.currentTarget.value)}>
              {TouchpointPurposeSchema.options.map((p) => (
                <option value={p}>{p}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Outcome">
          {(id) => (
            <input
              id={id}
              value={form.values.outcome}
              placeholder="e.g. sent the quote"
              onInput={(e) => form.set('outcome', e.currentTarget.value)}
            />
          )}
        </Field>
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
