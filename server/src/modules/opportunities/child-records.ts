import type { RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { publishEvent } from '../../platform/events/publish.js';
import { diffRecords } from '../../platform/records/diff.js';

type Row = Record<string, unknown>;

/**
 * The bookkeeping a deal's child records (stakeholders, actions, documents) get like any
 * record: a field-level audit entry and a `<object>.<verb>` event, in the caller's transaction.
 */
export async function recordChildChange(
  ctx: RequestContext,
  object: string,
  verb: 'created' | 'updated' | 'deleted',
  id: string,
  before: Row | null,
  after: Row | null,
): Promise<void> {
  const changes = diffRecords(before, after);
  if (verb === 'updated' && Object.keys(changes).length === 0) return;
  const action = verb === 'created' ? 'create' : verb === 'updated' ? 'update' : 'delete';
  await appendAudit(ctx, { action, object, recordId: id, changes });
  await publishEvent(ctx, { type: `${object}.${verb}`, object, recordId: id, payload: { record: after ?? before, changes } });
}
