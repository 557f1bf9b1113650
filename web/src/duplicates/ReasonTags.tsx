import { Tag, Tooltip } from 'antd';
import type { MatchReason } from '../api/duplicates';
import { useI18n } from '../i18n/i18n-context';
import { reasonLabelKey } from './field-values';

/** Why two records were matched: evidence for in blue, against in grey; the detail on hover. */
export function ReasonTags({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t } = useI18n();
  return (
    <span className="l2c-dedup-reasons">
      {reasons.map((reason) => (
        <Tooltip key={`${reason.code}-${reason.detail}`} title={`${reason.detail} (${reason.weight > 0 ? '+' : ''}${reason.weight})`}>
          <Tag color={reason.weight > 0 ? 'blue' : 'default'} data-testid="duplicate-reason" data-code={reason.code}>
            {t(reasonLabelKey(reason))}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
