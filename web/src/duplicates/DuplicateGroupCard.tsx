import { Button, Card, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DuplicateGroup, MatchLevel } from '../api/duplicates';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { memberSubtitle, recordLink } from './field-values';
import { ReasonTags } from './ReasonTags';

export const LEVEL_COLORS: Record<MatchLevel, string> = { exact: 'red', strong: 'orange', possible: 'gold' };

interface DuplicateGroupCardProps {
  group: DuplicateGroup;
  canMerge: boolean;
  onMerge: () => void;
}

/** One group of duplicates: its records, how sure the match is, and the reasons of each pair. */
export function DuplicateGroupCard({ group, canMerge, onMerge }: DuplicateGroupCardProps) {
  const { t, locale } = useI18n();
  const titleOf = new Map(group.members.map((m) => [m.id, m.title]));
  const best = Math.max(...group.pairs.map((p) => p.score));
  return (
    <Card
      size="small"
      className="l2c-dedup-group"
      data-testid="duplicate-group"
      data-level={group.level}
      data-members={group.members.map((m) => m.id).join(',')}
    >
      <div className="l2c-dedup-group-head">
        <span className="l2c-dedup-level">
          <Tag color={LEVEL_COLORS[group.level]}>{t(`dedup.level.${group.level}`)}</Tag>
          <Typography.Text type="secondary">{t('dedup.score', { score: Math.round(best * 100) })}</Typography.Text>
        </span>
        <Button type="primary" icon={<MergeCellsOutlined />} onClick={onMerge} disabled={!canMerge} data-testid="duplicate-merge">
          {t('dedup.merge')}
        </Button>
      </div>
      <ul className="l2c-dedup-members">
        {group.members.map((member) => {
          const subtitle = memberSubtitle(member.object, member.record, locale);
          return (
            <li key={member.id} data-testid="duplicate-member" data-id={member.id}>
              <Link to={recordLink(member.object, member.id)}>{member.title}</Link>
              {subtitle ? <Typography.Text type="secondary"> · {subtitle}</Typography.Text> : null}
              <Typography.Text type="secondary"> · {formatDate(member.record.createdAt, locale)}</Typography.Text>
            </li>
          );
        })}
      </ul>
      {group.pairs.map((pair) => (
        <div key={pair.recordIds.join(':')} className="l2c-dedup-pair">
          {group.pairs.length > 1 ? (
            <Typography.Text type="secondary">
              {t('dedup.pairOf', { a: titleOf.get(pair.recordIds[0]) ?? '', b: titleOf.get(pair.recordIds[1]) ?? '' })}:{' '}
            </Typography.Text>
          ) : null}
          <ReasonTags reasons={pair.reasons} />
        </div>
      ))}
    </Card>
  );
}
