import { Type } from 'typebox';
import { requireLevel } from '../access/visibility.js';
import { ErrorResponse, Nullable, Uuid } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { listAudit, verifyAuditChain } from './audit.service.js';
import { executor } from '../access/context.js';

const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorKind: Type.String(),
  actorId: Nullable(Uuid),
  actorName: Type.String(),
  apiKeyId: Nullable(Uuid),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  action: Type.String(),
  object: Type.String(),
  recordId: Uuid,
  changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
  hash: Type.String(),
});

const tags = ['Audit'];

export function registerAuditRoutes(app: App) {
  app.get('/api/v1/audit', {
    schema: {
      tags,
      summary: 'The audit log, newest first',
      querystring: Type.Object({
        recordId: Type.Optional(Uuid),
        object: Type.Optional(Type.String()),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        cursor: Type.Optional(Type.String({ pattern: '^\\d+$' })),
      }),
      response: { 200: Type.Object({ data: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) }), 403: ErrorResponse },
    },
  }, async (request) => {
    requireLevel(request.ctx, 'audit', 'read');
    const { recordId, object, limit = 50, cursor } = request.query;
    const rows = await listAudit(request.ctx, {
      recordIds: recordId ? [recordId] : undefined,
      object,
      beforeSeq: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      data: page.map((r) => ({ ...r, at: r.at.toISOString() })),
      nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null,
    };
  });

  app.post('/api/v1/audit/verify', {
    schema: {
      tags,
      summary: "Verify the tenant's audit hash chain; reports the first broken entry",
      response: {
        200: Type.Object({
          ok: Type.Boolean(),
          checked: Type.Integer(),
          firstBrokenId: Type.Optional(Type.String()),
          firstBrokenSeq: Type.Optional(Type.Integer()),
          reason: Type.Optional(Type.String()),
        }),
        403: ErrorResponse,
      },
    },
  }, async (request) => {
    requireLevel(request.ctx, 'audit', 'read');
    const report = await verifyAuditChain(executor(request.ctx), request.ctx.tenantId);
    return report.ok ? report : { ...report, firstBrokenId: String(report.firstBrokenSeq) };
  });
}
