//! A school's rulebook file, as TOML or JSON, whole or as an overlay on the default: reading
//! never panics, and a rulebook that reads writes back to JSON and TOML that read to the
//! same rulebook.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secretariat::Rulebook;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let default = Rulebook::default();
    let read = [
        Rulebook::from_toml_str(text),
        Rulebook::from_json_str(text),
        default.overlay_toml(text),
        default.overlay_json(text),
    ];
    for rulebook in read.into_iter().flatten() {
        let json = rulebook.to_json_string();
        let again = Rulebook::from_json_str(&json);
        assert_eq!(again.as_ref(), Ok(&rulebook), "JSON round trip of {json}");
        if let Ok(toml) = rulebook.to_toml_string() {
            let again = Rulebook::from_toml_str(&toml);
            assert_eq!(again.as_ref(), Ok(&rulebook), "TOML round trip of {toml}");
        }
        let _ = rulebook.fingerprint();
    }
});
