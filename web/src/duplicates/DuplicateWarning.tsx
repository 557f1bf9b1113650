import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { duplicatesApi, type DedupObject } from '../api/duplicates';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { recordLink } from './field-values';

/**
 * "Possible duplicate of …" on a record page (e.g. right after a lead was created), with a link
 * to the review. For a lead, also the account its company may already be. Nothing when none.
 */
export function DuplicateWarning({ object, id }: { object: DedupObject; id: string }) {
  const { t } = useI18n();
  const candidates = useQuery({
    queryKey: queryKeys.recordDuplicates(object, id),
    queryFn: ({ signal }) => duplicatesApi.ofRecord(object, id, 'strong', signal),
  });
  const found = candidates.data?.data ?? [];
  const twins = found.filter((c) => c.object === object);
  const account = object === 'leads' ? found.find((c) => c.object === 'accounts') : undefined;
  if (twins.length === 0 && !account) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="l2c-section"
      data-testid="duplicate-warning"
      title={
        <>
          {twins.length > 0 ? (
            <div>
              {t('dedup.warning', { names: twins.slice(0, 3).map((c) => c.title).join('、') })}{' '}
              <Link to={`/duplicates?object=${object}`}>{t('dedup.warningReview')}</Link>
            </div>
          ) : null}
          {account ? (
            <div>
              {t('dedup.warningAccount', { name: account.title })} <Link to={recordLink('accounts', account.id)}>→</Link>
            </div>
          ) : null}
        </>
      }
    />
  );
}
