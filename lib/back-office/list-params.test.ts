import { describe, expect, it } from 'vitest';
import { parseListParams } from './list-params';

const parse = (query: string) => parseListParams(new URLSearchParams(query), 'name');

describe('react-admin list parameters', () => {
  it('decodes sort, range and filter', () => {
    expect(parse('sort=["code","DESC"]&range=[25,49]&filter={"q":"学校"}')).toEqual({
      sort: { field: 'code', order: 'desc' },
      offset: 25,
      limit: 25,
      filter: { q: '学校' },
    });
  });

  it('defaults to the first 25 rows in the resource\'s order', () => {
    expect(parse('')).toEqual({ sort: { field: 'name', order: 'asc' }, offset: 0, limit: 25, filter: {} });
  });

  it('caps a page at 200 rows', () => {
    expect(parse('range=[0,100000]').limit).toBe(200);
  });

  it.each(['sort=name', 'range=[5,1]', 'range=[-1,3]', 'filter=[1,2]', 'filter={bad json', 'sort=["name","SIDEWAYS"]'])(
    'refuses %s with a 422',
    (query) => {
      expect(() => parse(query)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 422 }));
    },
  );
});
