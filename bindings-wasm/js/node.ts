// The entry of a node build (`secretariat` and `secretariat/forms` in node, CommonJS): the
// wasm-bindgen glue (the API, its module instantiated on load), the Standard Schemas of the
// form checks and `schema(name)`, the JSON Schemas. scripts/build.sh compiles it to index.js
// and index.d.ts.
export * from './secretariat_wasm.js';
export * from './standard_schema.js';
export * from './schema.js';
