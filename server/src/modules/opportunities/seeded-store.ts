import type { RequestContext } from '../../platform/access/context.js';
import { RecordStore, type ApiRecord, type ListQuery, type Page } from '../../platform/records/record-store.js';
import { ensureDealSetup } from './deal-settings.service.js';

/**
 * A record store whose list first makes sure the tenant has its deal-process defaults (the
 * two process templates, the loss reasons): a tenant's first look at them creates them.
 */
export class SeededStore<T extends ApiRecord> extends RecordStore<T> {
  override async list(ctx: RequestContext, query: ListQuery): Promise<Page<T>> {
    await ensureDealSetup(ctx);
    return super.list(ctx, query);
  }
}
