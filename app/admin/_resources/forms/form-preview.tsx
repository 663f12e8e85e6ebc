import { Alert } from '@mui/material';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Component, type ReactNode } from 'react';
import { formValidator } from '@/forms/form-validator';

/** A half-typed schema can make RJSF throw while rendering; the preview says so instead of breaking the page. */
class PreviewBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: string | null; key: string }> {
  state = { error: null as string | null, key: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    return this.state.error ? <Alert severity="warning">预览失败：{this.state.error}</Alert> : this.props.children;
  }
}

/** The form as applicants will see it, with the same validator; submitting only validates. */
export function FormPreview({ schema, uiSchema }: { schema: RJSFSchema; uiSchema: UiSchema }) {
  return (
    <PreviewBoundary resetKey={JSON.stringify([schema, uiSchema])}>
      <div className="rjsf" data-testid="form-preview">
        <Form
          schema={schema}
          uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { submitText: '校验预览' } }}
          validator={formValidator}
          showErrorList={false}
          noHtml5Validate
          onSubmit={() => undefined}
        />
      </div>
    </PreviewBoundary>
  );
}
