// The entry of a web build (`secretariat` and `secretariat/forms` in a browser): the
// wasm-bindgen glue (`init` as the default export, `initSync`, the API), the Standard Schemas
// of the form checks and `schema(name)`, the JSON Schemas. scripts/build.sh compiles it to
// index.js and index.d.ts.
export * from './secretariat_wasm.js';
export { default } from './secretariat_wasm.js';
export * from './standard_schema.js';
export * from './schema.js';
