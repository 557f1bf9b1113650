import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import type { App } from '../src/platform/http/types.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  text: string;
}

/** Calls the API in-process, as one signed-in caller (a session cookie or an API key). */
export class ApiClient {
  constructor(
    readonly app: App,
    private auth: { cookie?: string; bearer?: string } = {},
    private locale = 'en-US',
  ) {}

  as(locale: string) {
    return new ApiClient(this.app, this.auth, locale);
  }

  withBearer(key: string) {
    return new ApiClient(this.app, { bearer: key }, this.locale);
  }

  get cookie() {
    return this.auth.cookie;
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res: LightMyRequestResponse = await this.app.inject({
      method: method as 'GET',
      url: url.startsWith('/api/') ? url : `/api/v1${url}`,
      payload: body === undefined ? undefined : (body as object),
      headers: {
        'accept-language': this.locale,
        ...(this.auth.cookie ? { cookie: `l2c_session=${this.auth.cookie}` } : {}),
        ...(this.auth.bearer ? { authorization: `Bearer ${this.auth.bearer}` } : {}),
        ...headers,
      },
    });
    const setCookie = res.cookies.find((c) => c.name === 'l2c_session');
    if (setCookie?.value) this.auth = { cookie: setCookie.value };
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: (isJson && res.body ? res.json() : res.body) as T, headers: res.headers, text: res.body };
  }

  get = <T = any>(url: string, headers?: Record<string, string>) => this.request<T>('GET', url, undefined, headers);
  post = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', url, body ?? {}, headers);
  patch = <T = any>(url: string, body: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', url, body, headers);
  delete = <T = any>(url: string, headers?: Record<string, string>) => this.request<T>('DELETE', url, undefined, headers);
}

export interface TestApp {
  app: App;
  database: TestDatabase;
  anonymous(): ApiClient;
  /** Signs up a new tenant and returns a client signed in as its admin. */
  signUp(tenantName?: string, email?: string): Promise<ApiClient>;
  /** Creates a user in the admin's tenant with the given role and team, and signs in as them. */
  addUser(admin: ApiClient, opts: { role: string; teamId?: string | null; email?: string; name?: string }): Promise<{ client: ApiClient; id: string }>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
export const PASSWORD = 'correct horse battery';

export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db, logLevel: 'error', rateLimit: false });
  await app.ready();
  const roleIds = new Map<string, string>();

  return {
    app,
    database,
    anonymous: () => new ApiClient(app),
    async signUp(tenantName = `Tenant ${unique()}`, email = `admin-${unique()}@example.com`) {
      const client = new ApiClient(app);
      const res = await client.post('/auth/signup', { tenantName, name: 'Admin', email, password: PASSWORD, locale: 'en-US' });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
      return client;
    },
    async addUser(admin, { role, teamId, email = `${role}-${unique()}@example.com`, name = `${role} ${unique()}` }) {
      const me = await admin.get('/me');
      const key = `${me.body.tenant.id}:${role}`;
      if (!roleIds.has(key)) {
        const roles = await admin.get(`/roles?filter[key]=${role}`);
        roleIds.set(key, roles.body.data[0].id);
      }
      const created = await admin.post('/users', { name, email, password: PASSWORD, roleId: roleIds.get(key), teamId });
      if (created.status !== 201) throw new Error(`user creation failed: ${created.status} ${created.text}`);
      const client = new ApiClient(app);
      const login = await client.post('/auth/login', { email, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
      return { client, id: created.body.id };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
