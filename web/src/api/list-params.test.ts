import { describe, expect, it } from 'vitest';
import { buildListQuery, normalizeListParams } from './list-params';

describe('buildListQuery', () => {
  it('encodes paging, sort, search and filters in the API form', () => {
    const query = buildListQuery({
      limit: 50,
      cursor: 'abc==',
      sort: '-createdAt',
      q: ' 华为 ',
      filter: { region: 'east', industry: 'manufacturing' },
    });
    const params = new URLSearchParams(query);
    expect(params.get('limit')).toBe('50');
    expect(params.get('cursor')).toBe('abc==');
    expect(params.get('sort')).toBe('-createdAt');
    expect(params.get('q')).toBe('华为');
    expect(params.get('filter[region]')).toBe('east');
    expect(params.get('filter[industry]')).toBe('manufacturing');
  });

  it('leaves out empty values', () => {
    expect(buildListQuery({ q: '  ', filter: { ownerId: '', region: undefined } })).toBe('');
  });

  it('orders filters so that equal lists give equal URLs', () => {
    expect(buildListQuery({ filter: { b: '2', a: '1' } })).toBe(buildListQuery({ filter: { a: '1', b: '2' } }));
  });
});

describe('normalizeListParams', () => {
  it('drops empty filters and search so cache keys match', () => {
    expect(normalizeListParams({ q: '', filter: { region: '', industry: 'it' }, sort: 'name' })).toEqual({
      sort: 'name',
      filter: { industry: 'it' },
    });
    expect(normalizeListParams({ filter: {} })).toEqual({});
  });
});
