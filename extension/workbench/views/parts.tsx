import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Workbench } from '../state/workbench';

export interface ViewProps {
  workbench: Workbench;
}

export function ViewTitle({ children }: { children: ComponentChildren }) {
  return <h2 id="view-title">{children}</h2>;
}

export function Metrics({ items }: { items: { label: string; value: string; hint?: string }[] }) {
  return (
    <dl class="metrics">
      {items.map((m) => (
        <div key={m.label} class="metric" title={m.hint}>
          <dt>{m.label}</dt>
          <dd>{m.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Tomorrow at 9:00 local time, as `datetime-local` text: the default due time of a new call task. */
export function tomorrowMorning(now: Date): string {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One click creates a call task for tomorrow morning; the button then says so (and stays disabled). */
export function TaskButton({
  workbench,
  contactId,
  title,
}: {
  workbench: Workbench;
  contactId: string;
  title: string;
}) {
  const [state, setState] = useState<'idle' | 'saving' | 'done' | 'failed'>('idle');
  const create = async () => {
    setState('saving');
    try {
      await workbench.addFollowUp(contactId, title, tomorrowMorning(workbench.now()));
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" onClick={create} disabled={state === 'saving' || state === 'done'} aria-live="polite">
      {state === 'done' ? 'Task created for tomorrow' : state === 'failed' ? 'Failed — try again' : 'Create call task'}
    </button>
  );
}

/** Downloads text as a file (the page is an extension page, so the data never passes through a website). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MultiSelect({
  label,
  options,
  value,
  onChange,
  format = (s) => s,
}: {
  label: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  format?: (s: string) => string;
}) {
  return (
    <fieldset class="multi">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o} class="check">
          <input
            type="checkbox"
            checked={value.includes(o)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, o] : value.filter((v) => v !== o))}
          />
          {format(o)}
        </label>
      ))}
    </fieldset>
  );
}
