'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { isBankAccount } from '@/forms/formats/bank-account';
import { giveRefundAccount } from './actions';

const FIELDS = [
  { name: 'accountName', label: '账户名称', hint: '收款账户的户名', inputMode: 'text' },
  { name: 'accountBank', label: '开户银行', hint: '例如：中国建设银行乌鲁木齐分行', inputMode: 'text' },
  { name: 'accountNumber', label: '银行账号', hint: '8 至 32 位数字', inputMode: 'numeric' },
] as const;

type FieldName = (typeof FIELDS)[number]['name'];
type Values = Record<FieldName, string>;

/** The same shape the server checks; checked here first only so the bidder hears about it at once. */
function check(values: Values): Partial<Values> {
  const errors: Partial<Values> = {};
  if (!values.accountName.trim()) errors.accountName = '请填写账户名称';
  if (!values.accountBank.trim()) errors.accountBank = '请填写开户银行';
  if (!values.accountNumber.trim()) errors.accountNumber = '请填写银行账号';
  else if (!isBankAccount(values.accountNumber.replace(/\s+/g, ''))) errors.accountNumber = '银行账号应为 8 至 32 位数字';
  return errors;
}

/** 【完善退保账户信息】: where the premium paid through online banking is to be refunded. */
export function RefundAccountForm({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({ accountName: '', accountBank: '', accountNumber: '' });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const idPrefix = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    const result = await giveRefundAccount(orderId, values).catch(() => ({ ok: false as const, message: '网络异常，请稍后重试', fieldErrors: undefined }));
    setPending(false);
    if (result.ok) {
      router.refresh();
      return;
    }
    setErrors((result.fieldErrors ?? {}) as Partial<Record<FieldName, string>>);
    setMessage(result.message);
  };

  return (
    <form className="confirm" onSubmit={submit} aria-label="完善退保账户信息" noValidate style={{ borderColor: '#c9d9f5', background: '#f7faff' }}>
      <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>完善退保账户信息</h3>
      <p className="muted" style={{ marginBottom: 12 }}>
        您的保费经网银支付（非本企业基本户），且项目发生异常，退款将退至您在此填写的账户。提交后平台开始审核。
      </p>
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
            onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            aria-invalid={errors[field.name] ? true : undefined}
            disabled={pending}
          />
          {errors[field.name] ? <span className="field__error">{errors[field.name]}</span> : <span className="muted">{field.hint}</span>}
        </div>
      ))}
      {message && (
        <p className="field__error" role="alert" style={{ fontSize: 14 }}>
          {message}
        </p>
      )}
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? '提交中…' : '提交退保账户信息'}
        </button>
      </div>
    </form>
  );
}
