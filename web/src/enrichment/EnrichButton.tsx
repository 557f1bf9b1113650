import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { enrichmentApi, type EnrichmentResult } from '../api/enrichment';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useErrorFeedback } from '../shared/use-error-feedback';

const fieldLabel = (field: string) => `merge.field.${field}` as MessageKey;

interface EnrichButtonProps {
  object?: 'leads' | 'accounts';
  id: string;
  disabled?: boolean;
}

/**
 * "Fill from registry" for a lead (or account) page: asks the server to fill the company fields
 * nobody typed from the tenant's registry, then says what it filled and from which company.
 */
export function EnrichButton({ object = 'leads', id, disabled }: EnrichButtonProps) {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const describe = (result: EnrichmentResult): string => {
    if (!result.match) return t('enrich.noMatch');
    const filled = Object.keys(result.filled);
    const lines = [
      filled.length > 0 ? t('enrich.filled', { count: filled.length, name: result.match.name }) : t('enrich.nothingNew', { name: result.match.name }),
      t(`enrich.matchedBy.${result.match.matchedBy}`),
    ];
    if (result.kept.length > 0) lines.push(t('enrich.kept', { fields: result.kept.map((f) => t(fieldLabel(f))).join(', ') }));
    return lines.join(' ');
  };

  const run = async () => {
    setBusy(true);
    try {
      const result = await enrichmentApi.enrich(object, id);
      notification[result.match ? 'success' : 'info']({ title: t('enrich.title'), description: describe(result), placement: 'topRight' });
      await queryClient.invalidateQueries({ queryKey: queryKeys.detail(object, id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.lists(object) });
    } catch (error) {
      showError(error, t('enrich.title'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<ThunderboltOutlined />} loading={busy} disabled={disabled} onClick={() => void run()} data-testid="enrich-button">
      {t('enrich.button')}
    </Button>
  );
}
