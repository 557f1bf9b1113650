import { request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import type {
  Account,
  AccountInput,
  Activity,
  ActivityInput,
  ApiKey,
  AuditEntry,
  AuditVerifyResult,
  Campaign,
  CampaignAction,
  CampaignCost,
  CampaignCostInput,
  CampaignInput,
  CampaignMember,
  CampaignMemberInput,
  CampaignSummary,
  Contact,
  ContactInput,
  CreatedApiKey,
  Locale,
  Me,
  Note,
  NoteInput,
  Page,
  PublicForm,
  ResponseResult,
  ResponseSubmission,
  Role,
  RoleInput,
  SearchHit,
  SignUpInput,
  Team,
  TeamInput,
  TimelinePage,
  User,
  UserInput,
  Webhook,
  WebhookDelivery,
  WebhookInput,
} from './types';

export type ResourceName =
  | 'accounts'
  | 'contacts'
  | 'activities'
  | 'notes'
  | 'users'
  | 'teams'
  | 'roles'
  | 'api-keys'
  | 'webhooks'
  | 'audit'
  | 'leads'
  // File imports (calls in api/imports.ts).
  | 'imports'
  | 'campaigns'
  // Lists under a campaign (query keys only; their calls are in campaignsApi).
  | 'campaign-members'
  | 'campaign-costs'
  // Nurture (calls in api/nurture.ts).
  | 'email-templates'
  | 'nurture-programs'
  | 'nurture-enrollments'
  | 'nurture-suppressions'
  // Deal process set-up and the product catalog (calls in api/sales-processes.ts and api/catalog.ts).
  | 'sales-processes'
  | 'loss-reasons'
  | 'products'
  | 'product-lines'
  // Deals (calls in api/opportunities.ts).
  | 'opportunities'
  // Quotas (calls in api/analytics.ts).
  | 'targets';

/** An update carries the version the user edited, so that concurrent edits are detected (409). */
export type Versioned<TInput> = Partial<TInput> & { version: number };

/** The standard REST surface of one resource. */
export interface ResourceClient<T, TInput> {
  readonly name: ResourceName;
  list(params: ListParams, signal?: AbortSignal): Promise<Page<T>>;
  get(id: string, signal?: AbortSignal): Promise<T>;
  create(input: TInput): Promise<T>;
  update(id: string, patch: Versioned<TInput>): Promise<T>;
  remove(id: string, version: number): Promise<void>;
}

export function resource<T, TInput>(name: ResourceName): ResourceClient<T, TInput> {
  const base = `/${name}`;
  return {
    name,
    list: (params, signal) => request<Page<T>>('GET', base, { query: buildListQuery(params), signal }),
    get: (id, signal) => request<T>('GET', `${base}/${encodeURIComponent(id)}`, { signal }),
    create: (input) => request<T>('POST', base, { body: input }),
    update: (id, patch) => request<T>('PATCH', `${base}/${encodeURIComponent(id)}`, { body: patch }),
    remove: (id, version) =>
      request<void>('DELETE', `${base}/${encodeURIComponent(id)}`, { query: `version=${version}` }),
  };
}

export const authApi = {
  /** Signs in (sets the session cookie) and returns the session, like GET /me. */
  login: (email: string, password: string) => request<Me>('POST', '/auth/login', { body: { email, password } }),
  logout: () => request<void>('POST', '/auth/logout'),
  signup: (input: SignUpInput) => request<Me>('POST', '/auth/signup', { body: input }),
};

export const meApi = {
  get: (signal?: AbortSignal) => request<Me>('GET', '/me', { signal }),
  updateLocale: (locale: Locale) => request<Me>('PATCH', '/me', { body: { locale } }),
};

export const accountsApi = {
  ...resource<Account, AccountInput>('accounts'),
  /** Newest first, `limit` entries older than `before`; `nextBefore` continues. */
  timeline: (id: string, before: string | undefined, signal?: AbortSignal) => {
    const query = new URLSearchParams({ limit: '50' });
    if (before) query.set('before', before);
    return request<TimelinePage>('GET', `/accounts/${encodeURIComponent(id)}/timeline`, { query: query.toString(), signal });
  },
};

export const contactsApi = resource<Contact, ContactInput>('contacts');
export const activitiesApi = resource<Activity, ActivityInput>('activities');
export const notesApi = resource<Note, NoteInput>('notes');
export const usersApi = resource<User, UserInput>('users');
export const teamsApi = resource<Team, TeamInput>('teams');
export const rolesApi = resource<Role, RoleInput>('roles');

export const apiKeysApi = {
  list: (params: ListParams, signal?: AbortSignal) =>
    request<Page<ApiKey>>('GET', '/api-keys', { query: buildListQuery(params), signal }),
  create: (name: string) => request<CreatedApiKey>('POST', '/api-keys', { body: { name } }),
  revoke: (id: string, version: number) =>
    request<void>('DELETE', `/api-keys/${encodeURIComponent(id)}`, { query: `version=${version}` }),
};

export const webhooksApi = {
  ...resource<Webhook, WebhookInput>('webhooks'),
  deliveries: (id: string, params: ListParams, signal?: AbortSignal) =>
    request<Page<WebhookDelivery>>('GET', `/webhooks/${encodeURIComponent(id)}/deliveries`, {
      query: buildListQuery({ limit: params.limit, cursor: params.cursor }),
      signal,
    }),
  rotateSecret: (id: string, version: number) =>
    request<Webhook>('POST', `/webhooks/${encodeURIComponent(id)}/rotate-secret`, { body: { version } }),
};

export const auditApi = {
  /** The audit log takes `recordId` and `object` as plain parameters, and no sort or search. */
  list: (params: Pick<ListParams, 'limit' | 'cursor'> & { recordId?: string; object?: string }, signal?: AbortSignal) => {
    const query = new URLSearchParams(buildListQuery({ limit: params.limit, cursor: params.cursor }));
    if (params.recordId?.trim()) query.set('recordId', params.recordId.trim());
    if (params.object?.trim()) query.set('object', params.object.trim());
    return request<Page<AuditEntry>>('GET', '/audit', { query: query.toString(), signal });
  },
  verify: () => request<AuditVerifyResult>('POST', '/audit/verify'),
};

export const searchApi = {
  search: (q: string, signal?: AbortSignal) =>
    request<Page<SearchHit>>('GET', '/search', { query: new URLSearchParams({ q }).toString(), signal }),
};

const campaignPath = (id: string, rest = '') => `/campaigns/${encodeURIComponent(id)}${rest}`;

export const campaignsApi = {
  ...resource<Campaign, CampaignInput>('campaigns'),
  act: (id: string, action: CampaignAction, version: number) =>
    request<Campaign>('POST', campaignPath(id, `/${action}`), { body: { version } }),
  rotateFormKey: (id: string, version: number) => request<Campaign>('POST', campaignPath(id, '/rotate-form-key'), { body: { version } }),
  summary: (id: string, signal?: AbortSignal) => request<CampaignSummary>('GET', campaignPath(id, '/summary'), { signal }),
  costs: (id: string, params: ListParams, signal?: AbortSignal) =>
    request<Page<CampaignCost>>('GET', campaignPath(id, '/costs'), { query: buildListQuery({ limit: params.limit, cursor: params.cursor }), signal }),
  addCost: (id: string, input: CampaignCostInput) => request<CampaignCost>('POST', campaignPath(id, '/costs'), { body: input }),
  removeCost: (id: string, costId: string, version: number) =>
    request<void>('DELETE', campaignPath(id, `/costs/${encodeURIComponent(costId)}`), { query: `version=${version}` }),
  /** `filter.status` (a,b for any of) is the only filter; sort is fixed (newest first). */
  members: (id: string, params: ListParams, signal?: AbortSignal) =>
    request<Page<CampaignMember>>('GET', campaignPath(id, '/members'), {
      query: buildListQuery({ limit: params.limit, cursor: params.cursor, filter: { status: params.filter?.status } }),
      signal,
    }),
  addMember: (id: string, input: CampaignMemberInput) => request<CampaignMember>('POST', campaignPath(id, '/members'), { body: input }),
  moveMember: (id: string, memberId: string, status: CampaignMember['status'], version: number) =>
    request<CampaignMember>('PATCH', campaignPath(id, `/members/${encodeURIComponent(memberId)}`), { body: { status, version } }),
  removeMember: (id: string, memberId: string, version: number) =>
    request<void>('DELETE', campaignPath(id, `/members/${encodeURIComponent(memberId)}`), { query: `version=${version}` }),
  recordResponse: (id: string, input: ResponseSubmission) => request<ResponseResult>('POST', campaignPath(id, '/responses'), { body: input }),
};

/** The public registration form of a campaign: no sign-in. */
export const publicFormsApi = {
  get: (formKey: string, signal?: AbortSignal) => request<PublicForm>('GET', `/public/forms/${encodeURIComponent(formKey)}`, { signal }),
  /** The submission id makes a double click or a retry count once. */
  submit: (formKey: string, input: ResponseSubmission & { website_url?: string }, submissionId: string) =>
    request<{ ok: true; message: string }>('POST', `/public/forms/${encodeURIComponent(formKey)}`, { body: { ...input, submissionId } }),
};
