'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { completeEnterprise } from './actions';

const FIELDS = [
  { name: 'legal_representative', label: '法定代表人' },
  { name: 'email', label: '电子邮箱' },
  { name: 'basic_account_bank', label: '基本户开户银行' },
  { name: 'basic_account_name', label: '基本户账户名称' },
  { name: 'basic_account_number', label: '基本户账号' },
] as const;

/** The basic account and the rest an enterprise from a trading platform completes once; the server checks it all. */
export function CompleteEnterpriseForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await completeEnterprise(Object.fromEntries(FIELDS.map(({ name }) => [name, String(form.get(name) ?? '').trim()])));
    setPending(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.message.replace(/^提交的信息有误：/, ''));
      return;
    }
    router.push('/?completed=1');
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {FIELDS.map(({ name, label }) => (
        <div key={name} className="field">
          <label htmlFor={`enterprise-${name}`}>{label}</label>
          <input id={`enterprise-${name}`} className="input" name={name} maxLength={200} aria-invalid={fieldErrors[name] ? true : undefined} placeholder={`请输入${label}`} />
          {fieldErrors[name] && <p className="field__error">{fieldErrors[name]}</p>}
        </div>
      ))}
      <button type="submit" className="btn" disabled={pending}>
        {pending ? '保存中…' : '保存企业信息'}
      </button>
    </form>
  );
}
