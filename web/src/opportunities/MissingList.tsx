import { Typography } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import type { MissingItem } from '../api/opportunities';
import { useI18n } from '../i18n/i18n-context';
import { missingByStage } from './stage-gaps';

/** The exit criteria a move leaves unmet, grouped by stage, each in the server's words. */
export function MissingList({ missing, testId = 'gate-missing' }: { missing: readonly MissingItem[]; testId?: string }) {
  const { t } = useI18n();
  const groups = missingByStage(missing);
  return (
    <div data-testid={testId}>
      {groups.map((group) => (
        <div key={group.stageName ?? ''} className="l2c-gate-group">
          {group.stageName && groups.length > 1 ? <Typography.Text strong>{t('board.gateStage', { stage: group.stageName })}</Typography.Text> : null}
          <ul className="l2c-gate-list">
            {group.items.map((item) => (
              <li key={`${item.stageName ?? ''}-${item.kind}-${item.key}`} data-testid={`${testId}-item`} data-kind={item.kind} data-key={item.key}>
                <CloseCircleOutlined className="l2c-gate-icon" /> {item.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
