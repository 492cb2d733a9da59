//! The main job: a term report on the embedded default rulebook and the bundled sample term,
//! or on your own files.
//!
//! ```sh
//! cargo run --example term_report
//! cargo run --example term_report -- --rulebook my_rules.toml --data term.json --today 2002-10-14 --lang zh
//! cargo run --example term_report -- --ical > term.ics   # milestones and meetings
//! cargo run --example term_report -- --compare-rulebook core/data/policies/points.toml
//! ```
//!
//! `--compare-rulebook FILE` prints, instead of the report, every member whose verdict
//! changes from the rulebook (`--rulebook`, or the default) to FILE, with the first step of
//! the trace that differs.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use secretariat::{Locale, Rulebook, TermData, term_report};

const USAGE: &str = "usage: term_report [--rulebook FILE.toml|FILE.json] [--data TERM.json] \
                     [--today YYYY-MM-DD] [--lang en|zh-Hans|zh-Hant] [--json | --ical] \
                     [--compare-rulebook FILE]";

struct Options {
    rulebook: Option<String>,
    data: Option<String>,
    today: Option<String>,
    locale: Locale,
    json: bool,
    ical: bool,
    compare: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        rulebook: None,
        data: None,
        today: None,
        locale: Locale::En,
        json: false,
        ical: false,
        compare: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--rulebook" => options.rulebook = Some(value("--rulebook")?),
            "--data" => options.data = Some(value("--data")?),
            "--today" => options.today = Some(value("--today")?),
            "--lang" => {
                // Any locale of the catalogs, by tag or alias: en, zh-Hans (zh, zh-CN),
                // zh-Hant (zh-TW, zh-HK).
                let tag = value("--lang")?;
                options.locale =
                    Locale::from_tag(&tag).ok_or_else(|| format!("unknown language {tag:?}"))?;
            }
            "--json" => options.json = true,
            "--ical" => options.ical = true,
            "--compare-rulebook" => options.compare = Some(value("--compare-rulebook")?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

fn run(options: &Options) -> Result<String, String> {
    let locale = options.locale;
    let describe = |e: secretariat::Error| e.issue(locale).to_string();
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));

    let load = |path: &Option<String>| -> Result<Rulebook, String> {
        Ok(match path {
            None => Rulebook::default(),
            Some(path) if path.ends_with(".json") => {
                Rulebook::from_json_str(&read(path)?).map_err(describe)?
            }
            Some(path) => Rulebook::from_toml_str(&read(path)?).map_err(describe)?,
        })
    };
    let rulebook = load(&options.rulebook)?;
    let data = match &options.data {
        None => TermData::sample(),
        Some(path) => TermData::from_json_str(&read(path)?)
            .map_err(|e| describe(secretariat::Error::from(e)))?,
    };
    let today = match (&options.today, data.as_of) {
        (Some(text), _) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|e| format!("--today {text:?}: {e}"))?,
        (None, Some(as_of)) => as_of,
        (None, None) => return Err("the data has no as_of date: give --today".into()),
    };
    if options.ical {
        // DTSTAMP: the report's day at midnight, so the same inputs give the same file.
        let now = today.and_time(chrono::NaiveTime::MIN);
        return secretariat::report::term_icalendar(&rulebook, &data, now, locale)
            .map_err(describe);
    }
    if options.compare.is_some() {
        let other = load(&options.compare)?;
        let diff =
            secretariat::discipline::compare(&data, &rulebook, &other, today).map_err(describe)?;
        if options.json {
            return serde_json::to_string_pretty(&diff).map_err(|e| e.to_string());
        }
        return Ok(render_comparison(&diff, locale));
    }
    let report = term_report(&rulebook, &data, today).map_err(describe)?;
    if options.json {
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())
    } else {
        Ok(report.render(locale))
    }
}

/// One paragraph per member whose verdict changes: old → new, and the first step that
/// differs under each rulebook.
fn render_comparison(diff: &secretariat::discipline::Comparison, locale: Locale) -> String {
    let mut out = format!(
        "{} → {} ({})\n",
        diff.old_rulebook.name, diff.new_rulebook.name, diff.today
    );
    if diff.changes.is_empty() {
        out.push_str(&secretariat::catalog::report(
            locale,
            "standing.compare.no_changes",
            &Default::default(),
        ));
        out.push('\n');
    }
    let brief = |v: &secretariat::discipline::VerdictSummary| {
        let mut s = v.status.to_string();
        if let Some(sanction) = &v.sanction {
            s.push_str(&format!(" / {sanction}"));
        }
        if let Some(points) = v.points {
            s.push_str(&format!(" / {points}"));
        }
        s
    };
    for c in &diff.changes {
        out.push_str(&format!(
            "{} {}: {} → {}\n",
            c.member,
            c.name,
            brief(&c.old),
            brief(&c.new)
        ));
        for (side, step) in [("-", &c.old_step), ("+", &c.new_step)] {
            if let Some(step) = step {
                out.push_str(&format!("  {side} {}\n", step.describe(locale)));
            }
        }
    }
    out
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(text) => {
            // A reader that stops early (`| head`, `| grep -q`) closes the pipe: that ends
            // the output, it is not an error (println! would panic on it).
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{text}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
