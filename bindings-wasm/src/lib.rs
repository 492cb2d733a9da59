//! WebAssembly binding of `secretariat`: the npm package `secretariat` (built by
//! `bindings-wasm/scripts/build.sh` with the wasm-bindgen CLI, for browsers and node).
//!
//! The binding converts types and errors, nothing more: every rule is the core's. JavaScript
//! gives and gets plain objects with camelCase keys ([`case`]), money as decimal strings,
//! dates as `YYYY-MM-DD`; `today` is always an option of the call. A refused call throws a
//! real `Error` named `SecretariatError` with the core's `code`, `path` and `issues`
//! ([`errors`]); form checks return `{ success, data | issues, warnings }` instead of throwing.

pub mod case;
pub mod convert;
pub mod errors;
mod forms;
mod frozen;
#[cfg(feature = "full")]
mod money;
pub mod options;
mod records;
#[cfg(feature = "full")]
mod schedule;
#[cfg(feature = "full")]
mod selection;
#[cfg(feature = "full")]
mod term;
mod types;
