import { Type } from 'typebox';
import { levelFor } from '../../platform/access/permissions.js';
import { forbidden } from '../../platform/http/errors.js';
import { ErrorResponse, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { enqueueRebuild } from './dedup.jobs.js';
import { listDuplicates, recordDuplicates } from './duplicate-candidates.service.js';
import { REASON_CODES } from './index.js';
import { mergeRecords } from './merge.service.js';
import { DEDUP_OBJECTS, type DedupObject } from './party-of-record.js';

const tags = ['Duplicates'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const ObjectName = literals(DEDUP_OBJECTS);
const Level = literals(['exact', 'strong', 'possible'] as const);
const AnyRecord = Type.Object({}, { additionalProperties: true, description: 'The record as its own endpoint returns it' });

const Reason = Type.Object({
  code: Type.String({ description: `One of: ${REASON_CODES.join(', ')}` }),
  weight: Type.Number({ description: 'Evidence in bits: positive for "same", negative for "different"' }),
  detail: Type.String(),
});
const Member = {
  object: ObjectName,
  id: Uuid,
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  record: AnyRecord,
};
const Pair = Type.Object({ recordIds: Type.Array(Uuid), score: Type.Number(), level: Level, reasons: Type.Array(Reason) });
const Group = Type.Object({ key: Type.String(), level: Level, members: Type.Array(Type.Object(Member)), pairs: Type.Array(Pair) });
const Candidate = Type.Object({ ...Member, score: Type.Number(), level: Level, reasons: Type.Array(Reason) });

const MergeBody = Type.Object(
  {
    object: ObjectName,
    survivorId: Uuid,
    mergedIds: Type.Array(Uuid, { minItems: 1, maxItems: 10 }),
    fields: Type.Optional(Type.Record(Type.String(), Uuid, {
      description: 'Field → id of the record (survivor or merged) whose value the survivor takes. A field left out keeps the survivor’s value, or the first merged value when the survivor has none.',
    })),
    versions: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 1 }), {
      description: 'Record id → the version shown to the person; a record changed since is refused with 409 VERSION_CONFLICT.',
    })),
  },
  { additionalProperties: false },
);

/** Duplicate detection and merge (M2L-3): `GET /duplicates`, `GET /<object>/{id}/duplicates`, `POST /merges`. */
export function registerDedupRoutes(app: App) {
  app.get('/api/v1/duplicates', {
    schema: {
      tags,
      summary: 'Duplicate groups among the records you can see',
      description:
        'Groups are connected components of strong and exact pairs (A = B and B = C: one group); with minLevel=possible, ' +
        'possible pairs follow as groups of two. Every pair carries its score and reasons.',
      querystring: Type.Object({
        object: ObjectName,
        minLevel: Type.Optional(Level),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: {
        200: Type.Object({
          object: ObjectName,
          groups: Type.Array(Group),
          possible: Type.Array(Group),
          truncated: Type.Boolean(),
          indexPending: Type.Boolean(),
        }),
        ...errors,
      },
    },
  }, async (request) => listDuplicates(request.ctx, request.query.object, request.query));

  app.post('/api/v1/duplicates/rebuild', {
    schema: {
      tags,
      summary: 'Rebuild the duplicate index (administrators)',
      body: Type.Object({ object: Type.Optional(ObjectName) }, { additionalProperties: false }),
      response: { 202: Type.Object({ jobId: Nullable(Uuid) }), ...errors },
    },
  }, async (request, reply) => {
    const objects = request.body?.object ? [request.body.object] : DEDUP_OBJECTS;
    for (const object of objects) if (levelFor(request.ctx.permissions, object, 'update') !== 'all') throw forbidden(object, 'update');
    return reply.status(202).send({ jobId: await enqueueRebuild(request.ctx, request.body?.object) });
  });

  for (const object of DEDUP_OBJECTS) {
    app.get(`/api/v1/${object}/:id/duplicates`, {
      schema: {
        tags,
        summary: `Records that may be the same as this one of ${object}`,
        description: object === 'leads' ? 'Other leads, and the contacts and accounts the lead may already be.' : undefined,
        params: IdParams,
        querystring: Type.Object({ minLevel: Type.Optional(Level) }),
        response: { 200: Type.Object({ data: Type.Array(Candidate) }), ...errors },
      },
    }, async (request) => ({ data: await recordDuplicates(request.ctx, object as DedupObject, request.params.id, request.query) }));
  }

  app.post('/api/v1/merges', {
    schema: {
      tags,
      summary: 'Merge duplicates into one record',
      description:
        'In one transaction: the survivor takes the chosen values, related records (activities, notes, campaign touches, ' +
        'status history, campaign memberships, deals…) move to it, the merged records are deleted, and the audit log records ' +
        'the update, the deletions and a `merge` entry. Publishes `<object>.merged`.',
      body: MergeBody,
      response: {
        200: Type.Object({
          object: ObjectName,
          survivor: AnyRecord,
          mergedIds: Type.Array(Uuid),
          fields: Type.Record(Type.String(), Uuid),
          moved: Type.Record(Type.String(), Type.Array(Uuid)),
        }),
        ...errors,
      },
    },
  }, async (request) => mergeRecords(request.ctx, request.body));
}
