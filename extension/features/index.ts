// The sections of the 360-degree view, in display order: one import per feature file.
import call from './call';
import campaignResponses from './campaign-responses';
import cases from './cases';
import contactSummary from './contact-summary';
import logThread from './log-thread';
import notes from './notes';
import opportunities from './opportunities';
import orders from './orders';
import tasks from './tasks';
import timeline from './timeline';
import valueSignals from './value-signals';

export const features = [
  contactSummary,
  valueSignals,
  logThread,
  call,
  tasks,
  opportunities,
  cases,
  orders,
  notes,
  timeline,
  campaignResponses,
];
