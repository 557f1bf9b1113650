import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Col, DatePicker, Form, Input, Row, Segmented, Select } from 'antd';
import { queryKeys } from '../api/query-keys';
import { contactsApi } from '../api/resources';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityType } from '../api/types';
import { AccountSelect } from '../accounts/AccountSelect';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { ActivityTypeIcon } from './ActivityTypeIcon';
import { REMINDER_CHOICES, usesDueDate } from './activity-form-values';
import { CheckInButton } from './CheckInButton';
import { useActivityLabels } from './use-activity-labels';

/** The activity fields; the contacts offered are those of the account. */
export function ActivityInputs({ fixedAccountId }: { fixedAccountId: string | null }) {
  const { t } = useI18n();
  const labels = useActivityLabels();
  const type = Form.useWatch<ActivityType | undefined>('type') ?? 'call';
  const chosenAccountId = Form.useWatch<string | null | undefined>('accountId');
  const accountId = fixedAccountId ?? chosenAccountId ?? null;
  const contactParams = { filter: { accountId: accountId ?? undefined }, limit: 100 };
  const contacts = useQuery({
    queryKey: queryKeys.list('contacts', contactParams),
    queryFn: ({ signal }) => contactsApi.list(contactParams, signal),
    enabled: accountId !== null,
  });

  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="type" label={t('activity.type')} rules={[{ required: true, message: t('validation.required') }]}>
          <Segmented<ActivityType>
            block
            data-testid="activity-form-type"
            options={ACTIVITY_TYPES.map((value) => ({
              value,
              label: (
                <span className="l2c-segment-label" data-testid={`activity-type-${value}`}>
                  <ActivityTypeIcon visual={value} />
                  <span>{labels.type(value)}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="subject" label={t('activity.subject')} rules={[requiredRule(t), { max: 300, message: t('validation.tooLong', { max: 300 }) }]}>
          <Input data-testid="activity-form-subject" />
        </Form.Item>
      </Col>
      {usesDueDate(type) ? (
        <>
          <Col xs={24} md={12}>
            <Form.Item name="dueAt" label={t('activity.dueAt')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="l2c-full-width" data-testid="activity-form-due" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reminder" label={t('activity.reminder')} initialValue="default">
              <Select
                data-testid="activity-form-reminder"
                options={REMINDER_CHOICES.map((value) => ({ value, label: t(`activity.reminder.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </>
      ) : (
        <>
          <Col xs={24} md={12}>
            <Form.Item name="startAt" label={t('activity.startAt')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="l2c-full-width" data-testid="activity-form-start" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="endAt"
              label={t('activity.endAt')}
              dependencies={['startAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startAt') as Dayjs | null | undefined;
                    return value && start && value.isBefore(start)
                      ? Promise.reject(new Error(t('validation.endBeforeStart')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="l2c-full-width" data-testid="activity-form-end" />
            </Form.Item>
          </Col>
        </>
      )}
      {fixedAccountId ? null : (
        <Col xs={24} md={12}>
          <Form.Item name="accountId" label={t('contact.account')}>
            <AccountSelect testId="activity-form-account" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="status" label={t('activity.status')}>
          <Select
            options={ACTIVITY_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
            data-testid="activity-form-status"
          />
        </Form.Item>
      </Col>
      {accountId ? (
        <Col xs={24} md={12}>
          <Form.Item name="contactIds" label={t('activity.contacts')}>
            <Select
              mode="multiple"
              allowClear
              loading={contacts.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(contacts.data?.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
              data-testid="activity-form-contacts"
            />
          </Form.Item>
        </Col>
      ) : null}
      {type === 'visit' ? (
        <Col xs={24}>
          <Form.Item name="checkIn" label={t('activity.checkInLabel')}>
            <CheckInButton />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24}>
        <Form.Item name="outcome" label={t('activity.outcome')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="activity-form-outcome" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="nextStep" label={t('activity.nextStep')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="activity-form-next-step" />
        </Form.Item>
      </Col>
    </Row>
  );
}
