'use client';

import { json, jsonLanguage, jsonParseLinter } from '@codemirror/lang-json';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { diagnosticCount, lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { Box, Button, Typography } from '@mui/material';
import CodeMirror from '@uiw/react-codemirror';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { getJSONSchema, handleRefresh, jsonCompletion, jsonSchemaHover, stateExtensions, updateSchema } from 'codemirror-json-schema';
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';

export interface JsonCodeEditorProps {
  /** The text. */
  value: string;
  onChange: (text: string) => void;
  /** Drives underlining, completion and hover; a schema that ajv cannot compile only turns them off. */
  jsonSchema?: object;
  /** e.g. '规则文档 JSON'; set on the editable area, which is what screen readers and tests find. */
  ariaLabel: string;
  minHeight?: string;
  maxHeight?: string;
  readOnly?: boolean;
  /** data-testid on the wrapper. */
  testId?: string;
}

type CmSchema = Parameters<typeof updateSchema>[1];

// A module constant: @uiw/react-codemirror reconfigures the whole editor whenever this prop changes identity.
const BASIC_SETUP = { lineNumbers: true, foldGutter: true, bracketMatching: true, autocompletion: true } as const;

const hoverTheme = EditorView.theme({
  '.cm6-json-schema-hover': { padding: '4px 8px', maxWidth: '480px', fontSize: '13px' },
  '.cm6-json-schema-hover--code': { color: '#666', fontFamily: 'monospace', fontSize: '12px' },
  '.cm6-json-schema-hover p': { margin: '2px 0' },
});

/**
 * A JSON editor for the back office: CodeMirror 6 with JSON syntax errors and, given a JSON Schema,
 * schema errors underlined as one types, completion and hover from the schema's enums and descriptions.
 *
 * Controlled: @uiw/react-codemirror replaces the document only when `value` differs from the editor's
 * own text, and not while the user is typing, so echoing `onChange` back as `value` keeps the cursor.
 */
export default function JsonCodeEditor({
  value,
  onChange,
  jsonSchema,
  ariaLabel,
  minHeight = '320px',
  maxHeight = '640px',
  readOnly = false,
  testId,
}: JsonCodeEditorProps): JSX.Element {
  const [view, setView] = useState<EditorView>();
  const [problemCount, setProblemCount] = useState(0);
  const [formatFailed, setFormatFailed] = useState(false);

  // The latest onChange behind a stable function: a new onChange identity would make the library
  // reconfigure the editor on every render of the form around it.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const handleChange = useCallback((text: string) => {
    setFormatFailed(false);
    onChangeRef.current(text);
  }, []);

  // Later schemas arrive through updateSchema below, so the extensions need not be rebuilt for them.
  const initialSchema = useRef(jsonSchema);
  const extensions = useMemo(
    () => [
      json(),
      stateExtensions(initialSchema.current as CmSchema),
      linter(parseLinter, { delay: 300 }),
      // handleRefresh re-lints when the schema changes even though the text did not.
      linter(schemaLinter, { delay: 300, needsRefresh: handleRefresh }),
      lintGutter(),
      jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
      hoverTooltip(jsonSchemaHover()),
      hoverTheme,
      EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
      EditorView.updateListener.of((update) => setProblemCount(diagnosticCount(update.state))),
    ],
    [ariaLabel],
  );

  useEffect(() => {
    if (view && getJSONSchema(view.state) !== jsonSchema) updateSchema(view, jsonSchema as CmSchema);
  }, [view, jsonSchema]);

  const format = () => {
    const text = view ? view.state.doc.toString() : value;
    let pretty: string;
    try {
      // Numbers beyond 2^53 would lose digits here; neither rule documents nor forms hold such numbers.
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      setFormatFailed(true);
      return;
    }
    setFormatFailed(false);
    if (pretty === text) return;
    // Through the editor rather than onChange alone, so that the change can be undone like any edit.
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: pretty } });
    else onChangeRef.current(pretty);
  };

  return (
    <Box data-testid={testId} sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 0.5 }}>
        <Button size="small" variant="outlined" onClick={format} disabled={readOnly}>
          格式化
        </Button>
        {formatFailed && (
          <Typography variant="body2" color="error" role="alert">
            JSON 格式错误，无法格式化
          </Typography>
        )}
        <Typography variant="body2" color={problemCount > 0 ? 'error' : 'text.secondary'} sx={{ ml: 'auto' }}>
          {problemCount > 0 ? `发现 ${problemCount} 处问题` : '无问题'}
        </Typography>
      </Box>
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
        <CodeMirror
          value={value}
          onChange={handleChange}
          onCreateEditor={setView}
          extensions={extensions}
          basicSetup={BASIC_SETUP}
          readOnly={readOnly}
          minHeight={minHeight}
          maxHeight={maxHeight}
        />
      </Box>
    </Box>
  );
}

const jsonSyntaxLinter = jsonParseLinter();

function parseLinter(view: EditorView): Diagnostic[] {
  return jsonSyntaxLinter(view).map((d) => ({ ...d, message: `JSON 格式错误：${d.message}` }));
}

/*
 * Schema errors come from ajv rather than codemirror-json-schema's own jsonSchemaLinter, which in 0.8.1
 * validates as draft-04 (no if/then, so a wrong operator for a fact goes unnoticed), puts underlines on
 * the ":" before a value instead of the value, and speaks English whatever its formatError option says.
 * ajv is also what validates our forms, so the editor and the forms agree on what a schema means.
 */

// One ajv per schema: ajv keeps every compiled schema forever and refuses a second schema with the same $id.
const validators = new WeakMap<object, ValidateFunction | null>();

function validatorFor(schema: object): ValidateFunction | null {
  let validate = validators.get(schema);
  if (validate === undefined) {
    try {
      validate = new Ajv({
        allErrors: true,
        strict: false,
        // parentSchema feeds the messages below with the schema's own Chinese descriptions.
        verbose: true,
        validateFormats: false,
      }).compile(schema);
    } catch {
      // e.g. a draft 2020-12 schema, a broken $ref, or the draft-07 meta-schema still carrying its $id
      // (every Ajv holds that one already): no underlines rather than a broken editor.
      validate = null;
    }
    validators.set(schema, validate);
  }
  return validate;
}

export function schemaLinter(view: { state: EditorState }): Diagnostic[] {
  const { state } = view;
  const schema = getJSONSchema(state);
  const validate = schema ? validatorFor(schema) : null;
  if (!validate) return [];
  let data: unknown;
  try {
    data = JSON.parse(state.doc.toString());
  } catch {
    return []; // the syntax linter already says what is wrong
  }
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter(isWorthShowing);
  localizeZh(errors);
  const root = (ensureSyntaxTree(state, state.doc.length, 200) ?? syntaxTree(state)).topNode;
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const { from, to } = errorRange(state, root, error);
    const message = describeError(error);
    // Branch errors reached through a $ref escape isWorthShowing (their schemaPath starts at the $ref
    // target); when one is already on this spot, the anyOf/oneOf summary after it adds nothing.
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && seen.has(`${from}:${to}`)) continue;
    if (seen.has(`${from}:${to}:${message}`)) continue;
    seen.add(`${from}:${to}`).add(`${from}:${to}:${message}`);
    diagnostics.push({ from, to, message, severity: 'error', source: 'JSON Schema' });
  }
  return diagnostics;
}

/**
 * `if` errors only repeat the `then` errors reported beside them, and an error inside one branch of an
 * anyOf/oneOf is not a mistake by itself: the anyOf/oneOf error stands for the branches.
 */
function isWorthShowing(error: ErrorObject): boolean {
  return error.keyword !== 'if' && !/\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath);
}

function describeError(error: ErrorObject): string {
  const parent = (error.parentSchema ?? {}) as { description?: unknown; properties?: object };
  const description = typeof parent.description === 'string' ? parent.description : undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      return `取值 ${JSON.stringify(error.data)} 无效${description ? `。${description}` : `，可选：${allowed.map((v) => JSON.stringify(v)).join('、')}`}`;
    }
    case 'additionalProperties': {
      const allowed = Object.keys(parent.properties ?? {});
      return `不允许出现字段 "${String(params.additionalProperty)}"${allowed.length ? `，只能包含：${allowed.join('、')}` : ''}`;
    }
    case 'required':
      return `缺少字段 "${String(params.missingProperty)}"`;
    case 'anyOf':
    case 'oneOf':
    case 'not':
      return description ? `不符合要求：${description}` : (error.message ?? error.keyword);
    default:
      return error.message ?? error.keyword;
  }
}

/** Where to underline an error: the value itself, but only the name or opening bracket of a whole block. */
function errorRange(state: EditorState, root: SyntaxNode, error: ErrorObject): { from: number; to: number } {
  if (error.keyword === 'additionalProperties') {
    const property = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    const found = findAtPointer(state, root, `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (found?.name) return found.name;
  }
  const found = findAtPointer(state, root, error.instancePath);
  if (!found) return { from: 0, to: Math.min(1, state.doc.length) };
  const { name, value } = found;
  // Underlining a whole object would hide the underlines of the mistakes inside it.
  if (value.name === 'Object' || value.name === 'Array') return name ?? { from: value.from, to: value.from + 1 };
  return value;
}

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', 'PropertyName']);

function valueNodes(node: SyntaxNode): SyntaxNode[] {
  const values: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!PUNCTUATION.has(child.name) && !child.type.isError) values.push(child);
  }
  return values;
}

/** The nodes of the value at a JSON pointer (ajv's instancePath) and of its property name, if any. */
function findAtPointer(state: EditorState, root: SyntaxNode, pointer: string): { name?: SyntaxNode; value: SyntaxNode } | undefined {
  let value: SyntaxNode | undefined = valueNodes(root)[0];
  let name: SyntaxNode | undefined;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value?.name === 'Array') {
      value = valueNodes(value)[Number(key)];
      name = undefined;
    } else if (value?.name === 'Object') {
      // The last property of that name, as JSON.parse keeps the last of duplicate keys.
      const property: SyntaxNode | undefined = value
        .getChildren('Property')
        .reverse()
        .find((p) => {
          const nameNode = p.getChild('PropertyName');
          return nameNode !== null && parseString(state.sliceDoc(nameNode.from, nameNode.to)) === key;
        });
      name = property?.getChild('PropertyName') ?? undefined;
      value = property ? valueNodes(property)[0] : undefined;
    } else {
      return undefined;
    }
    if (!value) return undefined;
  }
  return value ? { name, value } : undefined;
}

function parseString(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
