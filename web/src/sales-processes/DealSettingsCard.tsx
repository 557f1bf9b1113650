import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Radio, Skeleton, Space, Typography } from 'antd';
import { queryKeys } from '../api/query-keys';
import { BANT_PARTS, dealSettingsApi, type BantPart, type DealSettings } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';

/** How strictly deals are qualified: which BANT parts a qualified deal has, and whether an unqualified one may be created. */
export function DealSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const canEdit = useCan('sales_processes', 'update');
  const settings = useQuery({ queryKey: queryKeys.dealSettings(), queryFn: ({ signal }) => dealSettingsApi.get(signal) });
  const [draft, setDraft] = useState<Pick<DealSettings, 'bantMode' | 'bantRequired'> | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft({ bantMode: settings.data.bantMode, bantRequired: settings.data.bantRequired });
  }, [settings.data]);

  const save = async () => {
    if (!draft || !settings.data) return;
    setSaving(true);
    try {
      const saved = await dealSettingsApi.put({ ...draft, version: settings.data.version });
      queryClient.setQueryData(queryKeys.dealSettings(), saved);
      void message.success(t('dealSettings.saved'));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const changed =
    !!draft && !!settings.data && (draft.bantMode !== settings.data.bantMode || draft.bantRequired.join() !== settings.data.bantRequired.join());

  return (
    <Card title={t('dealSettings.title')} className="l2c-section" data-testid="deal-settings">
      {settings.isPending ? <Skeleton active /> : null}
      {settings.isError ? <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {draft ? (
        <Space orientation="vertical" size="middle" className="l2c-full-width">
          <div>
            <Typography.Text strong>{t('dealSettings.required')}</Typography.Text>
            <div className="l2c-page-subtitle">{t('dealSettings.requiredHelp')}</div>
            <Checkbox.Group
              disabled={!canEdit}
              value={draft.bantRequired}
              onChange={(value) => setDraft({ ...draft, bantRequired: BANT_PARTS.filter((p) => (value as BantPart[]).includes(p)) })}
              options={BANT_PARTS.map((part) => ({ value: part, label: t(`dealSettings.bant.${part}`) }))}
              data-testid="deal-settings-parts"
            />
          </div>
          <div>
            <Typography.Text strong>{t('dealSettings.mode')}</Typography.Text>
            <Radio.Group
              disabled={!canEdit}
              value={draft.bantMode}
              onChange={(e) => setDraft({ ...draft, bantMode: e.target.value as DealSettings['bantMode'] })}
              className="l2c-sp-modes"
              data-testid="deal-settings-mode"
            >
              <Radio value="lenient">{t('dealSettings.lenient')}</Radio>
              <Radio value="strict">{t('dealSettings.strict')}</Radio>
            </Radio.Group>
          </div>
          {canEdit ? (
            <Button type="primary" disabled={!changed} loading={saving} onClick={() => void save()} data-testid="deal-settings-save">
              {t('action.save')}
            </Button>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
