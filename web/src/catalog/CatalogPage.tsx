import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { ProductLineList } from './ProductLineList';
import { ProductList } from './ProductList';

/** Settings → products: the product catalog (products with list prices) and its product lines. */
export function CatalogPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'lines' ? 'lines' : 'products';
  return (
    <div data-testid="catalog-page">
      <PageHeader title={t('nav.products')} subtitle={t('module.products')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'lines' ? { tab: 'lines' } : {}, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'products', label: <span data-testid="catalog-tab-products">{t('catalog.products')}</span>, children: <ProductList /> },
          { key: 'lines', label: <span data-testid="catalog-tab-lines">{t('catalog.productLines')}</span>, children: <ProductLineList /> },
        ]}
      />
    </div>
  );
}
