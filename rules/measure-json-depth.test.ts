import { describe, expect, it } from 'vitest';
import { findTooDeepNode, utf8ByteLength } from './measure-json-depth';

describe('findTooDeepNode', () => {
  it('counts the root container as depth 1 and ignores scalars', () => {
    expect(findTooDeepNode('text', 0)).toBeUndefined();
    expect(findTooDeepNode([], 1)).toBeUndefined();
    expect(findTooDeepNode([[]], 1)).toEqual({ path: '$[0]' });
  });

  it('reports the first too-deep node in document order', () => {
    expect(findTooDeepNode({ a: { ok: 1 }, b: [{ deep: {} }], c: [{ deeper: {} }] }, 3)).toEqual({ path: '$.b[0].deep' });
  });

  it('quotes keys that are not identifiers', () => {
    expect(findTooDeepNode({ '项目 状态': {} }, 1)).toEqual({ path: '$["项目 状态"]' });
  });

  it('walks 100,000 levels without a stack overflow', () => {
    let value: unknown = {};
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(findTooDeepNode(value, 48)?.path).toBe(`$${'[0]'.repeat(48)}`);
  });
});

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['退保', 6],
    ['😀', 4],
    ['\ud800', 3],
  ])('%j is %i bytes, as TextEncoder counts', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});
