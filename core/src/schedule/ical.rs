//! iCalendar (RFC 5545) export of milestone plans and regular meetings.
//!
//! Milestones and events are all-day entries (`DTSTART;VALUE=DATE`, exclusive `DTEND`);
//! meetings have floating local times (no time zone: dates are school-local). The text is
//! deterministic: the same plans, meetings and `now` give the same bytes.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::diagnostic::{Locale, Params};

use super::{MeetingOccurrence, MilestonePlan, PlannedMilestone, ScheduleError, ScheduleErrorKind};

/// The domain part of every UID.
const UID_DOMAIN: &str = "secretariat";

/// The longest content line, in octets, without its line break (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The plans (each event and its milestones) and the meetings as one iCalendar text, with
/// CRLF line endings and lines folded at 75 octets.
///
/// UIDs are `<event id>@secretariat` for an event, `<event id>.<milestone id>@secretariat`
/// for a milestone and `<meeting id>@secretariat` for a meeting, so re-exporting updates
/// the same entries. `now` is written as every entry's `DTSTAMP` and must be UTC.
/// Generated words (meeting titles, descriptions) are in `locale`.
///
/// # Errors
///
/// `schedule.ical_date_out_of_range` for a date outside the years 1 to 9999, with the path
/// of the entry, e.g. `plans[0].milestones[3].window`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::Locale;
/// use secretariat::schedule::{SchedulePolicy, to_icalendar};
///
/// let party = NaiveDate::from_ymd_opt(2026, 10, 24).unwrap();
/// let plan = SchedulePolicy::default().plan("welcome_party", party, None)?;
/// let now = party.and_hms_opt(0, 0, 0).unwrap();
/// let ics = to_icalendar(&[plan], &[], now, Locale::En)?;
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(ics.contains("DTSTART;VALUE=DATE:20261020\r\nDTEND;VALUE=DATE:20261023\r\n"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn to_icalendar(
    plans: &[MilestonePlan],
    meetings: &[MeetingOccurrence],
    now: NaiveDateTime,
    locale: Locale,
) -> Result<String, ScheduleError> {
    let mut out = String::new();
    let stamp = date_time(now, "now")? + "Z";
    push(&mut out, "BEGIN:VCALENDAR");
    push(&mut out, "VERSION:2.0");
    push(&mut out, "PRODID:-//secretariat//schedule//EN");
    push(&mut out, "CALSCALE:GREGORIAN");
    for (p, plan) in plans.iter().enumerate() {
        let at = format!("plans[{p}]");
        all_day_event(
            &mut out,
            &AllDay {
                uid: format!("{}@{UID_DOMAIN}", plan.event_id),
                stamp: &stamp,
                start: plan.event_date,
                last: plan.event_date,
                summary: plan.title.clone(),
                description: rule_line(&plan.rule.to_string(), locale),
                path: format!("{at}.event_date"),
            },
        )?;
        for (i, milestone) in plan.milestones.iter().enumerate() {
            all_day_event(
                &mut out,
                &AllDay {
                    uid: format!("{}.{}@{UID_DOMAIN}", plan.event_id, milestone.id),
                    stamp: &stamp,
                    start: milestone.window.start,
                    last: milestone.window.end,
                    summary: format!("{}: {}", plan.title, milestone.title),
                    description: milestone_description(milestone, locale),
                    path: format!("{at}.milestones[{i}].window"),
                },
            )?;
        }
    }
    for (i, meeting) in meetings.iter().enumerate() {
        let at = format!("meetings[{i}]");
        push(&mut out, "BEGIN:VEVENT");
        push(
            &mut out,
            &format!(
                "UID:{}",
                escape_text(&format!("{}@{UID_DOMAIN}", meeting.id))
            ),
        );
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(
            &mut out,
            &format!(
                "DTSTART:{}",
                date_time(meeting.start, &format!("{at}.start"))?
            ),
        );
        push(
            &mut out,
            &format!("DTEND:{}", date_time(meeting.end, &format!("{at}.end"))?),
        );
        let summary = crate::catalog::label(locale, "ical.regular_meeting");
        push(&mut out, &format!("SUMMARY:{summary}"));
        let description = rule_line(&meeting.rule.to_string(), locale);
        push(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description)),
        );
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// An all-day entry spanning `start..=last`.
struct AllDay<'a> {
    uid: String,
    stamp: &'a str,
    start: NaiveDate,
    last: NaiveDate,
    summary: String,
    description: String,
    path: String,
}

fn all_day_event(out: &mut String, entry: &AllDay<'_>) -> Result<(), ScheduleError> {
    let out_of_range = |date| ScheduleErrorKind::IcalDateOutOfRange { date }.at(entry.path.clone());
    let end = entry
        .last
        .succ_opt()
        .ok_or_else(|| out_of_range(entry.last))?;
    let start = date(entry.start).ok_or_else(|| out_of_range(entry.start))?;
    let end = date(end).ok_or_else(|| out_of_range(end))?;
    push(out, "BEGIN:VEVENT");
    push(out, &format!("UID:{}", escape_text(&entry.uid)));
    push(out, &format!("DTSTAMP:{}", entry.stamp));
    push(out, &format!("DTSTART;VALUE=DATE:{start}"));
    push(out, &format!("DTEND;VALUE=DATE:{end}"));
    push(out, &format!("SUMMARY:{}", escape_text(&entry.summary)));
    if !entry.description.is_empty() {
        push(
            out,
            &format!("DESCRIPTION:{}", escape_text(&entry.description)),
        );
    }
    push(out, "TRANSP:TRANSPARENT");
    push(out, "END:VEVENT");
    Ok(())
}

fn milestone_description(milestone: &PlannedMilestone, locale: Locale) -> String {
    let mut lines = Vec::new();
    if !milestone.note.is_empty() {
        lines.push(milestone.note.clone());
    }
    if !milestone.participants.is_empty() {
        let participants = crate::catalog::join_list(locale, &milestone.participants);
        let params = Params::from([("participants", participants)]);
        lines.push(crate::catalog::report(locale, "ical.participants", &params));
    }
    if let Some(role) = milestone.approval {
        let params = Params::from([("role", role.key().to_owned())]);
        lines.push(crate::catalog::report(locale, "ical.approval", &params));
    }
    lines.push(rule_line(&milestone.rule.to_string(), locale));
    lines.join("\n")
}

fn rule_line(rule: &str, locale: Locale) -> String {
    let params = Params::from([("rule", rule.to_owned())]);
    crate::catalog::report(locale, "ical.rule", &params)
}

/// `YYYYMMDD`, for years 1 to 9999.
fn date(date: NaiveDate) -> Option<String> {
    (1..=9999)
        .contains(&date.year())
        .then(|| format!("{:04}{:02}{:02}", date.year(), date.month(), date.day()))
}

/// `YYYYMMDDTHHMMSS` (floating local time).
fn date_time(at: NaiveDateTime, path: &str) -> Result<String, ScheduleError> {
    let day = date(at.date())
        .ok_or_else(|| ScheduleErrorKind::IcalDateOutOfRange { date: at.date() }.at(path))?;
    // chrono keeps a leap second in the nanoseconds: `second()` is always 0..=59.
    Ok(format!(
        "{day}T{:02}{:02}{:02}",
        at.hour(),
        at.minute(),
        at.second()
    ))
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters, which TEXT does not allow, are dropped.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a character, and CRLF.
fn push(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let Some((head, tail)) = rest.split_at_checked(cut).filter(|(h, _)| !h.is_empty()) else {
            break;
        };
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        // Continuation lines start with the folding space.
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}
