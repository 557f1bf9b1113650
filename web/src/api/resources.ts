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
  Contact,
  ContactInput,
  CreatedApiKey,
  Locale,
  Me,
  Note,
  NoteInput,
  Page,
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
  | 'audit';

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

function resource<T, TInput>(name: ResourceName): ResourceClient<T, TInput> {
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
