//! What-if (full module only): one term under two rulebooks, and every member whose verdict
//! changes.

use wasm_bindgen::prelude::*;

use crate::convert::{json_text, to_js};
use crate::options::{call, rulebook_from_camel_json};
use crate::records::term_data;

/// Every member whose verdict on `options.today` changes from the options' rulebook (or the
/// default) to `newRulebook` (a partial rulebook over the default): old → new, with the first
/// step of the trace that differs.
#[wasm_bindgen(js_name = compare, unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "TermData")] term: JsValue,
    #[wasm_bindgen(js_name = newRulebook, unchecked_param_type = "PartialRulebook")]
    new_rulebook: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let data = term_data(&term)?;
        let new = rulebook_from_camel_json(&json_text(&new_rulebook, "newRulebook")?)
            .map_err(|e| e.within("newRulebook"))?;
        let diff = secretariat::discipline::compare(&data, &*o.rulebook()?, &new, o.today()?)?;
        to_js(&diff)
    })
}
