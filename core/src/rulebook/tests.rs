use proptest::prelude::*;

use super::*;
use crate::attendance::AttendanceWindow;
use crate::diagnostic::{Diagnostic, Locale};

#[test]
fn embedded_default_is_valid() {
    let value: Value = toml::from_str(DEFAULT_TOML).unwrap();
    let rb = Rulebook::from_value(value).unwrap();
    // The seed's numbers (seed 000, discipline §2).
    assert_eq!(rb.attendance.lateness_limit, 2);
    assert_eq!(rb.attendance.absence_limit, 1);
    assert_eq!(rb.attendance.grace_minutes, 0);
    assert_eq!(rb.attendance.window, AttendanceWindow::Term);
    assert!(rb.leave.require_substitute);
}

#[test]
fn the_build_time_json_of_the_default_is_its_toml() {
    let from_toml: Value = toml::from_str(DEFAULT_TOML).unwrap();
    let from_json: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    assert_eq!(from_json, from_toml);
    assert_eq!(
        Rulebook::default(),
        Rulebook::from_value(from_toml).unwrap()
    );
}

#[test]
fn a_partial_file_overrides_only_the_keys_it_names() {
    let rb = Rulebook::from_toml_str("[attendance]\nlateness_limit = 3\n").unwrap();
    let mut expected = Rulebook::default();
    expected.attendance.lateness_limit = 3;
    assert_eq!(rb, expected);
    let from_json = Rulebook::from_json_str(r#"{"attendance": {"lateness_limit": 3}}"#).unwrap();
    assert_eq!(from_json, expected);
}

#[test]
fn an_empty_file_is_the_default() {
    assert_eq!(Rulebook::from_toml_str("").unwrap(), Rulebook::default());
    assert_eq!(Rulebook::from_json_str("{}").unwrap(), Rulebook::default());
}

#[test]
fn errors_carry_the_key_path_and_a_code() {
    let cases = [
        (
            "[attendance]\nlateness = 3",
            "rulebook.unknown_key",
            "attendance.lateness",
        ),
        ("colour = 3", "rulebook.unknown_key", "colour"),
        (
            "[attendance]\nlateness_limit = 0",
            "rulebook.out_of_range",
            "attendance.lateness_limit",
        ),
        (
            "[attendance]\ngrace_minutes = 1000",
            "rulebook.out_of_range",
            "attendance.grace_minutes",
        ),
        (
            "[attendance]\nwindow = { rolling_days = 0 }",
            "rulebook.out_of_range",
            "attendance.window.rolling_days",
        ),
        (
            "[attendance]\nabsence_limit = -1",
            "rulebook.invalid_type",
            "attendance.absence_limit",
        ),
        (
            "[attendance]\nwindow = \"fortnight\"",
            "rulebook.invalid_type",
            "attendance.window",
        ),
        (
            "[attendance]\ncounted_kinds = [\"party\"]",
            "rulebook.invalid_type",
            "attendance.counted_kinds[0]",
        ),
        (
            "[authority]\napprove_leave = []",
            "rulebook.inconsistent",
            "authority.approve_leave",
        ),
        (
            "[authority]\napprove_leave = [\"janitor\"]",
            "rulebook.invalid_type",
            "authority.approve_leave[0]",
        ),
        (
            "[meta]\nversion = \"\"",
            "rulebook.inconsistent",
            "meta.version",
        ),
        ("[attendance", "rulebook.syntax", ""),
    ];
    for (text, code, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}");
        assert!(!err.message(Locale::ZhHans).is_empty());
        assert_ne!(err.message(Locale::ZhHans), err.message(Locale::En));
    }
}

#[test]
fn fingerprint_tells_versions_apart() {
    let a = Rulebook::default();
    let b = Rulebook::from_toml_str("[attendance]\ngrace_minutes = 1").unwrap();
    assert_eq!(a.fingerprint(), Rulebook::default().fingerprint());
    assert_ne!(a.fingerprint(), b.fingerprint());
    assert!(a.fingerprint().starts_with("fnv1a64:"));
    assert_eq!(a.stamp().version, "2026.1");
}

fn arb_rulebook() -> impl Strategy<Value = Rulebook> {
    (
        0u32..=240,
        1u32..=100,
        1u32..=100,
        0u32..=100,
        prop_oneof![
            Just(AttendanceWindow::Term),
            Just(AttendanceWindow::Semester),
            (1u32..=3660).prop_map(AttendanceWindow::RollingDays)
        ],
        any::<bool>(),
        0u32..=10_000,
        "[a-z ]{1,12}",
    )
        .prop_map(|(grace, late, absent, margin, window, sub, notice, name)| {
            let mut rb = Rulebook::default();
            rb.meta.name = name;
            rb.attendance.grace_minutes = grace;
            rb.attendance.lateness_limit = late;
            rb.attendance.absence_limit = absent;
            rb.attendance.warning_margin = margin;
            rb.attendance.window = window;
            rb.leave.require_substitute = sub;
            rb.leave.min_notice_minutes = notice;
            rb
        })
}

proptest! {
    #[test]
    fn toml_round_trip_is_lossless(rb in arb_rulebook()) {
        let text = rb.to_toml_string().unwrap();
        prop_assert_eq!(Rulebook::from_toml_str(&text).unwrap(), rb);
    }

    #[test]
    fn json_round_trip_is_lossless(rb in arb_rulebook()) {
        let text = rb.to_json_string();
        let back = Rulebook::from_json_str(&text).unwrap();
        prop_assert_eq!(back.fingerprint(), rb.fingerprint());
        prop_assert_eq!(back, rb);
    }
}
