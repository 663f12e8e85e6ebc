'use client';

import { Box } from '@mui/material';
import { lazy, Suspense, type JSX } from 'react';
// A type-only import: a value import would pull CodeMirror into the bundle of every page using this file.
import type { JsonCodeEditorProps } from './json-code-editor';

const JsonCodeEditor = lazy(() => import('./json-code-editor'));

/**
 * The JSON editor, loaded on first render: CodeMirror, ajv and the schema tooling are a few hundred
 * kilobytes that the admin's first load must not carry for the pages that never show an editor.
 */
export function LazyJsonCodeEditor(props: JsonCodeEditorProps): JSX.Element {
  return (
    <Suspense
      fallback={
        <Box
          data-testid={props.testId ? `${props.testId}-loading` : undefined}
          sx={{ minHeight: props.minHeight ?? '320px', color: 'text.secondary', p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
        >
          编辑器加载中…
        </Box>
      }
    >
      <JsonCodeEditor {...props} />
    </Suspense>
  );
}
