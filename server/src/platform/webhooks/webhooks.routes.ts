import { Type } from 'typebox';
import { expectedVersion, registerResourceRoutes } from '../http/resource-routes.js';
import { ErrorResponse, IdParams, Nullable, pageOf, RecordBase, Timestamp, Uuid, VersionField } from '../http/schemas.js';
import type { App } from '../http/types.js';
import {
  createWebhook, listDeliveries, rotateWebhookSecret, updateWebhook, webhookStore, type WebhookInput,
} from './webhooks.service.js';

const Pattern = Type.String({
  pattern: '^(\\*|[a-z0-9_-]+)(\\.(\\*|[a-z0-9_-]+))*$',
  maxLength: 200,
  examples: ['accounts.created', 'contacts.*', '*'],
});

const Webhook = Type.Object({
  ...RecordBase,
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  description: Nullable(Type.String()),
  secretHint: Type.String({ description: 'The last characters of the signing secret' }),
  createdBy: Nullable(Uuid),
});

const WithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'Signing secret (whsec_…): shown once, keep it on the receiver' }),
});

const fields = {
  url: Type.String({ format: 'uri', maxLength: 2000 }),
  events: Type.Array(Pattern, { minItems: 1, maxItems: 50 }),
  active: Type.Optional(Type.Boolean()),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

const Delivery = Type.Object({
  id: Uuid,
  webhookId: Uuid,
  eventId: Uuid,
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('retrying'), Type.Literal('succeeded'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  responseSnippet: Nullable(Type.String()),
  nextAttemptAt: Nullable(Timestamp),
  createdAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
});

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['Webhooks'];

/**
 * Receivers get `POST { id, type, occurredAt, tenantId, data }` with the headers x-l2c-event,
 * x-l2c-delivery and x-l2c-signature (`t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`).
 */
export function registerWebhookRoutes(app: App) {
  registerResourceRoutes(app, {
    path: '/api/v1/webhooks',
    tag: 'Webhooks',
    store: webhookStore,
    record: Webhook,
    create: Type.Object(fields, { additionalProperties: false }),
    created: WithSecret,
    update: Type.Object(
      {
        url: Type.Optional(fields.url),
        events: Type.Optional(fields.events),
        active: fields.active,
        description: fields.description,
        version: Type.Optional(VersionField),
      },
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createWebhook(ctx, body as unknown as WebhookInput),
    onUpdate: (ctx, id, patch, version) => updateWebhook(ctx, id, patch as Partial<WebhookInput>, version),
    remove: true,
  });

  app.post('/api/v1/webhooks/:id/rotate-secret', {
    schema: {
      tags,
      summary: 'Replace the signing secret; the new secret is returned once',
      params: IdParams,
      body: Type.Object({ version: Type.Optional(VersionField) }, { additionalProperties: false }),
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 200: WithSecret, 428: ErrorResponse, ...errors },
    },
  }, async (request) => {
    const version = expectedVersion(request.headers['if-match'], request.body?.version);
    return rotateWebhookSecret(request.ctx, request.params.id, version);
  });

  app.get('/api/v1/webhooks/:id/deliveries', {
    schema: {
      tags,
      summary: 'Delivery log of a webhook, newest first',
      params: IdParams,
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
      }),
      response: { 200: pageOf(Delivery), ...errors },
    },
  }, async (request) => listDeliveries(request.ctx, request.params.id, request.query));
}
