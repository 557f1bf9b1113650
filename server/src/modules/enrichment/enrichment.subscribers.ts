import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { enrichAccount, enrichLead } from './enrichment.service.js';

const ACTOR = 'registry enrichment';

/** A new lead gets its company background from the registry, in fields nobody typed. */
subscribe('enrichment.lead-created', 'leads.created', async (event, { db }) => {
  if (event.recordId) await enrichLead(systemContext(db, event.tenantId, ACTOR), event.recordId, { quiet: true }).catch(ignoreGone);
});

/** A new account too, in its empty fields. */
subscribe('enrichment.account-created', 'accounts.created', async (event, { db }) => {
  if (event.recordId) await enrichAccount(systemContext(db, event.tenantId, ACTOR), event.recordId).catch(ignoreGone);
});

/** A record deleted (or merged away) before its job ran has nothing left to enrich. */
function ignoreGone(err: unknown) {
  if ((err as { status?: number }).status === 404) return;
  throw err;
}
