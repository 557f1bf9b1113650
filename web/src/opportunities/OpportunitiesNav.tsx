import { Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

const SECTIONS = [
  { key: 'list', path: '/opportunities', label: 'deal.tab.list' },
  { key: 'board', path: '/opportunities/board', label: 'deal.tab.board' },
] as const;

/** List and kanban of the pipeline; the filters travel along in the URL. */
export function OpportunitiesNav({ active }: { active: 'list' | 'board' }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => {
        const section = SECTIONS.find((s) => s.key === key);
        if (!section) return;
        const query = search.toString();
        void navigate(query ? `${section.path}?${query}` : section.path);
      }}
      items={SECTIONS.map((section) => ({
        key: section.key,
        label: <span data-testid={`deals-tab-${section.key}`}>{t(section.label)}</span>,
      }))}
    />
  );
}
