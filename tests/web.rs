//! wasm tests in headless Chromium: the browser's Intl zone engine under the
//! core's gap/fold policy, and the list rendered from the sample feed.

use chrono::{DateTime, NaiveDateTime, Utc};
use citycal::platform::intl::IntlZones;
use citycal::ui::app::Calendar;
use citycal::ui::state::{AppCtx, Load, Loaded};
use citycal_core::feed::parse;
use citycal_core::i18n::Lang;
use citycal_core::query::{View, ViewState};
use citycal_core::time::{iso_in_zone, resolve_local, Resolution, ZoneRules};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../public/events.json");

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[wasm_bindgen_test]
fn intl_offsets_drive_the_gap_and_fold_policy() {
    let cases = [
        ("Europe/Bucharest", "2020-12-04T16:00", "2020-12-04T14:00:00Z", Resolution::Exact),
        ("Europe/Bucharest", "2026-03-29T03:30", "2026-03-29T01:30:00Z", Resolution::Gap { shift_secs: 3600 }),
        ("Europe/Bucharest", "2026-10-25T03:30", "2026-10-25T00:30:00Z", Resolution::Fold),
        ("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:45:00Z", Resolution::Gap { shift_secs: 1800 }),
        ("America/Bogota", "2027-03-10T09:00", "2027-03-10T14:00:00Z", Resolution::Exact),
    ];
    for (zone, wall, expected, how) in cases {
        assert_eq!(resolve_local(&IntlZones, zone, local(wall)), Some((utc(expected), how)), "{zone} {wall}");
    }
    assert!(!IntlZones.is_known("Europe/Bucharestt"));
    assert_eq!(IntlZones.offset_at("Asia/Kolkata", utc("2020-01-01T00:00:00Z")), Some(19_800));
    assert_eq!(
        iso_in_zone(&IntlZones, "Pacific/Auckland", utc("2020-12-04T14:00:00Z")).unwrap(),
        "2020-12-05T03:00:00+13:00"
    );
}

#[wasm_bindgen_test]
async fn list_shows_seed_events_in_the_viewer_zone_and_language() {
    let (feed, issues) = parse(SAMPLE.as_bytes(), &IntlZones).expect("sample parses in the browser");
    assert!(issues.is_empty(), "{issues:?}");
    let document = document();
    let host = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let ctx = AppCtx::new(Lang::Es, "Asia/Kolkata".into(), vec!["es-ES".into()]);
    ctx.link.set(ViewState { view: Some(View::List), ..Default::default() });
    ctx.load.set(Load::Ready(Arc::new(Loaded::new(feed, issues))));
    let _mounted = mount_to(host.clone().unchecked_into(), move || view! { <Calendar ctx=ctx/> });
    tick().await;

    assert_eq!(host.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Eventos de las redes de ciudades");
    let toggle: web_sys::HtmlElement = host.query_selector(".toggle-past").unwrap().unwrap().unchecked_into();
    assert_eq!(toggle.text_content().unwrap(), "Ver eventos pasados");
    toggle.click();
    tick().await;
    assert!(ctx.link.get_untracked().past, "the toggle is a link to past=1");

    let time = host
        .query_selector(r#"article[data-event-id="e-urban-dialogues-2020"] time"#)
        .unwrap()
        .expect("the 2020 e-Urban Dialogues is listed among past events");
    // 16:00 in Bucharest (UTC+2) is 19:30 in Kolkata (UTC+5:30).
    assert_eq!(time.get_attribute("datetime").unwrap(), "2020-12-04T19:30:00+05:30");
    assert!(time.text_content().unwrap().contains("19:30"), "{:?}", time.text_content());
    let title = host.query_selector(r#"article[data-event-id="e-urban-dialogues-2020"] h4"#).unwrap().unwrap();
    assert!(title.text_content().unwrap().contains("innovación municipal"));
}

#[wasm_bindgen_test]
async fn month_grid_has_one_tab_stop_and_arrows_move_it() {
    let (feed, issues) = parse(SAMPLE.as_bytes(), &IntlZones).unwrap();
    let document = document();
    let host = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let ctx = AppCtx::new(Lang::Ro, "Europe/Bucharest".into(), vec!["ro-RO".into()]);
    ctx.link.set(ViewState { view: Some(View::Month), date: "2026-12-10".parse().ok(), ..Default::default() });
    ctx.load.set(Load::Ready(Arc::new(Loaded::new(feed, issues))));
    let _mounted = mount_to(host.clone().unchecked_into(), move || view! { <Calendar ctx=ctx/> });
    tick().await;

    let tab_stops = host.query_selector_all("[role=grid] [tabindex='0']").unwrap();
    assert_eq!(tab_stops.length(), 1);
    let cell: web_sys::Element = tab_stops.get(0).unwrap().unchecked_into();
    assert_eq!(cell.get_attribute("data-date").unwrap(), "2026-12-10");
    // Romanian weeks start on Monday; three events on the 10th (Romanian "few" plural).
    let first_header = host.query_selector("[role=grid] th").unwrap().unwrap().text_content().unwrap();
    assert!(first_header.to_lowercase().starts_with("lun"), "{first_header}");
    let label = cell.query_selector(".visually-hidden").unwrap().unwrap().text_content().unwrap();
    assert!(label.ends_with("4 evenimente"), "{label}");
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowDown");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    cell.dispatch_event(&key).unwrap();
    tick().await;
    assert_eq!(ctx.link.get_untracked().date, "2026-12-17".parse().ok());
    let selected = host.query_selector("[role=grid] [tabindex='0']").unwrap().unwrap();
    assert_eq!(selected.get_attribute("data-date").unwrap(), "2026-12-17");
}

/// The feed fuzzer (`citycal_core::fuzz`) inside the wasm, with the browser's
/// zone engine: no input panics (which aborts the wasm) or overflows the
/// wasm's stack, and every parsed feed keeps its promises. Natively, `make
/// test` runs 30,000 inputs and `make fuzz` as many as asked.
#[wasm_bindgen_test]
fn fuzzed_feeds_never_abort_the_wasm() {
    use citycal_core::fuzz::{run_one, Coverage, Mutator, Rng};
    let mut rng = Rng::new(7);
    let mut mutator = Mutator::default();
    let mut coverage = Coverage::default();
    let mut read_as_feeds = 0;
    const INPUTS: usize = 1_000;
    for n in 0..INPUTS {
        let input = mutator.input(&mut rng);
        let features = run_one(&input, &IntlZones).unwrap_or_else(|broken| panic!("input {n}: {broken}"));
        read_as_feeds += usize::from(features[0] == "ok");
        if coverage.add(features) && input.len() < 200_000 {
            mutator.keep(input);
        }
    }
    // The mutations must reach the validator, not only the JSON syntax check.
    assert!(read_as_feeds > INPUTS / 3, "only {read_as_feeds} of {INPUTS} inputs were read as feeds");
    assert!(coverage.0.len() > 40, "only {} features reached", coverage.0.len());
}
