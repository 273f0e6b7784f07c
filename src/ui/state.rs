//! The app's state, provided as context: interface language, viewer zone and
//! the loaded feed. Loading (config, then feed) also lives here, out of the
//! components.

use citycal_core::config::parse_config;
use citycal_core::feed::{parse, Feed, FeedError, FeedIssue};
use citycal_core::i18n::{negotiate, Arg, Lang, Localizer};
use citycal_core::time::ZoneRules;
use leptos::prelude::*;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use crate::platform::http::{self, get_bytes};
use crate::platform::intl::{browser_languages, browser_zone, DateFormatter, IntlZones};
use crate::platform::page;

/// Where the site owner's configuration is deployed, relative to the app.
pub const CONFIG_URL: &str = "config.json";

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
    Feed(FeedError),
}

#[derive(Debug)]
pub struct Loaded {
    pub feed: Feed,
    pub issues: Vec<FeedIssue>,
}

#[derive(Clone, Copy)]
pub struct AppCtx {
    pub lang: RwSignal<Lang>,
    /// The viewer's IANA zone.
    pub zone: RwSignal<String>,
    pub load: RwSignal<Load>,
    /// The visitor's languages, most preferred first (for regional formats).
    browser_languages: StoredValue<Vec<String>>,
    localizers: StoredValue<HashMap<Lang, Rc<Localizer>>, LocalStorage>,
    formatter: StoredValue<Option<(String, String, Rc<DateFormatter>)>, LocalStorage>,
}

impl AppCtx {
    pub fn new(lang: Lang, zone: String, browser_languages: Vec<String>) -> Self {
        AppCtx {
            lang: RwSignal::new(lang),
            zone: RwSignal::new(zone),
            load: RwSignal::new(Load::Loading),
            browser_languages: StoredValue::new(browser_languages),
            localizers: StoredValue::new_local(HashMap::new()),
            formatter: StoredValue::new_local(None),
        }
    }

    /// The localizer for the current language (tracks `lang`).
    pub fn localizer(&self) -> Rc<Localizer> {
        let lang = self.lang.get();
        if let Some(l) = self.localizers.with_value(|m| m.get(&lang).cloned()) {
            return l;
        }
        let l = Rc::new(Localizer::new(lang));
        self.localizers.update_value(|m| {
            m.insert(lang, l.clone());
        });
        l
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
        self.browser_languages
            .with_value(|c| citycal_core::i18n::formatting_locale(lang, c.iter().map(String::as_str)))
    }

    /// Date formatter for the current language and zone (tracks both).
    pub fn formatter(&self) -> Rc<DateFormatter> {
        let (locale, zone) = (self.format_locale(), self.zone.get());
        if let Some(f) = self.formatter.with_value(|c| {
            c.as_ref().filter(|(l, z, _)| *l == locale && *z == zone).map(|(_, _, f)| f.clone())
        }) {
            return f;
        }
        let f = Rc::new(DateFormatter::new(&locale, &zone));
        self.formatter.set_value(Some((locale, zone, f.clone())));
        f
    }
}

pub fn provide_app_ctx(ctx: AppCtx) {
    provide_context(ctx);
}

pub fn use_app_ctx() -> AppCtx {
    expect_context::<AppCtx>()
}

/// The language and zone to start with: URL, then browser, then `Lang::En`/UTC.
/// The site's defaults from config.json apply once it has loaded.
pub fn initial_ctx() -> AppCtx {
    let languages = browser_languages();
    let lang = page::query_param("lang")
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| negotiate(languages.iter().map(String::as_str)))
        .unwrap_or_default();
    let zone = page::query_param("tz")
        .filter(|z| IntlZones.is_known(z))
        .or_else(browser_zone)
        .unwrap_or_else(|| "UTC".to_owned());
    AppCtx::new(lang, zone, languages)
}

/// Loads config then feed into `ctx.load`.
pub fn start_loading(ctx: AppCtx) {
    ctx.load.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let result = load(ctx).await;
        ctx.load.set(match result {
            Ok(loaded) => Load::Ready(Arc::new(loaded)),
            Err(e) => Load::Failed(e),
        });
    });
}

async fn load(ctx: AppCtx) -> Result<Loaded, LoadError> {
    let config_bytes = get_bytes(CONFIG_URL).await.map_err(|_| LoadError::Config)?;
    let config = parse_config(&config_bytes).map_err(|_| LoadError::Config)?;
    apply_site_defaults(ctx, config.default_language.as_deref(), config.default_time_zone.as_deref());
    let bytes = get_bytes(&config.feed).await.map_err(LoadError::Http)?;
    let (feed, issues) = parse(&bytes, &IntlZones).map_err(LoadError::Feed)?;
    Ok(Loaded { feed, issues })
}

/// The site's default language applies when neither the URL nor the browser
/// named one we speak; its zone only when the browser reported none.
fn apply_site_defaults(ctx: AppCtx, lang: Option<&str>, zone: Option<&str>) {
    let chosen_by_visitor = page::query_param("lang").as_deref().and_then(Lang::from_tag).is_some()
        || ctx.browser_languages.with_value(|l| negotiate(l.iter().map(String::as_str)).is_some());
    if let Some(lang) = lang.and_then(Lang::from_tag).filter(|_| !chosen_by_visitor) {
        ctx.lang.set(lang);
    }
    if let Some(zone) = zone.filter(|z| IntlZones.is_known(z)) {
        if browser_zone().is_none() && page::query_param("tz").is_none() {
            ctx.zone.set(zone.to_owned());
        }
    }
}
