import { AppError, fieldError } from '../../platform/http/errors.js';
import { getVisibleRecord } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { notes } from './customers.schema.js';

export interface Note extends ApiRecord {
  object: string;
  recordId: string;
  body: string;
  ownerId: string;
  ownerName?: string | null;
}

export const noteStore = new RecordStore<Note>({
  object: 'notes',
  table: notes,
  ownerColumn: notes.ownerId,
  sortable: { createdAt: notes.createdAt },
  defaultSort: '-createdAt',
  filters: { object: notes.object, recordId: notes.recordId, ownerId: notes.ownerId },
  searchColumns: [notes.body],
  toApi: (r) => ({
    object: r.object as string,
    recordId: r.recordId as string,
    body: r.body as string,
    ownerId: r.ownerId as string,
  }),
  toColumns: ({ object, recordId, body, ownerId }) => ({ object, recordId, ownerId, body: typeof body === 'string' ? body.trim() : body }),
  async validate(ctx, next, existing) {
    if (!next.body) throw fieldError('body', 'FIELD_REQUIRED');
    if (existing) return;
    // A note may only be put on a record the author can see.
    const target = await getVisibleRecord(ctx, next.object as string, next.recordId as string).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!target) throw fieldError('recordId', 'REFERENCE_NOT_FOUND', { field: 'recordId' });
  },
});
