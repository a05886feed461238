import type { ContactSuggestion } from '../data/suggest-contact';
import type { SidebarModel } from '../state/sidebar-model';
import { Status, TextField, useActionForm } from './form';

/** "We don't know this person": the create form, prefilled from the email (name, address, company from the domain). */
export function UnknownPerson({ model, suggestion }: { model: SidebarModel; suggestion: ContactSuggestion }) {
  const form = useActionForm(
    `new:${suggestion.email}`,
    {
      firstName: suggestion.firstName ?? '',
      lastName: suggestion.lastName ?? '',
      company: suggestion.company ?? '',
      title: '',
    },
    (values) =>
      model.act(suggestion.email, {
        op: 'contact:create',
        input: {
          ...values,
          email: suggestion.email,
          ...(suggestion.accountId ? { accountId: suggestion.accountId } : {}),
        },
      }),
    'Contact created.',
  );
  return (
    <section aria-label="Unknown person" class="unknown">
      <p>{`${suggestion.email} is not a contact yet.`}</p>
      <form onSubmit={form.onSubmit}>
        <TextField form={form} name="firstName" label="First name" />
        <TextField form={form} name="lastName" label="Last name" />
        <TextField form={form} name="company" label="Company" />
        <TextField form={form} name="title" label="Title" />
        <button type="submit" disabled={form.busy}>
          Create contact
        </button>
        <Status status={form.status} />
      </form>
    </section>
  );
}
