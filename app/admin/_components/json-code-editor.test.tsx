import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import { RULE_SET_CATALOGS } from '@/rules/catalog/rule-set-catalogs';
import { ruleDocumentJsonSchema } from '@/rules/rule-document-json-schema';

/*
 * No DOM here (vitest runs in node), so the component itself is not rendered; this checks the schema
 * linter, which only needs an EditorState. codemirror-json-schema is replaced because its dist uses
 * extensionless ESM imports that only bundlers resolve; the linter needs nothing from it but the schema.
 */
const current = vi.hoisted(() => ({ schema: undefined as object | undefined }));
vi.mock('codemirror-json-schema', () => ({
  getJSONSchema: () => current.schema,
  handleRefresh: () => false,
  jsonCompletion: () => () => null,
  jsonSchemaHover: () => async () => null,
  stateExtensions: () => [],
  updateSchema: () => {},
}));

const { schemaLinter } = await import('./json-code-editor');

const SURRENDER_SCHEMA = ruleDocumentJsonSchema(RULE_SET_CATALOGS['surrender-eligibility']);

/** The underlined text of each diagnostic, with its message. */
function lint(text: string, schema: object | undefined = SURRENDER_SCHEMA) {
  current.schema = schema;
  const state = EditorState.create({ doc: text, extensions: [json()] });
  return schemaLinter({ state }).map((d) => ({ text: state.sliceDoc(d.from, d.to), message: d.message }));
}

const document = (condition: string, event = '{ "type": "eligible", "params": { "clause": 1 } }') => `[
  {
    "name": "开标前项目中止",
    "conditions": {
      "all": [
        ${condition}
      ]
    },
    "event": ${event}
  }
]`;

describe('schemaLinter', () => {
  it('finds nothing in a valid document', () => {
    expect(lint(document('{ "fact": "bidOpened", "operator": "equal", "value": false }'))).toEqual([]);
  });

  it('underlines an unknown fact, explaining the choices in Chinese', () => {
    const [problem, ...rest] = lint(document('{ "fact": "bidOpend", "operator": "equal", "value": false }'));
    expect(rest).toEqual([]);
    expect(problem?.text).toBe('"bidOpend"');
    expect(problem?.message).toContain('取值 "bidOpend" 无效');
    expect(problem?.message).toContain('bidOpened：已开标');
  });

  it('underlines an operator the fact cannot take, and the name of the list value that goes with it', () => {
    const problems = lint(document('{ "fact": "bidOpened", "operator": "in", "value": [false] }'));
    expect(problems.map((p) => p.text)).toEqual(['"in"', '"value"']);
    expect(problems[0]?.message).toContain('【已开标】可用的运算符');
  });

  it('underlines a value inside an in list', () => {
    const problems = lint(document('{ "fact": "projectStatus", "operator": "in", "value": ["paused", "closed"] }'));
    expect(problems.map((p) => p.text)).toEqual(['"closed"']);
  });

  it('underlines an unknown key itself, not the object around it', () => {
    const problems = lint(document('{ "fact": "bidOpened", "operator": "equal", "value": false, "path": "$.x" }'));
    expect(problems).toEqual([{ text: '"path"', message: expect.stringContaining('不允许出现字段 "path"') }]);
  });

  it('marks a missing parameter on the name of the object that lacks it', () => {
    const problems = lint(document('{ "fact": "bidOpened", "operator": "equal", "value": false }', '{ "type": "eligible" }'));
    expect(problems).toEqual([{ text: '"event"', message: '缺少字段 "params"' }]);
  });

  it('says which kinds a condition may have when it has none, on its opening brace', () => {
    const problems = lint(document('{ "name": "空条件" }'));
    expect(problems).toEqual([{ text: '{', message: expect.stringContaining('须为 all、any、not 条件组或单个事实条件（fact）之一') }]);
  });

  it('leaves broken JSON to the syntax linter, and lints nothing without a usable schema', () => {
    expect(lint('[{ "conditions": ')).toEqual([]);
    expect(lint('[1]', SURRENDER_SCHEMA)).not.toEqual([]);
    current.schema = undefined;
    expect(schemaLinter({ state: EditorState.create({ doc: '[1]', extensions: [json()] }) })).toEqual([]);
    expect(lint('[1]', { $ref: '#/definitions/missing' })).toEqual([]);
  });
});
