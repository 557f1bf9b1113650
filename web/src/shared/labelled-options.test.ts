import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from './industries';
import { labelOf, toSelectOptions } from './labelled-options';
import { PROVINCES, REGIONS } from './regions';

describe('labelled values', () => {
  it('shows the label in the reader’s language', () => {
    expect(labelOf(REGIONS, '华东大区', 'zh-CN')).toBe('华东大区');
    expect(labelOf(REGIONS, '华东大区', 'en-US')).toBe('East China');
    expect(labelOf(PROVINCES, '广东', 'en-US')).toBe('Guangdong');
  });

  it('shows unknown values as stored and empty values as nothing', () => {
    expect(labelOf(INDUSTRIES, 'Semiconductors', 'zh-CN')).toBe('Semiconductors');
    expect(labelOf(INDUSTRIES, null, 'en-US')).toBe('');
  });

  it('has unique values in every list', () => {
    for (const list of [INDUSTRIES, REGIONS, PROVINCES]) {
      expect(new Set(list.map((item) => item.value)).size).toBe(list.length);
    }
  });

  it('builds select options', () => {
    expect(toSelectOptions(REGIONS, 'en-US')[0]).toEqual({ value: '华北大区', label: 'North China' });
  });
});
