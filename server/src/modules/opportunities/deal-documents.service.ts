import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { recordChildChange } from './child-records.js';
import { deleteDocumentRow, documentRow, documentsOf, insertDocument, type DocumentRow } from './opportunities.repository.js';
import { opportunityForUpdate, opportunityStore } from './opportunities.service.js';

export interface DealDocument {
  id: string;
  opportunityId: string;
  name: string;
  /** What it is (tender, final_proposal, quote…): stage gates require documents by kind or name. */
  kind: string | null;
  url: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toDocument = (r: DocumentRow): DealDocument => ({
  id: r.id,
  opportunityId: r.opportunityId,
  name: r.name,
  kind: r.kind,
  url: r.url,
  createdById: r.createdById,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export async function listDocuments(ctx: RequestContext, opportunityId: string): Promise<DealDocument[]> {
  await opportunityStore.get(ctx, opportunityId);
  return (await documentsOf(ctx, opportunityId)).map(toDocument);
}

/** Attaches a document record (its file lives where `url` points) to a deal, open or closed. */
export function addDocument(
  ctx: RequestContext,
  opportunityId: string,
  input: { name: string; kind?: string | null; url?: string | null },
): Promise<DealDocument> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const row = await insertDocument(ctx, {
      id: uuidv7(),
      opportunityId,
      name: input.name.trim(),
      kind: trimmedOrNull(input.kind) ?? null,
      url: trimmedOrNull(input.url) ?? null,
      createdById: ctx.actor.userId,
    });
    const document = toDocument(row);
    await recordChildChange(ctx, 'opportunity_documents', 'created', document.id, null, document as never);
    return document;
  });
}

export function removeDocument(ctx: RequestContext, opportunityId: string, id: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const row = await documentRow(ctx, opportunityId, id);
    if (!row) throw notFound();
    await deleteDocumentRow(ctx, id);
    await recordChildChange(ctx, 'opportunity_documents', 'deleted', id, toDocument(row) as never, null);
  });
}
