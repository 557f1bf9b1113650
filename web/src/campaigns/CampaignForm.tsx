import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { campaignsApi } from '../api/resources';
import type { Campaign } from '../api/types';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import {
  CAMPAIGN_FIELD_ALIASES,
  CAMPAIGN_FORM_FIELDS,
  toCampaignFormValues,
  toCampaignInput,
  type CampaignFormValues,
} from './campaign-form-values';
import { CampaignInputs } from './CampaignInputs';

interface CampaignFormProps {
  open: boolean;
  /** The campaign to edit; null creates a new one. */
  campaign: Campaign | null;
  onClose: () => void;
  onSaved?: (campaign: Campaign) => void;
}

/** Create or edit a campaign. An edit sends only the changed fields, with the version it started from. */
export function CampaignForm({ open, campaign, onClose, onSaved }: CampaignFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const currency = me.tenant.currency || 'CNY';
  const initialValues = useMemo(
    () => toCampaignFormValues(campaign, currency, campaign ? undefined : me.user.id),
    [campaign, currency, me.user.id],
  );

  const submit = async (values: CampaignFormValues): Promise<Campaign> => {
    if (!campaign) return campaignsApi.create(toCampaignInput(values, true));
    const before = toCampaignInput(toCampaignFormValues(campaign, currency), false);
    const patch = changedFields(before, toCampaignInput(values, false));
    return campaignsApi.update(campaign.id, { ...patch, version: campaign.version });
  };

  return (
    <RecordFormDrawer<CampaignFormValues, Campaign>
      open={open}
      title={campaign ? t('campaign.edit') : t('campaign.create')}
      testId="campaign-form"
      initialValues={initialValues}
      fieldNames={CAMPAIGN_FORM_FIELDS}
      fieldAliases={CAMPAIGN_FIELD_ALIASES}
      onSubmit={submit}
      onSaved={(saved) => {
        queryClient.setQueryData(queryKeys.detail('campaigns', saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.lists('campaigns') });
        void queryClient.invalidateQueries({ queryKey: queryKeys.campaignSummary(saved.id) });
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
      onReload={
        campaign
          ? async () =>
              toCampaignFormValues(
                await queryClient.fetchQuery({
                  queryKey: queryKeys.detail('campaigns', campaign.id),
                  queryFn: ({ signal }) => campaignsApi.get(campaign.id, signal),
                  staleTime: 0,
                }),
                currency,
              )
          : undefined
      }
    >
      <CampaignInputs
        isNew={!campaign}
        ownerOption={
          campaign ? { value: campaign.ownerId ?? '', label: campaign.ownerName ?? campaign.ownerId ?? '' } : { value: me.user.id, label: me.user.name }
        }
      />
    </RecordFormDrawer>
  );
}
