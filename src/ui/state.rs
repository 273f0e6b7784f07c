//! The app's state, provided as context: interface language, viewer zone and
//! the loaded feed. Loading (config, then feed) also lives here, out of the
//! components.

use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use citycal_core::config::parse_site;
use citycal_core::feed::{parse, Feed, FeedError, FeedIssue};
use citycal_core::filter::{SearchIndex, Viewer};
use citycal_core::i18n::{negotiate, Arg, Lang, Localizer};
use citycal_core::layout::first_weekday;
use citycal_core::query::{QueryIssue, View, ViewState};
use citycal_core::time::{local_date, ZoneRules};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

use crate::platform::http::{self, get_bytes};
use crate::platform::intl::{browser_languages, browser_zone, DateFormatter, IntlZones};
use crate::platform::{dom, now, page, storage};
use crate::ui::catalog;
use crate::ui::filtering::{filtering, load_filtering};

/// Where the site owner's configuration is deployed, relative to the app.
pub const CONFIG_URL: &str = "config.json";
/// The organizers' feed check, next to the app (`src/ui/check.rs`).
pub const CHECK_PAGE: &str = "check.html";

#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Failed(LoadError),
    Ready(Arc<Loaded>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Config,
    Http(http::Error),
    /// The feed at this address cannot be read.
    Feed(FeedError, String),
}

#[derive(Debug)]
pub struct Loaded {
    pub feed: Feed,
    pub issues: Vec<FeedIssue>,
    /// The longest event's duration, for finding a period's events fast.
    pub longest: Duration,
    /// Each event's searchable text and facet values, worked out on the
    /// first filter or search (not on the way to the first paint).
    index: std::sync::OnceLock<SearchIndex>,
    /// Where Citycal's own form posts, and the privacy notice (site owner's config).
    pub registration_endpoint: Option<String>,
    pub privacy_url: Option<String>,
    /// Whether a view can be subscribed to: not in an embed with a feed of
    /// its own (the deployment's calendars hold the config's feed).
    pub subscribable: bool,
    /// The config's `calendar` (the reference server's `calendar.ics`);
    /// without it, the build's static files (`citycal_core::subscription`).
    pub calendar: Option<String>,
    /// The feed's address as fetched (one feed; `None` for a network of
    /// feeds): the quiet line about skipped events links to the check page
    /// (`check.html` next to the app) with it.
    pub feed_url: Option<String>,
    /// A network's sources that gave no feed or left events out
    /// (`ui::network`): named in the quiet line, each linked to the check.
    pub source_troubles: Vec<SourceTrouble>,
}

/// A network's source with something for its organizer to fix.
#[derive(Clone, Debug)]
pub struct SourceTrouble {
    pub source: citycal_core::feed::Source,
    /// Its address as fetched, for the check page.
    pub url: String,
    /// It gave no feed (else: some of its events could not be shown).
    pub failed: bool,
}

impl Loaded {
    pub fn new(feed: Feed, issues: Vec<FeedIssue>) -> Self {
        let longest = citycal_core::layout::longest(&feed.events);
        Loaded {
            feed,
            issues,
            longest,
            index: Default::default(),
            registration_endpoint: None,
            privacy_url: None,
            subscribable: false,
            calendar: None,
            feed_url: None,
            source_troubles: Vec::new(),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.feed))
    }
}

/// Which events pass the link's filters: one mark per feed event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matches {
    pub marks: Arc<Vec<bool>>,
    pub count: usize,
    /// Filters are set and the filtering chunk (`ui::filtering`) is on its
    /// way: the views wait for it rather than show unfiltered events.
    pub pending: bool,
}

impl Matches {
    pub fn keeps(&self, i: usize) -> bool {
        self.marks.get(i).copied().unwrap_or(false)
    }
}

/// Where the calendar runs, which decides where its state and data live.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Host {
    /// The app's own page: state in the URL, config.json next to the app.
    #[default]
    Page,
    /// `embed.html` in a partner's iframe: like `Page`, without the title,
    /// and reporting its height to the parent.
    Frame,
    /// A partner page's `[data-citycal]` element (script embed): state in
    /// memory (the URL is the host's), data from the element's attributes,
    /// else from config.json at `base` (the app's address).
    /// `lang` is the element's `data-lang`: its language unless the visitor
    /// picks another, whatever the browser or config.json's default says.
    Element {
        base: String,
        feed: Option<String>,
        endpoint: Option<String>,
        privacy: Option<String>,
        lang: Option<Lang>,
    },
}

/// The languages whose word chunks are on their way, and the one whose
/// fetch failed (shown with a retry).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub fetching: Vec<Lang>,
    pub failed: Option<Lang>,
}

/// A language's words in Fluent (`catalog::more_source`).
pub type Source = fn(Lang) -> &'static str;

#[derive(Clone, Copy)]
pub struct AppCtx {
    /// How the calendar is hosted (see [`Host`]).
    pub host: StoredValue<Host>,
    /// The calendar's outermost element: focus is looked up from here, so it
    /// works inside a shadow root and with two calendars on one page.
    pub root: NodeRef<leptos::html::Div>,
    /// What the link asks for (`docs/links.md`); the URL mirrors it.
    pub link: RwSignal<ViewState>,
    /// Link parameters that were not understood (shown in a notice).
    pub link_issues: RwSignal<Vec<QueryIssue>>,
    /// The language and zone used when the link names none: the visitor's own.
    pub own_lang: RwSignal<Lang>,
    pub own_zone: RwSignal<String>,
    /// The interface language: the link's, else the visitor's.
    pub lang: Memo<Lang>,
    /// The viewer's IANA zone: the link's, else the visitor's.
    pub zone: Memo<String>,
    /// Phone-width screen (below 640 px).
    pub narrow: RwSignal<bool>,
    /// On a phone, the month grid folded to the chosen day's week (`month.rs`;
    /// the toolbar's month title folds and unfolds it).
    pub month_folded: RwSignal<bool>,
    /// The current time, ticking twice a minute. Only small pieces track it
    /// (the now line, `today`); views read it untracked, so a tick never
    /// re-renders a view (which would take focus away).
    pub clock: RwSignal<DateTime<Utc>>,
    /// The time views are drawn for ([`AppCtx::now`]): the clock, moved on
    /// at most every ten minutes, and only when a redraw takes nothing from
    /// the visitor (see `follow_browser`), so "in 2 hours" and "registration
    /// open" do not go stale on a page left open.
    shown_at: RwSignal<DateTime<Utc>>,
    /// Today in the viewer's zone: changes once a day.
    today: Memo<NaiveDate>,
    pub load: RwSignal<Load>,
    /// The events the link's filters let through (all of them when none).
    pub matches: Memo<Matches>,
    /// The visitor's languages, most preferred first (for regional formats).
    browser_languages: StoredValue<Vec<String>>,
    /// One per language whose words have arrived (`catalog.rs`), in order.
    localizers: StoredValue<Vec<Rc<Localizer>>, LocalStorage>,
    /// The state of the languages' word chunks; bumped as each one arrives.
    pub words: RwSignal<Words>,
    /// The words of the parts in chunks (`catalog::more_source`), once one
    /// of them has been shown: every localizer then holds them too.
    more_words: StoredValue<Option<Source>>,
    formatter: StoredValue<Option<(String, String, Rc<DateFormatter>)>, LocalStorage>,
}

impl AppCtx {
    /// A context for a visitor with this language, zone and browser
    /// languages, and no link parameters.
    pub fn new(lang: Lang, zone: String, browser_languages: Vec<String>) -> Self {
        let link = RwSignal::new(ViewState::default());
        let own_lang = RwSignal::new(lang);
        let own_zone = RwSignal::new(zone);
        let clock = RwSignal::new(now());
        let zone = Memo::new(move |_| link.with(|l| l.tz.clone()).unwrap_or_else(|| own_zone.get()));
        let today = Memo::new(move |_| {
            let now = clock.get();
            zone.with(|z| local_date(&IntlZones, z, now)).unwrap_or(now.date_naive())
        });
        let load = RwSignal::new(Load::Loading);
        let browser_languages = StoredValue::new(browser_languages);
        let lang = Memo::new(move |_| link.with(|l| l.lang).unwrap_or_else(|| own_lang.get()));
        // Set when the filtering chunk has arrived: the matches are worked out again.
        let filtering_loaded = RwSignal::new(false);
        let matches = Memo::new(move |_| {
            let Load::Ready(loaded) = load.get() else { return Matches::default() };
            let filters = link.with(|l| l.filters.clone());
            // "Upcoming" and "this week" move with the day, not with each tick.
            today.track();
            let locale = browser_languages
                .with_value(|c| citycal_core::i18n::formatting_locale(lang.get(), c.iter().map(String::as_str)));
            let zone = zone.get();
            let viewer = Viewer {
                now: clock.get_untracked(),
                rules: &IntlZones,
                zone: &zone,
                week_starts: first_weekday(&locale),
            };
            // No filter needs no index, nor the filtering chunk: the first
            // paint does not wait for them.
            let marks = if filters.is_empty() {
                vec![true; loaded.feed.events.len()]
            } else {
                filtering_loaded.track();
                match crate::ui::chunk::now(filtering()) {
                    Some(f) => (f.marks)(&loaded, &filters, &viewer),
                    None => {
                        leptos::task::spawn_local(async move {
                            if load_filtering().await.is_ok() {
                                filtering_loaded.try_set(true);
                            }
                        });
                        return Matches { pending: true, ..Matches::default() };
                    }
                }
            };
            let count = marks.iter().filter(|m| **m).count();
            Matches { marks: Arc::new(marks), count, pending: false }
        });
        AppCtx {
            host: StoredValue::new(Host::Page),
            root: NodeRef::new(),
            link,
            link_issues: RwSignal::new(Vec::new()),
            own_lang,
            own_zone,
            lang,
            zone,
            narrow: RwSignal::new(false),
            month_folded: RwSignal::new(false),
            clock,
            shown_at: RwSignal::new(clock.get_untracked()),
            today,
            load,
            matches,
            browser_languages,
            localizers: StoredValue::new_local(Vec::new()),
            words: RwSignal::new(Words::default()),
            more_words: StoredValue::new(None),
            formatter: StoredValue::new_local(None),
        }
    }

    /// The localizer for the current language (tracks `lang`), or, while
    /// that language's words are being fetched, for the language shown
    /// before; `None` only before the first words arrive (`Calendar` waits).
    pub fn shown_localizer(&self) -> Option<Rc<Localizer>> {
        let lang = self.lang.get();
        let words = self.words.get();
        if let Some(l) = self.localizers.with_value(|all| all.iter().find(|l| l.lang() == lang).cloned()) {
            return Some(l);
        }
        // A failed fetch waits for the visitor's retry (`retry_words`): asking
        // the chunk for its words would fetch it again, at every message.
        if words.failed == Some(lang) {
            return self.localizers.with_value(|all| all.last().cloned());
        }
        if let Some(source) = catalog::loaded_source(lang) {
            let l = Rc::new(self.with_more_words(Localizer::from_source(lang, source)));
            self.localizers.update_value(|all| all.push(l.clone()));
            return Some(l);
        }
        if !words.fetching.contains(&lang) {
            self.fetch_words(lang);
        }
        self.localizers.with_value(|all| all.last().cloned())
    }

    fn with_more_words(&self, localizer: Localizer) -> Localizer {
        match self.more_words.get_value() {
            Some(more) => {
                let lang = localizer.lang();
                localizer.with_more(more(lang))
            }
            None => localizer,
        }
    }

    /// Called by a part of the app whose words come with its chunk, before
    /// it asks for them: the localizers built so far get them too.
    pub fn use_more_words(&self, more: Source) {
        if self.more_words.get_value().is_some() {
            return;
        }
        self.more_words.set_value(Some(more));
        self.localizers.update_value(|all| {
            for l in all.iter_mut() {
                let lang = l.lang();
                *l = Rc::new(
                    Localizer::from_source(lang, catalog::loaded_source(lang).unwrap_or("")).with_more(more(lang)),
                );
            }
        });
    }

    pub fn localizer(&self) -> Rc<Localizer> {
        self.shown_localizer().unwrap_or_else(|| Rc::new(Localizer::from_source(self.lang.get_untracked(), "")))
    }

    fn fetch_words(&self, lang: Lang) {
        let words = self.words;
        words.update_untracked(|w| w.fetching.push(lang));
        leptos::task::spawn_local(async move {
            let fetched = catalog::load(lang).await;
            words.update(|w| {
                w.fetching.retain(|l| *l != lang);
                w.failed = fetched.is_err().then_some(lang);
            });
        });
    }

    /// Fetches again the words whose fetch failed.
    pub fn retry_words(&self) {
        self.words.update(|w| w.failed = None);
    }

    pub fn t(&self, id: &str) -> String {
        self.localizer().t(id)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.localizer().t_args(id, args)
    }

    /// BCP 47 tag for formatting dates in the current language.
    pub fn format_locale(&self) -> String {
        let lang = self.lang.get();
        self.browser_languages.with_value(|c| citycal_core::i18n::formatting_locale(lang, c.iter().map(String::as_str)))
    }

    /// Date formatter for the current language and zone (tracks both).
    pub fn formatter(&self) -> Rc<DateFormatter> {
        let (locale, zone) = (self.format_locale(), self.zone.get());
        if let Some(f) = self
            .formatter
            .with_value(|c| c.as_ref().filter(|(l, z, _)| *l == locale && *z == zone).map(|(_, _, f)| f.clone()))
        {
            return f;
        }
        let f = Rc::new(DateFormatter::new(&locale, &zone));
        self.formatter.set_value(Some((locale, zone, f.clone())));
        f
    }
}

impl AppCtx {
    /// The view shown: the link's, else the list on phones and the month
    /// elsewhere. A week becomes a day on phones.
    pub fn view(&self) -> View {
        let narrow = self.narrow.get();
        match self.link.with(|l| l.view) {
            Some(view) => view,
            None if narrow => View::List,
            None => View::Month,
        }
    }

    /// Today in the viewer's zone (tracked: changes at midnight).
    pub fn today(&self) -> NaiveDate {
        self.today.get()
    }

    /// The time a view is drawn for (tracked: it moves seldom, see `shown_at`).
    pub fn now(&self) -> DateTime<Utc> {
        self.shown_at.get()
    }

    /// The selected date: the link's, else today.
    pub fn date(&self) -> NaiveDate {
        self.link.with(|l| l.date).unwrap_or_else(|| self.today())
    }

    /// The first day of the week in the formatting locale.
    pub fn week_start(&self) -> Weekday {
        first_weekday(&self.format_locale())
    }

    /// Moves to `state`: the page shows it and the URL holds it. `push` makes
    /// a history entry (back returns here); otherwise the entry is replaced.
    pub fn go(&self, state: ViewState, push: bool) {
        if self.in_url() {
            page::set_query(&state.to_query(), push);
        }
        self.link.set(state);
    }

    /// Whether the page's URL holds this calendar's state (not in a script embed).
    pub fn in_url(&self) -> bool {
        !matches!(self.host.get_value(), Host::Element { .. })
    }

    /// The address a link to `state` opens: this page, or the full app for a
    /// script embed (so "open in a new tab" shows the same thing there, in
    /// the language the embed shows, without the partner's accent).
    pub fn href(&self, state: &ViewState) -> String {
        match self.host.get_value() {
            Host::Element { base, .. } => {
                let full = ViewState { lang: state.lang.or(Some(self.lang.get())), accent: None, ..state.clone() };
                format!("{base}?{}", full.to_query())
            }
            _ => page::url_with_query(&state.to_query()),
        }
    }

    /// The current link state with `change` applied.
    pub fn with_link(&self, change: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut state = self.link.get();
        change(&mut state);
        state
    }

    /// Reads the page's URL into `link` (at start, and on back/forward).
    pub fn read_url(&self) {
        let (state, issues) = ViewState::from_query(&page::query(), &IntlZones);
        self.link.set(state);
        self.link_issues.set(issues);
    }
}

/// Keeps the clock, the screen width and back/forward flowing into `ctx`
/// for as long as the calling component lives.
pub fn follow_browser(ctx: AppCtx) {
    if ctx.in_url() {
        ctx.read_url();
    }
    ctx.narrow.set(dom::is_narrow());
    dom::on_narrow_change(move |narrow| ctx.narrow.set(narrow));
    let in_url = ctx.in_url();
    let history = page::on_history_change(move || {
        if in_url {
            ctx.read_url();
        }
    });
    let tick = move || {
        let t = now();
        ctx.clock.set(t);
        // Views are redrawn for the new time every ten minutes, unless an
        // event page is open (its form) or focus is in the calendar (a redraw
        // could take it away): then at the next tick that allows it.
        let calm = ctx.link.with_untracked(|l| l.event.is_none())
            && !ctx.root.get_untracked().is_some_and(|r| dom::has_focus(&r.into()));
        if calm && t - ctx.shown_at.get_untracked() >= chrono::Duration::minutes(10) {
            ctx.shown_at.set(t);
        }
    };
    let ticker = set_interval_with_handle(tick, std::time::Duration::from_secs(30)).ok();
    on_cleanup(move || {
        history.remove();
        if let Some(t) = ticker {
            t.clear();
        }
    });
}

pub fn provide_app_ctx(ctx: AppCtx) {
    provide_context(ctx);
}

/// The visitor's own language and zone: their saved choice, else the
/// browser's, else `Lang::En`/UTC. A link's `lang`/`tz` override them
/// ([`follow_browser`] reads the URL); the site's defaults from config.json
/// apply once it has loaded.
/// `lang` and `zone` are an embedding site's defaults: a saved choice wins
/// over them; `lang` wins over the browser's, `zone` applies only when the
/// browser reports none.
pub fn initial_ctx(lang: Option<Lang>, zone: Option<String>) -> AppCtx {
    let languages = browser_languages();
    let lang = saved_lang().or(lang).or_else(|| negotiate(languages.iter().map(String::as_str))).unwrap_or_default();
    let zone = saved_zone()
        .or_else(|| browser_zone().filter(|z| IntlZones.is_known(z)))
        .or(zone.filter(|z| IntlZones.is_known(z)))
        .unwrap_or_else(|| "UTC".to_owned());
    AppCtx::new(lang, zone, languages)
}

const SAVED_LANG: &str = "lang";
const SAVED_ZONE: &str = "tz";

fn saved_lang() -> Option<Lang> {
    storage::get(SAVED_LANG).as_deref().and_then(Lang::from_tag)
}

fn saved_zone() -> Option<String> {
    storage::get(SAVED_ZONE).filter(|z| IntlZones.is_known(z))
}

impl AppCtx {
    /// The visitor picked a language: it is saved, and a language fixed by
    /// the link gives way to it.
    pub fn choose_lang(&self, lang: Lang) {
        storage::set(SAVED_LANG, lang.tag());
        self.own_lang.set(lang);
        if self.link.with_untracked(|l| l.lang.is_some()) {
            self.go(self.with_link(|l| l.lang = None), false);
        }
    }

    /// The visitor picked a zone (already validated): saved, and it replaces
    /// a zone fixed by the link.
    pub fn choose_zone(&self, zone: String) {
        storage::set(SAVED_ZONE, &zone);
        self.own_zone.set(zone);
        if self.link.with_untracked(|l| l.tz.is_some()) {
            self.go(self.with_link(|l| l.tz = None), false);
        }
    }

    /// Back to the zone the device reports, forgetting the saved one.
    pub fn use_device_zone(&self) {
        storage::remove(SAVED_ZONE);
        if let Some(zone) = browser_zone().filter(|z| IntlZones.is_known(z)) {
            self.choose_zone(zone);
            storage::remove(SAVED_ZONE);
        }
    }
}

/// Loads config then feed into `ctx.load`.
pub fn start_loading(ctx: AppCtx) {
    ctx.load.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let result = load(ctx).await;
        // `try_set`: the app may have been unmounted meanwhile (the embed
        // builder's preview remounts it on every choice).
        ctx.load.try_set(match result {
            Ok(loaded) => Load::Ready(Arc::new(loaded)),
            Err(e) => Load::Failed(e),
        });
    });
}

async fn load(ctx: AppCtx) -> Result<Loaded, LoadError> {
    let host = ctx.host.get_value();
    let (base, feed, endpoint, privacy, embed_lang) = match &host {
        Host::Element { base, feed, endpoint, privacy, lang } => {
            (Some(base.clone()), feed.clone(), endpoint.clone(), privacy.clone(), lang.is_some())
        }
        _ => (None, None, None, None, false),
    };
    // The host element's attributes win; config.json (next to the app) fills the rest.
    let (config, config_bytes) = if feed.is_some() {
        (None, Vec::new())
    } else {
        let url = page::resolve(CONFIG_URL, base.as_deref());
        let bytes = get_bytes(&url, 30_000).await.map_err(|_| LoadError::Config)?;
        let config = parse_site(&bytes).map_err(|_| LoadError::Config)?;
        if ctx.load.is_disposed() {
            return Err(LoadError::Config);
        }
        // The embedding element's language wins over the site's default.
        let default_language = config.default_language.as_deref().filter(|_| !embed_lang);
        apply_site_defaults(ctx, default_language, config.default_time_zone.as_deref());
        (Some(config), bytes)
    };
    let feed_url = match (feed, &config) {
        (Some(feed), _) => feed,
        // A network of feeds: fetched, read and merged in a chunk of its own.
        (None, Some(config)) if config.network => String::new(),
        (None, Some(config)) => page::resolve(&config.feed, base.as_deref()),
        (None, None) => return Err(LoadError::Config),
    };
    let mut loaded = if feed_url.is_empty() {
        crate::ui::network::load(config_bytes, base.clone()).await?
    } else {
        // A minute: a large feed on a slow phone connection takes its time.
        let bytes = get_bytes(&feed_url, 60_000).await.map_err(LoadError::Http)?;
        let (parsed, issues) = parse(&bytes, &IntlZones).map_err(|e| LoadError::Feed(e, feed_url.clone()))?;
        Loaded { feed_url: Some(feed_url), ..Loaded::new(parsed, issues) }
    };
    loaded.subscribable = config.is_some();
    if let Some(config) = config {
        loaded.calendar = config.calendar;
        loaded.registration_endpoint = config.registration_endpoint.map(|e| page::resolve(&e, base.as_deref()));
        loaded.privacy_url = config.privacy_url;
    }
    loaded.registration_endpoint = endpoint.or(loaded.registration_endpoint.take());
    loaded.privacy_url = privacy.or(loaded.privacy_url.take());
    Ok(loaded)
}

/// The site's default language applies when the visitor saved none and the
/// browser named none we speak; its zone only when none was saved and the
/// browser reported none. (A link's own `lang`/`tz` win over all of these.)
fn apply_site_defaults(ctx: AppCtx, lang: Option<&str>, zone: Option<&str>) {
    let browser_speaks_ours = ctx.browser_languages.with_value(|l| negotiate(l.iter().map(String::as_str)).is_some());
    if let Some(lang) = lang.and_then(Lang::from_tag).filter(|_| !browser_speaks_ours && saved_lang().is_none()) {
        ctx.own_lang.set(lang);
    }
    if let Some(zone) = zone.filter(|z| IntlZones.is_known(z)) {
        if browser_zone().is_none() && saved_zone().is_none() {
            ctx.own_zone.set(zone.to_owned());
        }
    }
}
