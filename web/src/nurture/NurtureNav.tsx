import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

export type NurtureSection = 'programs' | 'templates' | 'pools' | 'settings';

const SECTIONS: { key: NurtureSection; path: string; label: MessageKey }[] = [
  { key: 'programs', path: '/nurture', label: 'nurture.tab.programs' },
  { key: 'templates', path: '/nurture/templates', label: 'nurture.tab.templates' },
  { key: 'pools', path: '/nurture/pools', label: 'nurture.tab.pools' },
  { key: 'settings', path: '/nurture/settings', label: 'nurture.tab.settings' },
];

/** The sections of nurturing: programs, e-mail templates, pools, and sender settings. */
export function NurtureNav({ active }: { active: NurtureSection }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canSeeTemplates = useCan('email_templates', 'read');
  const visible = SECTIONS.filter((s) => canSeeTemplates || (s.key !== 'templates' && s.key !== 'settings'));
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => {
        const section = SECTIONS.find((s) => s.key === key);
        if (section) void navigate(section.path);
      }}
      items={visible.map((s) => ({ key: s.key, label: <span data-testid={`nurture-tab-${s.key}`}>{t(s.label)}</span> }))}
    />
  );
}
