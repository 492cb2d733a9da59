//! The TypeScript declarations of the API: the binding's own shapes (the options, the error,
//! the activity book), written in `types/secretariat.d.ts`, go into the generated `.d.ts` as a
//! custom section; the binding's result types derive theirs with tsify (in their modules); the
//! core's shapes are generated from its JSON Schemas and appended by `scripts/build.sh`
//! (`scripts/declarations.mjs`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SHAPES: &str = include_str!("types/secretariat.d.ts");
