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
