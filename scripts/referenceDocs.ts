// The generated parts of docs/reference/*.md. Each lies between `<!-- generated KIND:KEY -->`
// and `<!-- /generated -->`; the prose around them is written by hand. Regenerate with
// `npm run generate:docs`; test/referenceDocs.test.ts fails while a file is stale.
import { commands } from '../src/cli/main.js';
import {
  columnOf,
  type DatasetDefinition,
  type FieldDefinition,
  type RowDivision,
} from '../src/ingest/datasetDefinition.js';
import { datasets } from '../src/ingest/datasets/index.js';
import type { FieldKind } from '../src/ingest/fieldKinds.js';
import { builtinRules } from '../src/rules/builtin/index.js';
import type { BuiltinRule } from '../src/rules/builtinRule.js';

/** One reference file: its path from the repository root and the blocks it must hold, by key. */
export interface ReferenceDoc {
  path: string;
  kind: string;
  blocks: ReadonlyMap<string, string>;
}

/** Markdown table cell: pipes escaped, line breaks as <br>. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function code(text: string): string {
  return `\`${text}\``;
}

function enumText(values: readonly string[], aliases: Readonly<Record<string, string>>): string {
  const also = Object.entries(aliases).map(([from, to]) => `${from}→${to}`);
  return `${values.join('、')}${also.length > 0 ? `\n另认 also: ${also.join('、')}` : ''}`;
}

/** The kind of value a field holds, in a few words; the common value rules explain each. */
export function kindText(kind: FieldKind): string {
  switch (kind.kind) {
    case 'idNumber':
      return '身份证号 ID number';
    case 'name':
      return '姓名 name';
    case 'divisionCode':
      return '区划代码 division code';
    case 'date':
      return kind.historical ? '日期，不晚于今天 date, not future' : '日期 date';
    case 'month':
      return '月份 month';
    case 'amount':
      return '金额（元） amount (yuan)';
    case 'enum':
      return `其一 one of: ${enumText(kind.values, kind.aliases ?? {})}`;
    case 'yesNo':
      return '是/否 yes/no';
    case 'text':
      return `文本，至多 ${kind.maxLength} 字 text ≤ ${kind.maxLength}`;
    case 'integer':
      return `整数 integer ${kind.min}–${kind.max}`;
    case 'decimal':
      return `数 number ${kind.min}–${kind.max}`;
    case 'creditCode':
      return '统一社会信用代码 credit code';
    case 'idNumberList':
      return '身份证号列表 ID numbers';
    case 'codeList':
      return '项目代码列表 programme codes';
    case 'programCode':
      return '项目代码 programme code';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function fieldOfColumn(definition: DatasetDefinition, column: string): FieldDefinition | undefined {
  return definition.fields.find((f) => columnOf(f) === column);
}

function columnText(definition: DatasetDefinition, column: string): string {
  const field = fieldOfColumn(definition, column);
  if (field) return `${code(field.key)}（${field.header}）`;
  if (column === 'source') return `${code('source')}（来源部门，即批次的 --source）`;
  return code(column);
}

function divisionText(definition: DatasetDefinition, division: RowDivision): string {
  switch (division.kind) {
    case 'column':
      return `行中的 ${columnText(definition, division.column)} · the row's ${code(division.column)}`;
    case 'person':
      return `${columnText(definition, division.column)} 所指的人在生效户籍中的村 · where that person is registered`;
    case 'businessPeople':
      return '法定代表人（没有时为股东）在生效户籍中的村 · where the legal representative (else a shareholder) is registered';
    case 'none':
      return '不属于任何村：只有县级及以上可以导入 · no division: loaded at county level or above';
    default: {
      const never: never = division;
      return never;
    }
  }
}

export function datasetBlock(definition: DatasetDefinition): string {
  const lines = [
    `## ${definition.key} ${definition.name.zh} · ${definition.name.en}`,
    '',
    `- 常用来源部门 usual source: ${definition.department}`,
    `- 数据表 table: ${code(definition.table)}`,
    `- 自然键 natural key: ${definition.naturalKey.map((c) => columnText(definition, c)).join(' + ')}`,
    `- 行的归属 whose row: ${divisionText(definition, definition.division)}`,
    `- 及时性 timeliness: ${
      definition.freshnessField === null
        ? '不计 not scored'
        : `按最新的 ${columnText(definition, definition.freshnessField)} · the newest ${code(definition.freshnessField)}`
    }`,
    '',
    '| 列 key | 表头 header | 别名 aliases | 必填 required | 取值 value |',
    '|---|---|---|---|---|',
    ...definition.fields.map(
      (f) =>
        `| ${code(f.key)} | ${cell(f.header)} | ${cell((f.aliases ?? []).join('、'))} | ${f.required ? '是 yes' : ''} | ${cell(kindText(f.type))} |`,
    ),
  ];
  return lines.join('\n');
}

export function ruleBlock(rule: BuiltinRule): string {
  const params = Object.entries(rule.params);
  return [
    `## ${rule.code} ${rule.name.zh} · ${rule.name.en}`,
    '',
    '| 严重程度 severity | 类别 kind | 参数及默认值 parameters and defaults |',
    '|---|---|---|',
    `| ${rule.severity} | ${rule.economic ? '经济 economic' : '作风效率 work style'} | ${
      params.length === 0
        ? '无 none'
        : cell(params.map(([k, v]) => `${code(k)}: ${code(JSON.stringify(v))}`).join('\n'))
    } |`,
  ].join('\n');
}

export function commandBlock(name: string, help: { zh: string; en: string }): string {
  return [`## jiandu ${name}`, '', '```text', help.zh, '```', '', '```text', help.en, '```'].join(
    '\n',
  );
}

export function referenceDocs(): ReferenceDoc[] {
  return [
    {
      path: 'docs/reference/datasets.md',
      kind: 'dataset',
      blocks: new Map(Object.values(datasets).map((d) => [d.key, datasetBlock(d)])),
    },
    {
      path: 'docs/reference/rules.md',
      kind: 'rule',
      blocks: new Map(builtinRules.map((r) => [r.code, ruleBlock(r)])),
    },
    {
      path: 'docs/reference/cli.md',
      kind: 'command',
      blocks: new Map(
        Object.entries(commands).map(([name, c]) => [name, commandBlock(name, c.help)]),
      ),
    },
  ];
}

const blockPattern = /<!-- generated ([a-z]+):([A-Za-z0-9_-]+) -->\n[\s\S]*?<!-- \/generated -->/g;

/**
 * The file's text with every generated block rewritten. Throws when a block is missing (a new
 * dataset, rule or command needs its section and prose) or names something that does not exist.
 */
export function fillGenerated(text: string, doc: ReferenceDoc): string {
  const seen = new Set<string>();
  const filled = text.replace(blockPattern, (_block, kind: string, key: string) => {
    const content = kind === doc.kind ? doc.blocks.get(key) : undefined;
    if (content === undefined)
      throw new Error(`${doc.path}: a generated block names ${kind}:${key}, which does not exist`);
    if (seen.has(key)) throw new Error(`${doc.path}: ${kind}:${key} has two generated blocks`);
    seen.add(key);
    return `<!-- generated ${kind}:${key} -->\n${content}\n<!-- /generated -->`;
  });
  const missing = [...doc.blocks.keys()].filter((key) => !seen.has(key));
  if (missing.length > 0) {
    throw new Error(
      `${doc.path} has no section for ${missing.map((k) => `${doc.kind}:${k}`).join(', ')}: add ` +
        `"<!-- generated ${doc.kind}:KEY -->" and "<!-- /generated -->" with its prose, then run npm run generate:docs`,
    );
  }
  return filled;
}
