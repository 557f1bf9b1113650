import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import './first-response-sla.js';
import { autoAssignPromoted } from './lead-routing.service.js';

/** A lead became an MQL (by score or by hand): route it to a rep, unless someone already did. */
subscribe('assignment.auto-assign', 'leads.promote', async (event, { db }) => {
  // An import's leads are routed by the import, with their promotion (imports' imported-leads job).
  if (!event.recordId || (event.payload as { importId?: string } | null)?.importId) return;
  await autoAssignPromoted(systemContext(db, event.tenantId, 'lead assignment'), event.recordId, event.occurredAt);
});
