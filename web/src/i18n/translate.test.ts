import { describe, expect, it } from 'vitest';
import { interpolate, translate } from './translate';

const dictionaries = {
  'en-US': { greeting: 'Hello {name}', onlyEnglish: 'English only', count: '{count} records' },
  'zh-CN': { greeting: '你好，{name}' },
} as const;

describe('translate', () => {
  it('uses the current locale', () => {
    expect(translate(dictionaries, 'zh-CN', 'en-US', 'greeting', { name: '王伟' })).toBe('你好，王伟');
  });

  it('falls back to the fallback locale for a missing translation', () => {
    expect(translate(dictionaries, 'zh-CN', 'en-US', 'onlyEnglish')).toBe('English only');
  });

  it('shows the key itself when no dictionary has it', () => {
    expect(translate(dictionaries, 'zh-CN', 'en-US', 'missing.key')).toBe('missing.key');
  });

  it('works when a whole dictionary is missing', () => {
    expect(translate({ 'en-US': { a: 'A' } }, 'zh-CN', 'en-US', 'a')).toBe('A');
  });
});

describe('interpolate', () => {
  it('replaces every placeholder, numbers included', () => {
    expect(interpolate('{count} of {count}', { count: 3 })).toBe('3 of 3');
  });

  it('keeps placeholders that have no value', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
    expect(interpolate('Hello {name}')).toBe('Hello {name}');
  });
});
