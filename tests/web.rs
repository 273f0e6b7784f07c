//! wasm tests in headless Chromium: the browser's Intl zone engine under the
//! core's gap/fold policy, the core's plural rules against Intl's, and the
//! list rendered from the sample feed.

use chrono::{DateTime, NaiveDateTime, Utc};
use citycal::platform::intl::IntlZones;
use citycal::ui::app::Calendar;
use citycal::ui::state::{AppCtx, Load, Loaded};
use citycal_core::feed::parse;
use citycal_core::i18n::{plural_category, Lang};
use citycal_core::query::{View, ViewState};
use citycal_core::time::{iso_in_zone, resolve_local, Resolution, ZoneRules};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
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

/// `plural_category` (CLDR rules written out) against the browser's own CLDR
/// data, `Intl.PluralRules`, for every whole number to 10,000, larger ones
/// where Spanish `many` and Romanian `few` turn, negatives, decimals and
/// non-numbers.
#[wasm_bindgen_test]
fn plural_categories_agree_with_intl() {
    let mut numbers: Vec<f64> = (0..=10_000).map(f64::from).collect();
    let decimals = [0.5, 1.5, 2.25, 10.1, 101.5, 0.1, 0.001, 1.0001, 1.25, 19.99, 20.5, 100.5, 119.75, 1e6 + 0.5];
    let larger = [20_101.0, 100_119.0, 1e5, 1e6, 1e6 + 1.0, 1e6 + 101.0, 11e5, 2e6, 1e7, 1e9, 1e12, 123e12];
    let negative = [-0.0, -1.0, -2.0, -101.0, -1e6, -1.5];
    numbers.extend(decimals.into_iter().chain(larger).chain(negative));
    numbers.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
    // Every fraction digit of the f64, as plural_category counts them (Intl
    // rounds to three by default, and would call 1.0001 English "one").
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(20)).unwrap();
    for lang in Lang::ALL {
        // One PluralRules per language: constructing one per number is slow.
        let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&lang.tag().into()), &options);
        let locale = js_sys::Reflect::get(&rules.resolved_options(), &"locale".into()).unwrap();
        assert_eq!(locale.as_string().as_deref(), Some(lang.tag()), "the browser lacks {} plural data", lang.tag());
        for &n in &numbers {
            let intl = String::from(rules.select(n));
            assert_eq!(plural_category(lang, n), intl, "{} {n}", lang.tag());
        }
    }
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

    // One cell is the grid's Tab stop; its "+N more" (if any) is the next one.
    let tab_stops = host.query_selector_all("[role=grid] [role=gridcell][tabindex='0']").unwrap();
    assert_eq!(tab_stops.length(), 1);
    let more = host.query_selector_all("[role=grid] [tabindex='0']:not([role=gridcell])").unwrap();
    for n in 0..more.length() {
        let inside: web_sys::Element = more.get(n).unwrap().unchecked_into();
        assert!(tab_stops.get(0).unwrap().contains(Some(&inside)), "a second Tab stop outside the selected cell");
    }
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
    let selected = host.query_selector("[role=grid] [role=gridcell][tabindex='0']").unwrap().unwrap();
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
