import { useMemo } from 'react';
import type { CampaignAction, CampaignStatus, CampaignType, CostCategory, FormField, MemberStatus } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

const TYPE_KEYS: Record<CampaignType, MessageKey> = {
  seo: 'campaign.type.seo',
  sem: 'campaign.type.sem',
  content: 'campaign.type.content',
  webinar: 'campaign.type.webinar',
  email: 'campaign.type.email',
  sponsorship: 'campaign.type.sponsorship',
  seminar: 'campaign.type.seminar',
  conference: 'campaign.type.conference',
  trade_show: 'campaign.type.trade_show',
  other: 'campaign.type.other',
};

const STATUS_KEYS: Record<CampaignStatus, MessageKey> = {
  planned: 'campaign.status.planned',
  active: 'campaign.status.active',
  completed: 'campaign.status.completed',
  aborted: 'campaign.status.aborted',
};

const ACTION_KEYS: Record<CampaignAction, MessageKey> = {
  activate: 'campaign.action.activate',
  complete: 'campaign.action.complete',
  abort: 'campaign.action.abort',
};

const MEMBER_KEYS: Record<MemberStatus, MessageKey> = {
  invited: 'member.status.invited',
  registered: 'member.status.registered',
  attended: 'member.status.attended',
  responded: 'member.status.responded',
};

const SOURCE_KEYS: Record<string, MessageKey> = {
  manual: 'member.source.manual',
  form: 'member.source.form',
  api: 'member.source.api',
};

const COST_KEYS: Record<CostCategory, MessageKey> = {
  media: 'cost.category.media',
  venue: 'cost.category.venue',
  catering: 'cost.category.catering',
  travel: 'cost.category.travel',
  materials: 'cost.category.materials',
  agency: 'cost.category.agency',
  sponsorship: 'cost.category.sponsorship',
  software: 'cost.category.software',
  staff: 'cost.category.staff',
  other: 'cost.category.other',
};

export const FIELD_KEYS: Record<'name' | FormField, MessageKey> = {
  name: 'formField.name',
  email: 'formField.email',
  phone: 'formField.phone',
  company: 'formField.company',
  title: 'formField.title',
  city: 'formField.city',
  productInterest: 'formField.productInterest',
  message: 'formField.message',
};

/** Tag colours: a running campaign stands out, a finished one fades. */
export const STATUS_COLORS: Record<CampaignStatus, string> = {
  planned: 'blue',
  active: 'green',
  completed: 'default',
  aborted: 'red',
};

export const MEMBER_COLORS: Record<MemberStatus, string> = {
  invited: 'default',
  registered: 'blue',
  attended: 'cyan',
  responded: 'green',
};

/** Labels of campaign values in the UI language; unknown values are shown as stored. */
export function useCampaignLabels() {
  const { t } = useI18n();
  return useMemo(() => {
    const label = <K extends string>(keys: Partial<Record<K, MessageKey>>) => (value: K) => {
      const key = keys[value];
      return key ? t(key) : value;
    };
    return {
      type: label(TYPE_KEYS),
      status: label(STATUS_KEYS),
      action: label(ACTION_KEYS),
      member: label(MEMBER_KEYS),
      source: label(SOURCE_KEYS),
      cost: label(COST_KEYS),
      field: label(FIELD_KEYS),
    };
  }, [t]);
}
