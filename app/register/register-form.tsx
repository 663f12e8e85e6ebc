'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { FormField } from '@/app/_components/form-field';
import { SendCodeButton } from '@/app/_components/send-code-button';
import { mobileNumber } from '@/lib/auth/mobile-codes/mobile-code-fields';
import type { RegistrationOutcome } from '@/lib/enterprises/registration/register-enterprise';
import { REGISTRATION_FIELD_LABELS as LABELS, type RegistrationValues } from '@/lib/enterprises/registration/registration-schema';
import { normalizeUscc, usccProblem } from '@/lib/enterprises/uscc';
import { checkUscc, sendRegistrationCode, submitRegistration } from './actions';
import { EMPTY_REGISTRATION, registrationResolver } from './registration-values';

type Region = { id: string; name: string };
type Lookup = { uscc: string; registered: false } | { uscc: string; registered: true; enterpriseName: string };

const NETWORK = { ok: false as const, code: 'NETWORK', message: '网络异常或页面已过期，请刷新后重试', fieldErrors: undefined };

/** The enterprise's own fields, asked only when its USCC is new to the platform. */
const ENTERPRISE_FIELDS = ['enterpriseName', 'legalRepresentative', 'contactName', 'contactPhone', 'email', 'basicAccountBank', 'basicAccountName', 'basicAccountNumber'] as const;

const INPUT_PROPS: Partial<Record<keyof RegistrationValues, { type?: string; inputMode?: 'numeric' | 'email' | 'tel'; maxLength?: number; autoComplete?: string; placeholder?: string }>> = {
  contactPhone: { type: 'tel', placeholder: '手机号或带区号的座机号' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  basicAccountNumber: { inputMode: 'numeric', placeholder: '8 至 32 位数字' },
  phone: { type: 'tel', inputMode: 'numeric', maxLength: 11, autoComplete: 'tel', placeholder: '用于登录和接收验证码' },
  password: { type: 'password', autoComplete: 'new-password', placeholder: '至少 10 位，含字母、数字、符号中的两类' },
  confirmPassword: { type: 'password', autoComplete: 'new-password' },
  code: { inputMode: 'numeric', maxLength: 6, autoComplete: 'one-time-code', placeholder: '6 位数字' },
};

/**
 * 企业注册. The fields are checked with the server's own parser (react-hook-form's resolver) and again by
 * the server, which answers field by field. As soon as a valid 统一社会信用代码 is typed the page asks whether
 * that enterprise is on the platform already: then the registration is a request to join it, and its
 * enterprise fields are not asked for (the server would ignore them).
 */
export function RegisterForm({ regions }: { regions: Region[] }) {
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const joiningRef = useRef(false);
  const { register, handleSubmit, watch, getValues, setError: setFieldError, clearErrors, trigger, formState } = useForm<RegistrationValues>({
    defaultValues: EMPTY_REGISTRATION,
    resolver: registrationResolver(() => joiningRef.current),
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
  });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<RegistrationOutcome | null>(null);
  // The buttons work only once React has taken over; a click on the server-rendered HTML would be lost.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const uscc = normalizeUscc(watch('uscc') ?? '');
  const joining = lookup?.registered === true && lookup.uscc === uscc ? lookup : null;
  joiningRef.current = joining !== null;
  useEffect(() => {
    if (usccProblem(uscc) !== null) return;
    let current = true;
    void checkUscc(uscc)
      .catch(() => null)
      .then((result) => {
        if (current && result?.ok) setLookup({ uscc, ...result.value });
      });
    return () => {
      current = false;
    };
  }, [uscc]);

  const showServerErrors = (fieldErrors: Record<string, string> | undefined) => {
    if (!fieldErrors) return;
    for (const [field, message] of Object.entries(fieldErrors)) {
      setFieldError(field === '_' ? 'root' : (field as FieldPath<RegistrationValues>), { type: 'server', message });
    }
  };

  async function sendCode(): Promise<number | null> {
    setNotice(null);
    clearErrors('phone');
    const phone = mobileNumber('手机号').safeParse(getValues('phone'));
    if (!phone.success) {
      setFieldError('phone', { type: 'validate', message: phone.error.issues[0]?.message ?? '请填写手机号' });
      return null;
    }
    const result = await sendRegistrationCode({ phone: phone.data }).catch(() => NETWORK);
    if (!result.ok) {
      if (result.fieldErrors?.phone) showServerErrors({ phone: result.fieldErrors.phone });
      else setFieldError('code', { type: 'server', message: result.message });
      return null;
    }
    setNotice(`验证码已发送至 ${phone.data}，${result.value.validForMinutes} 分钟内有效`);
    return result.value.resendAfterSeconds;
  }

  if (outcome) return <RegistrationDone outcome={outcome} />;

  const errors = formState.errors;
  const field = (name: keyof RegistrationValues, extra: { help?: string; addon?: ReactNode } = {}) => (
    <FormField id={`register-${name}`} label={LABELS[name]} error={errors[name]?.message} {...INPUT_PROPS[name]} {...extra} {...register(name)} />
  );

  return (
    <form
      noValidate
      aria-label="企业注册"
      onSubmit={(event) => {
        setError(null);
        void handleSubmit(async (values) => {
          setPending(true);
          const result = await submitRegistration(values).catch(() => NETWORK);
          setPending(false);
          if (result.ok) return setOutcome(result.value);
          setError(result.message);
          showServerErrors(result.fieldErrors);
        })(event);
      }}
    >
      {(error ?? errors.root?.message) && (
        <div className="alert alert--error" role="alert">
          {error ?? errors.root?.message}
        </div>
      )}
      <fieldset className="form-section">
        <legend>企业信息</legend>
        {field('uscc', { help: '18 位，见营业执照' })}
        {joining ? (
          <div className="alert alert--info" role="status" data-testid="join-notice">
            {`该统一社会信用代码对应的企业「${joining.enterpriseName}」已在平台注册。提交后将作为`}
            <strong>加入该企业</strong>
            的申请，由该企业管理员（企业首位注册用户）审批；企业信息无需填写，已填写的也将被忽略。
          </div>
        ) : (
          <div className="form-grid">
            {ENTERPRISE_FIELDS.map((name) => (
              <div key={name} className={name === 'enterpriseName' ? 'form-grid__wide' : undefined}>
                {field(name)}
              </div>
            ))}
            <div className="field form-grid__wide">
              <label htmlFor="register-regionId">{LABELS.regionId}</label>
              <select
                id="register-regionId"
                className="input"
                aria-invalid={errors.regionId ? true : undefined}
                aria-describedby={errors.regionId ? 'register-regionId-error' : 'register-regionId-help'}
                {...register('regionId', { onChange: () => void trigger('regionId') })}
              >
                <option value="">请选择</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
              <span id="register-regionId-help" className="muted">
                企业认证审核由该区域的管理员进行
              </span>
              {errors.regionId && (
                <span id="register-regionId-error" className="field__error">
                  {errors.regionId.message}
                </span>
              )}
            </div>
          </div>
        )}
      </fieldset>
      <fieldset className="form-section">
        <legend>注册人（登录账号）</legend>
        <div className="form-grid">
          <div>{field('personName')}</div>
          <div>{field('phone')}</div>
          <div>{field('password')}</div>
          <div>{field('confirmPassword')}</div>
          <div className="form-grid__wide">
            {field('code', { addon: <SendCodeButton send={sendCode} disabled={!ready} />, help: notice ?? undefined })}
          </div>
        </div>
      </fieldset>
      <div className="actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn btn--large" disabled={!ready || pending}>
          {pending ? '提交中…' : joining ? '提交加入申请' : '提交注册'}
        </button>
        <Link className="btn btn--plain btn--large" href="/login">
          返回登录
        </Link>
      </div>
    </form>
  );
}

function RegistrationDone({ outcome }: { outcome: RegistrationOutcome }) {
  if (outcome.kind === 'join_requested') {
    return (
      <section className="result" role="status" aria-label="注册结果">
        <h2>已提交加入企业申请</h2>
        <p>
          您申请加入「{outcome.enterpriseName}」，需等待该企业管理员（企业首位注册用户）审批。审批通过后，即可使用本手机号和密码登录。
        </p>
        <Link className="btn" href="/login">
          返回登录
        </Link>
      </section>
    );
  }
  return (
    <section className="result" role="status" aria-label="注册结果">
      <h2>注册成功</h2>
      <p>注册成功，企业认证审核通过后即可申请保函；现在即可登录浏览标段。</p>
      <p className="muted">企业「{outcome.enterpriseName}」已提交企业认证审核，由所属区域的管理员审核。</p>
      <Link className="btn" href="/login">
        去登录
      </Link>
    </section>
  );
}
