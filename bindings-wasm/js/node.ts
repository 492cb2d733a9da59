// The entry of a node build (`secretariat` and `secretariat/forms` in node, CommonJS): the
// wasm-bindgen glue (the API, its module instantiated on load) and the Standard Schemas of the
// form checks. scripts/build.sh compiles it to index.js and index.d.ts.
export * from './secretariat_wasm.js';
export * from './standard_schema.js';
