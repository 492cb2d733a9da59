use super::*;

#[test]
fn embedded_default_is_valid() {
    let value: Value = toml::from_str(DEFAULT_TOML).unwrap();
    Rulebook::from_value(value).unwrap();
}
