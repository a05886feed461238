import { CasePrioritySchema, CaseTypeSchema } from '@cordial/core';
import { Disclosure, SelectField, Status, TextField, useActionForm } from '../ui/form';
import { age } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

function OpenCase({ view, model, thread }: FeatureProps) {
  const form = useActionForm(
    `${view.contact.id}:case`,
    { subject: thread?.subject ?? '', description: '', type: 'question', priority: 'normal' },
    (input) => model.act(view.email, { op: 'case:open', contactId: view.contact.id, input }),
    'Case opened.',
  );
  return (
    <Disclosure label="Open a case">
      <form onSubmit={form.onSubmit}>
        <TextField form={form} name="subject" label="Subject" required />
        <TextField form={form} name="description" label="Description" rows={3} />
        <SelectField form={form} name="type" label="Type" options={CaseTypeSchema.options} />
        <SelectField form={form} name="priority" label="Priority" options={CasePrioritySchema.options} />
        <button type="submit" disabled={form.busy}>
          Open case
        </button>
        <Status status={form.status} />
      </form>
    </Disclosure>
  );
}

export default defineSidebarFeature('cases', {
  render: (props) => {
    const now = new Date();
    return (
      <section aria-labelledby={`cases-${props.view.contact.id}`}>
        <h3 id={`cases-${props.view.contact.id}`}>Open cases</h3>
        {props.view.openCases.length === 0 ? (
          <p class="empty">None open.</p>
        ) : (
          <ul class="list">
            {props.view.openCases.map((c) => (
              <li key={c.id}>
                <span>{c.subject}</span>{' '}
                <span
                  class={`meta priority-${c.priority}`}
                >{`${c.type} · ${c.priority} · open ${age(c.openedAt, now)}`}</span>
              </li>
            ))}
          </ul>
        )}
        <OpenCase {...props} />
      </section>
    );
  },
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal
