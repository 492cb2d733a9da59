//! Benchmarks of the secretariat core: see `benches/`. This library holds the synthetic term
//! the attendance and discipline benchmarks share.

use chrono::{Duration, NaiveDate};
use secretariat::attendance::{Event, EventId, EventKind};
use secretariat::{Department, Grade, Member, MemberStatus, Role};

/// `n` active officers of grade 2002, `m00000` upwards, in ten departments.
pub fn officers(n: usize) -> Vec<Member> {
    let grade = Grade::from_number(2).unwrap_or_else(|_| unreachable!());
    (0..n)
        .map(|i| Member {
            id: format!("m{i:05}").as_str().into(),
            name: format!("Member {i}"),
            grade,
            department: Department(format!("dept-{}", i % 10)),
            role: Role::Officer,
            skills: vec![],
            status: MemberStatus::Active,
        })
        .collect()
}

/// `n` one-hour events every two days from 2002-09-04 19:00, `e000` upwards, cycling through
/// a regular meeting, a duty shift and a group activity.
pub fn events(n: usize) -> Vec<Event> {
    let first = NaiveDate::from_ymd_opt(2002, 9, 4)
        .and_then(|d| d.and_hms_opt(19, 0, 0))
        .unwrap_or_default();
    let kinds = [
        EventKind::RegularMeeting,
        EventKind::DutyShift,
        EventKind::GroupActivity,
    ];
    (0..n)
        .map(|e| {
            let start = first + Duration::days(2 * e as i64);
            Event {
                id: EventId(format!("e{e:03}")),
                kind: kinds[e % kinds.len()],
                title: format!("Event {e}"),
                start,
                end: start + Duration::hours(1),
                project_leader: None,
                department: None,
            }
        })
        .collect()
}
