import { useLayoutEffect } from 'preact/hooks';
import type { KnownContactView } from '../data/contact-view';
import { features } from '../features';
import type { SidebarModel, ViewState } from '../state/sidebar-model';
import { Duplicates, MergeStatus } from './duplicates';
import { UnknownPerson } from './unknown-person';

function Known({ model, view }: { model: SidebarModel; view: KnownContactView }) {
  const thread = model.thread.value;
  // When the 360-degree view is in the document, before the next paint (the benchmark reads this mark).
  useLayoutEffect(() => {
    performance.mark('cordial:view-shown', { detail: view.contact.id });
  }, [view.contact.id]);
  return (
    <div class="contact">
      {features
        .filter((f) => f.when?.(view) ?? true)
        .map((f) => (
          <div key={f.id} data-feature={f.id}>
            {f.render({ view, model, thread })}
          </div>
        ))}
    </div>
  );
}

export function ContactDetail({
  model,
  email,
  state,
}: {
  model: SidebarModel;
  email: string;
  state: ViewState | undefined;
}) {
  return (
    <>
      <MergeStatus model={model} email={email} state={state} />
      <PersonView model={model} state={state} />
    </>
  );
}

function PersonView({ model, state }: { model: SidebarModel; state: ViewState | undefined }) {
  if (!state || state.status === 'loading') return <p class="empty">Loading…</p>;
  if (state.status === 'error') return <p class="status error">{`Could not load this person: ${state.message}`}</p>;
  const { view } = state;
  if (view.kind === 'unknown') return <UnknownPerson model={model} suggestion={view.suggestion} />;
  if (view.kind === 'duplicates') return <Duplicates model={model} email={view.email} contacts={view.contacts} />;
  return <Known model={model} view={view} />;
}
