'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { EnterpriseDetails } from '@/lib/enterprises/enterprise-details';
import { resubmitForReview } from './actions';

const FIELDS: { name: keyof EnterpriseDetails; label: string; hint?: string; inputMode?: 'text' | 'numeric' | 'tel' | 'email' }[] = [
  { name: 'name', label: '企业名称', hint: '与营业执照一致' },
  { name: 'uscc', label: '统一社会信用代码', hint: '18 位，与营业执照一致' },
  { name: 'legalRepresentative', label: '法定代表人' },
  { name: 'contactName', label: '联系人' },
  { name: 'contactPhone', label: '联系人手机号', inputMode: 'tel' },
  { name: 'email', label: '电子邮箱', inputMode: 'email' },
  { name: 'basicAccountBank', label: '基本户开户银行', hint: '例如：中国工商银行乌鲁木齐天山区支行' },
  { name: 'basicAccountName', label: '基本户账户名称', hint: '通常为企业名称' },
  { name: 'basicAccountNumber', label: '基本户账号', hint: '8 至 32 位数字', inputMode: 'numeric' },
];

/** The enterprise's details, as registered, to correct and 【重新提交认证】; the server checks them again. */
export function ResubmitForm({ initial }: { initial: EnterpriseDetails }) {
  const router = useRouter();
  const [values, setValues] = useState<EnterpriseDetails>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof EnterpriseDetails, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const idPrefix = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(FIELDS.filter((f) => !values[f.name].trim()).map((f) => [f.name, `请填写${f.label}`]));
    setErrors(missing);
    setMessage(null);
    if (Object.keys(missing).length > 0) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setPending(true);
    const result = await resubmitForReview(values).catch(() => ({ ok: false as const, message: '网络异常，请稍后重试', fieldErrors: undefined }));
    setPending(false);
    setConfirming(false);
    if (result.ok) {
      router.refresh();
      return;
    }
    setErrors((result.fieldErrors ?? {}) as Partial<Record<keyof EnterpriseDetails, string>>);
    setMessage(result.message);
  };

  return (
    <form onSubmit={submit} aria-label="修改企业信息" noValidate>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', columnGap: 24 }}>
        {FIELDS.map((field) => (
          <div key={field.name} className="field">
            <label htmlFor={`${idPrefix}-${field.name}`}>{field.label}</label>
            <input
              id={`${idPrefix}-${field.name}`}
              className="input"
              name={field.name}
              inputMode={field.inputMode}
              autoComplete="off"
              value={values[field.name]}
              onChange={(e) => {
                setValues({ ...values, [field.name]: e.target.value });
                setConfirming(false);
              }}
              aria-invalid={errors[field.name] ? true : undefined}
              disabled={pending}
            />
            {errors[field.name] ? <span className="field__error">{errors[field.name]}</span> : field.hint && <span className="muted">{field.hint}</span>}
          </div>
        ))}
      </div>
      {message && (
        <p className="field__error" role="alert" style={{ fontSize: 14 }}>
          {message}
        </p>
      )}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="确认重新提交认证">
          <p>确认以上企业信息无误并重新提交认证？提交后将由区域管理员重新审核，审核期间不能修改。</p>
        </div>
      )}
      <div className="actions">
        {confirming && (
          <button type="button" className="btn btn--plain" onClick={() => setConfirming(false)} disabled={pending}>
            取消
          </button>
        )}
        <button type="submit" className="btn" disabled={pending}>
          {pending ? '提交中…' : confirming ? '确认重新提交' : '重新提交认证'}
        </button>
      </div>
    </form>
  );
}
