import { describe, expect, it } from 'vitest';
import '../../app.js';
import { allMessages, translate } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('every message exists in both languages with the same placeholders', () => {
    const messages = allMessages();
    expect(messages.length).toBeGreaterThan(30);
    for (const [code, text] of messages) {
      expect(text['en-US'].trim(), code).not.toBe('');
      expect(text['zh-CN'].trim(), code).not.toBe('');
      expect(placeholders(text['zh-CN']), code).toEqual(placeholders(text['en-US']));
    }
  });

  it('fills placeholders and names objects and actions in the language asked for', () => {
    expect(translate('zh-CN', 'FORBIDDEN', { object: 'accounts', action: 'update' })).toBe('您没有权限对客户执行编辑操作。');
    expect(translate('en-US', 'FORBIDDEN', { object: 'leads', action: 'delete' })).toBe('You do not have permission to delete leads.');
  });
});
