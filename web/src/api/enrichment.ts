import { postForm, request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import type { BaseRecord, Money, Page } from './types';

/** Company background from registry data (M2L-3, PLT-7): the tenant's registry and enrichment of records. */

export interface RegistryCompany extends BaseRecord {
  name: string;
  creditCode: string | null;
  registeredOn: string | null;
  companyType: string | null;
  registeredCapital: Money | null;
  businessScope: string | null;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  district: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  source: string | null;
}

export interface RegistryLoadReport {
  loadId: string;
  received: number;
  inserted: number;
  updated: number;
  rejected: number;
  invalidCreditCodes: number;
  errors: { row: number; code: string }[];
}

export interface EnrichmentResult {
  object: 'leads' | 'accounts';
  recordId: string;
  match: { provider: string; recordId: string; name: string; creditCode: string | null; matchedBy: 'credit_code' | 'name_location' | 'name' } | null;
  /** Field → value written. */
  filled: Record<string, unknown>;
  /** Fields the registry knows that the record keeps. */
  kept: string[];
  record: Record<string, unknown> & { id: string; version: number };
}

export const enrichmentApi = {
  upload: (file: File, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('source', file.name);
    form.append('file', file);
    return postForm<RegistryLoadReport>('/enrichment/registry', form, signal);
  },
  list: (params: ListParams, signal?: AbortSignal) =>
    request<Page<RegistryCompany>>('GET', '/enrichment/registry', { query: buildListQuery(params), signal }),
  summary: (signal?: AbortSignal) => request<{ count: number }>('GET', '/enrichment/registry/summary', { signal }),
  enrich: (object: 'leads' | 'accounts', id: string) => request<EnrichmentResult>('POST', `/${object}/${encodeURIComponent(id)}/enrich`, { body: {} }),
};
