import { Status, TextField, useActionForm } from '../ui/form';
import { date } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

function AddNote({ view, model }: FeatureProps) {
  const form = useActionForm(
    `${view.contact.id}:note`,
    { body: '' },
    (input) => model.act(view.email, { op: 'note:add', contactId: view.contact.id, input }),
    'Note saved.',
  );
  return (
    <form onSubmit={form.onSubmit}>
      <TextField form={form} name="body" label="New note" rows={2} />
      <button type="submit" disabled={form.busy}>
        Add note
      </button>
      <Status status={form.status} />
    </form>
  );
}

export default defineSidebarFeature('notes', {
  render: (props) => (
    <section aria-labelledby={`notes-${props.view.contact.id}`}>
      <h3 id={`notes-${props.view.contact.id}`}>Notes</h3>
      {props.view.notes.length > 0 && (
        <ul class="list notes">
          {props.view.notes.map((n) => (
            <li key={n.id}>
              <p class="note-body">{n.body}</p>
              <span class="meta">{`${n.pinned ? 'pinned · ' : ''}${date(n.createdAt)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <AddNote {...props} />
    </section>
  ),
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal
