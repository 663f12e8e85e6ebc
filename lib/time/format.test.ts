import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time whatever the server zone', () => {
    expect(formatDateTime('2026-11-24T01:30:00Z')).toBe('2026-11-24 09:30');
    expect(formatDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
  });
});
