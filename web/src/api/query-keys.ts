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
  campaignSummary: (campaignId: string) => ['campaigns', 'detail', campaignId, 'summary'] as const,
  publicForm: (formKey: string) => ['public-form', formKey] as const,
  scoringRules: () => ['scoring-rules'] as const,
  scoringSettings: () => ['scoring-settings'] as const,
  /** Under the lead's detail key, so refreshing a lead refreshes its score explanation. */
  leadScore: (leadId: string) => ['leads', 'detail', leadId, 'score'] as const,
  leadHistory: (leadId: string) => ['leads', 'detail', leadId, 'history'] as const,
  /** Under the lead's detail key, so refreshing a lead refreshes its predicted-score explanation. */
  leadPredictedScore: (leadId: string) => ['leads', 'detail', leadId, 'predicted-score'] as const,
  predictiveModels: () => ['predictive-models'] as const,
  /** Under `leads`, so any lead change refreshes the inbox, the routing queue and the funnel. */
  leadInbox: () => ['leads', 'inbox'] as const,
  routingQueue: (q: string) => ['leads', 'routing-queue', q] as const,
  routingPreview: () => ['leads', 'routing-preview'] as const,
  leadFunnel: (params: object) => ['leads', 'funnel', params] as const,
  assignmentRules: () => ['assignment-rules'] as const,
  assignmentMembers: (teamId: string) => ['assignment-rules', 'members', teamId] as const,
  assignmentSettings: () => ['assignment-rules', 'settings'] as const,
  /** Duplicates of an object; any lead, account or contact change refreshes them through `invalidateDuplicates`. */
  duplicatesAll: () => ['duplicates'] as const,
  duplicates: (object: string, minLevel: string) => ['duplicates', object, minLevel] as const,
  recordDuplicates: (object: string, id: string) => ['duplicates', object, 'record', id] as const,
  registryAll: () => ['registry'] as const,
  registrySummary: () => ['registry', 'summary'] as const,
  registryList: (params: object) => ['registry', 'list', params] as const,
  /** Under the deal's detail key, so refreshing a deal refreshes its battle map, and a battle-map change refreshes the deal (gates). */
  battleMap: (opportunityId: string) => ['opportunities', 'detail', opportunityId, 'battle-map'] as const,
  battleMapGaps: (opportunityId: string) => ['opportunities', 'detail', opportunityId, 'battle-map', 'gaps'] as const,
  attitudeHistory: (opportunityId: string, stakeholderId: string) =>
    ['opportunities', 'detail', opportunityId, 'battle-map', 'attitude', stakeholderId] as const,
  processTemplates: () => ['sales-processes', 'templates'] as const,
  dealSettings: () => ['opportunity-settings'] as const,
  /** Under the deal's detail key, so refreshing a deal refreshes its gate, history and documents. */
  dealGate: (id: string) => ['opportunities', 'detail', id, 'gate'] as const,
  dealHistory: (id: string) => ['opportunities', 'detail', id, 'history'] as const,
  dealDocuments: (id: string) => ['opportunities', 'detail', id, 'documents'] as const,
  /** Under `opportunities`, so any deal change refreshes the totals and the board. */
  dealTotals: (params: object) => ['opportunities', 'totals', params] as const,
  pipelineBoard: (processId: string, params: object) => ['opportunities', 'board', processId, params] as const,
  /** Every analytics figure lives under `analytics`: an adjustment or a quota change refreshes them all. */
  analyticsAll: () => ['analytics'] as const,
  analytics: (endpoint: string, params: object) => ['analytics', endpoint, params] as const,
  searchAll: () => ['search'] as const,
  search: (q: string) => ['search', q] as const,
};
