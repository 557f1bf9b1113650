import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { scoringApi, type RuleCategory, type ScoringRule } from '../api/scoring';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { DeleteRuleModal } from './DeleteRuleModal';
import { nextOrder } from './rule-form-values';
import { RuleFormDrawer } from './RuleFormDrawer';
import { RuleTable } from './RuleTable';
import { ScoringSettingsForm } from './ScoringSettingsForm';

type TabKey = RuleCategory | 'settings';

/**
 * The lead scoring rules editor (Settings → Lead scoring): fit rules against the ideal customer
 * profile, engagement rules with decay, and the grade thresholds and MQL bar. Every change can
 * be previewed — how many leads would change grade — before it is saved.
 */
export function ScoringRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canCreate = useCan('scoring_rules', 'create');
  const canUpdate = useCan('scoring_rules', 'update');
  const canDelete = useCan('scoring_rules', 'delete');
  const [tab, setTab] = useState<TabKey>('fit');
  const [editing, setEditing] = useState<{ rule: ScoringRule | null; category: RuleCategory; order: number } | null>(null);
  const [deleting, setDeleting] = useState<ScoringRule | null>(null);
  const rules = useQuery({ queryKey: queryKeys.scoringRules(), queryFn: ({ signal }) => scoringApi.rules(signal) });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.scoringRules() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
  };
  const of = (category: RuleCategory) => (rules.data?.data ?? []).filter((r) => r.category === category);

  const ruleTab = (category: RuleCategory) => (
    <>
      <div className="l2c-table-toolbar">
        <Typography.Text type="secondary">{category === 'fit' ? t('scoring.fitHelp') : t('scoring.engagementHelp')}</Typography.Text>
        {canCreate ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ rule: null, category, order: nextOrder(of(category)) })}
            data-testid={`scoring-rule-add-${category}`}
          >
            {t('scoring.addRule')}
          </Button>
        ) : null}
      </div>
      <RuleTable
        category={category}
        rules={of(category)}
        loading={rules.isPending}
        canUpdate={canUpdate}
        canDelete={canDelete}
        onEdit={(rule) => setEditing({ rule, category, order: rule.order })}
        onDelete={setDeleting}
        onChanged={refresh}
      />
    </>
  );

  return (
    <div data-testid="scoring-page">
      <PageHeader title={t('nav.scoring')} subtitle={t('module.scoring')} />
      {canUpdate ? null : <Alert type="info" showIcon className="l2c-form-alert" title={t('scoring.readOnly')} />}
      {rules.isError ? (
        <QueryErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Card className="l2c-section">
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              { key: 'fit', label: t('scoring.tab.fit'), children: ruleTab('fit') },
              { key: 'engagement', label: t('scoring.tab.engagement'), children: ruleTab('engagement') },
              { key: 'settings', label: t('scoring.tab.settings'), children: <ScoringSettingsForm canEdit={canUpdate} /> },
            ]}
            data-testid="scoring-tabs"
          />
        </Card>
      )}
      <RuleFormDrawer
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
          void message.success(t('scoring.saved'));
        }}
      />
      <DeleteRuleModal
        rule={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null);
          refresh();
          void message.success(t('scoring.deleted'));
        }}
      />
    </div>
  );
}
