import { describe, expect, it } from 'vitest';
import { enUS } from './messages-en-us';
import { zhCN } from './messages-zh-cn';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(enUS) as (keyof typeof enUS)[]) {
      expect({ key, placeholders: placeholders(zhCN[key]) }).toEqual({ key, placeholders: placeholders(enUS[key]) });
    }
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(enUS), ...Object.entries(zhCN)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
