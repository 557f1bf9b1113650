import type { RequestContext } from '../../platform/access/context.js';
import { RecordStore, type ApiRecord, type ListQuery, type Page, type ResourceDefinition } from '../../platform/records/record-store.js';

interface SeededDefinition<T extends ApiRecord> extends ResourceDefinition<T> {
  /** Creates the tenant's defaults when missing. Passed in: it is built on the stores made from this class. */
  seed: (ctx: RequestContext) => Promise<void>;
}

/**
 * A record store whose list first makes sure the tenant has its deal-process defaults (the
 * two process templates, the loss reasons): a tenant's first look at them creates them.
 */
export class SeededStore<T extends ApiRecord> extends RecordStore<T> {
  constructor(private readonly seeded: SeededDefinition<T>) {
    super(seeded);
  }

  override async list(ctx: RequestContext, query: ListQuery): Promise<Page<T>> {
    await this.seeded.seed(ctx);
    return super.list(ctx, query);
  }
}
