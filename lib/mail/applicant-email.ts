import { isPlainObject } from '@/rules/json-shape';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

const looksLikeEmail = (value: unknown): value is string => typeof value === 'string' && value.length <= 254 && EMAIL.test(value.trim());

/**
 * Where an order's mails go: the e-mail the applicant gave on its application form (the shipped form's
 * 联系人 › 电子邮箱, `contact.email`, whose help says 电子保单与发票将发送到此邮箱). A region's own form may
 * place it elsewhere, so the first field named `email` anywhere in the form data counts too; with none,
 * the enterprise's registered e-mail.
 */
export function applicantEmail(formData: unknown, enterpriseEmail: string | null): string | null {
  const data = typeof formData === 'string' ? safeParse(formData) : formData;
  const contact = isPlainObject(data) ? data.contact : undefined;
  if (isPlainObject(contact) && looksLikeEmail(contact.email)) return contact.email.trim();
  const found = firstEmailField(data);
  if (found) return found;
  return looksLikeEmail(enterpriseEmail) ? enterpriseEmail.trim() : null;
}

function firstEmailField(data: unknown): string | null {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.shift();
    if (!isPlainObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (/e-?mail/i.test(key) && looksLikeEmail(value)) return value.trim();
      if (isPlainObject(value)) stack.push(value);
    }
  }
  return null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
