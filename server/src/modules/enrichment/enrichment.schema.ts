import { sql } from 'drizzle-orm';
import { char, date, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.js';

/**
 * A tenant's company registry (工商信息): companies loaded from a registry export, to fill lead
 * and account fields nobody typed. The legal representative (法人代表) of the source files is a
 * person's name and is never stored.
 */
export const registryCompanies = pgTable(
  'registry_companies',
  {
    ...recordColumns(),
    /** 企业名称, as registered. */
    name: text('name').notNull(),
    /** The distinctive core of the name (`parseCompanyName(name).core`): 北京星河智造科技有限公司 → 星河智造. */
    coreName: text('core_name').notNull(),
    /** The place the name carries (北京 in 星河智造（北京）…), for telling namesakes apart. */
    nameLocation: text('name_location'),
    /** 统一社会信用代码, normalised (upper case, no spaces). */
    creditCode: text('credit_code'),
    registeredOn: date('registered_on', { mode: 'string' }),
    companyType: text('company_type'),
    registeredCapital: numeric('registered_capital', { precision: 20, scale: 2 }),
    registeredCapitalCurrency: char('registered_capital_currency', { length: 3 }),
    businessScope: text('business_scope'),
    /** From the business scope by keyword (the industries of accounts and leads). */
    industry: text('industry'),
    headcount: integer('headcount'),
    province: text('province'),
    /** 地区: the city, or the district of a municipality. */
    district: text('district'),
    city: text('city'),
    /** The sales region (大区) of the province. */
    region: text('region'),
    address: text('address'),
    /** Where the row came from (the uploaded file's name). */
    source: text('source'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('registry_companies_credit_code_uq').on(t.tenantId, t.creditCode).where(sql`credit_code IS NOT NULL`),
    index('registry_companies_core_idx').on(t.tenantId, t.coreName),
    index('registry_companies_core_trgm_idx').using('gin', t.coreName.op('gin_trgm_ops')),
    index('registry_companies_name_idx').on(t.tenantId, t.name),
  ],
);
