//! Citycal's own registration form on the event page: the fields, the
//! event's questions, consent, validation next to each field, and where the
//! sending stands. Sending itself is `registration_flow`.

use citycal_core::feed::{Event, Question, QuestionKind};
use citycal_core::i18n::msg;
use citycal_core::registration::send::Sending;
use citycal_core::registration::{check, FieldError, FieldProblem, TextField, COUNTRY_CODES};
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::intl::{region_name, sort_by_label};
use crate::platform::tree::{dynamic, dynamic_text, el, El, Node};
use crate::ui::event_card::external_link;
use crate::ui::registration_flow::{sender, Draft, Sender};
use crate::ui::state::AppCtx;

fn problem_message(problem: FieldProblem) -> &'static str {
    match problem {
        FieldProblem::Required => msg("reg-error-required"),
        FieldProblem::TooLong => msg("reg-error-too-long"),
        FieldProblem::InvalidEmail => msg("reg-error-email"),
        FieldProblem::InvalidCountry => msg("reg-error-country"),
        FieldProblem::UnknownOption | FieldProblem::UnknownQuestion => msg("reg-error-option"),
    }
}

/// The element id of a field's input (`answers.role` → `reg-answers-role`).
fn input_id(field: &str) -> String {
    format!("reg-{}", field.replace('.', "-"))
}

/// The form: it registers, or (`waitlist`: the event is full and has a
/// waitlist, `citycal_core::registration::live::offer`) puts the person on
/// the waitlist.
pub fn registration_form(
    ctx: AppCtx,
    event: Event,
    endpoint: String,
    privacy_url: Option<String>,
    waitlist: bool,
) -> Node {
    // The sender outlives this form (a language switch rebuilds the form,
    // not the attempt under way): one per event, in `registration_flow`.
    let sending = sender(&event.id, &endpoint);
    sending.shown();
    let draft = RwSignal::from(sending.draft.clone());
    let status = RwSignal::from(sending.status.clone());
    let sending = StoredValue::new(sending);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = move || status.with(Sending::busy);
    let show_errors = move |found: Vec<FieldError>| {
        let first = found.first().map(|e| input_id(&e.field));
        errors.set(found);
        if let (Some(id), Some(root)) = (first, ctx.root.get_untracked()) {
            let root: web_sys::Element = root.into();
            request_animation_frame(move || {
                dom::focus_in(&root, &format!(".registration-form #{id}"));
            });
        }
    };
    // The receiver's own field errors land on the fields too.
    Effect::new(move |_| {
        if let Sending::Invalid { errors: found } = status.get() {
            show_errors(found);
        }
    });
    let check_event = event.clone();
    let submit = move |ev: web_sys::Event| {
        ev.prevent_default();
        if status.with_untracked(Sending::busy) {
            return; // a double click sends once
        }
        let found = draft.with_untracked(|d| check(&d.request, &check_event));
        if !found.is_empty() {
            show_errors(found);
            return;
        }
        errors.set(Vec::new());
        sending.with_value(|s| s.submit(ctx.lang.get_untracked().tag(), &ctx.zone.get_untracked()));
    };
    let form = Form { ctx, draft, sending, errors };
    let text = move |id: &'static str| dynamic_text(move || ctx.t(id));

    let countries = {
        let locale = ctx.format_locale();
        let mut list: Vec<(String, &'static str)> =
            COUNTRY_CODES.split(' ').map(|c| (region_name(&locale, c), c)).collect();
        sort_by_label(&locale, &mut list, |c| &c.0);
        list
    };
    let country_error = form.error_for("country".to_owned());
    let mut country_options = vec![el("option").attr("value", "").child(text("reg-country-none")).into()];
    country_options.extend(countries.into_iter().map(|(name, code)| {
        el("option")
            .attr("value", code)
            .attr_dyn("selected", move || draft.with(|d| d.request.country == code).then(String::new))
            .child(name)
            .into()
    }));
    let country = el("div")
        .class("field")
        .child(el("label").attr("for", "reg-country").child(text("reg-country")))
        .child(
            el("select")
                .attr("id", "reg-country")
                .attr("autocomplete", "country")
                .attr_dyn("aria-invalid", move || invalid(country_error()))
                .attr("aria-describedby", "reg-country-error")
                .on("change", move |ev| {
                    let v = dom::target_value(&ev);
                    form.edit(move |d| d.request.country = v);
                })
                .children(country_options)
                .prop_dyn("value", move || draft.with(|d| d.request.country.as_str().into())),
        )
        .child(field_error("reg-country-error".to_owned(), country_error));
    let questions = event.registration.as_ref().map(|r| r.questions.clone()).unwrap_or_default();
    let questions = questions.into_iter().map(|q| question_field(form, q, &event.languages)).collect();

    let processing_error = form.error_for("consent.processing".to_owned());
    let consent_box = |id: &'static str, read: fn(&Draft) -> bool, write: fn(&mut Draft, bool)| {
        el("input").attr("type", "checkbox").attr("id", id).prop_dyn("checked", move || draft.with(read).into()).on(
            "change",
            move |ev| {
                let on = dom::target_checked(&ev);
                form.edit(move |d| write(d, on));
            },
        )
    };
    let processing = el("div")
        .class("field consent")
        .child(
            el("label")
                .child(
                    consent_box(
                        "reg-consent-processing",
                        |d| d.request.consent.processing,
                        |d, on| d.request.consent.processing = on,
                    )
                    .attr("required", "")
                    .attr_dyn("aria-invalid", move || invalid(processing_error()))
                    .attr("aria-describedby", "reg-consent-processing-error"),
                )
                .child(" ")
                .child(text("reg-consent-processing"))
                .child(required_mark()),
        )
        .child(privacy_url.map(|url| Node::Many(vec![" ".into(), external_link(url, text("reg-privacy")).into()])))
        .child(field_error("reg-consent-processing-error".to_owned(), processing_error));
    let news = el("div").class("field consent").child(
        el("label")
            .child(consent_box("reg-consent-news", |d| d.request.consent.news, |d, on| d.request.consent.news = on))
            .child(" ")
            .child(text("reg-consent-news")),
    );
    let submit_button = el("button")
        .attr("type", "submit")
        .class("button register")
        .attr_dyn("disabled", move || busy().then(String::new))
        .attr_dyn("aria-disabled", move || busy().then(|| "true".to_owned()))
        .child(dynamic_text(move || {
            ctx.t(match status.get() {
                Sending::Failed { .. } => msg("reg-try-again"),
                _ if waitlist => msg("reg-waitlist-submit"),
                _ => msg("reg-submit"),
            })
        }));
    // While an attempt is under way its fields stay as sent (a resend after
    // a reload sends the same body with the same key).
    let fields = el("fieldset")
        .class("registration-fields")
        .attr_dyn("disabled", move || busy().then(String::new))
        .child(form.text_field(TextField::Name, msg("reg-name"), "text", "name"))
        .child(form.text_field(TextField::Email, msg("reg-email"), "email", "email"))
        .child(form.text_field(TextField::Organization, msg("reg-organization"), "text", "organization"))
        .child(form.text_field(TextField::City, msg("reg-city"), "text", "address-level2"))
        .child(country)
        .children(questions)
        .child(processing)
        .child(news);
    let form_el = el("form")
        .class("registration-form")
        .attr("novalidate", "")
        .on("submit", submit)
        .attr_dyn("hidden", move || {
            matches!(status.get(), Sending::Done { .. } | Sending::Waitlisted { .. }).then(String::new)
        })
        .attr("aria-labelledby", "reg-heading")
        .child(el("h3").attr("id", "reg-heading").child(text(if waitlist {
            "reg-waitlist-heading"
        } else {
            "reg-form-heading"
        })))
        .child(waitlist.then(|| el("p").class("waitlist-note").child(text("reg-waitlist-note"))))
        .child(el("p").class("muted").child(text("reg-required-note")))
        .child(fields)
        .child(el("p").child(submit_button))
        .child(
            el("p")
                .class("send-status")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .child(dynamic_text(move || status_text(&ctx, &status.get()).unwrap_or_default())),
        );
    let confirmation = dynamic(move || match status.get() {
        Sending::Done { id } => confirmation(ctx, &event, id),
        Sending::Waitlisted { id, position } => waitlisted(ctx, id, position),
        _ => Node::Empty,
    });
    Node::Many(vec![confirmation, form_el.into()])
}

/// What every field of the form shares: the draft it edits and the errors shown.
#[derive(Clone, Copy)]
struct Form {
    ctx: AppCtx,
    draft: RwSignal<Draft>,
    sending: StoredValue<Sender>,
    errors: RwSignal<Vec<FieldError>>,
}

impl Form {
    /// Every keystroke is saved; a change after a failed attempt starts a new one.
    fn edit(self, change: impl FnOnce(&mut Draft)) {
        self.sending.with_value(|s| s.edit(change));
        self.errors.update(|e| e.clear());
    }

    /// The message for `field`'s error, if it has one (tracks the errors and the language).
    fn error_for(self, field: String) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        let Form { ctx, errors, .. } = self;
        let field = StoredValue::new(field);
        move || {
            errors.with(|list| {
                field.with_value(|field| {
                    list.iter().find(|e| e.field == *field).map(|e| ctx.t(problem_message(e.problem)))
                })
            })
        }
    }

    fn text_field(self, field: TextField, label: &'static str, kind: &'static str, autocomplete: &'static str) -> El {
        let Form { ctx, draft, .. } = self;
        let required = field.required();
        let id = input_id(field.name());
        let error_id = format!("{id}-error");
        let on_input = move |ev: web_sys::Event| {
            let v = dom::target_value(&ev);
            self.edit(move |d| field.set(&mut d.request, v));
        };
        let error = self.error_for(field.name().to_owned());
        let input = el("input")
            .attr("id", id.clone())
            .attr("type", kind)
            .attr("autocomplete", autocomplete)
            .attr_opt("required", required.then_some(""))
            .attr("maxlength", "200")
            .prop_dyn("value", move || draft.with(|d| field.value(&d.request).into()))
            .on("input", on_input)
            .attr_dyn("aria-invalid", move || invalid(error()))
            .attr("aria-describedby", error_id.clone());
        el("div")
            .class("field")
            .child(
                el("label")
                    .attr("for", id)
                    .child(dynamic_text(move || ctx.t(label)))
                    .child(required.then(required_mark)),
            )
            .child(input)
            .child(field_error(error_id, error))
    }
}

fn invalid(error: Option<String>) -> Option<String> {
    error.map(|_| "true".to_owned())
}

fn required_mark() -> Node {
    el("span").class("required").attr("aria-hidden", "true").child(" *").into()
}

fn field_error(id: String, error: impl Fn() -> Option<String> + Send + 'static) -> El {
    el("p").class("field-error").attr("id", id).child(dynamic_text(move || error().unwrap_or_default()))
}

/// What the status line says of the attempt; nothing when the form says it.
fn status_text(ctx: &AppCtx, status: &Sending) -> Option<String> {
    Some(match status {
        Sending::Idle | Sending::Done { .. } | Sending::Waitlisted { .. } | Sending::Invalid { .. } => return None,
        Sending::InFlight { attempt: 1 } => ctx.t("reg-sending"),
        Sending::InFlight { attempt } => ctx.t_args("reg-sending-again", &[("attempt", (*attempt as usize).into())]),
        Sending::Waiting { millis, .. } => {
            let seconds = millis.div_ceil(1000).max(1) as usize;
            ctx.t_args("reg-waiting", &[("seconds", seconds.into())])
        }
        // Left mid-send and shown again: it goes on at once (a passing state).
        Sending::Paused => ctx.t("reg-sending"),
        Sending::AlreadyRegistered => ctx.t("reg-already"),
        Sending::Gone { code } => ctx.t(match code.as_str() {
            "full" => msg("reg-gone-full"),
            "not_open" => msg("reg-gone-not-open"),
            _ => msg("reg-gone-closed"),
        }),
        Sending::Failed { status: Some(code) } if *code < 500 && *code != 429 => {
            ctx.t_args("reg-failed-status", &[("status", code.to_string().into())])
        }
        Sending::Failed { .. } => ctx.t("reg-failed"),
    })
}

/// One of the event's own questions.
fn question_field(form: Form, q: Question, languages: &[String]) -> Node {
    let Form { ctx, draft, .. } = form;
    let field = format!("answers.{}", q.id);
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let lang = ctx.lang.get_untracked();
    let label = q.label.pick(lang.tag(), languages).map(|p| p.text.to_owned()).unwrap_or_else(|| q.id.clone());
    let qid = StoredValue::new(q.id.clone());
    let answer = move || draft.with(|d| qid.with_value(|qid| d.request.answers.get(qid).cloned().unwrap_or_default()));
    let set_answer = move |value: String| {
        let qid = qid.get_value();
        form.edit(move |d| {
            if value.is_empty() {
                d.request.answers.remove(&qid);
            } else {
                d.request.answers.insert(qid, value);
            }
        });
    };
    let error = form.error_for(field);
    let required = || q.required.then(required_mark);
    let control = match q.kind {
        QuestionKind::Text => Node::Many(vec![
            el("label").attr("for", id.clone()).child(label).child(required()).into(),
            el("textarea")
                .attr("id", id)
                .attr("rows", "3")
                .attr("maxlength", "2000")
                .attr_opt("required", q.required.then_some(""))
                .prop_dyn("value", move || answer().into())
                .attr_dyn("aria-invalid", move || invalid(error()))
                .attr("aria-describedby", error_id.clone())
                .on("input", move |ev| set_answer(dom::target_value(&ev)))
                .into(),
        ]),
        QuestionKind::Checkbox => el("label")
            .child(
                el("input")
                    .attr("type", "checkbox")
                    .attr("id", id)
                    .attr_opt("required", q.required.then_some(""))
                    .prop_dyn("checked", move || (answer() == "yes").into())
                    .attr_dyn("aria-invalid", move || invalid(error()))
                    .attr("aria-describedby", error_id.clone())
                    .on("change", move |ev| {
                        set_answer(if dom::target_checked(&ev) { "yes".into() } else { String::new() })
                    }),
            )
            .child(" ")
            .child(label)
            .child(required())
            .into(),
        QuestionKind::Choice => {
            let options = q.options.iter().map(|o| {
                let text = o.label.pick(lang.tag(), languages).map_or(o.id.clone(), |p| p.text.to_owned());
                let value = o.id.clone();
                let checked_value = value.clone();
                el("label")
                    .class("choice")
                    .child(
                        el("input")
                            .attr("type", "radio")
                            .attr("name", id.clone())
                            .attr("value", value.clone())
                            .prop_dyn("checked", move || (answer() == checked_value).into())
                            .on("change", move |_| set_answer(value.clone())),
                    )
                    .child(" ")
                    .child(text)
                    .into()
            });
            el("fieldset")
                .attr("id", id.clone())
                .attr("tabindex", "-1")
                .attr_dyn("aria-invalid", move || invalid(error()))
                .attr("aria-describedby", error_id.clone())
                .child(el("legend").child(label).child(required()))
                .children(options.collect())
                .into()
        }
    };
    el("div").class("field question").child(control).child(field_error(error_id, error)).into()
}

/// After the receiver confirmed: the id, when (in the visitor's zone), add
/// to calendar, and what happens next.
fn confirmation(ctx: AppCtx, event: &Event, id: String) -> Node {
    let when = match event.when {
        citycal_core::feed::When::Timed { start, .. } => ctx.formatter().date_time(start),
        citycal_core::feed::When::AllDay { first, .. } => ctx.formatter().date(first),
    };
    el("div")
        .class("notice success registration-done")
        .attr("role", "status")
        .attr("tabindex", "-1")
        .child(el("h3").child(ctx.t("reg-done-heading")))
        // A receiver that confirmed without an id: no number rather than a made-up one.
        .child((!id.is_empty()).then(|| el("p").child(ctx.t_args("reg-done-id", &[("id", id.into())]))))
        .child(el("p").child(ctx.t_args("reg-done-when", &[("date", when.into())])))
        .child(el("p").child(ctx.t("reg-done-next")))
        .into()
}

/// On the waitlist: the position the receiver gave, and what happens next.
fn waitlisted(ctx: AppCtx, id: String, position: Option<u32>) -> Node {
    el("div")
        .class("notice success registration-done waitlisted")
        .attr("role", "status")
        .attr("tabindex", "-1")
        .child(el("h3").child(ctx.t("reg-waitlisted-heading")))
        .child(
            position
                .map(|p| el("p").child(ctx.t_args("reg-waitlisted-position", &[("position", (p as usize).into())]))),
        )
        .child((!id.is_empty()).then(|| el("p").child(ctx.t_args("reg-done-id", &[("id", id.into())]))))
        .child(el("p").child(ctx.t("reg-waitlisted-next")))
        .into()
}
