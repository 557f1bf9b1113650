import { Button, Select } from 'antd';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { ListStateControls } from './use-list-state';
import { UserSelect } from './UserSelect';

interface OptionFilterProps {
  list: ListStateControls;
  field: string;
  placeholder: string;
  options: { value: string; label: string }[];
  testId: string;
  /** Type to narrow long lists (provinces, products). */
  searchable?: boolean;
}

/** A picklist filter of a list page, bound to one URL filter key. */
export function OptionFilter({ list, field, placeholder, options, testId, searchable }: OptionFilterProps) {
  return (
    <Select
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      placeholder={placeholder}
      value={list.filter[field] || undefined}
      onChange={(value: string | undefined) => list.setFilter(field, value)}
      options={options}
      className="l2c-filter-field"
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

interface OwnerFilterProps {
  list: ListStateControls;
  /** `<prefix>-owner` for the picker and `<prefix>-mine` for the "mine" toggle. */
  testIdPrefix: string;
  /** Show the one-click "mine" toggle beside the picker. */
  withMine?: boolean;
}

/** Owner filter of a list page: any user, or one click for the caller's own records. */
export function OwnerFilter({ list, testIdPrefix, withMine = false }: OwnerFilterProps) {
  const { t } = useI18n();
  const me = useMe();
  const mine = list.filter.ownerId === me.user.id;
  return (
    <>
      <UserSelect
        placeholder={t('common.owner')}
        value={list.filter.ownerId || null}
        onChange={(value) => list.setFilter('ownerId', value ?? undefined)}
        initialOption={mine ? { value: me.user.id, label: me.user.name } : null}
        className="l2c-filter-field"
        testId={`${testIdPrefix}-owner`}
      />
      {withMine && (
        <Button
          type={mine ? 'primary' : 'default'}
          ghost={mine}
          onClick={() => list.setFilter('ownerId', mine ? undefined : me.user.id)}
          data-testid={`${testIdPrefix}-mine`}
        >
          {t('filter.mine')}
        </Button>
      )}
    </>
  );
}
