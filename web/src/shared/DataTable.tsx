import { useMemo, type ReactNode } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { API_BASE } from '../api/http-client';
import { buildListQuery, DEFAULT_PAGE_SIZE, type ListParams } from '../api/list-params';
import { queryKeys } from '../api/query-keys';
import type { ResourceName } from '../api/resources';
import type { Page } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ColumnChooser } from './ColumnChooser';
import { QueryErrorResult } from './QueryErrorResult';
import { toSortParam, type SortState } from './sort-param';
import { useColumnVisibility } from './use-column-visibility';
import { useIsPhone } from './use-is-phone';

export interface DataColumn<T> {
  key: string;
  title: string;
  render: (record: T) => ReactNode;
  /** The API's sort field; the column is sortable when set. */
  sortField?: string;
  width?: number;
  /** Hidden until chosen in the column chooser. */
  defaultHidden?: boolean;
  /** Always visible (typically the record's name). */
  locked?: boolean;
}

export interface DataTableProps<T extends { id: string }> {
  /** Key of the column choice in localStorage. */
  tableId: string;
  /** Test id of the table; rows are `<testId>-row`, the button `<testId>-load-more`. */
  testId: string;
  resource: ResourceName;
  fetchPage: (params: ListParams, signal: AbortSignal) => Promise<Page<T>>;
  /** Search and filters; the sort comes separately. */
  params: Omit<ListParams, 'sort' | 'cursor' | 'limit'>;
  sort: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  columns: readonly DataColumn<T>[];
  onRowClick?: (record: T) => void;
  /** Column keys shown on a phone card; the first is the card's title. Defaults to the first three visible. */
  cardColumns?: readonly string[];
  /** Extra controls beside the column chooser. */
  toolbar?: ReactNode;
  /** The resource's CSV export (`/accounts/export`): a download of what the list shows. */
  exportPath?: string;
  emptyText?: string;
  pageSize?: number;
}

/**
 * The list view of every resource: server-side sort and filters, cursor paging with "load more",
 * a remembered column choice, and compact cards instead of a table on phones.
 */
export function DataTable<T extends { id: string }>(props: DataTableProps<T>) {
  const { tableId, testId, resource, fetchPage, params, sort, onSortChange, columns, onRowClick, toolbar } = props;
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const pageSize = props.pageSize ?? DEFAULT_PAGE_SIZE;
  const sortParam = toSortParam(sort);

  const allKeys = useMemo(() => columns.map((c) => c.key), [columns]);
  const defaultKeys = useMemo(() => columns.filter((c) => !c.defaultHidden).map((c) => c.key), [columns]);
  const lockedKeys = useMemo(() => columns.filter((c) => c.locked).map((c) => c.key), [columns]);
  const visibility = useColumnVisibility(tableId, allKeys, defaultKeys, lockedKeys);
  const visibleColumns = useMemo(
    () => columns.filter((c) => visibility.visible.includes(c.key)),
    [columns, visibility.visible],
  );

  const query = useInfiniteQuery({
    queryKey: queryKeys.list(resource, { ...params, sort: sortParam, limit: pageSize }),
    queryFn: ({ pageParam, signal }) => fetchPage({ ...params, sort: sortParam, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);

  const tableColumns: TableColumnsType<T> = visibleColumns.map((column) => ({
    key: column.key,
    title: column.title,
    width: column.width,
    render: (_value: unknown, record: T) => column.render(record),
    sorter: column.sortField ? true : undefined,
    sortOrder: column.sortField && sort?.field === column.sortField ? sort.order : null,
    showSorterTooltip: false,
  }));

  const handleChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter) => {
    if (!onSortChange) return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = columns.find((c) => c.key === single?.columnKey);
    if (single?.order && column?.sortField) onSortChange({ field: column.sortField, order: single.order });
    else onSortChange(null);
  };

  if (query.isError && rows.length === 0) {
    return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }

  const emptyNode = <Empty description={props.emptyText ?? t('table.empty')} />;
  const cardKeys = props.cardColumns ?? visibleColumns.slice(0, 3).map((c) => c.key);
  const cardColumns = cardKeys
    .map((key) => columns.find((c) => c.key === key))
    .filter((c): c is DataColumn<T> => c !== undefined);

  return (
    <div className="l2c-data-table" data-testid={testId}>
      <div className="l2c-table-toolbar">
        <Typography.Text type="secondary" data-testid={`${testId}-count`}>
          {query.isPending ? '' : query.hasNextPage ? t('table.loadedMore', { count: rows.length }) : t('table.loaded', { count: rows.length })}
        </Typography.Text>
        <Space wrap>
          {toolbar}
          {props.exportPath ? (
            <Button
              icon={<DownloadOutlined />}
              href={`${API_BASE}${props.exportPath}?${buildListQuery({ ...params, sort: sortParam })}`}
              download
              data-testid={`${testId}-export`}
            >
              <span className="l2c-hide-phone">{t('table.export')}</span>
            </Button>
          ) : null}
          {isPhone ? null : (
            <ColumnChooser
              testId={testId}
              columns={columns.map((c) => ({ key: c.key, title: c.title, locked: c.locked ?? false }))}
              visible={visibility.visible}
              onToggle={visibility.toggle}
              onReset={visibility.reset}
            />
          )}
        </Space>
      </div>

      {isPhone ? (
        <Spin spinning={query.isFetching && !query.isFetchingNextPage}>
          {rows.length === 0 && !query.isPending ? emptyNode : null}
          <div className="l2c-card-list">
            {rows.map((record) => (
              <Card
                key={record.id}
                size="small"
                hoverable={Boolean(onRowClick)}
                onClick={onRowClick ? () => onRowClick(record) : undefined}
                data-testid={`${testId}-row`}
                title={cardColumns[0]?.render(record)}
              >
                {cardColumns.slice(1).map((column) => (
                  <div key={column.key} className="l2c-card-field">
                    <span className="l2c-card-label">{column.title}</span>
                    <span className="l2c-card-value">{column.render(record)}</span>
                  </div>
                ))}
              </Card>
            ))}
          </div>
        </Spin>
      ) : (
        <Table<T>
          rowKey="id"
          size="middle"
          columns={tableColumns}
          dataSource={rows}
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onChange={handleChange}
          locale={{ emptyText: emptyNode }}
          rowClassName={onRowClick ? 'l2c-clickable-row' : undefined}
          onRow={(record) => {
            const attributes = { 'data-testid': `${testId}-row`, onClick: onRowClick ? () => onRowClick(record) : undefined };
            return attributes;
          }}
        />
      )}

      {query.hasNextPage ? (
        <div className="l2c-load-more">
          <Button
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            data-testid={`${testId}-load-more`}
            block={isPhone}
          >
            {t('table.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
