import { useMemo, useState } from 'react';
import { Button, Empty, Segmented, Skeleton, Tag, Timeline as AntTimeline, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { ActivityTypeIcon } from '../activities/ActivityTypeIcon';
import { ACTIVITY_STATUSES, type ActivityStatus, type TimelineEntry } from '../api/types';
import { useActivityLabels } from '../activities/use-activity-labels';
import { formatDateTime, formatRelative } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useUserNames } from '../shared/use-user-names';
import { changeValueText } from './change-value';
import { FIELD_LABELS } from './field-labels';
import { timelineHeading } from './timeline-heading';
import { filterTimeline, sortNewestFirst, timelineColor, timelineVisual, type TimelineFilter } from './timeline-entry';

interface TimelineProps {
  entries: readonly TimelineEntry[];
  isLoading: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Older entries exist: show "show older". */
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  timeZone?: string;
}

function isActivityStatus(value: string): value is ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(value);
}

/** The 360° timeline of a record: activities, notes, field changes and new contacts, newest first. */
export function Timeline({ entries, isLoading, error, onRetry, hasMore, loadingMore, onLoadMore, timeZone }: TimelineProps) {
  const { t, locale } = useI18n();
  const labels = useActivityLabels();
  const names = useUserNames();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const now = new Date();
  const visible = useMemo(() => filterTimeline(sortNewestFirst(entries), filter), [entries, filter]);
  const yesNo = { yes: t('common.yes'), no: t('common.no') };

  const filters: { value: TimelineFilter; label: string }[] = [
    { value: 'all', label: t('timeline.all') },
    { value: 'activity', label: t('timeline.activities') },
    { value: 'note', label: t('timeline.notes') },
    { value: 'change', label: t('timeline.changes') },
    { value: 'contact', label: t('timeline.contacts') },
  ];

  if (error) return <QueryErrorResult error={error} onRetry={onRetry} />;

  return (
    <div className="l2c-timeline" data-testid="timeline">
      <div className="l2c-timeline-filter">
        <Segmented<TimelineFilter>
          options={filters}
          value={filter}
          onChange={setFilter}
          size="small"
          data-testid="timeline-filter"
        />
      </div>
      {isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {!isLoading && visible.length === 0 ? <Empty description={t('timeline.empty')} data-testid="timeline-empty" /> : null}
      {!isLoading && visible.length > 0 ? (
        <AntTimeline
          items={visible.map((entry) => {
            const visual = timelineVisual(entry);
            const heading = timelineHeading(entry);
            return {
              key: `${entry.kind}-${entry.id}`,
              color: timelineColor(visual),
              icon: <ActivityTypeIcon visual={visual} />,
              content: (
                <div className="l2c-timeline-entry" data-testid="timeline-item" data-kind={entry.kind} data-visual={visual}>
                  <div className="l2c-timeline-head">
                    <span className="l2c-timeline-title">
                      {entry.kind === 'activity' && entry.activityType ? (
                        <Tag className="l2c-timeline-tag">{labels.type(entry.activityType)}</Tag>
                      ) : null}
                      <Typography.Text strong>
                        {[heading.key ? t(heading.key) : null, heading.text].filter(Boolean).join(' ')}
                      </Typography.Text>
                      {entry.kind === 'activity' && entry.status && entry.status !== 'done' ? (
                        <Tag className="l2c-timeline-tag l2c-timeline-status">
                          {isActivityStatus(entry.status) ? labels.status(entry.status) : entry.status}
                        </Tag>
                      ) : null}
                    </span>
                    <Tooltip title={formatDateTime(entry.at, locale, timeZone)}>
                      <Typography.Text type="secondary" className="l2c-timeline-time">
                        {formatRelative(entry.at, now, locale)}
                      </Typography.Text>
                    </Tooltip>
                  </div>
                  {entry.actorName ? (
                    <Typography.Text type="secondary" className="l2c-timeline-actor">
                      {entry.actorName}
                    </Typography.Text>
                  ) : null}
                  {entry.body ? <Typography.Paragraph className="l2c-timeline-body">{entry.body}</Typography.Paragraph> : null}
                  {entry.changes && entry.changes.length > 0 && entry.action !== 'create' ? (
                    <ul className="l2c-change-list">
                      {entry.changes.map((change) => {
                        const labelKey = FIELD_LABELS[change.field];
                        return (
                          <li key={change.field} data-testid="timeline-change">
                            <span className="l2c-change-field">{labelKey ? t(labelKey) : change.field}</span>
                            <span className="l2c-change-before">{changeValueText(change.field, change.before, locale, yesNo, names)}</span>
                            <ArrowRightOutlined className="l2c-change-arrow" />
                            <span className="l2c-change-after">{changeValueText(change.field, change.after, locale, yesNo, names)}</span>
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </div>
              ),
            };
          })}
        />
      ) : null}
      {!isLoading && hasMore && onLoadMore ? (
        <div className="l2c-load-more">
          <Button onClick={onLoadMore} loading={loadingMore} data-testid="timeline-load-more">
            {t('timeline.loadOlder')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
