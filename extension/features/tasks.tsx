import { Disclosure, Status, TextField, useActionForm } from '../ui/form';
import { dateTime } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

/** Tomorrow at 09:00 local time, as a `datetime-local` value: the usual follow-up. */
function tomorrowMorning(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

function AddTask({ view, model }: FeatureProps) {
  const form = useActionForm(
    `${view.contact.id}:task`,
    { title: '', dueAt: tomorrowMorning(new Date()), notes: '' },
    (input) => model.act(view.email, { op: 'task:add', contactId: view.contact.id, input }),
    'Follow-up saved; you will be notified when it is due.',
  );
  return (
    <Disclosure label="Add a follow-up">
      <form onSubmit={form.onSubmit}>
        <TextField form={form} name="title" label="Follow-up" required />
        <TextField form={form} name="dueAt" label="Due" type="datetime-local" required />
        <button type="submit" disabled={form.busy}>
          Save follow-up
        </button>
        <Status status={form.status} />
      </form>
    </Disclosure>
  );
}

export default defineSidebarFeature('tasks', {
  render: (props) => {
    const now = new Date();
    return (
      <section aria-labelledby={`tasks-${props.view.contact.id}`}>
        <h3 id={`tasks-${props.view.contact.id}`}>Tasks</h3>
        {props.view.openTasks.length === 0 ? (
          <p class="empty">Nothing due.</p>
        ) : (
          <ul class="list">
            {props.view.openTasks.map((task) => {
              const overdue = task.dueAt !== undefined && Date.parse(task.dueAt) < now.getTime();
              return (
                <li key={task.id} class={overdue ? 'overdue' : undefined}>
                  <span>{task.title}</span>{' '}
                  <span class="meta">
                    {task.dueAt ? `${overdue ? 'overdue since' : 'due'} ${dateTime(task.dueAt)}` : 'no due time'}
                    {/* A call back the visitor asked for on the website: the window they chose. */}
                    {task.window && ` to ${dateTime(task.window.end)}`}
                  </span>{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={`Mark "${task.title}" done`}
                    onClick={() => props.model.act(props.view.email, { op: 'task:complete', taskId: task.id })}
                  >
                    Done
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <AddTask {...props} />
      </section>
    );
  },
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal
