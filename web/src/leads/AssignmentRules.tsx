import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { assignmentApi, type AssignmentRule } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { AssignmentRuleForm } from './AssignmentRuleForm';
import { AssignmentSettingsCard } from './AssignmentSettingsCard';
import { LeadsNav } from './LeadsNav';
import { RuleList } from './RuleList';
import { TeamMembersPanel } from './TeamMembersPanel';
import './leads.css';

/** Marketing's routing set-up: ordered rules, who in each team takes leads, the SLA and the MQL/SQL standards. */
export function AssignmentRules() {
  const { t } = useI18n();
  const canEdit = useCan('assignment_rules', 'update');
  const canCreate = useCan('assignment_rules', 'create');
  const rules = useQuery({ queryKey: queryKeys.assignmentRules(), queryFn: ({ signal }) => assignmentApi.rules(signal) });
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);

  return (
    <div data-testid="assignment-rules-page">
      <LeadsNav active="rules" />
      <PageHeader
        title={t('assignRules.title')}
        subtitle={t('assignRules.subtitle')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
              {t('assignRules.create')}
            </Button>
          ) : null
        }
      />
      <Card className="l2c-section">
        {rules.isPending ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
        {rules.isError ? <QueryErrorResult error={rules.error} onRetry={() => void rules.refetch()} /> : null}
        {rules.data ? <RuleList rules={rules.data.data} canEdit={canEdit} onEdit={(rule) => setEditing(rule)} /> : null}
      </Card>
      <TeamMembersPanel canEdit={canEdit} />
      <AssignmentSettingsCard canEdit={canEdit} />
      <AssignmentRuleForm open={editing !== null} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
