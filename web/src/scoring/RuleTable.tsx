import { useState, type HTMLAttributes } from 'react';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { scoringApi, type RuleCategory, type ScoringRule } from '../api/scoring';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { describeCondition, describeWeighting, formatPoints } from './rule-summary';

interface RuleTableProps {
  category: RuleCategory;
  rules: ScoringRule[];
  loading: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: (rule: ScoringRule) => void;
  onDelete: (rule: ScoringRule) => void;
  onChanged: () => void;
}

/** The rules of one category, in order, with their condition and points in words. */
export function RuleTable({ category, rules, loading, canUpdate, canDelete, onEdit, onDelete, onChanged }: RuleTableProps) {
  const { t, locale } = useI18n();
  const showError = useErrorFeedback();
  const [toggling, setToggling] = useState<string | null>(null);

  const toggle = async (rule: ScoringRule, active: boolean) => {
    setToggling(rule.id);
    try {
      await scoringApi.updateRule(rule.id, { active, version: rule.version });
      onChanged();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setToggling(null);
    }
  };

  const columns = [
    {
      key: 'name',
      title: t('scoring.col.name'),
      render: (rule: ScoringRule) => (
        <span data-testid="scoring-rule-name-cell">
          {rule.name} {rule.active ? null : <Tag>{t('scoring.inactive')}</Tag>}
        </span>
      ),
    },
    {
      key: 'condition',
      title: t('scoring.col.condition'),
      render: (rule: ScoringRule) => <Typography.Text>{describeCondition(rule, t, locale)}</Typography.Text>,
    },
    category === 'fit'
      ? {
          key: 'points',
          title: t('scoring.col.points'),
          align: 'right' as const,
          render: (rule: ScoringRule) => (
            <Typography.Text strong type={rule.points < 0 ? 'danger' : 'success'} className="l2c-number" data-testid="scoring-rule-points-cell">
              {formatPoints(rule.points)}
            </Typography.Text>
          ),
        }
      : {
          key: 'weighting',
          title: t('scoring.col.weighting'),
          render: (rule: ScoringRule) => <span data-testid="scoring-rule-points-cell">{describeWeighting(rule, t)}</span>,
        },
    {
      key: 'active',
      title: t('scoring.col.active'),
      render: (rule: ScoringRule) => (
        <Switch
          size="small"
          checked={rule.active}
          disabled={!canUpdate}
          loading={toggling === rule.id}
          onChange={(checked) => void toggle(rule, checked)}
          data-testid="scoring-rule-active-toggle"
        />
      ),
    },
    ...(canUpdate || canDelete
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (rule: ScoringRule) => (
              <Space>
                {canUpdate ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(rule)} aria-label={t('action.edit')} data-testid="scoring-rule-edit" />
                ) : null}
                {canDelete ? (
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onDelete(rule)} aria-label={t('action.delete')} data-testid="scoring-rule-delete-open" />
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<ScoringRule>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      columns={columns}
      dataSource={rules}
      scroll={{ x: true }}
      locale={{ emptyText: t('scoring.noRules') }}
      onRow={() => ({ 'data-testid': 'scoring-rule-row' }) as HTMLAttributes<HTMLElement>}
      data-testid={`scoring-rules-${category}`}
    />
  );
}
