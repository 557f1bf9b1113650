import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

export type AnalyticsSection = 'funnel' | 'forecast' | 'results' | 'campaigns' | 'planner' | 'targets';

const SECTIONS: { key: AnalyticsSection; label: MessageKey }[] = [
  { key: 'funnel', label: 'analytics.tab.funnel' },
  { key: 'forecast', label: 'analytics.tab.forecast' },
  { key: 'results', label: 'analytics.tab.results' },
  { key: 'campaigns', label: 'analytics.tab.campaigns' },
  { key: 'planner', label: 'analytics.tab.planner' },
  { key: 'targets', label: 'analytics.tab.targets' },
];

/** The analytics pages; the filters in the URL (period, team, owner) go along from one to the next. */
export function AnalyticsNav({ active }: { active: AnalyticsSection }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const visible = SECTIONS.filter((s) => s.key !== 'targets' || can(me.permissions, 'targets', 'read'));
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate({ pathname: `/analytics/${key}`, search: window.location.search })}
      items={visible.map((s) => ({ key: s.key, label: <span data-testid={`analytics-tab-${s.key}`}>{t(s.label)}</span> }))}
    />
  );
}
