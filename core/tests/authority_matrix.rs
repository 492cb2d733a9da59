//! Authority on every change: every state-changing operation, tried by every role in every
//! scope (own department, another department, leading this activity, leading another one;
//! active or not), is refused exactly where the rulebook's authority table says, for the
//! default table and for random tables.
//!
//! The expectation is worked out here from the table and the domain's definitions (a
//! department head holds the role only for their own department; the project leader only
//! for the activity they lead; members who are not active hold none; leave from an event
//! with a project leader is theirs to approve, not a department head's), not by calling the
//! library's own check.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use secretariat::attendance::{AttendanceRegister, Event, EventKind, Mark, MarkRecord};
use secretariat::authority::{Action, AuthorityTable};
use secretariat::budget::{
    Allocation, BalanceAssertion, BudgetLedger, Expense, LedgerOperation, Reservation, Reversal,
    Settlement,
};
use secretariat::calendar::DateRange;
use secretariat::{
    Department, Diagnostic, Error, Grade, LeaveRequest, Member, MemberId, MemberStatus, Role,
    Roster, Rulebook,
};

const STANDING_ROLES: [Role; 6] = [
    Role::President,
    Role::VicePresident,
    Role::DepartmentHead,
    Role::Officer,
    Role::ReserveMember,
    Role::Advisor,
];
const ALL_ROLES: [Role; 7] = [
    Role::President,
    Role::VicePresident,
    Role::DepartmentHead,
    Role::ProjectLeader,
    Role::Officer,
    Role::ReserveMember,
    Role::Advisor,
];

/// Where the actor stands relative to the activity or event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// In the organizing department (for leave: the requester's).
    OwnDepartment,
    /// In another department.
    OtherDepartment,
    /// In another department, and the project leader of this activity or event.
    LeadsThis,
    /// In another department, and the project leader of another activity.
    LeadsAnother,
}

const PLACES: [Place; 4] = [
    Place::OwnDepartment,
    Place::OtherDepartment,
    Place::LeadsThis,
    Place::LeadsAnother,
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, 0, 0).unwrap()
}

fn dept(name: &str) -> Department {
    Department(name.into())
}

fn member(id: &str, role: Role, department: &str, status: MemberStatus) -> Member {
    Member {
        id: id.into(),
        name: id.into(),
        grade: Grade::parse("01").unwrap(),
        department: dept(department),
        role,
        skills: vec![],
        status,
    }
}

/// The actor, the boss who sets the scene (a president, allowed everything by the default
/// table), the leader of the activity when the actor is not, a requester and a substitute.
fn roster(actor: &Member) -> Roster {
    Roster::new(vec![
        actor.clone(),
        member("boss", Role::President, "A", MemberStatus::Active),
        member("leader", Role::Officer, "A", MemberStatus::Active),
        member("requester", Role::Officer, "A", MemberStatus::Active),
        member("substitute", Role::Officer, "A", MemberStatus::Active),
    ])
    .unwrap()
}

fn actor(role: Role, place: Place, status: MemberStatus) -> Member {
    let department = if place == Place::OwnDepartment {
        "A"
    } else {
        "B"
    };
    member("actor", role, department, status)
}

/// The activity's (or event's) project leader for this place.
fn leader(place: Place) -> MemberId {
    if place == Place::LeadsThis {
        "actor".into()
    } else {
        "leader".into()
    }
}

/// Whether `table` lets `actor` take `action` where the activity's leader is `leader` and
/// its department `department`, and under which role (the leader's role first).
fn allowed_as(
    table: &AuthorityTable,
    action: Action,
    actor: &Member,
    leader: &MemberId,
    department: &Department,
) -> Option<Role> {
    if !matches!(actor.status, MemberStatus::Active | MemberStatus::Warned) {
        return None;
    }
    let allowed = table.roles_for(action);
    if leader == &actor.id && allowed.contains(&Role::ProjectLeader) {
        return Some(Role::ProjectLeader);
    }
    let holds_own_role = actor.role != Role::DepartmentHead || &actor.department == department;
    (holds_own_role && allowed.contains(&actor.role)).then_some(actor.role)
}

/// One operation under test: sets the scene with the default rulebook, then takes the step
/// as the actor under `rulebook`.
#[derive(Debug, Clone, Copy)]
enum Operation {
    Reserve,
    Allocate,
    Expense,
    Settle,
    ReverseAllocation,
    ReverseExpense,
    ReverseSettlement,
    CountCash,
    GrantLeave,
    RecordMarks,
}

const OPERATIONS: [Operation; 10] = [
    Operation::Reserve,
    Operation::Allocate,
    Operation::Expense,
    Operation::Settle,
    Operation::ReverseAllocation,
    Operation::ReverseExpense,
    Operation::ReverseSettlement,
    Operation::CountCash,
    Operation::GrantLeave,
    Operation::RecordMarks,
];

impl Operation {
    fn action(self) -> Action {
        match self {
            Operation::Reserve | Operation::Allocate | Operation::ReverseAllocation => {
                Action::ApprovePlan
            }
            Operation::Expense | Operation::ReverseExpense | Operation::CountCash => {
                Action::ApproveExpense
            }
            Operation::Settle | Operation::ReverseSettlement => Action::SettleAccount,
            Operation::GrantLeave => Action::ApproveLeave,
            Operation::RecordMarks => Action::RecordAttendance,
        }
    }

    /// Whether `table` permits the operation: the action's rule, and for leave the
    /// designated approver (a department head approves only leave from an event without a
    /// project leader; the events here all have one).
    fn expected(self, table: &AuthorityTable, actor: &Member, place: Place) -> bool {
        let role = allowed_as(table, self.action(), actor, &leader(place), &dept("A"));
        match self {
            Operation::GrantLeave => role.is_some_and(|r| r != Role::DepartmentHead),
            _ => role.is_some(),
        }
    }

    /// Runs the operation; `Ok(())` when accepted.
    fn run(self, rulebook: &Rulebook, actor: &Member, place: Place) -> Result<(), Error> {
        let setup = Rulebook::default();
        let roster = roster(actor);
        let leader = leader(place);
        let mut ledger =
            BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
        let reservation = |approver: &str| Reservation {
            date: d(2002, 9, 16),
            activity: "cup".into(),
            title: "Challenge Cup".into(),
            line: "challenge_cup".into(),
            department: Some(dept("A")),
            project_leader: Some(leader.clone()),
            amount: "180.00".parse().unwrap(),
            approver: approver.into(),
            note: String::new(),
        };
        let expense = |approver: &str| {
            LedgerOperation::Expense(Expense {
                date: d(2002, 10, 1),
                activity: "cup".into(),
                category: "training_materials".into(),
                amount: "10.00".parse().unwrap(),
                approver: approver.into(),
                receipt: "R-1".into(),
                note: String::new(),
            })
        };
        let allocation = |approver: &str| {
            LedgerOperation::Allocate(Allocation {
                date: d(2002, 10, 1),
                activity: "cup".into(),
                amount: "10.00".parse().unwrap(),
                approver: approver.into(),
                note: String::new(),
            })
        };
        let settlement = |approver: &str| {
            LedgerOperation::Settle(Settlement {
                date: d(2002, 12, 1),
                activity: "cup".into(),
                approver: approver.into(),
                note: String::new(),
            })
        };
        let reversal = |entry: u32| {
            LedgerOperation::Reverse(Reversal {
                date: d(2002, 12, 2),
                entry,
                approver: "actor".into(),
                reason: "a correction".into(),
            })
        };
        if place == Place::LeadsAnother {
            let mut other = reservation("boss");
            other.activity = "other".into();
            other.project_leader = Some("actor".into());
            ledger.reserve(&setup, &roster, &other).unwrap();
        }
        let op = match self {
            Operation::Reserve => LedgerOperation::Reserve(reservation("actor")),
            Operation::GrantLeave | Operation::RecordMarks => {
                return self.run_register(rulebook, &roster, leader);
            }
            _ => {
                ledger
                    .reserve(&setup, &roster, &reservation("boss"))
                    .unwrap();
                let n = u32::try_from(ledger.entries().len()).unwrap();
                let mut prepare = |op: LedgerOperation| {
                    ledger.apply(&setup, &roster, &op).unwrap();
                };
                match self {
                    Operation::Allocate => allocation("actor"),
                    Operation::Expense => expense("actor"),
                    Operation::Settle => settlement("actor"),
                    Operation::ReverseAllocation => {
                        prepare(allocation("boss"));
                        reversal(n + 1)
                    }
                    Operation::ReverseExpense => {
                        prepare(expense("boss"));
                        reversal(n + 1)
                    }
                    Operation::ReverseSettlement => {
                        prepare(settlement("boss"));
                        reversal(n + 1)
                    }
                    _ => LedgerOperation::AssertBalance(BalanceAssertion {
                        date: d(2002, 10, 1),
                        activity: "cup".into(),
                        balance: "180.00".parse().unwrap(),
                        approver: "actor".into(),
                        note: String::new(),
                    }),
                }
            }
        };
        let before = serde_json::to_string(&ledger).unwrap();
        let result = ledger.apply(rulebook, &roster, &op).map(|_| ());
        if result.is_err() {
            assert_eq!(serde_json::to_string(&ledger).unwrap(), before);
        }
        result
    }

    /// Leave from, and marks for, a meeting of department A led by `leader`.
    fn run_register(
        self,
        rulebook: &Rulebook,
        roster: &Roster,
        leader: MemberId,
    ) -> Result<(), Error> {
        let event = Event {
            id: "meeting".into(),
            kind: EventKind::RegularMeeting,
            title: "Weekly meeting".into(),
            start: at(2002, 10, 14, 19),
            end: at(2002, 10, 14, 21),
            project_leader: Some(leader),
            department: Some(dept("A")),
        };
        let mut register = AttendanceRegister::new(roster.clone(), vec![event]).unwrap();
        match self {
            Operation::GrantLeave => register
                .grant_leave(
                    rulebook,
                    &LeaveRequest {
                        member: "requester".into(),
                        event: "meeting".into(),
                        reason: "an exam".into(),
                        substitute: Some("substitute".into()),
                        approver: "actor".into(),
                        requested_at: at(2002, 10, 12, 9),
                    },
                )
                .map(|_| ()),
            _ => {
                let records = [MarkRecord::direct("requester", "meeting", Mark::Late)];
                let result = register.record_marks_by(rulebook, &"actor".into(), &records);
                if result.is_err() {
                    assert_eq!(register.mark_count(), 0);
                }
                result
            }
        }
    }
}

/// Every operation × standing role × place × status under `rulebook`: accepted exactly
/// where its table permits, and otherwise refused for authority, at the actor's field.
fn check_matrix(rulebook: &Rulebook) -> usize {
    let mut probes = 0;
    for op in OPERATIONS {
        for role in STANDING_ROLES {
            for place in PLACES {
                for status in [MemberStatus::Active, MemberStatus::Expelled] {
                    let actor = actor(role, place, status);
                    let expected = op.expected(&rulebook.authority, &actor, place);
                    let result = op.run(rulebook, &actor, place);
                    match (&result, expected) {
                        (Ok(()), true) => {}
                        (Err(e), false) => assert!(
                            matches!(e.code(), "authority.not_permitted" | "leave.wrong_approver")
                                && matches!(e.path(), "approver" | "recorder"),
                            "{op:?} by {role:?} ({place:?}, {status:?}): {} at {}",
                            e.code(),
                            e.path(),
                        ),
                        _ => panic!(
                            "{op:?} by {role:?} ({place:?}, {status:?}): expected {}, got {result:?}\n{:?}",
                            if expected { "acceptance" } else { "a refusal" },
                            rulebook.authority
                        ),
                    }
                    probes += 1;
                }
            }
        }
    }
    probes
}

#[test]
fn the_default_table_is_enforced_on_every_operation() {
    assert_eq!(check_matrix(&Rulebook::default()), 10 * 6 * 4 * 2);
}

fn arb_roles() -> impl Strategy<Value = Vec<Role>> {
    proptest::sample::subsequence(ALL_ROLES.to_vec(), 1..=ALL_ROLES.len())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever a school's table says, each operation follows it.
    #[test]
    fn any_table_is_enforced_on_every_operation(
        approve_leave in arb_roles(),
        approve_plan in arb_roles(),
        approve_expense in arb_roles(),
        record_attendance in arb_roles(),
        settle_account in arb_roles(),
    ) {
        let rulebook = Rulebook {
            authority: AuthorityTable {
                approve_leave,
                approve_plan,
                approve_expense,
                record_attendance,
                settle_account,
            },
            ..Rulebook::default()
        };
        check_matrix(&rulebook);
    }
}
