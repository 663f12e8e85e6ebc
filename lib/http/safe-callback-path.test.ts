import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback-path';

describe('sign-in callback', () => {
  it.each([
    ['/orders?status=issued', '/orders?status=issued'],
    ['/admin#/insurers', '/admin#/insurers'],
    [undefined, '/'],
    ['', '/'],
  ])('keeps the site path %s', (input, output) => {
    expect(safeCallbackPath(input)).toBe(output);
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', '\\\\evil.example', 'javascript:alert(1)'])(
    'refuses %s',
    (input) => {
      expect(safeCallbackPath(input)).toBe('/');
    },
  );
});
