import { defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  products: { 'en-US': 'products', 'zh-CN': '产品' },
  product_lines: { 'en-US': 'product lines', 'zh-CN': '产品线' },
});
