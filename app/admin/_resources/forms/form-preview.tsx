import { Alert, Button } from '@mui/material';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Component, useRef, type ReactNode } from 'react';
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

/** The form as applicants will see it, with the same validator; 校验预览 only validates. */
export function FormPreview({ schema, uiSchema }: { schema: RJSFSchema; uiSchema: UiSchema }) {
  const form = useRef<Form>(null);
  return (
    <PreviewBoundary resetKey={JSON.stringify([schema, uiSchema])}>
      <div className="rjsf" data-testid="form-preview">
        {/* A div, not a form: the preview sits inside the draft's own form, which a submit would save. */}
        <Form
          ref={form}
          tagName="div"
          // A changed form starts empty: data typed for the previous version may not fit it.
          key={JSON.stringify(schema)}
          schema={schema}
          uiSchema={uiSchema}
          validator={formValidator}
          // A choice's first option must not be chosen for the bidder (RJSF would default a oneOf to its first const).
          experimental_defaultFormStateBehavior={{ constAsDefaults: 'skipOneOf' }}
          showErrorList={false}
          noHtml5Validate
        >
          <Button type="button" variant="outlined" sx={{ mt: 1 }} onClick={() => form.current?.validateForm()}>
            校验预览
          </Button>
        </Form>
      </div>
    </PreviewBoundary>
  );
}
