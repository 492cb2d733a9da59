//! Members of the union, their grade, department, role, skills and status (domain.md,
//! "People and roles").

use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::{Diagnostic, ErrorKind, Locale, Located, Params, located};

/// A member's identifier, unique in a roster (e.g. a student number).
///
/// Its `Debug` form is the quoted id (`"2002012"`), as error messages show it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct MemberId(pub String);

debug_as_quoted_id!(MemberId);

impl MemberId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for MemberId {
    fn from(s: &str) -> MemberId {
        MemberId(s.to_owned())
    }
}

/// A department, as data: Secretariat, Organization, Propaganda, Science and Technology...
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Department(pub String);

impl fmt::Display for Department {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A skill, as data: `computer`, `organization_language`...
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Skill(pub String);

/// The intake-year cohort, stored as the full year.
///
/// The seeds write cohorts as two digits ("02", "01", "00", "99"). On input a two-digit form
/// is read with the POSIX `%y` pivot: `00`-`68` are 2000-2068, `69`-`99` are 1969-1999.
/// A four-digit year between 1900 and 2199 is taken as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grade(u16);

impl Grade {
    /// The full intake year.
    pub fn year(self) -> u16 {
        self.0
    }

    /// The two-digit form the seeds use, e.g. `"02"`.
    pub fn short(self) -> String {
        format!("{:02}", self.0 % 100)
    }

    /// Reads `"02"`, `"2002"` (or the same as numbers).
    ///
    /// # Errors
    ///
    /// `member.invalid_grade` for anything else.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Grade};
    ///
    /// assert_eq!(Grade::parse("02")?.year(), 2002);
    /// assert_eq!(Grade::parse("99")?.year(), 1999);
    /// assert_eq!(Grade::parse("2026")?.year(), 2026);
    /// assert_eq!(Grade::parse("2x").unwrap_err().code(), "member.invalid_grade");
    /// # Ok::<(), secretariat::MemberError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Grade, MemberError> {
        let t = text.trim();
        let bad = || {
            MemberErrorKind::InvalidGrade {
                value: text.to_owned(),
            }
            .at(String::new())
        };
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        match t.len() {
            1 | 2 => t
                .parse::<u16>()
                .map(Grade::from_two_digits)
                .map_err(|_| bad()),
            4 => match t.parse::<u16>() {
                Ok(y) if (1900..=2199).contains(&y) => Ok(Grade(y)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        }
    }

    /// A grade from a full year or a two-digit cohort number.
    ///
    /// # Errors
    ///
    /// `member.invalid_grade` for numbers that are neither.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::Grade;
    /// assert_eq!(Grade::from_number(1)?.year(), 2001);
    /// assert!(Grade::from_number(512).is_err());
    /// # Ok::<(), secretariat::MemberError>(())
    /// ```
    pub fn from_number(n: u64) -> Result<Grade, MemberError> {
        match n {
            0..=99 => Ok(Grade::from_two_digits(n as u16)),
            1900..=2199 => Ok(Grade(n as u16)),
            _ => Err(MemberErrorKind::InvalidGrade {
                value: n.to_string(),
            }
            .at(String::new())),
        }
    }

    fn from_two_digits(yy: u16) -> Grade {
        if yy <= 68 {
            Grade(2000 + yy)
        } else {
            Grade(1900 + yy)
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.0)
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Grade, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        let parsed = match Raw::deserialize(d) {
            Ok(Raw::Number(n)) => Grade::from_number(n),
            Ok(Raw::Text(t)) => Grade::parse(&t),
            Err(_) => Err(MemberErrorKind::InvalidGrade {
                value: "(not a number or text)".into(),
            }
            .at(String::new())),
        };
        parsed.map_err(|e| crate::input::field_error(e.code(), e.message(Locale::En)))
    }
}

/// What [`Grade`]'s `Deserialize` reads (a full year, a two-digit cohort as a number or as
/// text, surrounding blanks trimmed) and what its `Serialize` writes (the full year).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Grade {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Grade".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let year = schemars::json_schema!({
            "type": "integer",
            "minimum": 1900,
            "maximum": 2199,
        });
        if generator.contract().is_serialize() {
            let mut schema = year;
            schema.insert("description".into(), "The full intake year.".into());
            return schema;
        }
        schemars::json_schema!({
            "description": "The intake-year cohort: a full year (1900 to 2199), or the two \
                digits the seeds use (`\"02\"`, `99`: 00 to 68 are 2000 to 2068, 69 to 99 are \
                1969 to 1999), as a number or as text.",
            "anyOf": [
                year,
                { "type": "integer", "minimum": 0, "maximum": 99 },
                { "type": "string", "pattern": "^\\s*([0-9]{1,2}|19[0-9]{2}|2[01][0-9]{2})\\s*$" },
            ],
        })
    }
}

/// A member's role. The rulebook's authority table says what each role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// President of the student union.
    President,
    /// Vice president.
    VicePresident,
    /// Head of a department ("minister").
    #[serde(alias = "minister")]
    DepartmentHead,
    /// Leader of one activity; held per event, not as a standing role.
    ProjectLeader,
    /// An officer (staff member) of a department.
    Officer,
    /// A reserve member.
    ReserveMember,
    /// The advisor ("college teacher") who approves plans and holds equipment.
    Advisor,
}

impl Role {
    /// The role's snake_case key, as in the rulebook.
    pub fn key(self) -> &'static str {
        match self {
            Role::President => "president",
            Role::VicePresident => "vice_president",
            Role::DepartmentHead => "department_head",
            Role::ProjectLeader => "project_leader",
            Role::Officer => "officer",
            Role::ReserveMember => "reserve_member",
            Role::Advisor => "advisor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A member's status in the union.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// In good standing.
    #[default]
    Active,
    /// Warned: one offence below a limit.
    Warned,
    /// Expelled.
    Expelled,
    /// Left of their own will.
    Resigned,
    /// On the reserve list.
    Reserve,
}

impl MemberStatus {
    /// Whether the member can act and stand in for others (active or warned).
    pub fn is_active(self) -> bool {
        matches!(self, MemberStatus::Active | MemberStatus::Warned)
    }

    /// The status as data writes it: `active`, `warned`, `expelled`, `resigned`, `reserve`.
    pub fn key(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Warned => "warned",
            MemberStatus::Expelled => "expelled",
            MemberStatus::Resigned => "resigned",
            MemberStatus::Reserve => "reserve",
        }
    }
}

impl fmt::Display for MemberStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A member of the union.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Unique id.
    pub id: MemberId,
    /// Display name.
    pub name: String,
    /// Intake-year cohort.
    pub grade: Grade,
    /// Department.
    pub department: Department,
    /// Standing role.
    pub role: Role,
    /// Skills, e.g. `computer`, `organization_language`.
    #[serde(default)]
    pub skills: Vec<Skill>,
    /// Status.
    #[serde(default)]
    pub status: MemberStatus,
}

/// What went wrong in a [`MemberError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MemberErrorKind {
    /// A grade that is neither a two-digit cohort nor a full year.
    InvalidGrade {
        /// The value given.
        value: String,
    },
    /// Two members share an id.
    DuplicateId {
        /// The id.
        id: MemberId,
    },
    /// An id or a name that is empty.
    Empty {
        /// `id` or `name`.
        field: &'static str,
    },
    /// A reference to a member not in the roster.
    Unknown {
        /// The id.
        id: MemberId,
    },
}

/// A member record is invalid or refers to no one.
///
/// Its [kind](MemberErrorKind) says what; the path of the offending field sits beside it.
pub type MemberError = Located<MemberErrorKind>;

impl ErrorKind for MemberErrorKind {
    fn code(&self) -> &'static str {
        match self {
            MemberErrorKind::InvalidGrade { .. } => "member.invalid_grade",
            MemberErrorKind::DuplicateId { .. } => "member.duplicate_id",
            MemberErrorKind::Empty { .. } => "member.empty",
            MemberErrorKind::Unknown { .. } => "member.unknown",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            MemberErrorKind::InvalidGrade { value, .. } => {
                p.insert("value", value.clone());
            }
            MemberErrorKind::DuplicateId { id, .. } | MemberErrorKind::Unknown { id, .. } => {
                p.insert("id", id.0.clone());
            }
            MemberErrorKind::Empty { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
        }
        p
    }
}

/// The members of a union, indexed by id. Built only from valid, uniquely identified members.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    members: Vec<Member>,
    index: FxHashMap<MemberId, u32>,
}

impl Roster {
    /// A roster of the given members.
    ///
    /// # Errors
    ///
    /// `member.empty` for an empty id or name, `member.duplicate_id` for a repeated id; the
    /// path is `members[i].field`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Grade, Member, Roster, Role};
    ///
    /// let li = Member {
    ///     id: "m1".into(), name: "Li Wei".into(), grade: Grade::parse("02")?,
    ///     department: secretariat::Department("Secretariat".into()), role: Role::Officer,
    ///     skills: vec![], status: Default::default(),
    /// };
    /// let roster = Roster::new(vec![li.clone()])?;
    /// assert_eq!(roster.get(&"m1".into()).map(|m| m.grade.year()), Some(2002));
    ///
    /// let err = Roster::new(vec![li.clone(), li]).unwrap_err();
    /// assert_eq!(err.code(), "member.duplicate_id");
    /// assert_eq!(err.path(), "members[1].id");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn new(members: Vec<Member>) -> Result<Roster, MemberError> {
        let mut index = FxHashMap::default();
        index.reserve(members.len());
        for (i, m) in members.iter().enumerate() {
            if m.id.0.trim().is_empty() {
                return Err(MemberErrorKind::Empty { field: "id" }.at(format!("members[{i}].id")));
            }
            if m.name.trim().is_empty() {
                return Err(
                    MemberErrorKind::Empty { field: "name" }.at(format!("members[{i}].name"))
                );
            }
            let slot = u32::try_from(i)
                .map_err(|_| MemberErrorKind::Empty { field: "id" }.at(format!("members[{i}]")))?;
            if index.insert(m.id.clone(), slot).is_some() {
                return Err(MemberErrorKind::DuplicateId { id: m.id.clone() }
                    .at(format!("members[{i}].id")));
            }
        }
        Ok(Roster { members, index })
    }

    /// All members, in the order given.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the roster has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The member with this id.
    pub fn get(&self, id: &MemberId) -> Option<&Member> {
        self.position(id).and_then(|i| self.members.get(i as usize))
    }

    /// The member's position in [`Roster::members`].
    pub fn position(&self, id: &MemberId) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The member with this id, or `member.unknown` at `path`.
    ///
    /// # Errors
    ///
    /// `member.unknown` when no member has the id.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Roster};
    /// let err = Roster::default().require(&"m9".into(), "substitute").unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("member.unknown", "substitute"));
    /// ```
    pub fn require(&self, id: &MemberId, path: &str) -> Result<&Member, MemberError> {
        self.get(id)
            .ok_or_else(|| MemberErrorKind::Unknown { id: id.clone() }.at(path))
    }
}

impl Serialize for Roster {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(&self.members)
    }
}

/// A roster is written as the list of its members.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Roster {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Roster".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<Member>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_and_a_role_display_as_their_data_keys() {
        use MemberStatus::*;
        for status in [Active, Warned, Expelled, Resigned, Reserve] {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(json.as_str(), Some(status.key()));
            assert_eq!(status.to_string(), status.key());
        }
        use Role::*;
        let roles = [
            President,
            VicePresident,
            DepartmentHead,
            ProjectLeader,
            Officer,
        ];
        for role in roles.into_iter().chain([ReserveMember, Advisor]) {
            assert_eq!(
                serde_json::to_value(role).unwrap().as_str(),
                Some(role.key())
            );
        }
    }

    #[test]
    fn an_unknown_member_is_named_by_its_id_alone() {
        let e = MemberErrorKind::Unknown {
            id: "2002001".into(),
        }
        .at("member");
        assert_eq!(e.message(Locale::En), "no member has id \"2002001\"");
        assert_eq!(e.message(Locale::ZhHans), "没有编号为“2002001”的成员");
    }

    #[test]
    fn every_id_reads_as_its_quoted_text() {
        use crate::activity::ActivityId;
        use crate::attendance::EventId;
        use crate::evaluation::{CandidateId, CriterionId, JudgeId};
        assert_eq!(format!("{:?}", MemberId::from("2002001")), "\"2002001\"");
        assert_eq!(format!("{:?}", EventId("m-1".into())), "\"m-1\"");
        assert_eq!(format!("{:?}", ActivityId::from("welcome")), "\"welcome\"");
        assert_eq!(format!("{:?}", JudgeId("j1".into())), "\"j1\"");
        assert_eq!(format!("{:?}", CandidateId::from("c1")), "\"c1\"");
        assert_eq!(format!("{:?}", CriterionId::from("work")), "\"work\"");
    }
}

located!(MemberErrorKind);
