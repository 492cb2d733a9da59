//! The TypeScript declarations of the API: the core's shapes and the options, written in
//! `types/secretariat.d.ts`, go into the generated `.d.ts` as a custom section; the
//! binding's result types derive theirs with tsify (in their modules).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SHAPES: &str = include_str!("types/secretariat.d.ts");
