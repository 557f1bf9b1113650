/**
 * Event patterns offered when subscribing a webhook. Events are named `<object>.<verb>`;
 * `accounts.*` takes every event of accounts and `*` everything. Other patterns can be typed in.
 */
export const WEBHOOK_EVENTS: readonly string[] = [
  '*',
  'accounts.*',
  'accounts.created',
  'accounts.updated',
  'accounts.deleted',
  'contacts.*',
  'contacts.created',
  'contacts.updated',
  'contacts.deleted',
  'activities.*',
  'activities.created',
  'activities.updated',
  'notes.created',
  'leads.*',
  'leads.created',
  'leads.updated',
  'leads.scored',
  'leads.assigned',
  'leads.converted',
  'leads.merged',
  'campaigns.*',
  'campaigns.response_received',
  'opportunities.*',
  'opportunities.created',
  'opportunities.stage_changed',
  'opportunities.won',
  'opportunities.lost',
  'opportunities.reopened',
  'imports.completed',
  'quotes.*',
  'orders.*',
];

const PATTERN = /^(\*|[a-z0-9_-]+)(\.(\*|[a-z0-9_-]+))*$/;

/** Whether a typed event pattern has the form the server accepts. */
export function isEventPattern(text: string): boolean {
  return text.length <= 200 && PATTERN.test(text);
}
