import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe, subscribeBatch } from '../../platform/events/subscribers.js';
import { enrichAccount, enrichLeads } from './enrichment.service.js';

const ACTOR = 'registry enrichment';

/**
 * New leads get their company background from the registry, in fields nobody typed: a batch of
 * them (an import's) at once. Leads deleted (or merged away) before the job ran are left out.
 */
subscribeBatch('enrichment.lead-created', 'leads.created', async (events, { db }) => {
  const ids = events.flatMap((event) => event.recordId ?? []);
  if (ids.length > 0) await enrichLeads(systemContext(db, events[0].tenantId, ACTOR), ids, { quiet: true });
});

/** A new account too, in its empty fields. */
subscribe('enrichment.account-created', 'accounts.created', async (event, { db }) => {
  if (event.recordId) await enrichAccount(systemContext(db, event.tenantId, ACTOR), event.recordId).catch(ignoreGone);
});

/** An account deleted (or merged away) before its job ran has nothing left to enrich. */
function ignoreGone(err: unknown) {
  if ((err as { status?: number }).status === 404) return;
  throw err;
}
