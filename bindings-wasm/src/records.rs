//! The context and the rulebook: term data as a form's context reads it, the sample term, the
//! default rulebook and a partial rulebook over it.

use wasm_bindgen::prelude::*;

use secretariat::{Error, TermData};

use crate::convert::{ParseCache, invalid, json_text, to_js};
use crate::options::{call, rulebook_from_camel_json};

thread_local! {
    static TERMS: ParseCache<TermData> = const { ParseCache::new() };
}

/// Reads term data (a form's context): kept by identity when the object is frozen
/// ([`crate::frozen`]), else by content (the same content given again is not parsed again).
pub(crate) fn term_data(value: &JsValue) -> Result<std::rc::Rc<TermData>, Error> {
    crate::frozen::term_data(value, || {
        let text = json_text(value, "")?;
        TERMS.with(|cache| cache.get_or_parse(text, crate::convert::from_camel_json))
    })
}

/// The bundled sample term (seed 000's department, autumn 2002): members, events, leave
/// requests, marks, the year's activities and budget, a selection. A ready context for forms.
///
/// It is the bundled file's JSON with its keys in camelCase (what `TermData::sample` reads),
/// not the sample read and written again: writing needs `TermData`'s serializer, which
/// nothing else in the forms module does.
#[wasm_bindgen(js_name = sampleTerm, unchecked_return_type = "TermData")]
pub fn sample_term() -> Result<JsValue, JsValue> {
    call(JsValue::UNDEFINED, |_| {
        let sample: serde_json::Value = serde_json::from_str(secretariat::report::SAMPLE_TERM_JSON)
            .map_err(|e| invalid("", e.to_string()))?;
        to_js(&sample)
    })
}

/// The embedded default rulebook, whole (camelCase keys).
#[wasm_bindgen(js_name = defaultRulebook, unchecked_return_type = "Rulebook")]
pub fn default_rulebook() -> Result<JsValue, JsValue> {
    call(JsValue::UNDEFINED, |_| {
        to_js(crate::options::default_rulebook())
    })
}

/// A partial rulebook (the TOML file's schema, camelCase keys) over the default, checked and
/// whole. Throws `rulebook.unknown_key`, `rulebook.out_of_range`, ... with the key's path.
#[wasm_bindgen(js_name = loadRulebook, unchecked_return_type = "Rulebook")]
pub fn load_rulebook(
    #[wasm_bindgen(unchecked_param_type = "PartialRulebook")] partial: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |_| {
        let text = json_text(&partial, "")?;
        to_js(&rulebook_from_camel_json(&text)?)
    })
}
