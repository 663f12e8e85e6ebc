import type { InputHTMLAttributes, ReactNode } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  /** The input's id and the stem of its error's id. */
  id: string;
  label: string;
  error?: string;
  help?: ReactNode;
  /** Beside the input (a 获取验证码 button). */
  addon?: ReactNode;
}

/** A labelled input with its error beside it (aria-invalid, aria-describedby), for the public forms. */
export function FormField({ id, label, error, help, addon, ...input }: Props) {
  const described = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <input id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
        {addon}
      </div>
      {help && (
        <span id={`${id}-help`} className="muted">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
