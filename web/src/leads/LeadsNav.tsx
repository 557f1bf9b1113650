import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { accessLevel, can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

export type LeadsSection = 'inbox' | 'all' | 'queue' | 'rules' | 'funnel';

const SECTIONS: { key: LeadsSection; path: string; label: MessageKey }[] = [
  { key: 'inbox', path: '/leads/inbox', label: 'leads.tab.inbox' },
  { key: 'all', path: '/leads', label: 'leads.tab.all' },
  { key: 'queue', path: '/leads/routing-queue', label: 'leads.tab.queue' },
  { key: 'rules', path: '/leads/assignment', label: 'leads.tab.rules' },
  { key: 'funnel', path: '/leads/funnel', label: 'leads.tab.funnel' },
];

/** The sections of the leads module, each shown to the roles that can use it. */
export function LeadsNav({ active }: { active: LeadsSection }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const visible = SECTIONS.filter((section) => {
    if (section.key === 'queue') return accessLevel(me.permissions, 'leads', 'read') === 'all';
    if (section.key === 'rules') return can(me.permissions, 'assignment_rules', 'read');
    if (section.key === 'funnel') return can(me.permissions, 'analytics', 'read');
    return true;
  });
  return (
    <Tabs
      className="l2c-leads-nav"
      activeKey={active}
      onChange={(key) => {
        const section = SECTIONS.find((s) => s.key === key);
        if (section) void navigate(section.path);
      }}
      items={visible.map((section) => ({
        key: section.key,
        label: <span data-testid={`leads-tab-${section.key}`}>{t(section.label)}</span>,
      }))}
    />
  );
}
