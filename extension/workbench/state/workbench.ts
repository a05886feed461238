import type {
  Account,
  Campaign,
  CampaignResponse,
  Case,
  Contact,
  Opportunity,
  Order,
  RecordMap,
  Repository,
  StoreName,
  Task,
  Touchpoint,
} from '@cordial/core';
import { computed, signal } from '@preact/signals';
import { type ActionContext, addTask, completeTask, moveOpportunity } from '../../data/actions';
import { createFormat } from '../format';
import { type Analysis, STAGES as LIFECYCLE_STAGES } from '../model/analyse';
import { buildCustomerRows, type CustomerRow, lastTouches, type SavedView } from '../model/customers';
import { type Audience, categoriesByContact } from '../model/list-builder';
import { AnalysisCancelled, type AnalysisRunner } from '../worker/analysis-runner';
import type { WorkbenchSettings, WorkbenchStorage } from './workbench-settings';
import { WorkbenchSettingsSchema } from './workbench-settings';

export interface WorkbenchDeps {
  repository: () => Promise<Repository>;
  runner: AnalysisRunner;
  storage: WorkbenchStorage;
  now: () => Date;
  newId: () => string;
}

/** Reads a whole store a page at a time, yielding to the page between pages so input stays responsive. */
export async function readAll<S extends StoreName>(repo: Repository, store: S): Promise<RecordMap[S][]> {
  const all: RecordMap[S][] = [];
  let after: string | undefined;
  do {
    const page = await repo.list(store, { limit: 2000, ...(after ? { after } : {}) });
    all.push(...page.records);
    after = page.next;
    await new Promise((resolve) => setTimeout(resolve));
  } while (after);
  return all;
}

export type Progress = { step: string; done: number } | null;

/**
 * The workbench's state: the records it shows, the analysis (computed in the worker), and the
 * rep's actions, which write through the repository port and then refresh what changed.
 */
export function createWorkbench(deps: WorkbenchDeps) {
  const contacts = signal<Contact[]>([]);
  const accounts = signal<Account[]>([]);
  const opportunities = signal<Opportunity[]>([]);
  const cases = signal<Case[]>([]);
  const tasks = signal<Task[]>([]);
  const campaigns = signal<Campaign[]>([]);
  const responses = signal<CampaignResponse[]>([]);
  const touchpoints = signal<Touchpoint[]>([]);
  const orders = signal<Order[]>([]);
  const analysis = signal<Analysis | null>(null);
  const progress = signal<Progress>(null);
  const status = signal<'loading' | 'ready'>('loading');
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const settings = signal<WorkbenchSettings>(WorkbenchSettingsSchema.parse({}));
  const views = signal<SavedView[]>([]);
  const audiences = signal<Audience[]>([]);

  const lastTouch = computed(() => lastTouches(touchpoints.value));
  const rows = computed<CustomerRow[]>(() => buildCustomerRows(contacts.value, analysis.value, lastTouch.value));
  const rowById = computed(() => new Map(rows.value.map((r) => [r.id, r])));
  const contactById = computed(() => new Map(contacts.value.map((c) => [c.id, c])));
  const categories = computed(() => categoriesByContact(orders.value));
  const currency = computed(() => settings.value.currency || analysis.value?.currency || 'EUR');
  const format = computed(() => createFormat(currency.value));
  const segmentOrder = computed(() => analysis.value?.segmentNames ?? settings.value.rules.map((r) => r.name));

  const ctx = async (): Promise<ActionContext> => ({ repo: await deps.repository(), now: deps.now, newId: deps.newId });

  async function reload<S extends StoreName>(store: S, target: { value: RecordMap[S][] }) {
    target.value = await readAll(await deps.repository(), store);
  }

  let runs = 0;
  let cancelCurrent = () => {};
  async function recompute(): Promise<void> {
    const repo = await deps.repository();
    const run = ++runs;
    // Progress arrives on comlink's proxy channel, which is not ordered with the result's channel:
    // a late report must not bring the bar back after the run has finished.
    let finished = false;
    let cancelled = false;
    cancelCurrent = () => {
      cancelled = true;
      deps.runner.cancel();
    };
    progress.value = { step: 'Reading orders', done: 0 };
    try {
      const facts = await repo.orderFacts();
      // Cancelled while the orders were being read: the worker never starts.
      if (cancelled) throw new AnalysisCancelled(false);
      analysis.value = await deps.runner.run(
        {
          orders: facts,
          asOf: deps.now().getTime(),
          rules: settings.value.rules,
          ...(settings.value.currency ? { currency: settings.value.currency } : {}),
        },
        (step, done) => {
          if (run === runs && !finished) progress.value = { step, done };
        },
      );
      error.value = null;
    } catch (e) {
      if (e instanceof AnalysisCancelled) {
        if (!e.superseded) notice.value = 'Analysis cancelled; the figures shown are from the last complete run.';
      } else error.value = `The analysis failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      finished = true;
      // A superseded run must not hide the progress of the run that replaced it.
      if (run === runs) progress.value = null;
    }
  }

  /** Reads everything and recomputes. Only the first load shows "Loading"; later ones swap data in place. */
  async function load(): Promise<void> {
    try {
      const [s, v, a] = await Promise.all([
        deps.storage.settings.load(),
        deps.storage.views.load(),
        deps.storage.audiences.load(),
      ]);
      settings.value = s;
      views.value = v;
      audiences.value = a;
      const repo = await deps.repository();
      contacts.value = await readAll(repo, 'contacts');
      accounts.value = await readAll(repo, 'accounts');
      opportunities.value = await readAll(repo, 'opportunities');
      cases.value = await readAll(repo, 'cases');
      tasks.value = await readAll(repo, 'tasks');
      campaigns.value = await readAll(repo, 'campaigns');
      responses.value = await readAll(repo, 'campaignResponses');
      touchpoints.value = await readAll(repo, 'touchpoints');
      status.value = 'ready';
      void readAll(repo, 'orders').then((list) => {
        orders.value = list;
      });
      await recompute();
    } catch (e) {
      error.value = `Could not read the customer data: ${e instanceof Error ? e.message : String(e)}`;
      status.value = 'ready';
    }
  }

  return {
    contacts,
    accounts,
    opportunities,
    cases,
    tasks,
    campaigns,
    responses,
    touchpoints,
    orders,
    analysis,
    progress,
    status,
    error,
    notice,
    settings,
    views,
    audiences,
    rows,
    rowById,
    contactById,
    categories,
    currency,
    format,
    segmentOrder,
    lifecycleStages: LIFECYCLE_STAGES,
    now: deps.now,
    load,
    recompute,
    cancel: () => cancelCurrent(),
    reloadAll: load,

    async addFollowUp(contactId: string, title: string, dueAt: string): Promise<Task> {
      const task = await addTask(await ctx(), contactId, { title, kind: 'call', dueAt });
      await reload('tasks', tasks);
      return task;
    },
    async completeTask(task: Task): Promise<void> {
      await completeTask(await ctx(), task);
      await reload('tasks', tasks);
    },
    async moveOpportunity(opportunity: Opportunity, stage: Opportunity['stage']): Promise<void> {
      // Show the move at once; the write follows, and a failure puts the card back with the reason.
      opportunities.value = opportunities.value.map((o) => (o.id === opportunity.id ? { ...o, stage } : o));
      try {
        await moveOpportunity(await ctx(), opportunity, stage);
      } catch (e) {
        error.value = `Could not move “${opportunity.name}”: ${e instanceof Error ? e.message : String(e)}`;
      }
      await reload('opportunities', opportunities);
    },
    async putRecords<S extends StoreName>(store: S, records: RecordMap[S][]): Promise<void> {
      const repo = await deps.repository();
      await repo.putMany(store, records);
      const target = { campaigns, campaignResponses: responses, tasks, contacts }[store as string];
      if (target) await reload(store, target as never);
    },
    async saveSettings(next: WorkbenchSettings): Promise<void> {
      await deps.storage.settings.save(next);
      const rerun =
        JSON.stringify(next.rules) !== JSON.stringify(settings.value.rules) ||
        next.currency !== settings.value.currency;
      settings.value = next;
      if (rerun) await recompute();
    },
    async saveViews(next: SavedView[]): Promise<void> {
      await deps.storage.views.save(next);
      views.value = next;
    },
    async saveAudiences(next: Audience[]): Promise<void> {
      await deps.storage.audiences.save(next);
      audiences.value = next;
    },
    newId: deps.newId,
    repository: deps.repository,
  };
}
export type Workbench = ReturnType<typeof createWorkbench>;
