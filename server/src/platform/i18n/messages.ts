import type { Locale } from './locale.js';

export type Catalog = Record<string, Record<Locale, string>>;

/** A message code: the platform's below, or one a module defines with defineMessages. */
export type MessageCode = string;

const catalog = new Map<string, Record<Locale, string>>();
const objectNames = new Map<string, Record<Locale, string>>();

/** Adds a module's messages (both languages required by the type); a code defined twice is a bug. */
export function defineMessages<C extends Catalog>(messages: C): C {
  for (const [code, text] of Object.entries(messages)) {
    if (catalog.has(code)) throw new Error(`Message ${code} is defined twice`);
    catalog.set(code, text);
  }
  return messages;
}

/** How an object (a resource) is named inside messages, e.g. "You do not have permission to edit {object}". */
export function defineObjectNames(names: Catalog) {
  for (const [object, text] of Object.entries(names)) objectNames.set(object, text);
}

/**
 * Every message a user can see from the platform, in both languages.
 * `{name}` placeholders are filled from the error's params.
 */
defineMessages({
  VALIDATION_FAILED: {
    'en-US': 'Some fields are not valid: {fields}.',
    'zh-CN': '以下字段填写有误：{fields}。',
  },
  FIELD_REQUIRED: { 'en-US': 'This field is required.', 'zh-CN': '此项为必填项。' },
  FIELD_INVALID: { 'en-US': 'This value is not valid.', 'zh-CN': '该值无效。' },
  FIELD_TOO_LONG: { 'en-US': 'At most {limit} characters.', 'zh-CN': '最多 {limit} 个字符。' },
  FIELD_FORMAT_EMAIL: { 'en-US': 'Enter a valid e-mail address.', 'zh-CN': '请输入有效的电子邮箱。' },
  FIELD_FORMAT_URI: { 'en-US': 'Enter a valid web address.', 'zh-CN': '请输入有效的网址。' },
  FIELD_MINIMUM: { 'en-US': 'Must be at least {limit}.', 'zh-CN': '不能小于 {limit}。' },
  FIELD_ENUM: { 'en-US': 'Must be one of: {allowed}.', 'zh-CN': '必须是以下之一：{allowed}。' },
  INVALID_CREDIT_CODE: {
    'en-US': 'The unified social credit code is not valid (18 characters with a correct check digit).',
    'zh-CN': '统一社会信用代码无效（应为 18 位且校验位正确）。',
  },
  INVALID_MONEY: {
    'en-US': 'Amounts are decimal strings with at most 2 decimals and a 3-letter currency code.',
    'zh-CN': '金额须为最多两位小数的十进制字符串，并带三位货币代码。',
  },
  INVALID_PHONE: { 'en-US': 'The phone number {phone} is not valid.', 'zh-CN': '电话号码 {phone} 无效。' },
  DUPLICATE_CREDIT_CODE: {
    'en-US': 'Another account already has this credit code: {name}.',
    'zh-CN': '已有客户使用该统一社会信用代码：{name}。',
  },
  EMAIL_TAKEN: { 'en-US': 'This e-mail address is already registered.', 'zh-CN': '该邮箱已被注册。' },
  UNAUTHENTICATED: { 'en-US': 'Please sign in.', 'zh-CN': '请先登录。' },
  INVALID_CREDENTIALS: { 'en-US': 'Wrong e-mail or password.', 'zh-CN': '邮箱或密码错误。' },
  ACCOUNT_LOCKED: {
    'en-US': 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试。',
  },
  USER_INACTIVE: { 'en-US': 'This user has been deactivated.', 'zh-CN': '该用户已停用。' },
  RATE_LIMITED: { 'en-US': 'Too many requests. Slow down and retry later.', 'zh-CN': '请求过于频繁，请稍后重试。' },
  FORBIDDEN: {
    'en-US': 'You do not have permission to {action} {object}.',
    'zh-CN': '您没有权限对{object}执行{action}操作。',
  },
  NOT_FOUND: { 'en-US': 'The record was not found.', 'zh-CN': '未找到该记录。' },
  ROUTE_NOT_FOUND: { 'en-US': 'There is no such API endpoint.', 'zh-CN': '没有这个 API 接口。' },
  VERSION_REQUIRED: {
    'en-US': 'Send the version you edited (field "version" or an If-Match header).',
    'zh-CN': '请提供所编辑记录的版本号（version 字段或 If-Match 请求头）。',
  },
  VERSION_CONFLICT: {
    'en-US': 'Someone else changed this record (now version {current}). Reload it and apply your change again.',
    'zh-CN': '该记录已被他人修改（当前版本 {current}），请刷新后重新修改。',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'en-US': 'This Idempotency-Key was already used for a different request.',
    'zh-CN': '该 Idempotency-Key 已用于另一个不同的请求。',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    'en-US': 'A request with this Idempotency-Key is still being processed.',
    'zh-CN': '使用该 Idempotency-Key 的请求仍在处理中。',
  },
  HAS_DEPENDENTS: {
    'en-US': 'This record is still used by {count} other record(s) ({object}). Remove or move them first.',
    'zh-CN': '该记录仍被 {count} 条其他记录（{object}）引用，请先删除或转移它们。',
  },
  REFERENCE_NOT_FOUND: {
    'en-US': 'The referenced {field} does not exist.',
    'zh-CN': '引用的 {field} 不存在。',
  },
  TEAM_CYCLE: { 'en-US': 'A team cannot be placed under itself.', 'zh-CN': '团队不能隶属于自身或其下级。' },
  ALREADY_EXISTS: {
    'en-US': 'Another record already has this {field}.',
    'zh-CN': '已有其他记录使用了该{field}。',
  },
  ADMIN_ROLE_LOCKED: {
    'en-US': 'The administrator role always has every right; its permissions cannot be changed.',
    'zh-CN': '系统管理员角色始终拥有全部权限，不能修改。',
  },
  LAST_ADMIN: { 'en-US': 'The tenant must keep at least one active admin.', 'zh-CN': '租户至少需要保留一名有效的管理员。' },
  ILLEGAL_TRANSITION: {
    'en-US': 'This cannot be done while the record is "{status}" (action: {action}).',
    'zh-CN': '记录当前状态为“{status}”，不能执行该操作（{action}）。',
  },
  INVALID_CURSOR: { 'en-US': 'The paging cursor is not valid.', 'zh-CN': '分页游标无效。' },
  INVALID_SORT: { 'en-US': 'Cannot sort by {field}.', 'zh-CN': '不支持按 {field} 排序。' },
  PAYLOAD_TOO_LARGE: { 'en-US': 'The request is too large.', 'zh-CN': '请求内容过大。' },
  BAD_REQUEST: { 'en-US': 'The request is not valid: {reason}', 'zh-CN': '请求无效：{reason}' },
  INTERNAL: {
    'en-US': 'Something went wrong on our side. The error was logged (reference {ref}).',
    'zh-CN': '服务器出错，已记录该错误（编号 {ref}）。',
  },
});

defineObjectNames({
  accounts: { 'en-US': 'accounts', 'zh-CN': '客户' },
  contacts: { 'en-US': 'contacts', 'zh-CN': '联系人' },
  activities: { 'en-US': 'activities', 'zh-CN': '活动' },
  notes: { 'en-US': 'notes', 'zh-CN': '备注' },
  users: { 'en-US': 'users', 'zh-CN': '用户' },
  teams: { 'en-US': 'teams', 'zh-CN': '团队' },
  roles: { 'en-US': 'roles', 'zh-CN': '角色' },
  api_keys: { 'en-US': 'API keys', 'zh-CN': 'API 密钥' },
  webhooks: { 'en-US': 'webhooks', 'zh-CN': 'Webhook' },
  audit: { 'en-US': 'the audit log', 'zh-CN': '审计日志' },
});

const actionNames: Catalog = {
  create: { 'en-US': 'create', 'zh-CN': '新建' },
  read: { 'en-US': 'read', 'zh-CN': '查看' },
  update: { 'en-US': 'edit', 'zh-CN': '编辑' },
  delete: { 'en-US': 'delete', 'zh-CN': '删除' },
};

/** Every registered message, for checks that both languages say the same thing. */
export const allMessages = () => [...catalog.entries()];

export function translate(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const template = catalog.get(code)?.[locale] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (name === 'object' && typeof value === 'string') return objectNames.get(value)?.[locale] ?? value;
    if (name === 'action' && typeof value === 'string') return actionNames[value]?.[locale] ?? value;
    return value === undefined ? `{${name}}` : String(value);
  });
}
