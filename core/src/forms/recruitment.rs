//! The recruitment application form (seed 000, "recruitment and composition of members":
//! registration and referral, then a public examination, completed before October).

use std::collections::BTreeSet;

use std::ops::Deref;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::evaluation::CandidateId;
use crate::members::{Grade, MemberErrorKind, MemberId, Skill};
use crate::recruitment::{
    RecruitmentCandidate, RecruitmentErrorKind, Source, TeamAttribute, year_of_study,
};
use crate::report::TermData;
use crate::rulebook::Rulebook;

use super::fields::{FieldReader, FieldValue, nullable_list, present};
use super::{FormContext, FormErrorKind, FormOutcome};

/// A recruitment application as typed: the fields of [`RecruitmentCandidate`], each text
/// and optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RecruitmentApplicationForm {
    /// The candidate's id, e.g. the student number. Required.
    pub id: Option<String>,
    /// Their name. Required.
    pub name: Option<String>,
    /// Their intake-year cohort: `"02"`, `"2002"` (or the same as a number). Required.
    pub grade: Option<FieldValue>,
    /// Their skills, each a skill the rulebook's quota plan or team rules name (e.g.
    /// `computer`, `organization_language`).
    #[serde(deserialize_with = "nullable_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    pub skills: Vec<String>,
    /// `registration` or `referral`. Required.
    pub source: Option<String>,
    /// The member who referred them (a member id); required for a referral.
    pub referred_by: Option<String>,
    /// The day they registered, `YYYY-MM-DD`; today when blank. Not after today.
    pub registered_on: Option<String>,
    /// Their examination score, when examined: within the examination scheme's scale.
    pub score: Option<FieldValue>,
}

impl From<&RecruitmentCandidate> for RecruitmentApplicationForm {
    fn from(c: &RecruitmentCandidate) -> RecruitmentApplicationForm {
        RecruitmentApplicationForm {
            id: Some(c.id.to_string()),
            name: Some(c.name.clone()),
            grade: Some(FieldValue::Text(c.grade.to_string())),
            skills: c.skills.iter().map(|s| s.0.clone()).collect(),
            source: Some(
                match c.source {
                    Source::Registration => "registration",
                    Source::Referral => "referral",
                }
                .to_owned(),
            ),
            referred_by: c.referred_by.as_ref().map(|m| m.0.clone()),
            registered_on: Some(c.registered_on.to_string()),
            score: c.score.map(|s| FieldValue::Text(s.to_string())),
        }
    }
}

/// The skills the rulebook knows: those its quota plan and its team rules name. Empty when
/// they name none (then any skill is accepted).
fn known_skills(rulebook: &Rulebook) -> BTreeSet<String> {
    let policy = &rulebook.recruitment;
    let mut known: BTreeSet<String> = policy
        .places
        .iter()
        .filter_map(|p| p.skill.as_ref().map(|s| s.0.clone()))
        .collect();
    for team in policy.teams.values() {
        for rule in team
            .rules
            .iter()
            .filter(|r| r.attribute == TeamAttribute::Skill)
        {
            known.extend(rule.values.iter().cloned());
        }
    }
    known
}

/// Checks a recruitment application form on `today`: the fields, then the rules of the
/// recruitment round it joins (the context's round, whose year it takes; without one, the
/// year of registration): the grade read and already started in the recruitment year, the
/// skills known, a referral naming an active member, registration not after today and
/// before the rulebook's `recruitment.deadline` (before 1 October by default: the
/// allocation refuses later registrations), the score within the examination scheme's
/// scale, and the id not already a candidate of the round.
///
/// # Errors
///
/// The outcome holds every issue: `form.required` (`id`, `name`, `grade`, `source`),
/// `member.invalid_grade` and `recruitment.grade_after_year` (`grade`),
/// `form.invalid_choice` (`skills[i]`, `source`), `recruitment.referral_without_referrer`,
/// `member.unknown` and `recruitment.referrer_inactive` (`referred_by`),
/// `form.invalid_date`, `form.date_in_future` and `recruitment.registered_after_deadline`
/// (`registered_on`), `form.invalid_number` and `recruitment.score_out_of_scale`
/// (`score`), `recruitment.duplicate_candidate` (`id`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{RecruitmentApplicationForm, check_recruitment_application};
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let context = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 2).unwrap();
/// let mut form = RecruitmentApplicationForm {
///     id: Some("2002120".into()),
///     name: Some("Bai Lu 白露".into()),
///     grade: Some("02".into()),
///     skills: vec!["computer".into(), "juggling".into()],
///     source: Some("referral".into()),
///     ..RecruitmentApplicationForm::default()
/// };
/// let outcome = check_recruitment_application(&rb, &context, &form, today);
/// let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(issues, [
///     ("form.invalid_choice", "skills[1]"),
///     ("recruitment.referral_without_referrer", "referred_by"),
///     ("recruitment.registered_after_deadline", "registered_on"), // October is too late
/// ]);
///
/// form.skills.pop();
/// form.referred_by = Some("2001004".into());
/// form.registered_on = Some("2002-09-20".into());
/// let outcome = check_recruitment_application(&rb, &context, &form, today);
/// assert_eq!(outcome.data().unwrap().grade.year(), 2002);
/// ```
pub fn check_recruitment_application(
    rulebook: &Rulebook,
    context: &TermData,
    form: &RecruitmentApplicationForm,
    today: NaiveDate,
) -> FormOutcome<RecruitmentCandidate> {
    FormContext::new(rulebook, context, today).check_recruitment_application(form)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`check_recruitment_application`] on this context: the roster (for a referrer) is built
    /// once, at the first check that needs it.
    ///
    /// # Errors
    ///
    /// As [`check_recruitment_application`]: the outcome holds every issue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::{FormContext, RecruitmentApplicationForm};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 9, 20).unwrap());
    /// let form = RecruitmentApplicationForm {
    ///     source: Some("referral".into()),
    ///     ..Default::default()
    /// };
    /// let outcome = context.check_recruitment_application(&form);
    /// assert!(outcome.issues().iter().any(|e| e.code() == "recruitment.referral_without_referrer"));
    /// ```
    pub fn check_recruitment_application(
        &self,
        form: &RecruitmentApplicationForm,
    ) -> FormOutcome<RecruitmentCandidate> {
        let (rulebook, context, today) = (self.rules(), self.data(), self.today());
        let policy = &rulebook.recruitment;
        let round = context.selection.as_ref().map(|s| &s.recruitment);
        let mut r = FieldReader::new();

        let id = r.required_text(form.id.as_deref(), "id");
        if let (Some(id), Some(round)) = (&id, round)
            && round.candidates.iter().any(|c| c.id.as_str() == id)
        {
            r.fail(RecruitmentErrorKind::DuplicateCandidate { id: id.clone() }.at("id"));
        }
        let name = present(form.name.as_deref()).map(|_| form.name.clone().unwrap_or_default());
        if name.is_none() {
            r.fail(FormErrorKind::Required.at("name"));
        }

        let registered_on = match present(form.registered_on.as_deref()) {
            None => Some(today),
            Some(_) => r.optional_date(form.registered_on.as_deref(), "registered_on"),
        };
        let year = round.map_or_else(|| registered_on.unwrap_or(today).year(), |r| r.year);

        let grade = match form.grade.as_ref() {
            Some(FieldValue::Number(n)) => Some(n.as_u64().map_or_else(
                || {
                    Err(MemberErrorKind::InvalidGrade {
                        value: n.to_string(),
                    }
                    .at(String::new()))
                },
                Grade::from_number,
            )),
            Some(FieldValue::Text(t)) => present(Some(t)).map(Grade::parse),
            None => None,
        };
        let grade = match grade {
            None => {
                r.fail(FormErrorKind::Required.at("grade"));
                None
            }
            Some(Err(e)) => {
                r.fail(crate::Error::from(e).within("grade"));
                None
            }
            Some(Ok(g)) => {
                if year_of_study(g, year).is_none() {
                    r.fail(
                        RecruitmentErrorKind::GradeAfterYear {
                            grade: g.year(),
                            year,
                        }
                        .at("grade"),
                    );
                }
                Some(g)
            }
        };

        let known = known_skills(rulebook);
        let mut skills = Vec::with_capacity(form.skills.len());
        for (i, s) in form.skills.iter().enumerate() {
            let skill = s.trim();
            if skill.is_empty() || (!known.is_empty() && !known.contains(skill)) {
                r.fail(
                    FormErrorKind::InvalidChoice {
                        value: s.clone(),
                        allowed: known.iter().cloned().collect::<Vec<_>>().join(", "),
                    }
                    .at(format!("skills[{i}]")),
                );
            }
            skills.push(Skill(skill.to_owned()));
        }

        let source = r.required_choice(
            form.source.as_deref(),
            "source",
            &[
                ("registration", Source::Registration),
                ("referral", Source::Referral),
            ],
        );
        let referred_by = present(form.referred_by.as_deref()).map(|m| MemberId(m.to_owned()));
        match &referred_by {
            None if source == Some(Source::Referral) => {
                r.fail(RecruitmentErrorKind::ReferralWithoutReferrer.at("referred_by"));
            }
            None => {}
            Some(referrer) => match self.roster() {
                Err(e) => return FormOutcome::refused(r, e),
                Ok(roster) => match roster.require(referrer, "referred_by") {
                    Err(e) => r.fail(e),
                    Ok(m) if !m.status.is_active() => r.fail(
                        RecruitmentErrorKind::ReferrerInactive {
                            referrer: referrer.clone(),
                        }
                        .at("referred_by"),
                    ),
                    Ok(_) => {}
                },
            },
        }

        if let Some(day) = registered_on {
            if day > today {
                r.fail(FormErrorKind::DateInFuture { date: day, today }.at("registered_on"));
            }
            match policy.deadline.in_year(year) {
                Some(deadline) if day >= deadline => {
                    r.fail(
                        RecruitmentErrorKind::RegisteredAfterDeadline {
                            registered_on: day,
                            deadline,
                        }
                        .at("registered_on"),
                    );
                }
                Some(_) => {}
                None => r.fail(RecruitmentErrorKind::InvalidYear { year }.at("registered_on")),
            }
        }

        let score = r.optional_number(form.score.as_ref(), "score");
        if let Some(score) = score
            && let Some(scheme) = rulebook.evaluation.schemes.get(&policy.exam_scheme)
            && (score < scheme.scale_min || score > scheme.scale_max)
        {
            r.fail(
                RecruitmentErrorKind::ScoreOutOfScale {
                    value: score.to_string(),
                    min: scheme.scale_min.to_string(),
                    max: scheme.scale_max.to_string(),
                }
                .at("score"),
            );
        }

        let issues = r.finish(Vec::new(), &[]);
        let candidate = match (id, name, grade, source, registered_on) {
            (Some(id), Some(name), Some(grade), Some(source), Some(registered_on)) => {
                Some(RecruitmentCandidate {
                    id: CandidateId::from(id),
                    name,
                    grade,
                    skills,
                    source,
                    referred_by,
                    registered_on,
                    score,
                })
            }
            _ => None,
        };
        FormOutcome::new(candidate, issues, Vec::new())
    }
}
