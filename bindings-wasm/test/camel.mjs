// The vectors are written with the core's snake_case keys; the JS API takes and gives
// camelCase. This module converts a vector's input to what a JS caller writes, and matches a
// vector's expected output against what the API gives, by the same rule the binding uses
// (bindings-wasm/src/case.rs): struct field names are camelCase; the keys of a map field
// (below) are data (member ids, scheme ids such as `challenge_cup`, criterion ids, budget
// line ids) and stay as they are; string values never change. A vector holds no types, so
// the test needs the map fields too: derived from the core's JSON Schemas (schema/*.json) by
// scripts/camel-schema.mjs, by the definition the binding's build.rs applies.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { camel, camelValue, mapFields, readSchemas } from '../scripts/camel-schema.mjs';

/** Struct fields (snake_case) whose value is an object keyed by data. */
export const MAP_FIELDS = new Set(
  mapFields(readSchemas(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema'))),
);

export { camel } from '../scripts/camel-schema.mjs';

/** A snake_case value (a vector's input) as a JS caller writes it. */
export function toCamel(value, dataKeys = false) {
  return camelValue(value, MAP_FIELDS, dataKeys);
}

/** A core path (`candidates[0].scores.written_expression`) as the API's segments. */
export function camelPath(path) {
  const segments = [];
  for (const part of path.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m;
    while ((m = re.exec(part))) segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return camelSegments(segments);
}

/** snake_case path segments (`["requested_at"]`) as the API's. */
export function camelSegments(segments) {
  let dataKey = false;
  return segments.map((s) => {
    if (typeof s === 'number') {
      dataKey = false;
      return s;
    }
    if (dataKey) {
      dataKey = false;
      return s;
    }
    dataKey = MAP_FIELDS.has(s);
    return camel(s);
  });
}

/**
 * Checks that `actual` contains `expected` (the vectors' subset rule: every key named must be
 * present and match; arrays match in length and item by item; other values are equal), an
 * expected key found as its camelCase form or, for data keys, as it is. An issue's `path`
 * (a core path string, or snake_case segments) is compared as the API's segments. Throws
 * with the path of the first difference.
 */
export function assertMatches(expected, actual, at = '$') {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${at}: expected an array, got ${JSON.stringify(actual)}`);
    if (expected.length !== actual.length) {
      throw new Error(`${at}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 400)}`);
    }
    expected.forEach((e, i) => assertMatches(e, actual[i], `${at}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      throw new Error(`${at}: expected an object, got ${JSON.stringify(actual)}`);
    }
    for (const [key, e] of Object.entries(expected)) {
      const name = camel(key) in actual ? camel(key) : key;
      if (!(name in actual)) throw new Error(`${at}.${key}: missing (keys: ${Object.keys(actual).join(', ')})`);
      if (key === 'path' && Array.isArray(actual[name]) && typeof e === 'string') {
        assertMatches(camelPath(e), actual[name], `${at}.${key}`);
      } else if (key === 'path' && Array.isArray(e) && Array.isArray(actual[name])) {
        assertMatches(camelSegments(e), actual[name], `${at}.${key}`);
      } else {
        assertMatches(e, actual[name], `${at}.${key}`);
      }
    }
    return;
  }
  if (expected !== actual) {
    throw new Error(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
