//! Registration: whether a visitor can still register (from the feed and
//! the clock), and the contract between the form and the receiver
//! (`docs/registration.md`). The browser and the reference server both use
//! [`check`], so they agree on what a valid registration is.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::feed::{Event, EventStatus, QuestionKind, RegistrationStatus, When};
use crate::json::{self, Json};

pub mod live;
pub mod send;

/// Under this long before the deadline, registration is "closing soon".
pub const CLOSING_SOON: Duration = Duration::days(3);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The feed says nothing about registering.
    NotNeeded,
    NotYetOpen {
        opens: DateTime<Utc>,
    },
    Open {
        closes: Option<DateTime<Utc>>,
    },
    ClosingSoon {
        closes: DateTime<Utc>,
    },
    Closed,
    Full,
}

/// The phase, and the organizer's own form when registration happens there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistrationState<'a> {
    pub phase: Phase,
    pub external_url: Option<&'a str>,
}

pub fn state(event: &Event, now: DateTime<Utc>) -> RegistrationState<'_> {
    let Some(reg) = &event.registration else {
        return RegistrationState { phase: Phase::NotNeeded, external_url: None };
    };
    // Without a stated deadline, registration closes when the event starts.
    let closes = reg.closes.or(match event.when {
        When::Timed { start, .. } => Some(start),
        When::AllDay { .. } => None,
    });
    let full = matches!((reg.capacity, reg.taken), (Some(cap), Some(taken)) if taken >= cap);
    let phase = if matches!(event.status, EventStatus::Cancelled | EventStatus::Postponed)
        || reg.status == Some(RegistrationStatus::Closed)
        || closes.is_some_and(|c| c <= now)
    {
        Phase::Closed
    } else if reg.status == Some(RegistrationStatus::Full) || full {
        Phase::Full
    } else if let Some(opens) = reg.opens.filter(|o| *o > now) {
        Phase::NotYetOpen { opens }
    } else {
        match closes {
            Some(c) if c - now <= CLOSING_SOON => Phase::ClosingSoon { closes: c },
            closes => Phase::Open { closes },
        }
    };
    RegistrationState { phase, external_url: reg.url.as_deref() }
}

/// What the form sends (POST, JSON), with an `Idempotency-Key` header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationRequest {
    pub event_id: String,
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    /// Question id → answer (text, option id, or "yes" for a ticked checkbox).
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    pub consent: Consent,
    /// Interface language the visitor used (`en`, `es`, `ro`).
    pub language: String,
    /// The visitor's IANA zone.
    pub time_zone: String,
    /// When the visitor pressed "register" (RFC 3339, UTC).
    pub submitted_at: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// Processing of personal data for this registration: required.
    pub processing: bool,
    /// News from the organizer: optional.
    #[serde(default)]
    pub news: bool,
}

/// The form's own text fields, in form order. Each names its member of
/// [`RegistrationRequest`] once, so the form reads and writes the member it
/// shows (there is no fall-through arm that writes to another field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Name,
    Email,
    Organization,
    City,
}

impl TextField {
    pub const ALL: [TextField; 4] = [TextField::Name, TextField::Email, TextField::Organization, TextField::City];

    /// The field's name in the contract ([`FieldError::field`]).
    pub fn name(self) -> &'static str {
        match self {
            TextField::Name => "name",
            TextField::Email => "email",
            TextField::Organization => "organization",
            TextField::City => "city",
        }
    }

    /// Whether [`check`] refuses the field empty.
    pub fn required(self) -> bool {
        matches!(self, TextField::Name | TextField::Email)
    }

    pub fn value(self, request: &RegistrationRequest) -> &str {
        match self {
            TextField::Name => &request.name,
            TextField::Email => &request.email,
            TextField::Organization => &request.organization,
            TextField::City => &request.city,
        }
    }

    pub fn set(self, request: &mut RegistrationRequest, value: String) {
        *match self {
            TextField::Name => &mut request.name,
            TextField::Email => &mut request.email,
            TextField::Organization => &mut request.organization,
            TextField::City => &mut request.city,
        } = value;
    }
}

/// Why a field was refused. The codes are the contract; each side words them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    Required,
    TooLong,
    InvalidEmail,
    InvalidCountry,
    UnknownOption,
    UnknownQuestion,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// `name`, `email`, `country`, `consent.processing`, `answers.<id>`.
    pub field: String,
    pub problem: FieldProblem,
}

/// The body of a 422 answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldErrors {
    pub errors: Vec<FieldError>,
}

/// The body of a 201/200 answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    pub registration_id: String,
}

// Reading the contract. Both sides use these (the receiver reads requests,
// the form reads answers and its saved drafts), through `json` rather than
// serde's derived readers, which would cost the wasm their own copies.

impl RegistrationRequest {
    /// A request as the form sends it; `None` if `text` is not one (a
    /// required field missing, or any field of the wrong type).
    pub fn from_json(text: &str) -> Option<RegistrationRequest> {
        RegistrationRequest::read(&json::parse(text).ok()?)
    }

    pub fn read(j: &Json) -> Option<RegistrationRequest> {
        // Outer `None`: wrong type; inner `None`: absent.
        let text = |key: &str| j.field(key, Json::string).ok();
        let answers = match j.get("answers").ok()? {
            None => BTreeMap::new(),
            Some(Json::Object(members)) => {
                members.iter().map(|(k, v)| Some((k.to_string(), v.string().ok()?))).collect::<Option<_>>()?
            }
            Some(_) => return None,
        };
        let consent = j.get("consent").ok()??;
        Some(RegistrationRequest {
            event_id: text("eventId")??,
            name: text("name")??,
            email: text("email")??,
            organization: text("organization")?.unwrap_or_default(),
            city: text("city")?.unwrap_or_default(),
            country: text("country")?.unwrap_or_default(),
            answers,
            consent: Consent {
                processing: consent.field("processing", Json::boolean).ok()??,
                news: consent.field("news", Json::boolean).ok()?.unwrap_or(false),
            },
            language: text("language")??,
            time_zone: text("timeZone")??,
            submitted_at: text("submittedAt")??,
        })
    }
}

impl FieldErrors {
    /// The body of a 422 answer; `None` if it is not one.
    pub fn from_json(text: &str) -> Option<FieldErrors> {
        let problems =
            ["required", "too_long", "invalid_email", "invalid_country", "unknown_option", "unknown_question"];
        let error = |e: &Json| -> json::Read<FieldError> {
            let field = e.field("field", Json::string)?.ok_or(json::WrongType("field".into()))?;
            let problem = e.field("problem", |p| p.one_of(&problems))?.ok_or(json::WrongType("problem".into()))?;
            use FieldProblem::*;
            let problem = [Required, TooLong, InvalidEmail, InvalidCountry, UnknownOption, UnknownQuestion][problem];
            Ok(FieldError { field, problem })
        };
        let errors = json::parse(text).ok()?.field("errors", |list| list.array(error)).ok()??;
        Some(FieldErrors { errors })
    }
}

/// The string member `key` of the JSON object `text` (a 201's
/// `registrationId`, a 410's `code`).
pub fn answer_member(text: &str, key: &str) -> Option<String> {
    json::parse(text).ok()?.field(key, Json::string).ok()?
}

/// ISO 3166-1 alpha-2 codes (and XK, Kosovo), for the country field.
pub const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI \
GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI \
LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF \
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL \
TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// Longest accepted value of a free-text field, in characters.
pub const MAX_FIELD_CHARS: usize = 200;
/// Longest accepted answer to a text question.
pub const MAX_ANSWER_CHARS: usize = 2000;

/// Every problem with `request` for `event`, in form order (empty: valid).
pub fn check(request: &RegistrationRequest, event: &Event) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut add = |field: &str, problem| errors.push(FieldError { field: field.to_owned(), problem });
    let too_long = |s: &str, max: usize| s.chars().count() > max;
    for field in TextField::ALL {
        let value = field.value(request);
        if field.required() && value.trim().is_empty() {
            add(field.name(), FieldProblem::Required);
        } else if field == TextField::Email && !is_email(value.trim()) {
            add(field.name(), FieldProblem::InvalidEmail);
        } else if field != TextField::Email && too_long(value, MAX_FIELD_CHARS) {
            add(field.name(), FieldProblem::TooLong);
        }
    }
    let country = request.country.trim();
    let known = country.len() == 2 && COUNTRY_CODES.split(' ').any(|c| c.eq_ignore_ascii_case(country));
    if !country.is_empty() && !known {
        add("country", FieldProblem::InvalidCountry);
    }
    let questions = event.registration.as_ref().map(|r| r.questions.as_slice()).unwrap_or_default();
    for q in questions {
        let field = format!("answers.{}", q.id);
        let answer = request.answers.get(&q.id).map(|a| a.trim()).unwrap_or("");
        let given = match q.kind {
            QuestionKind::Checkbox => answer == "yes",
            _ => !answer.is_empty(),
        };
        if !given {
            if q.required {
                add(&field, FieldProblem::Required);
            }
            continue;
        }
        match q.kind {
            QuestionKind::Choice if !q.options.iter().any(|o| o.id == answer) => {
                add(&field, FieldProblem::UnknownOption)
            }
            QuestionKind::Text if too_long(answer, MAX_ANSWER_CHARS) => add(&field, FieldProblem::TooLong),
            _ => {}
        }
    }
    for id in request.answers.keys().filter(|id| !questions.iter().any(|q| &q.id == *id)) {
        add(&format!("answers.{id}"), FieldProblem::UnknownQuestion);
    }
    if !request.consent.processing {
        add("consent.processing", FieldProblem::Required);
    }
    errors
}

/// A pragmatic address check: one `@`, something before it, a dotted domain
/// after it, no spaces. (The receiver's confirmation mail is the real test.)
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && email.len() <= 254
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Automatic attempts before "try again" is offered.
pub const MAX_ATTEMPTS: u32 = 5;

/// How long to wait before attempt `attempt + 1` (the first retry is
/// `attempt == 1`): the server's `Retry-After` when it gave one (capped at a
/// minute), else exponential back-off from half a second, capped at 8 s.
/// `None` once [`MAX_ATTEMPTS`] have been made.
pub fn retry_delay(attempt: u32, retry_after_secs: Option<u64>) -> Option<std::time::Duration> {
    if attempt >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = 500u64.saturating_mul(1 << attempt.saturating_sub(1).min(10)).min(8_000);
    let millis = retry_after_secs.map_or(backoff, |s| s.min(60) * 1000);
    Some(std::time::Duration::from_millis(millis))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Question, QuestionOption, Registration, Text};

    #[test]
    fn the_contract_reads_back_what_it_writes() {
        let request = RegistrationRequest {
            event_id: "e-1".into(),
            name: "Ana Pop".into(),
            email: "ana@example.org".into(),
            city: "Cluj-Napoca".into(),
            answers: [("role".to_owned(), "planner".to_owned())].into(),
            consent: Consent { processing: true, news: false },
            language: "ro".into(),
            time_zone: "Europe/Bucharest".into(),
            submitted_at: "2026-11-24T10:00:00Z".into(),
            ..RegistrationRequest::default()
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(RegistrationRequest::from_json(&text), Some(request.clone()));
        // Optional fields may be absent; required ones may not; types must match.
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v.as_object_mut().unwrap().remove("organization");
        v["consent"].as_object_mut().unwrap().remove("news");
        assert_eq!(RegistrationRequest::from_json(&v.to_string()).map(|r| r.name), Some("Ana Pop".into()));
        for (field, bad) in [("email", serde_json::Value::Null), ("name", 5.into()), ("answers", "x".into())] {
            let mut w = v.clone();
            w[field] = bad;
            assert_eq!(RegistrationRequest::from_json(&w.to_string()), None, "{field}");
        }
        let mut w = v.clone();
        w["answers"]["role"] = 1.into();
        assert_eq!(RegistrationRequest::from_json(&w.to_string()), None);
        assert_eq!(RegistrationRequest::from_json("[]"), None);

        let errors =
            FieldErrors { errors: vec![FieldError { field: "email".into(), problem: FieldProblem::InvalidEmail }] };
        assert_eq!(FieldErrors::from_json(&serde_json::to_string(&errors).unwrap()), Some(errors));
        assert_eq!(FieldErrors::from_json(r#"{"errors": [{"field": "x", "problem": "nonsense"}]}"#), None);
        let registered = serde_json::to_string(&Registered { registration_id: "r-9".into() }).unwrap();
        assert_eq!(answer_member(&registered, "registrationId"), Some("r-9".into()));
        assert_eq!(answer_member(r#"{"code": "full"}"#, "code"), Some("full".into()));
        assert_eq!(answer_member("not json", "code"), None);
    }

    fn event_with_questions() -> Event {
        let mut e = Event::new(
            "e",
            "E",
            When::AllDay { first: "2027-01-01".parse().unwrap(), last: "2027-01-01".parse().unwrap() },
        );
        let text = |s: &str| Text(vec![("en".into(), s.into())]);
        e.registration = Some(Registration {
            opens: None,
            closes: None,
            capacity: None,
            taken: None,
            status: None,
            url: None,
            free: Some(true),
            waitlist: false,
            questions: vec![
                Question {
                    id: "role".into(),
                    label: text("Role"),
                    kind: QuestionKind::Choice,
                    required: true,
                    options: vec![QuestionOption { id: "city".into(), label: text("City staff") }],
                },
                Question {
                    id: "why".into(),
                    label: text("Why?"),
                    kind: QuestionKind::Text,
                    required: false,
                    options: vec![],
                },
                Question {
                    id: "rules".into(),
                    label: text("I accept"),
                    kind: QuestionKind::Checkbox,
                    required: true,
                    options: vec![],
                },
            ],
        });
        e
    }

    fn valid() -> RegistrationRequest {
        RegistrationRequest {
            event_id: "e".into(),
            name: "Ana Pop".into(),
            email: "ana@example.ro".into(),
            answers: [("role".to_owned(), "city".to_owned()), ("rules".to_owned(), "yes".to_owned())].into(),
            consent: Consent { processing: true, news: false },
            language: "ro".into(),
            time_zone: "Europe/Bucharest".into(),
            submitted_at: "2026-11-24T10:00:00Z".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_request_passes_and_each_gap_is_named() {
        let event = event_with_questions();
        assert_eq!(check(&valid(), &event), vec![]);
        let mut bad = valid();
        bad.name = "  ".into();
        bad.email = "ana@localhost".into();
        bad.country = "Romania".into();
        bad.answers.insert("role".into(), "mayor".into());
        bad.answers.remove("rules");
        bad.answers.insert("extra".into(), "x".into());
        bad.consent.processing = false;
        let fields: Vec<(String, FieldProblem)> =
            check(&bad, &event).into_iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("name".into(), FieldProblem::Required),
                ("email".into(), FieldProblem::InvalidEmail),
                ("country".into(), FieldProblem::InvalidCountry),
                ("answers.role".into(), FieldProblem::UnknownOption),
                ("answers.rules".into(), FieldProblem::Required),
                ("answers.extra".into(), FieldProblem::UnknownQuestion),
                ("consent.processing".into(), FieldProblem::Required),
            ]
        );
    }

    #[test]
    fn emails() {
        for good in ["a@b.co", "ana.pop+cal@primaria.cluj.ro"] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["", "a", "a@b", "@b.co", "a@b..co", "a b@c.co", "a@b@c.co"] {
            assert!(!is_email(bad), "{bad}");
        }
        assert_eq!(COUNTRY_CODES.split(' ').count(), 250);
    }

    #[test]
    fn retries_back_off_and_stop() {
        let ms = |a, r| retry_delay(a, r).map(|d| d.as_millis());
        assert_eq!(
            (ms(1, None), ms(2, None), ms(3, None), ms(4, None)),
            (Some(500), Some(1000), Some(2000), Some(4000))
        );
        assert_eq!(ms(2, Some(3)), Some(3000));
        assert_eq!(ms(1, Some(3600)), Some(60_000));
        assert_eq!(ms(MAX_ATTEMPTS, None), None);
    }

    #[test]
    fn each_text_field_reads_and_writes_its_own_member() {
        for field in TextField::ALL {
            let mut request = RegistrationRequest::default();
            field.set(&mut request, format!("{}!", field.name()));
            assert_eq!(field.value(&request), format!("{}!", field.name()));
            let others = TextField::ALL.into_iter().filter(|f| *f != field);
            for other in others {
                assert_eq!(other.value(&request), "", "{field:?} wrote to {other:?}");
            }
        }
        let names: Vec<&str> = TextField::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["name", "email", "organization", "city"]);
    }
}
