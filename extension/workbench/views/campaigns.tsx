import {
  CampaignResponseKindSchema,
  ChannelSchema,
  computeCampaignPerformance,
  type PurchaseHistory,
} from '@cordial/core';
import { useMemo, useState } from 'preact/hooks';
import { campaignFromForm, responseFromForm } from '../model/campaigns';
import { fieldErrors } from './form-errors';
import { type ViewProps, ViewTitle } from './parts';

const DAY = 86_400_000;
const today = (now: Date) => now.toISOString().slice(0, 10);

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <span class="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Define campaigns, send them to a saved audience, record responses, and see each campaign's metrics. */
export function CampaignsView({ workbench }: ViewProps) {
  const fmt = workbench.format.value;
  const now = workbench.now();
  const analysis = workbench.analysis.value;
  // Purchase histories come from the analysis (worker-side, one pass over the orders) rather than
  // a second pass over every order on the page; its first-order dates are whole days.
  const purchases = useMemo(() => {
    const map = new Map<string, PurchaseHistory>();
    if (analysis)
      analysis.contactIds.forEach((id, i) => {
        const first = analysis.firstDay[i] as number;
        if (first >= 0) map.set(id, { firstPurchaseAt: first * DAY, purchases: analysis.frequency[i] as number });
      });
    return map;
  }, [analysis]);
  const campaigns = workbench.campaigns.value;
  const metrics = useMemo(() => {
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    return computeCampaignPerformance({
      campaigns,
      campaignResponses: workbench.responses.value,
      purchases: (id) => purchases.get(id),
    }).flatMap((m) => {
      const campaign = byId.get(m.campaignId);
      return campaign ? [{ ...m, campaign }] : [];
    });
  }, [campaigns, workbench.responses.value, purchases]);
  const currency = workbench.currency.value;
  const revenue = (amounts: Record<string, number>) =>
    [
      fmt.money(amounts[currency] ?? 0),
      ...Object.entries(amounts)
        .filter(([c]) => c !== currency)
        .map(([c, amount]) => `${fmt.decimal(amount)} ${c}`),
    ].join(' + ');
  const [form, setForm] = useState({
    name: '',
    channel: 'email',
    audience: '',
    offer: '',
    startsAt: today(now),
    endsAt: today(new Date(now.getTime() + 30 * DAY)),
    budget: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const [resp, setResp] = useState({
    campaignId: '',
    contactId: '',
    response: 'responded',
    respondedAt: today(now),
    revenue: '',
  });
  const [respErrors, setRespErrors] = useState<Record<string, string>>({});

  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const campaign = campaignFromForm(
        {
          ...form,
          channel: form.channel as never,
          budget: form.budget === '' ? undefined : form.budget,
          currency: workbench.currency.value,
        },
        { id: workbench.newId(), at: now.toISOString() },
      );
      await workbench.putRecords('campaigns', [campaign]);
      setErrors({});
      setSaved(`Campaign “${campaign.name}” saved.`);
      setForm({ ...form, name: '', offer: '' });
    } catch (error) {
      setErrors(fieldErrors(error));
    }
  };

  const sendTo = async (campaignId: string, audienceName: string) => {
    const audience = workbench.audiences.value.find((a) => a.name === audienceName);
    if (!audience) return;
    const at = workbench.now().toISOString();
    const already = new Set(
      workbench.responses.value
        .filter((r) => r.campaignId === campaignId && r.response === 'sent')
        .map((r) => r.contactId),
    );
    const records = audience.contactIds
      .filter((id) => !already.has(id))
      .map((contactId) =>
        responseFromForm(campaignId, { contactId, response: 'sent', respondedAt: at }, workbench.currency.value, {
          id: workbench.newId(),
          at,
        }),
      );
    await workbench.putRecords('campaignResponses', records);
    setSaved(`Sent to ${records.length} people in “${audience.name}”.`);
  };

  const record = async (e: Event) => {
    e.preventDefault();
    try {
      if (!resp.campaignId) throw new Error('Choose the campaign.');
      const contact = workbench.contacts.value.find(
        (c) => c.id === resp.contactId || c.emails.includes(resp.contactId.trim().toLowerCase()),
      );
      const response = responseFromForm(
        resp.campaignId,
        {
          ...resp,
          contactId: contact?.id ?? '',
          response: resp.response as never,
          revenue: resp.revenue === '' ? undefined : resp.revenue,
        },
        workbench.currency.value,
        { id: workbench.newId(), at: workbench.now().toISOString() },
      );
      await workbench.putRecords('campaignResponses', [response]);
      setRespErrors({});
      setSaved('Response recorded.');
    } catch (error) {
      setRespErrors(fieldErrors(error));
    }
  };

  return (
    <>
      <ViewTitle>Campaigns</ViewTitle>
      {saved && (
        <p class="notice" role="status">
          {saved}
        </p>
      )}
      <table class="table" data-testid="campaign-metrics">
        <caption>Marketing metrics per campaign</caption>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Reached
            </th>
            <th scope="col" class="num">
              Responses
            </th>
            <th scope="col" class="num">
              Response rate
            </th>
            <th scope="col" class="num">
              Purchases
            </th>
            <th scope="col" class="num">
              Revenue
            </th>
            <th scope="col" class="num">
              New customers
            </th>
            <th scope="col" class="num">
              Of them retained
            </th>
            <th scope="col">Audience</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.campaign.id}>
              <th scope="row">{m.campaign.name}</th>
              <td>{m.campaign.channel}</td>
              <td>{m.campaign.status}</td>
              <td class="num">{fmt.integer(m.reached)}</td>
              <td class="num">{fmt.integer(m.responses)}</td>
              <td class="num">{fmt.percent(m.responseRate ?? undefined)}</td>
              <td class="num">{fmt.integer(m.purchases)}</td>
              <td class="num">{revenue(m.revenue)}</td>
              <td class="num">{fmt.integer(m.acquired)}</td>
              <td class="num">{fmt.percent(m.retentionRate ?? undefined)}</td>
              <td>
                {m.campaign.audience ?? '—'}
                {workbench.audiences.value.some((a) => a.name === m.campaign.audience) && (
                  <>
                    {' '}
                    <button type="button" onClick={() => sendTo(m.campaign.id, m.campaign.audience as string)}>
                      Send to audience
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="forms">
        <form onSubmit={create} aria-labelledby="new-campaign" noValidate>
          <h3 id="new-campaign">Define a campaign</h3>
          <Field id="c-name" label="Name" error={errors.name}>
            <input id="c-name" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </Field>
          <Field id="c-channel" label="Channel" error={errors.channel}>
            <select
              id="c-channel"
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.currentTarget.value })}
            >
              {ChannelSchema.options.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          <Field id="c-audience" label="Audience (a saved list, or in words)" error={errors.audience}>
            <input
              id="c-audience"
              list="audiences"
              value={form.audience}
              onInput={(e) => setForm({ ...form, audience: e.currentTarget.value })}
            />
            <datalist id="audiences">
              {workbench.audiences.value.map((a) => (
                <option key={a.id} value={a.name} />
              ))}
            </datalist>
          </Field>
          <Field id="c-offer" label="Offer" error={errors.offer}>
            <input
              id="c-offer"
              value={form.offer}
              onInput={(e) => setForm({ ...form, offer: e.currentTarget.value })}
            />
          </Field>
          <Field id="c-start" label="Starts" error={errors.startsAt}>
            <input
              id="c-start"
              type="date"
              value={form.startsAt}
              onInput={(e) => setForm({ ...form, startsAt: e.currentTarget.value })}
            />
          </Field>
          <Field id="c-end" label="Ends" error={errors.endsAt}>
            <input
              id="c-end"
              type="date"
              value={form.endsAt}
              onInput={(e) => setForm({ ...form, endsAt: e.currentTarget.value })}
            />
          </Field>
          <Field id="c-budget" label={`Budget (${workbench.currency.value})`} error={errors.budget}>
            <input
              id="c-budget"
              type="number"
              min={0}
              value={form.budget}
              onInput={(e) => setForm({ ...form, budget: e.currentTarget.value })}
            />
          </Field>
          {errors.form && (
            <p class="error" role="alert">
              {errors.form}
            </p>
          )}
          <button type="submit">Save campaign</button>
        </form>
        <form onSubmit={record} aria-labelledby="new-response" noValidate>
          <h3 id="new-response">Record a response</h3>
          <Field id="r-campaign" label="Campaign" error={respErrors.campaignId}>
            <select
              id="r-campaign"
              value={resp.campaignId}
              onChange={(e) => setResp({ ...resp, campaignId: e.currentTarget.value })}
            >
              <option value="">Choose…</option>
              {workbench.campaigns.value.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="r-contact" label="Contact email" error={respErrors.contactId}>
            <input
              id="r-contact"
              type="email"
              value={resp.contactId}
              onInput={(e) => setResp({ ...resp, contactId: e.currentTarget.value })}
            />
          </Field>
          <Field id="r-kind" label="Response" error={respErrors.response}>
            <select
              id="r-kind"
              value={resp.response}
              onChange={(e) => setResp({ ...resp, response: e.currentTarget.value })}
            >
              {CampaignResponseKindSchema.options.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </Field>
          <Field id="r-at" label="When" error={respErrors.respondedAt}>
            <input
              id="r-at"
              type="date"
              value={resp.respondedAt}
              onInput={(e) => setResp({ ...resp, respondedAt: e.currentTarget.value })}
            />
          </Field>
          <Field
            id="r-revenue"
            label={`Revenue (${workbench.currency.value}, purchases only)`}
            error={respErrors.revenue}
          >
            <input
              id="r-revenue"
              type="number"
              min={0}
              value={resp.revenue}
              onInput={(e) => setResp({ ...resp, revenue: e.currentTarget.value })}
            />
          </Field>
          {respErrors.form && (
            <p class="error" role="alert">
              {respErrors.form}
            </p>
          )}
          <button type="submit">Record response</button>
        </form>
      </div>
    </>
  );
}
