'use client';

import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useState, type ReactNode } from 'react';
import { formValidator } from '@/forms/form-validator';

/** Server field errors (`applicant.uscc` → message) in RJSF's nested error shape, shown under the fields. */
function toErrorSchema(fieldErrors: Record<string, string> | undefined): ErrorSchema | undefined {
  if (!fieldErrors) return undefined;
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    let node = root;
    for (const key of path.split('.')) node = (node[key] ??= {}) as Record<string, unknown>;
    node.__errors = [message];
  }
  return root as ErrorSchema;
}

export interface ApplicationFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  initialData: Record<string, unknown>;
  /** Shown between 【提交】 and the final confirmation; receives the data entered. */
  renderSummary: (data: Record<string, unknown>) => ReactNode;
  confirmLabel: string;
  /** Sends the data; returns field errors to show, or nothing when done. */
  onConfirm: (data: Record<string, unknown>) => Promise<{ message: string; fieldErrors?: Record<string, string> } | void>;
}

/**
 * The generated form (react-jsonschema-form with the platform's validator), then a summary to check,
 * then the confirmation. The server validates again with the same validator and the same schema.
 */
export function ApplicationForm({ schema, uiSchema, initialData, renderSummary, confirmLabel, onConfirm }: ApplicationFormProps) {
  const [data, setData] = useState<Record<string, unknown>>(initialData);
  const [stage, setStage] = useState<'form' | 'summary'>('form');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string> } | null>(null);
  // The form is interactive only once React has taken over the page: typing into the server-rendered
  // HTML before that would be thrown away when the form hydrates with its initial data.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  if (!ready) return <p className="muted">表单加载中…</p>;

  if (stage === 'summary') {
    return (
      <div>
        {renderSummary(data)}
        {error && (
          <div className="alert alert--error" role="alert">
            {error.message}
          </div>
        )}
        <div className="actions">
          <button type="button" className="btn btn--plain" onClick={() => setStage('form')} disabled={pending}>
            返回修改
          </button>
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              try {
                const failure = await onConfirm(data);
                // On success the page moves on; the button stays disabled so it cannot submit twice.
                if (!failure) return;
                setError(failure);
                if (failure.fieldErrors) setStage('form');
              } catch {
                setError({ message: '网络异常或页面已过期，请刷新后重试' });
              }
              setPending(false);
            }}
          >
            {pending ? '提交中…' : confirmLabel}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="rjsf" data-ready="true">
      {error?.fieldErrors && (
        <div className="alert alert--error" role="alert">
          {error.message}
        </div>
      )}
      <Form
        schema={schema}
        uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { submitText: '提交' } }}
        formData={data}
        validator={formValidator}
        // A choice's first option must not be chosen for the bidder (RJSF would default a oneOf to its first const).
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'skipOneOf' }}
        extraErrors={toErrorSchema(error?.fieldErrors)}
        showErrorList={false}
        // Data for fields the form does not have (e.g. prefilled from the profile) is left out, as the
        // server refuses anything outside the form.
        omitExtraData
        noHtml5Validate
        onChange={(e) => setData(e.formData as Record<string, unknown>)}
        onSubmit={(e) => {
          setData(e.formData as Record<string, unknown>);
          setError(null);
          setStage('summary');
        }}
      />
    </div>
  );
}
