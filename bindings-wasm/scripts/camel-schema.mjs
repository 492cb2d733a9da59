// The JSON Schemas as JavaScript sees its values, generated at build time from the core's
// committed schemas (schema/*.json, snake_case as the core's serde names): struct field names
// camelCase, data keys (the keys of a map field) unchanged: exactly the rule the binding
// applies to values (src/case.rs). Nothing of it is compiled into the .wasm.
//
//   node scripts/camel-schema.mjs <schema dir> <out.ts>
//
// writes a TypeScript module (compiled by scripts/build.sh beside the glue) with every
// schema's camelCase JSON text, the names, and the `SchemaName` type. The same module's
// `mapFields` is the one derivation of which struct fields hold maps keyed by data (the tests
// use it; src/build.rs derives the binding's list by the same definition).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every schema of `dir` (`<name>.json`), by name, sorted by name. */
export function readSchemas(dir) {
  const schemas = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    schemas[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  }
  return schemas;
}

/** `sign_in` -> `signIn` (ASCII, as the binding's rule). */
export function camel(name) {
  return name.replace(/_(.)/g, (_, c) => c.toUpperCase());
}

/** The schema `schema` stands for, its `$ref`s into `root`'s `$defs` followed. */
function resolve(schema, root) {
  let s = schema;
  const seen = new Set();
  while (s && typeof s === 'object' && typeof s.$ref === 'string') {
    const prefix = '#/$defs/';
    if (!s.$ref.startsWith(prefix) || seen.has(s.$ref)) throw new Error(`unsupported $ref ${s.$ref}`);
    seen.add(s.$ref);
    s = root.$defs?.[s.$ref.slice(prefix.length)];
    if (s === undefined) throw new Error(`dangling $ref ${[...seen].pop()}`);
  }
  return s;
}

/** Whether a schema (or one of its alternatives, e.g. a map or null) is a map keyed by data:
 * an object whose `additionalProperties` is a schema, with no fixed `properties`. Whether it
 * is a struct: an object with `properties`. */
function kinds(schema, root, out = { map: false, struct: false }) {
  const s = resolve(schema, root);
  if (!s || typeof s !== 'object') return out;
  if (s.properties) out.struct = true;
  else if (s.additionalProperties && typeof s.additionalProperties === 'object') out.map = true;
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const a of s[key] ?? []) kinds(a, root, out);
  return out;
}

/**
 * The struct fields (snake_case, sorted) whose schema is a map keyed by data, in every schema
 * of `schemas`. Throws if a field name is a map in one place and a struct in another: the
 * binding's rule goes by the field's name, so such a name could not be converted right.
 */
export function mapFields(schemas) {
  const maps = new Set();
  const structs = new Set();
  const visit = (node, root) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, root));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') {
        for (const [name, property] of Object.entries(value)) {
          const k = kinds(property, root);
          if (k.map) maps.add(name);
          if (k.struct) structs.add(name);
          visit(property, root);
        }
      } else if (key === '$defs') {
        Object.values(value).forEach((d) => visit(d, root));
      } else if (!['default', 'examples', 'const', 'enum'].includes(key)) {
        visit(value, root);
      }
    }
  };
  for (const schema of Object.values(schemas)) visit(schema, schema);
  const both = [...maps].filter((m) => structs.has(m));
  if (both.length > 0) {
    throw new Error(`fields both a map and a struct (the camelCase rule goes by name): ${both.join(', ')}`);
  }
  return [...maps].sort();
}

/** A snake_case value as JavaScript writes it (the binding's rule; `dataKeys`: the object's
 * own keys are data). */
export function camelValue(value, fields, dataKeys = false) {
  if (Array.isArray(value)) return value.map((v) => camelValue(v, fields));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    if (dataKeys) out[key] = camelValue(child, fields);
    else out[camel(key)] = camelValue(child, fields, fields.has(key));
  }
  return out;
}

/**
 * `schema` (the core's, snake_case) as JavaScript sees the values it describes. A schema
 * describes an instance whose object keys are either struct field names (`struct`) or data
 * (`map`, the value of a map field); the position travels down as the binding's does:
 * properties of a struct are renamed and a map field's value is data; an item, a map's value
 * and a data key's value are structs again. A `$defs` entry takes the position of the
 * references to it (one position each: throws otherwise, as it does for a map reached where
 * the rule would rename its keys).
 */
export function camelSchema(schema, fields) {
  const defPositions = new Map();
  const convert = (node, position, where) => {
    if (Array.isArray(node) || node === null || typeof node !== 'object') return node;
    if (position === 'struct' && isIssue(node)) return issueWithSegments(node);
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      switch (key) {
        case 'properties':
          out.properties = {};
          for (const [name, property] of Object.entries(value)) {
            const renamed = position === 'struct' ? camel(name) : name;
            const child = position === 'struct' && fields.has(name) ? 'map' : 'struct';
            out.properties[renamed] = convert(property, child, `${where}/properties/${name}`);
          }
          break;
        case 'required':
          out.required = position === 'struct' ? value.map(camel) : value;
          break;
        case 'additionalProperties':
          if (value && typeof value === 'object') {
            if (position !== 'map') {
              throw new Error(`${where}: a map whose keys the camelCase rule would rename (not a map field)`);
            }
            out.additionalProperties = convert(value, 'struct', `${where}/additionalProperties`);
          } else {
            out.additionalProperties = value;
          }
          break;
        case 'items':
          out.items = convert(value, 'struct', `${where}/items`);
          break;
        case 'anyOf':
        case 'oneOf':
        case 'allOf':
          out[key] = value.map((a, i) => convert(a, position, `${where}/${key}/${i}`));
          break;
        case 'default':
          out.default = camelValue(value, fields, position === 'map');
          break;
        case 'examples':
          out.examples = value.map((v) => camelValue(v, fields, position === 'map'));
          break;
        case '$ref': {
          const name = value.slice('#/$defs/'.length);
          const seen = defPositions.get(name);
          if (seen !== undefined && seen !== position) {
            throw new Error(`${where}: $defs/${name} is used both as a struct and as a map`);
          }
          defPositions.set(name, position);
          out.$ref = value;
          break;
        }
        case '$defs':
          break; // converted below, at the positions of their references
        default:
          out[key] = value;
      }
    }
    return out;
  };
  const out = convert(schema, 'struct', '#');
  if (schema.$defs) {
    const defs = {};
    const done = new Set();
    // A definition may refer to others: convert until every referenced one is done.
    for (let pending = true; pending; ) {
      pending = false;
      for (const name of Object.keys(schema.$defs)) {
        if (done.has(name) || !defPositions.has(name)) continue;
        defs[name] = convert(schema.$defs[name], defPositions.get(name), `#/$defs/${name}`);
        done.add(name);
        pending = true;
      }
    }
    // Keep the core's order; a definition nothing refers to is a struct.
    out.$defs = {};
    for (const name of Object.keys(schema.$defs)) {
      out.$defs[name] = defs[name] ?? convert(schema.$defs[name], 'struct', `#/$defs/${name}`);
    }
  }
  return out;
}

/** An issue as the core writes it, `{code, path, message, params}` with the path as text:
 * the binding gives its path as segments (src/case.rs, `is_issue`). */
function isIssue(node) {
  const names = Object.keys(node.properties ?? {}).sort().join();
  return names === 'code,message,params,path' && node.properties.path.type === 'string';
}

/** An issue's schema with its path as JavaScript gets it: segments, camelCase field names,
 * data keys and indices (`["candidates", 0, "scores", "written_expression"]`). */
function issueWithSegments(node) {
  const path = node.properties.path;
  return {
    ...node,
    properties: {
      ...node.properties,
      path: {
        description: `${path.description ?? 'The path.'} As segments: camelCase field names, data keys as they are, list positions.`,
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] },
      },
    },
  };
}

/** The TypeScript module of every schema in camelCase. */
export function schemaModule(schemas) {
  const fields = new Set(mapFields(schemas));
  const names = Object.keys(schemas);
  const lines = [
    '// Generated by scripts/camel-schema.mjs from the repository\'s schema/*.json at build time:',
    '// do not edit. Every JSON Schema with camelCase field names, as JavaScript sees the values.',
    '',
    '/** The name of every JSON Schema, sorted. */',
    `export const SCHEMA_NAMES = ${JSON.stringify(names)} as const;`,
    '',
    '/** The name of a JSON Schema (an input or a result of the core). */',
    'export type SchemaName = (typeof SCHEMA_NAMES)[number];',
    '',
    '/** Every schema as JSON text (parsed at each call, so every caller gets its own copy). */',
    'export const SCHEMA_TEXT: { readonly [name in SchemaName]: string } = {',
    ...names.map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(JSON.stringify(camelSchema(schemas[n], fields)))},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    console.error('usage: node scripts/camel-schema.mjs <schema dir> <out.ts>');
    process.exit(2);
  }
  writeFileSync(out, schemaModule(readSchemas(dir)));
}
