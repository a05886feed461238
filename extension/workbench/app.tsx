import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Workbench } from './state/workbench';
import { AnalysisView } from './views/analysis';
import { CallScriptsView } from './views/call-scripts';
import { CampaignsView } from './views/campaigns';
import { CustomersView } from './views/customers';
import { DataManagementView } from './views/data';
import { ListsView } from './views/lists';
import { PipelineView } from './views/pipeline';
import { ServiceView } from './views/service';
import { TodayView } from './views/today';

/** The views, in the order of the navigation; the hash (`#customers`) names the open one. */
export const VIEWS = [
  { id: 'today', label: 'Today', View: TodayView },
  { id: 'customers', label: 'Customers', View: CustomersView },
  { id: 'lists', label: 'List generator', View: ListsView },
  { id: 'campaigns', label: 'Campaigns', View: CampaignsView },
  { id: 'pipeline', label: 'Pipeline', View: PipelineView },
  { id: 'service', label: 'Service', View: ServiceView },
  { id: 'analysis', label: 'Analysis', View: AnalysisView },
  { id: 'scripts', label: 'Call scripts', View: CallScriptsView },
  { id: 'data', label: 'Data', View: DataManagementView },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

const route = signal<ViewId>(routeOf(location.hash));

function routeOf(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split('?')[0];
  return VIEWS.find((v) => v.id === id)?.id ?? 'today';
}

export function navigate(id: ViewId): void {
  location.hash = id;
}

function ProgressBar({ workbench }: { workbench: Workbench }) {
  const p = workbench.progress.value;
  if (!p) return null;
  return (
    <div class="progress" role="status" aria-live="polite">
      <label for="analysis-progress">Recomputing analytics: {p.step}</label>
      <progress id="analysis-progress" max={1} value={p.done} />
      <button type="button" onClick={() => workbench.cancel()}>
        Cancel
      </button>
    </div>
  );
}

export function App({ workbench }: { workbench: Workbench }) {
  useEffect(() => {
    const onHash = () => {
      route.value = routeOf(location.hash);
      document.getElementById('view')?.focus();
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const current = VIEWS.find((v) => v.id === route.value) ?? VIEWS[0];
  const { View } = current;
  return (
    <div class="shell">
      <header class="top">
        <h1>Cordial workbench</h1>
        <nav aria-label="Workbench views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={`#${v.id}`} aria-current={v.id === current.id ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ProgressBar workbench={workbench} />
      {workbench.error.value && (
        <p class="error" role="alert">
          {workbench.error.value}
        </p>
      )}
      {workbench.notice.value && (
        <p class="notice" role="status">
          {workbench.notice.value}{' '}
          <button type="button" class="link" onClick={() => (workbench.notice.value = null)}>
            Dismiss
          </button>
        </p>
      )}
      <main id="view" tabIndex={-1} aria-labelledby="view-title">
        {workbench.status.value === 'loading' ? (
          <p role="status">Loading customers…</p>
        ) : (
          <View workbench={workbench} />
        )}
      </main>
    </div>
  );
}
