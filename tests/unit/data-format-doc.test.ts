/**
 * docs/data-format.md cannot drift from the zod schemas: every field the schemas know must be a row
 * of a table in the right section of the doc, every row must name a field that exists, and every
 * enumeration value must be written somewhere in the doc.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { z } from 'zod/mini';
import { layerFeatureSchemas, LAYER_IDS, PartialDate, StoryConfig, Text, type LayerId } from '../../src/data/schema';
import { StoryFile } from '../../src/data/story-schema';

const DOC_PATH = 'docs/data-format.md';
const doc = readFileSync(DOC_PATH, 'utf8');

/** Schemas documented once as a type of their own, not field by field wherever they appear. */
const NAMED_TYPES = new Map<z.ZodMiniType, string>([
  [Text, 'Text'],
  [PartialDate, 'Date'],
]);

type Def = { type: string; [key: string]: any };
const defOf = (schema: z.ZodMiniType): Def => (schema as any)._zod.def;

/** Looks through optional(), default(), nullable() and the like to the schema that holds the shape. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
}

/** Dotted field paths of a schema (`range.start`, `actors[].color`), and every enum or literal value met. */
function walk(schema: z.ZodMiniType, prefix: string, fields: Set<string>, values: Set<string>, root = false): void {
  const s = unwrap(schema);
  if (!root && NAMED_TYPES.has(s)) return;
  const def = defOf(s);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries((s as z.ZodMiniObject).shape)) {
        const path = prefix ? `${prefix}.${key}` : key;
        fields.add(path);
        walk(child as z.ZodMiniType, path, fields, values);
      }
      break;
    case 'array':
      walk(def.element, `${prefix}[]`, fields, values);
      break;
    case 'union':
      for (const option of def.options) walk(option, prefix, fields, values);
      break;
    case 'enum':
      for (const v of Object.values(def.entries)) values.add(String(v));
      break;
    case 'literal':
      for (const v of def.values) values.add(String(v));
      break;
  }
}

function schemaFields(schema: z.ZodMiniType) {
  const fields = new Set<string>();
  const values = new Set<string>();
  walk(schema, '', fields, values, true);
  return { fields, values };
}

/** Features are documented without the `properties.` prefix: their fields are what people write. */
function featureFields(layer: LayerId) {
  const { fields, values } = schemaFields(layerFeatureSchemas[layer]);
  return { fields: new Set([...fields].map((f) => f.replace(/^properties\./, ''))), values };
}

const COMMON = 'Every feature';
const sectionOfLayer = (id: LayerId) => `Layer ${id}`;

/** Section name -> fields named in the first cell of its table rows. */
function documentedFields(markdown: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (.*)$/.exec(line);
    if (heading) {
      const title = heading[1];
      const layer = /^Layer `([a-z-]+)`/.exec(title);
      const type = /^Type `(\w+)`/.exec(title);
      const name = title.startsWith('`config.json`')
        ? 'config.json'
        : title.startsWith('`story.json`')
          ? 'story.json'
          : layer
          ? `Layer ${layer[1]}`
          : type
            ? `Type ${type[1]}`
            : title.startsWith(COMMON)
              ? COMMON
              : null;
      current = name ? (sections.get(name) ?? new Set()) : null;
      if (name && current) sections.set(name, current);
      continue;
    }
    const row = /^\|\s*([^|]*?)\s*\|/.exec(line);
    if (!current || !row || /^-+$/.test(row[1].replace(/[:\s]/g, ''))) continue;
    for (const [, path] of row[1].matchAll(/`([^`]+)`/g)) current.add(path);
  }
  return sections;
}

/** Every mismatch between the schemas and a data-format document, as "section: field: what". */
function undocumented(markdown: string): string[] {
  const problems: string[] = [];
  const sections = documentedFields(markdown);
  const rows = (name: string) => sections.get(name) ?? new Set<string>();
  const allValues = new Set<string>();

  const compare = (name: string, expected: Set<string>, alsoIn?: Set<string>) => {
    const documented = rows(name);
    if (!sections.has(name)) problems.push(`${name}: no section for it in ${DOC_PATH}`);
    for (const field of expected)
      if (!documented.has(field) && !alsoIn?.has(field)) problems.push(`${name}: field \`${field}\` is not documented`);
    for (const field of documented)
      if (!expected.has(field)) problems.push(`${name}: documents \`${field}\`, which the schema does not have`);
  };

  const config = schemaFields(StoryConfig);
  config.values.forEach((v) => allValues.add(v));
  compare('config.json', config.fields);

  const story = schemaFields(StoryFile);
  story.values.forEach((v) => allValues.add(v));
  compare('story.json', story.fields);

  const layers = LAYER_IDS.map((id) => ({ id, ...featureFields(id) }));
  const common = new Set([...layers[0].fields].filter((f) => layers.every((l) => l.fields.has(f))));
  compare(COMMON, common);
  for (const layer of layers) {
    layer.values.forEach((v) => allValues.add(v));
    const own = new Set([...layer.fields].filter((f) => !common.has(f)));
    compare(sectionOfLayer(layer.id), own);
  }

  for (const [schema, name] of NAMED_TYPES) {
    const { fields, values } = schemaFields(schema);
    values.forEach((v) => allValues.add(v));
    if (fields.size) compare(`Type ${name}`, fields);
    else if (!sections.has(`Type ${name}`)) problems.push(`Type ${name}: no section for it in ${DOC_PATH}`);
  }

  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  const written = new Set([...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/^"|"$/g, '')));
  for (const value of allValues) if (!written.has(value)) problems.push(`value \`${value}\` is not written anywhere in the doc`);
  return problems;
}

describe('docs/data-format.md', () => {
  it('documents every field of every schema, in the right section, and nothing else', () => {
    expect(undocumented(doc)).toEqual([]);
  });

  it('fails when a field is left out, names it, and fails when a field is made up', () => {
    // Only what each edit adds counts, so these cases hold whatever else the doc lacks today.
    const baseline = new Set(undocumented(doc));
    const undocumentedNew = (markdown: string) => undocumented(markdown).filter((p) => !baseline.has(p));
    const withoutNote = doc
      .split('\n')
      .filter((line) => !/^\|\s*`sources\.note`/.test(line))
      .join('\n');
    expect(withoutNote).not.toBe(doc);
    expect(undocumentedNew(withoutNote)).toEqual(['Every feature: field `sources.note` is not documented']);

    const withoutParagraphs = doc.replace(/^\|\s*`source\.paragraphs`.*\n/m, '');
    expect(undocumentedNew(withoutParagraphs)).toEqual(['config.json: field `source.paragraphs` is not documented']);

    const madeUp = doc.replace(/^(\|\s*`rank`.*\n)/m, '$1| `population` | number | no | made up |\n');
    expect(undocumentedNew(madeUp)).toEqual(['Layer places: documents `population`, which the schema does not have']);
  });

  it('fails when an enumeration value is not written down', () => {
    expect(undocumented(doc.replaceAll('`drone-loss`', 'drone loss'))).toContain('value `drone-loss` is not written anywhere in the doc');
  });
});
