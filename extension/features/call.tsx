import { TouchpointPurposeSchema } from '@cordial/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KnownContactView } from '../data/contact-view';
import {
  type CallSubject,
  chooseScript,
  fillScript,
  isOpenComplaint,
  type ScriptFields,
  SITUATION_PURPOSE,
  SITUATIONS,
  type Situation,
} from '../shared/call-scripts';
import { SelectField, Status, TextField, useActionForm } from '../ui/form';
import { clock, displayName } from '../ui/format';
import { defineSidebarFeature, type FeatureProps } from './define-sidebar-feature';

/** What the script knows about this contact: the stored contact and the background's value signals. */
function subjectOf(view: KnownContactView): CallSubject {
  const signals = view.value?.signals;
  return {
    name: displayName(view.contact),
    company: view.contact.company ?? view.account?.name ?? '',
    stage: view.contact.lifecycleStage,
    segment: signals?.rfm?.segment,
    orders: signals?.rfm?.orders ?? view.orderCount,
    risk: signals?.churn?.tier,
    riskReason: signals?.churn?.reason ?? '',
  };
}

/**
 * The rep's name and company for the scripts, set in the workbench (Data → Settings). Read
 * with the workbench's own settings module, loaded only once a call starts: the sidebar
 * does not carry the workbench's settings code for a call that may never happen.
 */
function useScriptFields(inCall: boolean): ScriptFields {
  const [fields, setFields] = useState<ScriptFields>({ rep: '', ourCompany: '' });
  useEffect(() => {
    if (!inCall) return;
    let live = true;
    void import('../workbench/state/workbench-settings')
      .then(({ extensionStorage, workbenchStorage }) => workbenchStorage(extensionStorage).settings.load())
      .then((settings) => live && setFields({ rep: settings.repName, ourCompany: settings.ourCompany }));
    return () => {
      live = false;
    };
  }, [inCall]);
  return fields;
}

function useSecondsSince(startedAt: string): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (now - Date.parse(startedAt)) / 1000;
}

function Timer({ startedAt }: { startedAt: string }) {
  const seconds = useSecondsSince(startedAt);
  // role=timer is not announced on every tick (its live region is off); its label says what it counts.
  return (
    <p class="call-timer">
      <span id="call-timer-label">Call time</span>{' '}
      <strong role="timer" aria-labelledby="call-timer-label">
        {clock(seconds)}
      </strong>
    </p>
  );
}

/**
 * A phone call with this contact: the script for their situation (an open complaint, at
 * risk, loyal…) with their fields filled in, a running timer, and on finishing the call
 * logged as a phone touchpoint with its purpose, outcome and duration. The call is a
 * persisted draft: closing the sidebar mid-call keeps its start time and the notes typed.
 */
function Call({ view, model }: FeatureProps) {
  const contactId = view.contact.id;
  const complaint = view.openCases.find(isOpenComplaint);
  const chosen = chooseScript(subjectOf(view), complaint);
  const form = useActionForm(
    `${contactId}:call`,
    { startedAt: '', situation: '', purpose: '', outcome: '' },
    (values) => {
      const situation = (values.situation || chosen.situation) as Situation;
      const input = {
        startedAt: values.startedAt,
        purpose: values.purpose || SITUATION_PURPOSE[situation],
        outcome: values.outcome,
        script: fillScript(situation, subjectOf(view), fields, '').title,
      };
      return model.act(view.email, { op: 'call:log', contactId, input });
    },
    'Call logged.',
  );
  const inCall = form.values.startedAt !== '';
  const fields = useScriptFields(inCall);
  const heading = useRef<HTMLHeadingElement>(null);
  const situation = (form.values.situation || chosen.situation) as Situation;
  const script = fillScript(
    situation,
    subjectOf(view),
    { ...fields, ...(complaint ? { caseSubject: complaint.subject } : {}) },
    form.values.situation ? 'chosen by you' : chosen.because,
  );

  const start = () => {
    form.set('startedAt', new Date().toISOString());
    // The Start button is gone once the call runs: the script's heading takes the focus, so it is read next.
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section aria-labelledby={`call-${contactId}`} class="call">
      <h3 id={`call-${contactId}`} ref={heading} tabIndex={-1}>
        {inCall ? `Call: ${script.title}` : 'Phone call'}
      </h3>
      {!inCall ? (
        <>
          <p class="meta">{`Script: ${script.title} (${script.because})`}</p>
          <button type="button" onClick={start}>
            Start call
          </button>
        </>
      ) : (
        <form onSubmit={form.onSubmit}>
          <Timer startedAt={form.values.startedAt} />
          <p class="meta">{`Why this script: ${script.because}`}</p>
          <SelectField
            form={form}
            name="situation"
            label="Situation"
            options={[['', `${chosen.situation} (suggested)`], ...SITUATIONS.map((s) => [s, s] as const)]}
          />
          <ol class="script" aria-label="Script">
            {script.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {!fields.rep && (
            <p class="meta">Add your name and company in the workbench (Data → Settings) to have them in the script.</p>
          )}
          <SelectField
            form={form}
            name="purpose"
            label="Purpose"
            options={[['', `${SITUATION_PURPOSE[situation]} (suggested)`], ...TouchpointPurposeSchema.options]}
          />
          <TextField form={form} name="outcome" label="Outcome" rows={2} placeholder="e.g. agreed on a trial" />
          <div class="buttons">
            <button type="submit" disabled={form.busy}>
              End call and log it
            </button>{' '}
            <button type="button" class="link" onClick={() => form.clear()}>
              Cancel call
            </button>
          </div>
        </form>
      )}
      <Status status={form.status} />
    </section>
  );
}

export default defineSidebarFeature('call', {
  render: (props) => <Call {...props} />,
});

// Checked against: tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZkickoff, tests/fixtures/gmail/inbox.html#inbox/FMfcgzQZrenewal
