//! The catalogs' own tests: every code in every locale, placeholders that name parameters,
//! no message that starts with its path, the same keys in every catalog.

use chrono::NaiveDate;

use super::samples::{date, every_diagnostic, rule};
use super::*;
use crate::activity::ActivityErrorKind;
use crate::attendance::LeaveErrorKind;
use crate::diagnostic::Diagnostic;

/// Parameters that no template of their code writes, and why they are kept.
const UNUSED_PARAMS: &[(&str, &str, &str)] = &[
    (
        "schema.unknown_name",
        "known",
        "every schema name: for a program offering the choices, too long for a sentence",
    ),
    (
        "input.invalid",
        "detail",
        "the reader's own words, in English, for logs",
    ),
    (
        "input.invalid",
        "value",
        "the value found, for a program; the message names its kind",
    ),
    (
        "form.required",
        "field",
        "the field's path again, for a form that labels the field itself",
    ),
];

/// Every template a diagnostic's message can be made of: its code's text (or both plural
/// forms) and the words its parameters' values choose.
fn templates_of(d: &dyn Diagnostic, locale: Locale) -> Vec<(String, &'static str)> {
    let code = d.code();
    let mut out = Vec::new();
    match (text(locale, code), counted_param(code)) {
        (Some(t), _) => out.push((code.to_owned(), t)),
        (None, Some(p)) => {
            for form in ["one", "other"] {
                let key = format!("{code}.{p}.{form}");
                if let Some(t) = text(locale, &key) {
                    out.push((key, t));
                }
            }
        }
        (None, None) => {}
    }
    let area = code.split_once('.').map_or(code, |(a, _)| a);
    for (name, value) in d.params() {
        for key in [
            format!("{code}.{name}.{value}"),
            format!("{area}.{name}.{value}"),
            format!("{name}.{value}"),
        ] {
            if let Some(t) = text(locale, &key) {
                out.push((key, t));
                break;
            }
        }
    }
    out
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    let all = every_diagnostic();
    assert!(all.len() > 120, "{} samples", all.len());
    for d in &all {
        for &locale in Locale::ALL {
            let code = d.code();
            let own = text(locale, code).is_some();
            let plural = counted_param(code).is_some_and(|p| {
                ["one", "other"]
                    .iter()
                    .all(|f| text(locale, &format!("{code}.{p}.{f}")).is_some())
            });
            assert!(own || plural, "{code} has no message in {}", locale.tag());
            let message = d.message(locale);
            assert!(
                !message.is_empty() && message != code,
                "{code} in {}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_placeholder_names_a_param_and_every_param_is_written() {
    for d in &every_diagnostic() {
        let code = d.code();
        let params = d.params();
        let mut used: Vec<&str> = counted_param(code).into_iter().collect();
        for &locale in Locale::ALL {
            for (key, template) in templates_of(d.as_ref(), locale) {
                for name in placeholders(template) {
                    assert!(
                        params.contains_key(name),
                        "{key} ({}) names {{{name}}}, not a parameter of {code}: {params:?}",
                        locale.tag()
                    );
                    used.push(name);
                }
            }
            assert!(
                !d.message(locale).contains('{'),
                "{code} ({}) leaves a placeholder unfilled: {}",
                locale.tag(),
                d.message(locale)
            );
        }
        for name in params.keys() {
            let chooses_a_word = templates_of(d.as_ref(), Locale::En)
                .iter()
                .any(|(key, _)| key.ends_with(&format!("{name}.{}", params[name])));
            let allowed = UNUSED_PARAMS
                .iter()
                .any(|(c, p, _)| *c == code && p == name);
            assert!(
                used.contains(name) || chooses_a_word || allowed,
                "{code}: the parameter {name} is written by no template (list it in \
                 UNUSED_PARAMS with the reason)"
            );
        }
    }
}

#[test]
fn no_message_starts_with_its_path() {
    for d in &every_diagnostic() {
        for &locale in Locale::ALL {
            let message = d.message(locale);
            assert!(
                d.path().is_empty() || !message.starts_with(d.path()),
                "{} ({}): {message}",
                d.code(),
                locale.tag()
            );
        }
    }
}

#[test]
fn every_catalog_has_the_same_keys() {
    // The build stops when they differ; here, every key has a text in every locale.
    let all: Vec<&str> = keys().collect();
    let mut sorted = all.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "each key once");
    for &locale in Locale::ALL {
        for key in &all {
            assert!(
                report_text(locale, key).is_some(),
                "{key} in {}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_template_of_a_catalog_names_the_same_placeholders_in_every_locale() {
    for key in keys() {
        let mut english = placeholders(label(Locale::En, key));
        english.sort_unstable();
        for &locale in Locale::ALL {
            let mut these = placeholders(label(locale, key));
            these.sort_unstable();
            // A singular form may write the count as a word ("one more ...").
            if !key.ends_with(".one") {
                assert_eq!(english, these, "{key} in {}", locale.tag());
            }
        }
    }
}

#[test]
fn a_locale_is_one_catalog_file_and_one_line_of_the_list() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let list = std::fs::read_to_string(format!("{dir}/locales.toml")).unwrap_or_default();
    let lines = list.lines().filter(|l| l.contains("tag = ")).count();
    assert_eq!(lines, Locale::ALL.len());
    for &locale in Locale::ALL {
        assert!(std::path::Path::new(&format!("{dir}/{}.toml", locale.tag())).exists());
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        let json = serde_json::to_string(&locale).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", locale.tag()));
    }
    for (alias, locale) in [
        ("zh", Locale::ZhHans),
        ("zh-CN", Locale::ZhHans),
        ("zh-TW", Locale::ZhHant),
        ("zh-HK", Locale::ZhHant),
    ] {
        assert_eq!(Locale::from_tag(alias), Some(locale));
        let read: Option<Locale> = serde_json::from_str(&format!("\"{alias}\"")).ok();
        assert_eq!(read, Some(locale));
    }
}

#[test]
fn traditional_chinese_is_written_in_traditional_characters() {
    // Characters that only Simplified Chinese writes (their Traditional forms differ).
    let simplified_only = "们这个为时会对发经过动进还没与应请设计审员队级学语数录选报费项负责\
                           条节间实现题样线终结签记证财银转单从网获缺迟务议规则则";
    let simplified_only: Vec<char> = simplified_only.chars().filter(|c| *c != '缺').collect();
    for key in keys() {
        let text = label(Locale::ZhHant, key);
        let found: Vec<char> = text
            .chars()
            .filter(|c| simplified_only.contains(c))
            .collect();
        assert!(found.is_empty(), "{key}: {text} has {found:?}");
    }
}

#[test]
fn a_stored_issue_renders_again_in_any_locale() {
    let error = crate::Error::from(LeaveErrorKind::NoSubstitute.at("substitute"));
    let issue = error.issue(Locale::En);
    assert_eq!(
        issue.message_in(Locale::ZhHans),
        "未安排替班人：请假须安排他人代为负责"
    );
    assert_eq!(
        issue.message_in(Locale::ZhHant),
        "未安排代班人：請假須先找好代班的人"
    );
    let late = crate::Error::from(
        ActivityErrorKind::SubmissionLate {
            rule: rule(),
            deadline: date(),
            submitted_on: date(),
            days_late: 1,
        }
        .at("notice_received"),
    );
    let stored: crate::Issue = serde_json::from_value(
        serde_json::to_value(late.issue(Locale::ZhHans)).unwrap_or_default(),
    )
    .unwrap_or_else(|_| late.issue(Locale::En));
    assert!(stored.message_in(Locale::En).contains("1 day after"));
    assert_eq!(
        stored.message_in(Locale::ZhHant),
        late.message(Locale::ZhHant)
    );
}

#[test]
fn stored_results_render_again_in_any_locale() {
    let data = crate::TermData::sample();
    let rulebook = crate::Rulebook::default();
    let today = NaiveDate::from_ymd_opt(2002, 10, 20).unwrap_or_default();
    let report = crate::term_report(&rulebook, &data, today).ok();
    let json = report
        .and_then(|r| serde_json::to_value(r).ok())
        .unwrap_or_default();
    let refused: Vec<crate::Issue> = json["leave"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["refused"].as_array().cloned().unwrap_or_default())
        .filter_map(|i| serde_json::from_value(i).ok())
        .collect();
    assert!(!refused.is_empty(), "the sample term refuses some leave");
    for issue in &refused {
        assert_eq!(issue.message_in(Locale::En), issue.message);
        for &locale in Locale::ALL {
            let again = issue.message_in(locale);
            assert!(!again.contains('{') && again != issue.code, "{again}");
        }
        assert_ne!(issue.message_in(Locale::ZhHant), issue.message);
    }
    let form = crate::forms::FormIssue::from_diagnostic(
        &LeaveErrorKind::NoReason.at("reason"),
        Locale::En,
    );
    assert_eq!(form.message_in(Locale::ZhHant), "請填寫請假事由");
}

#[test]
fn what_a_rulebook_value_must_satisfy_is_written_in_every_locale() {
    // A rule found broken while loading: its words and numbers come from the catalog, so
    // Traditional Chinese reads in its own characters, not the Simplified text.
    let err = crate::Rulebook::from_toml_str("[authority]\napprove_leave = []").unwrap_err();
    assert_eq!(err.code(), "rulebook.inconsistent");
    assert_eq!(
        err.message(Locale::En),
        "at least one role must be allowed to take this action"
    );
    assert_eq!(
        err.message(Locale::ZhHans),
        "每项操作至少要有一个角色有权执行"
    );
    assert_eq!(
        err.message(Locale::ZhHant),
        "每項操作至少要有一個角色有權執行"
    );
    // With its numbers, and again from a stored issue.
    let error = crate::Error::from(
        crate::rule::RulebookErrorKind::inconsistent(
            "range_empty",
            [("max", "10.00".to_owned()), ("min", "20.00".to_owned())],
        )
        .at("budget.lines[0].max"),
    );
    let issue = error.issue(Locale::En);
    assert_eq!(
        issue.message,
        "the range must not be empty: max (10.00) must be at least min (20.00)"
    );
    assert_eq!(
        issue.message_in(Locale::ZhHant),
        "範圍不能是空的：上限（10.00）不能低於下限（20.00）"
    );
    // Every such word has its text in every locale.
    for key in keys().filter(|k| k.starts_with("expected.")) {
        for &locale in Locale::ALL {
            assert!(text(locale, key).is_some(), "{key} in {}", locale.tag());
        }
    }
}

#[test]
fn a_schemes_own_error_keeps_its_words_in_the_rulebook() {
    // A scheme error found while loading the rulebook is `rulebook.inconsistent`, written
    // with the words and parameters of the scheme's own code.
    let scheme = crate::evaluation::EvaluationErrorKind::NoCriteria.at("criteria");
    let err = crate::evaluation::to_rulebook_error(scheme.clone());
    assert_eq!(
        (err.code(), err.path()),
        ("rulebook.inconsistent", "criteria")
    );
    for &locale in Locale::ALL {
        assert_eq!(err.message(locale), scheme.message(locale));
    }
}

#[test]
fn what_the_reader_found_wrong_is_told_in_every_locale() {
    // The reader's refusal is a reason and the names it found, not serde's English text.
    let err =
        crate::input::from_json_str::<crate::calendar::DateRange>(r#"{"start": 5}"#).unwrap_err();
    assert_eq!((err.code(), err.path()), ("input.invalid", "start"));
    let params = err.params();
    assert_eq!(params["reason"], "wrong_type");
    assert_eq!(params["found"], "integer");
    assert!(
        err.message(Locale::En).ends_with("found an integer"),
        "{}",
        err.message(Locale::En)
    );
    assert!(err.message(Locale::ZhHans).ends_with("实际是整数"));
    assert!(err.message(Locale::ZhHant).ends_with("實際是整數"));
    let err =
        crate::input::from_json_str::<crate::calendar::DateRange>(r#"{"start": "2002-09-01"}"#)
            .unwrap_err();
    assert_eq!(err.params()["reason"], "missing_field");
    assert_eq!(err.message(Locale::En), "missing field `end`");
    assert_eq!(
        err.message(Locale::ZhHant),
        "輸入的資料有誤：缺少「end」欄位"
    );
    // A stored issue renders again in another locale.
    assert_eq!(
        crate::Error::from(err)
            .issue(Locale::En)
            .message_in(Locale::ZhHans),
        "输入无效：缺少“end”一栏"
    );
}
