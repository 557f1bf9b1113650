import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Badge, Button, Input } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context';
import { useIsPhone } from './use-is-phone';

interface FilterBarProps {
  q: string;
  onQChange: (q: string) => void;
  searchPlaceholder: string;
  /** Prefix of the test ids: `<testId>-search`, `<testId>-reset`, `<testId>-toggle`. */
  testId: string;
  /** Number of filters in use (besides the search text), shown on the phone toggle. */
  activeCount: number;
  onReset: () => void;
  /** The filter controls; on phones they fold away behind a "Filters" button. */
  children?: ReactNode;
}

/** Text search (debounced) plus field filters; the values live in the URL through useListState. */
export function FilterBar({ q, onQChange, searchPlaceholder, testId, activeCount, onReset, children }: FilterBarProps) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [text, setText] = useState(q);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL is the source of truth: a reset or the back button changes `q` from outside.
  useEffect(() => setText(q), [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const handleText = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onQChange(value), 350);
  };

  const showFilters = !isPhone || open;
  return (
    <div className="l2c-filter-bar" data-testid={testId}>
      <div className="l2c-filter-row">
        <Input.Search
          allowClear
          value={text}
          placeholder={searchPlaceholder}
          onChange={(event) => handleText(event.target.value)}
          onSearch={(value) => {
            clearTimeout(timer.current);
            setText(value);
            onQChange(value);
          }}
          className="l2c-filter-search"
          data-testid={`${testId}-search`}
        />
        {isPhone && children ? (
          <Badge count={activeCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setOpen((value) => !value)} data-testid={`${testId}-toggle`}>
              {t('filter.filters')}
            </Button>
          </Badge>
        ) : null}
        {!isPhone && (activeCount > 0 || q) ? (
          <Button icon={<ClearOutlined />} onClick={onReset} data-testid={`${testId}-reset`}>
            {t('filter.reset')}
          </Button>
        ) : null}
      </div>
      {showFilters && children ? (
        <div className="l2c-filter-row l2c-filter-fields">
          {children}
          {isPhone && (activeCount > 0 || q) ? (
            <Button icon={<ClearOutlined />} onClick={onReset} data-testid={`${testId}-reset`}>
              {t('filter.reset')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
