//! `freeze(value)`: a context (or a rulebook) that cannot change is read once for as long as it
//! lives. A page holds one context for all its forms; checking a field at every keystroke
//! should not pay for reading the term again each time.
//!
//! `freeze` deep-freezes the object in place (`Object.freeze` on it and on everything in it)
//! and remembers it in a `WeakSet`. A call given such an object reads it once and keeps what it
//! read, by the object's identity (a `WeakMap` from the object to a number, the parsed value on
//! the Rust side under that number); a `FinalizationRegistry` tells when the object is
//! collected, and the parsed value is dropped at the next call. Exact: a frozen object cannot
//! change, so what was read from it stays true; nothing needs `.free()`.
//!
//! An object that was not frozen by `freeze` (even one frozen by hand, whose nested objects may
//! still change) is read by content instead ([`crate::convert::ParseCache`]).

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;
use wasm_bindgen::prelude::*;

use secretariat::{Error, Locale, Rulebook, TermData};

use crate::convert::invalid;
use crate::errors::js_error;

#[wasm_bindgen]
extern "C" {
    type WeakSet;
    #[wasm_bindgen(constructor)]
    fn new() -> WeakSet;
    #[wasm_bindgen(method)]
    fn has(this: &WeakSet, value: &JsValue) -> bool;
    #[wasm_bindgen(method)]
    fn add(this: &WeakSet, value: &JsValue);

    type WeakMap;
    #[wasm_bindgen(constructor)]
    fn new() -> WeakMap;
    #[wasm_bindgen(method)]
    fn get(this: &WeakMap, key: &JsValue) -> JsValue;
    #[wasm_bindgen(method)]
    fn set(this: &WeakMap, key: &JsValue, value: &JsValue);

    type FinalizationRegistry;
    #[wasm_bindgen(constructor)]
    fn new(cleanup: &Closure<dyn FnMut(JsValue)>) -> FinalizationRegistry;
    #[wasm_bindgen(method)]
    fn register(this: &FinalizationRegistry, target: &JsValue, held: &JsValue);
}

/// What was read from one frozen object.
#[derive(Default)]
struct Entry {
    term: Option<Rc<TermData>>,
    rulebook: Option<Rc<Rulebook>>,
}

struct Registry {
    frozen: WeakSet,
    ids: WeakMap,
    finalization: FinalizationRegistry,
    /// Kept alive for the registry to call.
    _cleanup: Closure<dyn FnMut(JsValue)>,
    /// By id. The ids are this registry's own counter, so the map hashes with rustc-hash's
    /// `FxHasher` rather than std's `RandomState` (SipHash and its keys: 1.4 KB gzipped of the
    /// forms module for a table that needs neither).
    entries: RefCell<FxHashMap<u32, Entry>>,
    next_id: RefCell<u32>,
}

thread_local! {
    /// Ids of collected objects, written by the finalization callback.
    static RELEASED: Rc<RefCell<Vec<u32>>> = Rc::new(RefCell::new(Vec::new()));
    static REGISTRY: Registry = {
        let released = RELEASED.with(Rc::clone);
        let cleanup = Closure::<dyn FnMut(JsValue)>::new(move |held: JsValue| {
            if let Some(id) = held.as_f64() {
                released.borrow_mut().push(id as u32);
            }
        });
        Registry {
            frozen: WeakSet::new(),
            ids: WeakMap::new(),
            finalization: FinalizationRegistry::new(&cleanup),
            _cleanup: cleanup,
            entries: RefCell::new(FxHashMap::default()),
            next_id: RefCell::new(1),
        }
    };
}

/// Deep-freezes `value` in place and returns it: calls given it (as a context or as
/// `options.rulebook`) read it once for as long as it lives. (Declared for TypeScript in
/// `types/secretariat.d.ts`, as a generic function.) A value that holds something
/// `Object.freeze` refuses (a typed array or a DataView with elements) is refused with
/// `input.invalid` at that path, and nothing is frozen.
#[wasm_bindgen(js_name = freeze, skip_typescript)]
pub fn freeze(value: JsValue) -> Result<JsValue, JsValue> {
    if value.is_object() {
        let mut objects = Vec::new();
        collect(&value, &WeakSet::new(), &mut Vec::new(), &mut objects)
            .map_err(|e| js_error(&e, Locale::En))?;
        for object in &objects {
            js_sys::Object::freeze(object.unchecked_ref::<js_sys::Object>());
        }
        REGISTRY.with(|r| r.frozen.add(&value));
    }
    Ok(value)
}

/// How deep `freeze` goes: deeper is not data a call takes (the JSON reader stops at 128).
const MAX_DEPTH: usize = 128;

/// Gathers every object reachable from `value` (each once), refusing what cannot be frozen.
fn collect(
    value: &JsValue,
    seen: &WeakSet,
    path: &mut Vec<String>,
    out: &mut Vec<JsValue>,
) -> Result<(), secretariat::Error> {
    if !value.is_object() || seen.has(value) {
        return Ok(());
    }
    if js_sys::ArrayBuffer::is_view(value) {
        return Err(invalid(&path.join("."), "a typed array cannot be frozen"));
    }
    if path.len() > MAX_DEPTH {
        return Err(invalid(&path.join("."), "nested too deep to be data"));
    }
    seen.add(value);
    out.push(value.clone());
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        path.push(entry.get(0).as_string().unwrap_or_default());
        collect(&entry.get(1), seen, path, out)?;
        path.pop();
    }
    Ok(())
}

impl Registry {
    /// The id of a frozen object, `None` for anything else.
    fn id_of(&self, value: &JsValue) -> Option<u32> {
        if !value.is_object() || !self.frozen.has(value) {
            return None;
        }
        if let Some(id) = self.ids.get(value).as_f64() {
            return Some(id as u32);
        }
        let mut next = self.next_id.borrow_mut();
        let id = *next;
        *next += 1;
        self.ids.set(value, &JsValue::from(id));
        self.finalization.register(value, &JsValue::from(id));
        Some(id)
    }

    /// Drops what was read from objects collected since the last call.
    fn drop_released(&self) {
        let released: Vec<u32> = RELEASED.with(|r| std::mem::take(&mut *r.borrow_mut()));
        if !released.is_empty() {
            let mut entries = self.entries.borrow_mut();
            for id in released {
                entries.remove(&id);
            }
        }
    }
}

/// What `read` gives for `value`, kept by the object's identity when it is frozen.
fn cached<T>(
    value: &JsValue,
    slot: impl Fn(&mut Entry) -> &mut Option<Rc<T>>,
    read: impl FnOnce() -> Result<Rc<T>, Error>,
) -> Result<Rc<T>, Error> {
    REGISTRY.with(|r| {
        r.drop_released();
        let Some(id) = r.id_of(value) else {
            return read();
        };
        if let Some(found) = slot(r.entries.borrow_mut().entry(id).or_default()) {
            return Ok(Rc::clone(found));
        }
        let parsed = read()?;
        *slot(r.entries.borrow_mut().entry(id).or_default()) = Some(Rc::clone(&parsed));
        Ok(parsed)
    })
}

/// Term data read from `value`, or kept from an earlier call when `value` is frozen.
pub(crate) fn term_data(
    value: &JsValue,
    read: impl FnOnce() -> Result<Rc<TermData>, Error>,
) -> Result<Rc<TermData>, Error> {
    cached(value, |e| &mut e.term, read)
}

/// A rulebook read from `value`, or kept from an earlier call when `value` is frozen.
pub(crate) fn rulebook(
    value: &JsValue,
    read: impl FnOnce() -> Result<Rc<Rulebook>, Error>,
) -> Result<Rc<Rulebook>, Error> {
    cached(value, |e| &mut e.rulebook, read)
}
