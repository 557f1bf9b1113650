import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Typography } from 'antd';
import { queryKeys } from '../api/query-keys';
import { notesApi } from '../api/resources';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';

/** The notes written on one record, newest first. */
export function NoteList({ object, recordId, timeZone }: { object: string; recordId: string; timeZone?: string }) {
  const { t, locale } = useI18n();
  const params = { filter: { object, recordId }, sort: '-createdAt', limit: 100 };
  const notes = useQuery({
    queryKey: queryKeys.list('notes', params),
    queryFn: ({ signal }) => notesApi.list(params, signal),
  });
  if (notes.isPending) return <Skeleton active />;
  if (notes.isError) return <QueryErrorResult error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.data.length === 0) return <Empty description={t('note.empty')} />;
  return (
    <div className="l2c-note-list" data-testid="note-list">
      {notes.data.data.map((note) => (
        <div key={note.id} className="l2c-note" data-testid="note-item">
          <Typography.Paragraph className="l2c-note-body">{note.body}</Typography.Paragraph>
          <Typography.Text type="secondary" className="l2c-note-meta">
            {[note.authorName ?? note.ownerName, formatDateTime(note.createdAt, locale, timeZone)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
