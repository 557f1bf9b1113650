import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { ListParams } from '../api/list-params';
import { queryKeys } from '../api/query-keys';
import type { ResourceName } from '../api/resources';
import type { Page } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useDebouncedValue } from './use-debounced-value';

export interface SelectOption {
  value: string;
  label: string;
}

export interface RemoteSelectProps<T> {
  resource: ResourceName;
  fetchPage: (params: ListParams, signal: AbortSignal) => Promise<Page<T>>;
  toOption: (record: T) => SelectOption;
  /** Injected by Form.Item. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Label of the current value before the options have loaded (e.g. the record's ownerName). */
  initialOption?: SelectOption | null;
  filter?: Record<string, string | undefined>;
  /** A record that must not be offered (a record cannot point at itself). */
  excludeId?: string;
  /** Records that must not be offered (e.g. contacts already on a battle map). */
  excludeIds?: readonly string[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
  className?: string;
}

/** A searchable select over a list endpoint (`q` search, first 20 matches). */
export function RemoteSelect<T>(props: RemoteSelectProps<T>) {
  const { resource, fetchPage, toOption, value, onChange, initialOption, filter, excludeId, excludeIds } = props;
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const params: ListParams = { q, filter, limit: 20 };

  const query = useQuery({
    queryKey: queryKeys.list(resource, params),
    queryFn: ({ signal }) => fetchPage(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const loaded = (query.data?.data ?? [])
      .map(toOption)
      .filter((option) => option.value !== excludeId && !excludeIds?.includes(option.value));
    if (initialOption && value === initialOption.value && !loaded.some((o) => o.value === initialOption.value)) {
      return [initialOption, ...loaded];
    }
    return loaded;
  }, [query.data, toOption, initialOption, value, excludeId, excludeIds]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      loading={query.isFetching}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      placeholder={props.placeholder}
      notFoundContent={query.isError ? t('error.loadFailed') : t('table.empty')}
      data-testid={props.testId}
      className={props.className}
      popupMatchSelectWidth={false}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
    />
  );
}
