import { normalizeListParams, type ListParams } from './list-params';
import type { ResourceName } from './resources';

/**
 * Every react-query key of the app, built here so that invalidation by prefix is reliable:
 * `[resource]` covers all lists and records of a resource.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  all: (resource: ResourceName) => [resource] as const,
  lists: (resource: ResourceName) => [resource, 'list'] as const,
  list: (resource: ResourceName, params: ListParams) => [resource, 'list', normalizeListParams(params)] as const,
  detail: (resource: ResourceName, id: string) => [resource, 'detail', id] as const,
  accountTimeline: (accountId: string) => ['accounts', 'detail', accountId, 'timeline'] as const,
  webhookDeliveries: (webhookId: string) => ['webhooks', 'detail', webhookId, 'deliveries'] as const,
  auditList: (recordId: string) => ['audit', 'list', { recordId }] as const,
  searchAll: () => ['search'] as const,
  search: (q: string) => ['search', q] as const,
};
