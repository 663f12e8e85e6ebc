import { describe, expect, it } from 'vitest';
import { applicantEmail } from './applicant-email';

describe('where an order\'s mails go', () => {
  it('is the e-mail of the application form (联系人 › 电子邮箱), before the enterprise\'s registered one', () => {
    expect(applicantEmail({ contact: { email: ' tender@example.cn ' } }, 'office@example.cn')).toBe('tender@example.cn');
    expect(applicantEmail(JSON.stringify({ contact: { email: 'tender@example.cn' } }), null)).toBe('tender@example.cn');
  });

  it('finds a region\'s own form\'s e-mail field wherever it sits', () => {
    expect(applicantEmail({ applicant: { name: 'x' }, notify: { mail: 'not a field named so' }, finance: { eMail: 'cw@example.cn' } }, null)).toBe('cw@example.cn');
  });

  it('falls back to the enterprise\'s e-mail, and to nobody, never to something that is not an address', () => {
    expect(applicantEmail({ contact: { email: 'bid@' } }, 'office@example.cn')).toBe('office@example.cn');
    expect(applicantEmail({}, 'not-an-address')).toBeNull();
    expect(applicantEmail('{broken', null)).toBeNull();
    expect(applicantEmail({ contact: { email: 'a <b@example.cn>' } }, null)).toBeNull();
    expect(applicantEmail({ contact: { email: `${'x'.repeat(250)}@example.cn` } }, null)).toBeNull();
  });
});
