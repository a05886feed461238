import { render } from 'preact';
import { onDataChanged } from '../../data/data-changed';
import { openRepository } from '../../data/repository';
import { App } from '../../workbench/app';
import { createWorkbench } from '../../workbench/state/workbench';
import { extensionStorage, workbenchStorage } from '../../workbench/state/workbench-settings';
import { createAnalysisRunner } from '../../workbench/worker/analysis-runner';
import './style.css';

/**
 * The workbench: the extension's full-page app. It runs on the extension's origin, so it opens the
 * customer database itself and runs the analytics in its own Web Worker; it needs no messages to
 * the background.
 */
async function repository() {
  const repo = await openRepository();
  // The demo build fills an empty database, so every view has something to show.
  if (import.meta.env.CORDIAL_DEMO) {
    const { seedDemoData } = await import('../../data/demo-seed');
    await seedDemoData(repo);
  }
  return repo;
}

const opened = repository();
const workbench = createWorkbench({
  repository: () => opened,
  runner: createAnalysisRunner(),
  storage: workbenchStorage(extensionStorage),
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
});

render(<App workbench={workbench} />, document.getElementById('app') as HTMLElement);
void workbench.load();

// Other contexts' changes (a sidebar action, a feed import) reload the page's data. Subscribed after
// the demo seed so the page does not hear its own seed's announcement and load twice.
const controller = new AbortController();
void opened.then(() => onDataChanged(() => void workbench.load(), controller.signal));
addEventListener('pagehide', () => controller.abort(), { once: true });
