import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { leadStore, refuseConverted } from './leads.service.js';

/** Deletes a lead; a converted lead stays (it is the attribution record of what it became). */
export function removeLead(ctx: RequestContext, id: string, version?: number): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    refuseConverted(await leadStore.get(ctx, id));
    await leadStore.remove(ctx, id, version);
  });
}
