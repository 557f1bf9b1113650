import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { searchApi } from '../api/resources';
import type { SearchHit } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { recordPath } from './record-paths';

const OBJECT_LABELS: Readonly<Record<string, MessageKey>> = {
  accounts: 'nav.accounts',
  contacts: 'nav.contacts',
  leads: 'nav.leads',
  opportunities: 'nav.opportunities',
  activities: 'nav.activities',
  campaigns: 'nav.campaigns',
  quotes: 'nav.quotes',
  orders: 'nav.orders',
};

/** Groups hits by object, keeping the server's ranking inside each group. */
function groupHits(hits: readonly SearchHit[]): Map<string, SearchHit[]> {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.object, [...(groups.get(hit.object) ?? []), hit]);
  return groups;
}

/** Header search across accounts, contacts, leads… (GET /search). */
export function GlobalSearch({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);

  const query = useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => searchApi.search(q, signal),
    enabled: q.length >= 1,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    if (!q) return [];
    const groups = groupHits(query.data?.data ?? []);
    return [...groups.entries()].map(([object, hits]) => {
      const labelKey = OBJECT_LABELS[object];
      return {
        label: labelKey ? t(labelKey) : object,
        options: hits.map((hit) => ({
          value: `${hit.object}:${hit.id}`,
          label: (
            <div className="l2c-search-hit" data-testid="search-hit">
              <div className="l2c-search-hit-title">{hit.title}</div>
              {hit.subtitle ? <div className="l2c-search-hit-subtitle">{hit.subtitle}</div> : null}
            </div>
          ),
        })),
      };
    });
  }, [q, query.data, t]);

  const handleSelect = (value: string) => {
    const separator = value.indexOf(':');
    const object = value.slice(0, separator);
    const id = value.slice(separator + 1);
    setText('');
    void navigate(recordPath(object, id));
    onNavigate?.();
  };

  return (
    <AutoComplete
      className="l2c-global-search"
      value={text}
      options={options}
      showSearch={{ onSearch: setText, filterOption: false }}
      onSelect={handleSelect}
      popupMatchSelectWidth={false}
      notFoundContent={q && !query.isFetching ? t('search.noResults') : null}
    >
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        allowClear
        data-testid="global-search"
        aria-label={t('search.placeholder')}
      />
    </AutoComplete>
  );
}
