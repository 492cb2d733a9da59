//! WebAssembly binding of `secretariat`: the npm package `secretariat` (built by
//! `bindings-wasm/scripts/build.sh` with the wasm-bindgen CLI, for browsers and node).
//!
//! The binding converts types and errors, nothing more: every rule is the core's. JavaScript
//! gives and gets plain objects with camelCase keys ([`case`]), money as decimal strings,
//! dates as `YYYY-MM-DD`; `today` is always an option of the call. A refused call throws a
//! real `Error` named `SecretariatError` with the core's `code`, `path` and `issues`
//! ([`errors`]); form checks return `{ success, data | issues, warnings }` instead of throwing.
//!
//! Two modules are built from this crate (`scripts/build.sh`): the full API (cargo feature
//! `full`, the default) and, without that feature, the forms module `secretariat/forms`: the
//! form checks, what a form page shows, the sample term and the rulebook, small enough for a
//! browser form page (issue #6's 250 KB gzipped). The modules behind `full` (`money`,
//! `schedule`, `selection`, `term`) are left out of the link, with their types' readers and
//! writers.

pub mod case;
#[cfg(feature = "full")]
mod compare;
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
