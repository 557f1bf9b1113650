import { useCallback, useState } from 'react';
import { Alert, Button, Input, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { ListParams } from '../api/list-params';
import { auditApi } from '../api/resources';
import type { AuditEntry, AuditVerifyResult } from '../api/types';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { PageHeader } from '../shared/PageHeader';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useUserNames } from '../shared/use-user-names';
import { changeValueText } from '../timeline/change-value';
import { auditChanges } from './audit-changes';

type AuditRow = AuditEntry & { id: string };

/** Record ids are UUIDs; anything else cannot match and the server would refuse it. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTION_COLORS: Readonly<Record<string, string>> = { create: 'green', update: 'blue', delete: 'red' };

/** The tamper-evident audit log: filter by record, and verify the hash chain. */
export function AuditList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useErrorFeedback();
  const [search, setSearch] = useSearchParams();
  const recordId = search.get('recordId') ?? '';
  const [recordText, setRecordText] = useState(recordId);
  const [recordInvalid, setRecordInvalid] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerifyResult | null>(null);
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  const names = useUserNames();

  const fetchPage = useCallback(async ({ filter, ...rest }: ListParams, signal: AbortSignal) => {
    const page = await auditApi.list({ limit: rest.limit, cursor: rest.cursor, recordId: filter?.recordId }, signal);
    return { ...page, data: page.data.map((entry) => ({ ...entry, id: String(entry.seq) })) };
  }, []);

  const applyRecordId = (value: string) => {
    const invalid = value.trim() !== '' && !UUID_PATTERN.test(value.trim());
    setRecordInvalid(invalid);
    if (invalid) return;
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value.trim()) next.set('recordId', value.trim());
        else next.delete('recordId');
        return next;
      },
      { replace: true },
    );
  };

  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await auditApi.verify());
    } catch (error) {
      showError(error);
    } finally {
      setVerifying(false);
    }
  };

  const columns: DataColumn<AuditRow>[] = [
    { key: 'seq', title: t('audit.seq'), locked: true, render: (e) => <span className="l2c-mono">{e.seq}</span> },
    { key: 'at', title: t('audit.at'), render: (e) => formatDateTime(e.at, locale, me.tenant.timezone) },
    { key: 'actor', title: t('audit.actor'), render: (e) => e.actorName ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), render: (e) => <Tag color={ACTION_COLORS[e.action] ?? 'default'}>{e.action}</Tag> },
    { key: 'object', title: t('audit.object'), render: (e) => e.object },
    {
      key: 'recordId',
      title: t('audit.recordId'),
      render: (e) =>
        e.recordId ? (
          <Button
            type="link"
            size="small"
            className="l2c-link-button l2c-mono"
            onClick={(event) => {
              event.stopPropagation();
              setRecordText(e.recordId ?? '');
              applyRecordId(e.recordId ?? '');
            }}
          >
            {e.recordId}
          </Button>
        ) : (
          ''
        ),
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      render: (e) => (
        <ul className="l2c-change-list l2c-change-list-compact">
          {auditChanges(e.changes).map((change) => (
            <li key={change.field}>
              <span className="l2c-change-field">{change.field}</span>
              <span className="l2c-change-before">{changeValueText(change.field, change.before, locale, yesNo, names)}</span>
              <span className="l2c-change-arrow">→</span>
              <span className="l2c-change-after">{changeValueText(change.field, change.after, locale, yesNo, names)}</span>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'ip', title: t('audit.ip'), defaultHidden: true, render: (e) => e.ip ?? '' },
  ];

  return (
    <div data-testid="audit-list-page">
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('module.audit')}
        actions={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          className="l2c-form-alert"
          showIcon
          closable={{ onClose: () => setVerification(null) }}
          type={verification.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          data-ok={verification.ok ? 'true' : 'false'}
          title={
            verification.ok
              ? t('audit.verifyOk', { count: verification.checked })
              : t('audit.verifyBroken', { seq: verification.firstBrokenSeq ?? verification.firstBrokenId ?? '?', count: verification.checked })
          }
          description={verification.ok ? undefined : verification.reason}
        />
      ) : null}
      <div className="l2c-filter-bar">
        <Space.Compact className="l2c-filter-search">
          <Input
            allowClear
            value={recordText}
            onChange={(event) => {
              setRecordText(event.target.value);
              if (event.target.value === '') applyRecordId('');
            }}
            onPressEnter={() => applyRecordId(recordText)}
            placeholder={t('audit.recordIdPlaceholder')}
            status={recordInvalid ? 'error' : undefined}
            data-testid="audit-filter-record"
          />
          <Button type="primary" onClick={() => applyRecordId(recordText)} data-testid="audit-filter-apply">
            {t('filter.apply')}
          </Button>
        </Space.Compact>
        {recordInvalid ? (
          <Typography.Text type="danger" className="l2c-inline-hint">
            {t('validation.recordId')}
          </Typography.Text>
        ) : null}
      </div>
      <DataTable<AuditRow>
        tableId="audit"
        testId="audit-list"
        resource="audit"
        fetchPage={fetchPage}
        params={{ filter: { recordId } }}
        sort={null}
        columns={columns}
        cardColumns={['action', 'at', 'actor', 'object', 'changes']}
      />
    </div>
  );
}
