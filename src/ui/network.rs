//! A network of feeds (`config.json`'s `feeds`, `docs/network.md`): every
//! source fetched at once, each read as feed v1, and merged into one feed by
//! `citycal_core::merge`, each event labelled with its partner. A source
//! that fails is left out and named; the others show. All of it is in the
//! filtering chunk: a site with one feed never downloads it.

use std::future::Future;
use std::pin::Pin;

use citycal_core::config::{parse_config, SourceKind};
use citycal_core::feed::{parse, Feed, FeedIssue, Source};
use citycal_core::i18n::{Lang, Localizer};
use citycal_core::ical;
use citycal_core::merge::{merge, SourceFailure, SourcePart};

use crate::platform::http::{self, get_bytes};
use crate::platform::intl::IntlZones;
use crate::platform::{self, calendar, page};
use crate::ui::chunk::now as loaded_now;
use crate::ui::filtering::{filtering, load_filtering};
use crate::ui::state::{LoadError, Loaded, SourceTrouble};

/// The merged feed's future (`Filtering::network`).
pub type Loading = Pin<Box<dyn Future<Output = Result<Loaded, LoadError>>>>;

/// The merged feed of the network that `config` (config.json's bytes)
/// lists; `base` is the app's address in a script embed. Its code travels
/// in the filtering chunk (one split point less: each costs loader bytes
/// and splits the code the views share into more, smaller chunks).
pub async fn load(config: Vec<u8>, base: Option<String>) -> Result<Loaded, LoadError> {
    load_filtering().await.map_err(|_| LoadError::Config)?;
    let filtering = loaded_now(filtering()).ok_or(LoadError::Config)?;
    (filtering.network)(config, base).await
}

/// [`load`]'s work, in the filtering chunk.
pub fn network(config: Vec<u8>, base: Option<String>) -> Loading {
    Box::pin(read_all(config, base))
}

async fn read_all(config: Vec<u8>, base: Option<String>) -> Result<Loaded, LoadError> {
    let config = parse_config(&config).map_err(|_| LoadError::Config)?;
    let urls: Vec<String> = config.sources.iter().map(|s| page::resolve(&s.url, base.as_deref())).collect();
    let reads = config.sources.iter().zip(&urls).map(|(s, url)| {
        let source = Source { id: s.id.clone(), name: s.name.clone() };
        let base = base.as_deref();
        async move { SourcePart { result: read(url, s.kind, base).await, source } }
    });
    // In parallel: the slowest partner sets the time, not their sum.
    let parts = futures_util::future::join_all(reads).await;
    // When none gives a feed, the first one's failure is the page's error.
    if parts.iter().all(|p| p.result.is_err()) {
        return Err(match parts.into_iter().next().map(|p| p.result) {
            Some(Err(SourceFailure::Status { status })) => LoadError::Http(http::Error::Status(status)),
            _ => LoadError::Http(http::Error::Network),
        });
    }
    let merged = merge(parts);
    let url_of = |id: &str| config.sources.iter().position(|s| s.id == id).map(|i| urls[i].clone()).unwrap_or_default();
    let source_troubles = merged
        .to_check()
        .map(|o| SourceTrouble {
            source: Source { id: o.id.clone(), name: o.name.clone() },
            url: url_of(&o.id),
            failed: o.failure.is_some(),
        })
        .collect();
    let mut loaded = Loaded::new(merged.feed, merged.issues);
    loaded.source_troubles = source_troubles;
    Ok(loaded)
}

/// How long a partner may take to answer: after that it is named as not
/// loaded and the others show (one slow server must not blank the network).
const SOURCE_TIMEOUT_MS: u32 = 10_000;

/// One source's feed, read as the app reads its one feed; an iCalendar
/// source first made feed v1 by the iCalendar reader (`crates/calendar`, a
/// wasm of its own fetched only here).
async fn read(url: &str, kind: SourceKind, base: Option<&str>) -> Result<(Feed, Vec<FeedIssue>), SourceFailure> {
    let unreadable = |reason: String| SourceFailure::Unreadable { reason };
    let bytes = get_bytes(url, SOURCE_TIMEOUT_MS).await.map_err(|e| match e {
        http::Error::Status(status) => SourceFailure::Status { status },
        _ => SourceFailure::Unreachable { reason: String::new() },
    })?;
    let (bytes, skipped) = match kind {
        SourceKind::Json => (bytes, Vec::new()),
        SourceKind::Ics => {
            calendar::ics_to_feed(&bytes, platform::now().date_naive(), base).await.map_err(unreadable)?
        }
    };
    let (feed, mut issues) =
        parse(&bytes, &IntlZones).map_err(|e| unreadable(Localizer::new(Lang::En).feed_error(&e)))?;
    issues.extend(ical::skipped_issues(skipped.iter().map(String::as_str)));
    Ok((feed, issues))
}
