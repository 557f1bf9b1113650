import { Type } from 'typebox';
import { levelFor, type ObjectName } from '../access/permissions.js';
import { ErrorResponse, Uuid } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { recordTypes } from '../records/record-registry.js';

const PER_TYPE = 8;

/** One search box over every record type the caller may read, through each type's store. */
export function registerSearchRoutes(app: App) {
  app.get('/api/v1/search', {
    schema: {
      tags: ['Search'],
      summary: 'Search records of every type you can read',
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: {
        200: Type.Object({
          data: Type.Array(Type.Object({ object: Type.String(), id: Uuid, title: Type.String(), subtitle: Type.Optional(Type.String()) })),
        }),
        400: ErrorResponse,
      },
    },
  }, async (request) => {
    const readable = recordTypes().filter(([object]) => levelFor(request.ctx.permissions, object as ObjectName, 'read') !== 'none');
    const pages = await Promise.all(
      readable.map(async ([object, type]) => {
        const page = await type.store.list(request.ctx, { q: request.query.q, limit: PER_TYPE });
        return page.data.map((record) => ({ object, id: record.id, ...type.describe(record) }));
      }),
    );
    return { data: pages.flat() };
  });
}
