import { describe, expect, it } from 'vitest';
import { dayjsLocaleOf, detectInitialLocale, matchLocale } from './locales';

describe('detectInitialLocale', () => {
  it('prefers the stored choice', () => {
    expect(detectInitialLocale('en-US', ['zh-CN'])).toBe('en-US');
  });

  it('ignores a stored value that is not a supported locale', () => {
    expect(detectInitialLocale('fr-FR', ['en-GB'])).toBe('en-US');
  });

  it('takes the first supported browser language', () => {
    expect(detectInitialLocale(null, ['fr-FR', 'zh-TW', 'en-US'])).toBe('zh-CN');
  });

  it('defaults to Chinese', () => {
    expect(detectInitialLocale(null, [])).toBe('zh-CN');
    expect(detectInitialLocale(null, ['de-DE'])).toBe('zh-CN');
  });
});

describe('matchLocale', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['EN', 'en-US'],
    ['en-GB', 'en-US'],
    ['ja-JP', null],
    ['', null],
  ])('%s → %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });
});

describe('dayjsLocaleOf', () => {
  it('maps UI locales to dayjs locale names', () => {
    expect(dayjsLocaleOf('zh-CN')).toBe('zh-cn');
    expect(dayjsLocaleOf('en-US')).toBe('en');
  });
});
