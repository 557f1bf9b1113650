/**
 * Role permissions are data: per object and action, a level. The same level drives the check
 * on one record and the filter on lists, so a list never shows what a record page would refuse.
 */
export const LEVELS = ['all', 'team', 'own', 'none'] as const;
export type Level = (typeof LEVELS)[number];
export const ACTIONS = ['create', 'read', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** Objects of today and of the modules to come, so an admin can prepare roles ahead. */
export const OBJECTS = [
  'accounts', 'contacts', 'activities', 'notes',
  'campaigns', 'leads', 'scoring_rules', 'opportunities', 'products', 'quotes', 'orders', 'contracts', 'payments',
  'tickets', 'analytics', 'targets', 'imports', 'assignment_rules', 'nurture_programs', 'email_templates',
  'sales_processes', 'loss_reasons', 'product_lines', 'registry_companies',
  'users', 'teams', 'roles', 'api_keys', 'webhooks', 'audit',
] as const;
export type ObjectName = (typeof OBJECTS)[number];

export type PermissionMatrix = Partial<Record<ObjectName, Partial<Record<Action, Level>>>>;

export function levelFor(matrix: PermissionMatrix, object: ObjectName, action: Action): Level {
  return matrix[object]?.[action] ?? 'none';
}

type Grant = [create: Level, read: Level, update: Level, del: Level];

function matrix(grants: Partial<Record<ObjectName, Grant>>): PermissionMatrix {
  const out: PermissionMatrix = {};
  for (const [object, [create, read, update, del]] of Object.entries(grants)) {
    out[object as ObjectName] = { create, read, update, delete: del };
  }
  return out;
}

const everything = (grant: Grant) => Object.fromEntries(OBJECTS.map((o) => [o, grant])) as Record<ObjectName, Grant>;
const sales = ['accounts', 'contacts', 'activities', 'notes', 'leads', 'opportunities', 'quotes'] as const;
const pick = (objects: readonly ObjectName[], grant: Grant) => Object.fromEntries(objects.map((o) => [o, grant]));
const adminOnly = ['users', 'teams', 'roles', 'webhooks', 'audit'] as const;
/** Everyone may see the org chart and manage their own API keys. */
const common = {
  users: ['none', 'all', 'none', 'none'],
  teams: ['none', 'all', 'none', 'none'],
  api_keys: ['all', 'own', 'none', 'own'],
  products: ['none', 'all', 'none', 'none'],
  product_lines: ['none', 'all', 'none', 'none'],
  /** Everyone in sales may see the quotas (targets); admins set them (managers for their team, below). */
  targets: ['none', 'all', 'none', 'none'],
  /** Everyone may read the sales processes (stages, exit criteria) and the loss reasons; admins manage them. */
  sales_processes: ['none', 'all', 'none', 'none'],
  loss_reasons: ['none', 'all', 'none', 'none'],
  /** Everyone may read the scoring rules, to understand a lead's score. */
  scoring_rules: ['none', 'all', 'none', 'none'],
  /** Everyone may see the nurture programs and e-mails a lead gets; marketing manages them. */
  nurture_programs: ['none', 'all', 'none', 'none'],
  email_templates: ['none', 'all', 'none', 'none'],
  /** Everyone may look companies up in the tenant's registry (工商信息); admins and marketing load it. */
  registry_companies: ['none', 'all', 'none', 'none'],
} satisfies Partial<Record<ObjectName, Grant>>;

export const ROLE_KEYS = [
  'admin', 'executive', 'sales_manager', 'sales_rep', 'marketing', 'finance', 'service_agent',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** The roles a new tenant starts with; an admin edits them afterwards. */
export const DEFAULT_ROLES: Record<RoleKey, { name: { 'en-US': string; 'zh-CN': string }; permissions: PermissionMatrix }> = {
  admin: {
    name: { 'en-US': 'Administrator', 'zh-CN': '系统管理员' },
    permissions: matrix(everything(['all', 'all', 'all', 'all'])),
  },
  executive: {
    name: { 'en-US': 'Executive', 'zh-CN': '高管' },
    permissions: matrix({
      ...everything(['none', 'all', 'none', 'none']),
      ...pick(adminOnly, ['none', 'none', 'none', 'none']),
      ...pick(sales, ['all', 'all', 'own', 'own']),
      api_keys: common.api_keys,
      users: common.users,
      teams: common.teams,
    }),
  },
  sales_manager: {
    name: { 'en-US': 'Sales manager', 'zh-CN': '销售经理' },
    permissions: matrix({
      ...common,
      ...pick(sales, ['all', 'team', 'team', 'own']),
      campaigns: ['none', 'all', 'none', 'none'],
      orders: ['none', 'team', 'none', 'none'],
      contracts: ['none', 'team', 'none', 'none'],
      payments: ['none', 'team', 'none', 'none'],
      tickets: ['none', 'team', 'none', 'none'],
      analytics: ['none', 'team', 'none', 'none'],
      /** The quotas of the reps and teams below them (targets.service checks the subject). */
      targets: ['team', 'all', 'team', 'team'],
      assignment_rules: ['none', 'all', 'none', 'none'],
    }),
  },
  sales_rep: {
    name: { 'en-US': 'Sales rep', 'zh-CN': '销售代表' },
    permissions: matrix({
      ...common,
      ...pick(sales, ['all', 'own', 'own', 'own']),
      campaigns: ['none', 'all', 'none', 'none'],
      orders: ['none', 'own', 'none', 'none'],
      contracts: ['none', 'own', 'none', 'none'],
      payments: ['none', 'own', 'none', 'none'],
      tickets: ['none', 'own', 'none', 'none'],
      analytics: ['none', 'own', 'none', 'none'],
    }),
  },
  marketing: {
    name: { 'en-US': 'Marketing', 'zh-CN': '市场' },
    permissions: matrix({
      ...common,
      campaigns: ['all', 'all', 'all', 'all'],
      leads: ['all', 'all', 'all', 'all'],
      scoring_rules: ['all', 'all', 'all', 'all'],
      /** Marketing ops run imports; each may start or cancel their own (admins any). */
      imports: ['all', 'all', 'own', 'none'],
      assignment_rules: ['all', 'all', 'all', 'all'],
      nurture_programs: ['all', 'all', 'all', 'all'],
      email_templates: ['all', 'all', 'all', 'all'],
      registry_companies: ['all', 'all', 'all', 'all'],
      accounts: ['none', 'all', 'none', 'none'],
      contacts: ['none', 'all', 'none', 'none'],
      activities: ['all', 'own', 'own', 'own'],
      notes: ['all', 'all', 'own', 'own'],
      analytics: ['none', 'all', 'none', 'none'],
    }),
  },
  finance: {
    name: { 'en-US': 'Finance', 'zh-CN': '财务' },
    permissions: matrix({
      ...common,
      accounts: ['none', 'all', 'none', 'none'],
      contacts: ['none', 'all', 'none', 'none'],
      opportunities: ['none', 'all', 'none', 'none'],
      quotes: ['none', 'all', 'none', 'none'],
      orders: ['all', 'all', 'all', 'none'],
      contracts: ['all', 'all', 'all', 'none'],
      payments: ['all', 'all', 'all', 'none'],
      activities: ['all', 'own', 'own', 'own'],
      notes: ['all', 'all', 'own', 'own'],
      analytics: ['none', 'all', 'none', 'none'],
    }),
  },
  service_agent: {
    name: { 'en-US': 'Service agent', 'zh-CN': '客服专员' },
    permissions: matrix({
      ...common,
      accounts: ['none', 'all', 'none', 'none'],
      contacts: ['all', 'all', 'all', 'none'],
      tickets: ['all', 'all', 'all', 'none'],
      activities: ['all', 'own', 'own', 'own'],
      notes: ['all', 'all', 'own', 'own'],
      orders: ['none', 'all', 'none', 'none'],
    }),
  },
};

const isRoleKey = (key: string | null): key is RoleKey => key !== null && (ROLE_KEYS as readonly string[]).includes(key);

/**
 * The rights a role has, read from its stored matrix. Roles are copied into a tenant at sign-up,
 * so a tenant created before an object existed has no stored rights to it: the admin role has
 * every right whatever is stored (it is locked anyway), and a default role takes its default
 * grant for each object or action its matrix does not mention. What an admin chose for an
 * object (even `none`) stays. A tenant's own roles get nothing they were not given.
 */
export function effectivePermissions(roleKey: string | null, stored: PermissionMatrix): PermissionMatrix {
  if (roleKey === 'admin') return DEFAULT_ROLES.admin.permissions;
  if (!isRoleKey(roleKey)) return stored;
  const defaults = DEFAULT_ROLES[roleKey].permissions;
  const out: PermissionMatrix = { ...stored };
  for (const object of OBJECTS) {
    if (defaults[object]) out[object] = { ...defaults[object], ...stored[object] };
  }
  return out;
}

/** Whether a matrix gives every right on every object (the admin role's, which cannot change). */
export function grantsEverything(matrix: PermissionMatrix): boolean {
  return OBJECTS.every((object) => ACTIONS.every((action) => levelFor(matrix, object, action) === 'all'));
}

/** Every object and action spelt out, `none` where the matrix is silent: what a role edit stores. */
export function completeMatrix(matrix: PermissionMatrix): PermissionMatrix {
  return Object.fromEntries(
    OBJECTS.map((object) => [object, Object.fromEntries(ACTIONS.map((action) => [action, levelFor(matrix, object, action)]))]),
  );
}
