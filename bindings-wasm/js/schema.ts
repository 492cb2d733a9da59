// `schema(name)`: the JSON Schema of an input or a result, as JavaScript sees it (camelCase
// field names, data keys as they are). The schemas are the core's (the repository's schema/,
// generated from its types), renamed at build time by scripts/camel-schema.mjs into
// schema_data.ts; nothing of them is compiled into the WebAssembly module. scripts/build.sh
// compiles this file beside each module's glue, as it does js/standard_schema.ts.

import type { Locale, PathSegment, SecretariatError } from './secretariat_wasm.js';
import { SCHEMA_NAMES, SCHEMA_TEXT } from './schema_data.js';
import type { SchemaName } from './schema_data.js';

export type { SchemaName } from './schema_data.js';

/** The name of every JSON Schema `schema(name)` gives, sorted (the core's
 * `secretariat::schema::NAMES`): inputs such as `leave_request`, `term_data`, `rulebook`,
 * `rulebook_overlay`, `ledger_operation`, `evaluation_input`, and results such as
 * `term_report`, `ranking`, `allocation`, `budget_report`. A fresh array at each call. */
export function schemaNames(): SchemaName[] {
  return [...SCHEMA_NAMES];
}

/** A JSON Schema (draft 2020-12) document: `$schema`, `$defs` with the types it uses, and the
 * keywords of the schema itself. */
export interface JsonSchema {
  /** `https://json-schema.org/draft/2020-12/schema`. */
  $schema?: string;
  /** The Rust type's name. */
  title?: string;
  /** The doc comment of the type. */
  description?: string;
  /** The types the schema refers to (`{"$ref": "#/$defs/Name"}`). */
  $defs?: { [name: string]: JsonSchema };
  /** Every other keyword of JSON Schema. */
  [keyword: string]: unknown;
}

/**
 * The JSON Schema (draft 2020-12) of an input or a result, by name (`schemaNames()` lists
 * every name): field names camelCase as this package reads and writes them, data keys (member
 * ids, scheme ids, budget line ids) and string values as they are. Money and every exact
 * decimal is text with `format: "decimal"`, a date `format: "date"`, a school-local date and
 * time `format: "partial-date-time"`, a time of day `format: "partial-time"` (register these
 * with your validator, e.g. ajv's `addFormat`). Each call gives a fresh copy.
 *
 * @throws {SecretariatError} `schema.unknown_name` (path `["name"]`) for a name that is not
 * one of `schemaNames()`; its message in `options.locale` (default `en`).
 */
export function schema(
  name: SchemaName | (string & {}),
  options?: { locale?: Locale },
): JsonSchema {
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(SCHEMA_TEXT, name)) {
    return JSON.parse(SCHEMA_TEXT[name as SchemaName]) as JsonSchema;
  }
  // Only a string or a number is shown: `String()` of a deeply nested array overflows the
  // stack, and of an object with a throwing `toString` throws.
  const shown = ['string', 'number'].includes(typeof name) ? String(name) : `(${typeof name})`;
  throw unknownName(shown, options?.locale);
}

/** The core's `schema.unknown_name` error (`secretariat::schema::SchemaError`), as the binding
 * throws errors: a real `Error` named `SecretariatError` with code, area, path and issues. */
function unknownName(name: string, locale: Locale | undefined): SecretariatError {
  // The core's catalogs (core/locales/*.toml) say the same; this module carries no catalog.
  const message =
    locale === 'zh-Hans'
      ? `没有名为“${name}”的 JSON Schema`
      : locale === 'zh-Hant'
        ? `沒有名為「${name}」的 JSON Schema`
        : `there is no schema named \`${name}\``;
  const path: PathSegment[] = ['name'];
  const issue = {
    code: 'schema.unknown_name',
    path,
    message,
    params: { name, known: SCHEMA_NAMES.join(', ') },
  };
  const error = new Error(message) as SecretariatError;
  error.name = 'SecretariatError';
  return Object.assign(error, { code: issue.code, area: 'schema', path, issues: [issue] });
}
