//! Citycal's own registration form on the event page: the fields, the
//! event's questions, consent, validation next to each field, and where the
//! sending stands. Sending itself is `registration_flow`.

use citycal_core::feed::{Event, Question, QuestionKind};
use citycal_core::i18n::msg;
use citycal_core::order::sort_by_key;
use citycal_core::registration::{check, state, FieldError, FieldProblem, Phase, COUNTRY_CODES};
use leptos::html;
use leptos::prelude::*;

use crate::platform::{dom, intl::region_name};
use crate::ui::registration_flow::{begin, confirmed, load_draft, save_draft, send, Draft, Sending};
use crate::ui::state::use_app_ctx;

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

/// Whether Citycal's own form is offered for `event` right now.
pub fn offers_form(event: &Event, now: chrono::DateTime<chrono::Utc>) -> bool {
    let external = event.registration.as_ref().is_some_and(|r| r.url.is_some());
    !external && matches!(state(event, now).phase, Phase::Open { .. } | Phase::ClosingSoon { .. })
}

#[component]
pub fn RegistrationForm(event: Event, endpoint: String, privacy_url: Option<String>) -> impl IntoView {
    let ctx = use_app_ctx();
    let event_id = event.id.clone();
    let draft = RwSignal::new(load_draft(&event_id).unwrap_or_else(|| {
        let mut d = Draft::default();
        d.request.event_id = event_id.clone();
        d
    }));
    let status = RwSignal::new(match confirmed(&event_id) {
        Some(id) => Sending::Done(id),
        None => Sending::Idle,
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = NodeRef::<html::Form>::new();
    let busy = move || matches!(status.get(), Sending::Attempt(_) | Sending::Waiting { .. });

    let start = {
        let endpoint = endpoint.clone();
        move || {
            let endpoint = endpoint.clone();
            leptos::task::spawn_local(async move { send(endpoint, draft, status).await });
        }
    };
    // An attempt under way when the page went away resumes with its key.
    if draft.with_untracked(|d| d.sending && d.key.is_some()) && !matches!(status.get_untracked(), Sending::Done(_)) {
        start();
    }
    let show_errors = move |found: Vec<FieldError>| {
        let first = found.first().map(|e| input_id(&e.field));
        errors.set(found);
        if let (Some(id), Some(form)) = (first, form.get_untracked()) {
            request_animation_frame(move || {
                dom::focus_in(&form, &format!("#{id}"));
            });
        }
    };
    // The receiver's own field errors land on the fields too.
    Effect::new(move |_| {
        if let Sending::Invalid(found) = status.get() {
            show_errors(found);
        }
    });
    let check_event = event.clone();
    let submit = {
        let start = start.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy() {
                return; // a double click sends once
            }
            let found = draft.with_untracked(|d| check(&d.request, &check_event));
            if !found.is_empty() {
                show_errors(found);
                return;
            }
            errors.set(Vec::new());
            begin(draft, ctx.lang.get_untracked().tag(), &ctx.zone.get_untracked());
            start();
        }
    };
    // Every keystroke is saved; a change after a failed attempt starts a new one.
    let edit = move |change: Box<dyn FnOnce(&mut Draft)>| {
        draft.update(|d| {
            change(d);
            if !d.sending {
                d.key = None;
            }
        });
        let id = draft.with_untracked(|d| d.request.event_id.clone());
        save_draft(&id, &draft.get_untracked());
        errors.update(|e| e.clear());
    };
    let error_for = move |field: &'static str| {
        move || errors.with(|list| list.iter().find(|e| e.field == field).map(|e| ctx.t(problem_message(e.problem))))
    };

    let text_field = move |field: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           autocomplete: &'static str,
                           required: bool| {
        let id = input_id(field);
        let error_id = format!("{id}-error");
        let value = move || {
            draft.with(|d| match field {
                "name" => d.request.name.clone(),
                "email" => d.request.email.clone(),
                "organization" => d.request.organization.clone(),
                _ => d.request.city.clone(),
            })
        };
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit(Box::new(move |d: &mut Draft| match field {
                "name" => d.request.name = v,
                "email" => d.request.email = v,
                "organization" => d.request.organization = v,
                _ => d.request.city = v,
            }));
        };
        let error = error_for(field);
        view! {
            <div class="field">
                <label for=id.clone()>{move || ctx.t(label)}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
                <input id=id type=kind autocomplete=autocomplete required=required maxlength="200"
                    prop:value=value on:input=on_input
                    aria-invalid=move || error().is_some().then_some("true") aria-describedby=error_id.clone()/>
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };

    let countries = {
        let locale = ctx.format_locale();
        let mut list: Vec<(String, &'static str)> =
            COUNTRY_CODES.split(' ').map(|c| (region_name(&locale, c), c)).collect();
        sort_by_key(&mut list, |c| c.0.to_lowercase());
        list
    };
    let country_error = error_for("country");
    let questions = event.registration.as_ref().map(|r| r.questions.clone()).unwrap_or_default();
    let event_languages = event.languages.clone();

    let processing_error = error_for("consent.processing");
    view! {
        {move || match status.get() {
            Sending::Done(id) => Some(view! { <Confirmation event=event.clone() id=id/> }.into_any()),
            _ => None,
        }}
        <form class="registration-form" node_ref=form novalidate on:submit=submit
            hidden=move || matches!(status.get(), Sending::Done(_))
            aria-labelledby="reg-heading">
            <h3 id="reg-heading">{move || ctx.t("reg-form-heading")}</h3>
            <p class="muted">{move || ctx.t("reg-required-note")}</p>
            {text_field("name", msg("reg-name"), "text", "name", true)}
            {text_field("email", msg("reg-email"), "email", "email", true)}
            {text_field("organization", msg("reg-organization"), "text", "organization", false)}
            {text_field("city", msg("reg-city"), "text", "address-level2", false)}
            <div class="field">
                <label for="reg-country">{move || ctx.t("reg-country")}</label>
                <select id="reg-country" autocomplete="country"
                    prop:value=move || draft.with(|d| d.request.country.clone())
                    aria-invalid=move || country_error().is_some().then_some("true") aria-describedby="reg-country-error"
                    on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d: &mut Draft| d.request.country = v)); }>
                    <option value="">{move || ctx.t("reg-country-none")}</option>
                    {countries.into_iter().map(|(name, code)| view! {
                        <option value=code selected=move || draft.with(|d| d.request.country == code)>{name}</option>
                    }).collect_view()}
                </select>
                <p class="field-error" id="reg-country-error">{country_error}</p>
            </div>
            {questions.into_iter().map(|q| question_field(q, event_languages.clone(), draft, errors, edit)).collect_view()}
            <div class="field consent">
                <label>
                    <input type="checkbox" id="reg-consent-processing" required
                        prop:checked=move || draft.with(|d| d.request.consent.processing)
                        aria-invalid=move || processing_error().is_some().then_some("true") aria-describedby="reg-consent-processing-error"
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |d: &mut Draft| d.request.consent.processing = on)); }/>
                    " "{move || ctx.t("reg-consent-processing")}<span class="required" aria-hidden="true">" *"</span>
                </label>
                {privacy_url.clone().map(|url| view! {
                    " " <a href=url rel="noopener noreferrer" target="_blank">{move || ctx.t("reg-privacy")}</a>
                })}
                <p class="field-error" id="reg-consent-processing-error">{processing_error}</p>
            </div>
            <div class="field consent">
                <label>
                    <input type="checkbox" id="reg-consent-news"
                        prop:checked=move || draft.with(|d| d.request.consent.news)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |d: &mut Draft| d.request.consent.news = on)); }/>
                    " "{move || ctx.t("reg-consent-news")}
                </label>
            </div>
            <p>
                <button type="submit" class="button register" disabled=busy aria-disabled=move || busy().then_some("true")>
                    {move || ctx.t(if matches!(status.get(), Sending::Failed { .. }) { "reg-try-again" } else { "reg-submit" })}
                </button>
            </p>
            <p class="send-status" role="status" aria-live="polite">{move || status_text(&ctx, &status.get())}</p>
        </form>
    }
}

fn status_text(ctx: &crate::ui::state::AppCtx, status: &Sending) -> Option<String> {
    Some(match status {
        Sending::Idle | Sending::Done(_) | Sending::Invalid(_) => return None,
        Sending::Attempt(1) => ctx.t("reg-sending"),
        Sending::Attempt(n) => ctx.t_args("reg-sending-again", &[("attempt", (*n as usize).into())]),
        Sending::Waiting { secs, .. } => ctx.t_args("reg-waiting", &[("seconds", (*secs as usize).into())]),
        Sending::AlreadyRegistered => ctx.t("reg-already"),
        Sending::Gone(code) => ctx.t(match code.as_str() {
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
fn question_field(
    q: Question,
    languages: Vec<String>,
    draft: RwSignal<Draft>,
    errors: RwSignal<Vec<FieldError>>,
    edit: impl Fn(Box<dyn FnOnce(&mut Draft)>) + Copy + 'static,
) -> impl IntoView {
    let ctx = use_app_ctx();
    let field = format!("answers.{}", q.id);
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let label = q
        .label
        .pick(ctx.lang.get_untracked().tag(), &languages)
        .map(|p| p.text.to_owned())
        .unwrap_or_else(|| q.id.clone());
    let qid = q.id.clone();
    let answer = Signal::derive(move || draft.with(|d| d.request.answers.get(&qid).cloned().unwrap_or_default()));
    let set_answer = {
        let qid = q.id.clone();
        move |value: String| {
            let qid = qid.clone();
            edit(Box::new(move |d: &mut Draft| {
                if value.is_empty() {
                    d.request.answers.remove(&qid);
                } else {
                    d.request.answers.insert(qid, value);
                }
            }));
        }
    };
    let error = {
        let field = field.clone();
        Signal::derive(move || {
            errors.with(|list| list.iter().find(|e| e.field == field).map(|e| ctx.t(problem_message(e.problem))))
        })
    };
    let invalid = move || error.get().is_some().then_some("true");
    let required = q.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> });
    let control = match q.kind {
        QuestionKind::Text => view! {
            <label for=id.clone()>{label}{required}</label>
            <textarea id=id rows="3" maxlength="2000" required=q.required prop:value=move || answer.get() aria-invalid=invalid
                aria-describedby=error_id.clone() on:input=move |ev| set_answer(event_target_value(&ev))></textarea>
        }
        .into_any(),
        QuestionKind::Checkbox => view! {
            <label>
                <input type="checkbox" id=id required=q.required prop:checked=move || answer.get() == "yes" aria-invalid=invalid
                    aria-describedby=error_id.clone()
                    on:change=move |ev| set_answer(if event_target_checked(&ev) { "yes".into() } else { String::new() })/>
                " "{label}{required}
            </label>
        }
        .into_any(),
        QuestionKind::Choice => {
            let options: Vec<(String, String)> = q
                .options
                .iter()
                .map(|o| (o.id.clone(), o.label.pick(ctx.lang.get_untracked().tag(), &languages).map_or(o.id.clone(), |p| p.text.to_owned())))
                .collect();
            let name = id.clone();
            view! {
                <fieldset id=id tabindex="-1" aria-invalid=invalid aria-describedby=error_id.clone()>
                    <legend>{label}{required}</legend>
                    {options.into_iter().map(|(value, text)| {
                        let checked_value = value.clone();
                        let set = set_answer.clone();
                        view! {
                            <label class="choice">
                                <input type="radio" name=name.clone() value=value.clone()
                                    prop:checked=move || answer.get() == checked_value
                                    on:change=move |_| set(value.clone())/>
                                " "{text}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }
    };
    view! {
        <div class="field question">
            {control}
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// After the receiver confirmed: the id, when (in the visitor's zone), add
/// to calendar, and what happens next.
#[component]
fn Confirmation(event: Event, id: String) -> impl IntoView {
    let ctx = use_app_ctx();
    let when = match event.when {
        citycal_core::feed::When::Timed { start, .. } => ctx.formatter().date_time(start),
        citycal_core::feed::When::AllDay { first, .. } => ctx.formatter().date(first),
    };
    view! {
        <div class="notice success registration-done" role="status" tabindex="-1">
            <h3>{ctx.t("reg-done-heading")}</h3>
            <p>{ctx.t_args("reg-done-id", &[("id", id.into())])}</p>
            <p>{ctx.t_args("reg-done-when", &[("date", when.into())])}</p>
            <p>{ctx.t("reg-done-next")}</p>
        </div>
    }
}
