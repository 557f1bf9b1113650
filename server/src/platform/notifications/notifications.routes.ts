import { Type } from 'typebox';
import { ErrorResponse, IdParams, Nullable, Uuid } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

const tags = ['Notifications'];
const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String({ description: "In the caller's language" }),
  object: Nullable(Type.String()),
  recordId: Nullable(Uuid),
  params: Type.Object({}, { additionalProperties: true }),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

/** The signed-in person's in-app notifications: `GET /notifications`, mark one or all read. */
export function registerNotificationRoutes(app: App) {
  app.get('/api/v1/notifications', {
    schema: {
      tags,
      summary: 'My notifications, newest first, with the number unread',
      querystring: Type.Object({
        unread: Type.Optional(Type.Boolean()),
        before: Type.Optional(Type.String({ format: 'date-time' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      }),
      response: { 200: Type.Object({ data: Type.Array(Notification), unreadCount: Type.Integer() }), 401: ErrorResponse },
    },
  }, async (request) => listNotifications(request.ctx, request.query));

  app.post('/api/v1/notifications/:id/read', {
    schema: { tags, summary: 'Mark one notification read', params: IdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (request, reply) => {
    await markNotificationsRead(request.ctx, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/notifications/read-all', {
    schema: { tags, summary: 'Mark all my notifications read', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await markNotificationsRead(request.ctx);
    return reply.status(204).send(null);
  });
}
