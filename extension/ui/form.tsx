import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useDraft } from './use-draft';

type Outcome = { ok: true } | { ok: false; message: string };

/**
 * A sidebar form: its fields are a persisted draft, submitting runs one action, and the
 * result is announced (role=status) — the error message when the input was refused, with
 * the draft kept so nothing typed is lost.
 */
export function useActionForm<T extends Record<string, string>>(
  draftKey: string,
  initial: T,
  submit: (values: T) => Promise<Outcome>,
  done = 'Saved.',
) {
  const draft = useDraft(draftKey, initial);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await submit(draft.values);
    setBusy(false);
    if (outcome.ok) {
      await draft.clear();
      setStatus({ text: done, error: false });
    } else setStatus({ text: `Not saved: ${outcome.message}`, error: true });
  };
  return { ...draft, onSubmit, status, busy };
}

export function Status({ status }: { status: { text: string; error: boolean } }) {
  return (
    <p role="status" class={status.error ? 'status error' : 'status'}>
      {status.text}
    </p>
  );
}

/** A labelled control: the label is tied to the control by id for screen readers. */
export function Field({ label, children }: { label: string; children: (id: string) => ComponentChildren }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** A collapsible form behind a button, so the sidebar stays compact. */
export function Disclosure({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <details class="action">
      <summary>{label}</summary>
      {children}
    </details>
  );
}

interface FormState<T extends Record<string, string>> {
  values: T;
  set: (field: keyof T, value: string) => void;
}

interface TextFieldProps<T extends Record<string, string>> {
  form: FormState<T>;
  name: keyof T & string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local';
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  required?: boolean;
  placeholder?: string;
  min?: number;
  step?: string;
  maxLength?: number;
}

/** A labelled text input (or text area) bound to one field of an action form's draft. */
export function TextField<T extends Record<string, string>>({
  form,
  name,
  label,
  rows,
  type = 'text',
  ...attrs
}: TextFieldProps<T>) {
  const onInput = (e: { currentTarget: { value: string } }) => form.set(name, e.currentTarget.value);
  return (
    <Field label={label}>
      {(id) =>
        rows ? (
          <textarea id={id} rows={rows} value={form.values[name]} onInput={onInput} {...attrs} />
        ) : (
          // Preact types <input> per `type`; ours is one of the listed text-like types.
          <input id={id} type={type as 'text'} value={form.values[name]} onInput={onInput} {...attrs} />
        )
      }
    </Field>
  );
}

/** A labelled select bound to one field of an action form's draft; options are values or [value, label] pairs. */
export function SelectField<T extends Record<string, string>>({
  form,
  name,
  label,
  options,
}: {
  form: FormState<T>;
  name: keyof T & string;
  label: string;
  options: readonly (string | readonly [string, string])[];
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={form.values[name]} onChange={(e) => form.set(name, e.currentTarget.value)}>
          {options.map((option) => {
            const [value, text] = typeof option === 'string' ? [option, option] : option;
            return <option value={value}>{text}</option>;
          })}
        </select>
      )}
    </Field>
  );
}
