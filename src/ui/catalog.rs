//! The interface's words, one wasm chunk per language.
//!
//! Each language's Fluent file is the data of a split function of its own
//! (`chunk.rs`), so a visitor downloads the language shown and no other
//! (issue 8: the three files are 28 KB, 10 KB after gzip). `AppCtx::localizer`
//! asks here; `Calendar` waits for the first language before it shows
//! anything, and a language switched to later is fetched while the page
//! stays in the one before. `app.js` preloads the likely language's chunk
//! with the main wasm (`tools/post-build.mjs`).

use citycal_core::i18n::Lang;
use leptos::wasm_split::SplitLoaderError;

use crate::ui::chunk::{in_chunk, now};

in_chunk!(
    catalog_en,
    load_catalog_en,
    fn source_en() -> &'static str {
        include_str!(concat!(env!("OUT_DIR"), "/en-main.ftl"))
    }
);
in_chunk!(
    catalog_es,
    load_catalog_es,
    fn source_es() -> &'static str {
        include_str!(concat!(env!("OUT_DIR"), "/es-main.ftl"))
    }
);
in_chunk!(
    catalog_ro,
    load_catalog_ro,
    fn source_ro() -> &'static str {
        include_str!(concat!(env!("OUT_DIR"), "/ro-main.ftl"))
    }
);

/// The words the first screen does not need (`more.ftl`: the event page,
/// its registration form, a feed's problems, the embed builder), in every
/// language: called only from chunks (the event page's, the problems'), so
/// they travel in a chunk those share, not with the first screen
/// (`AppCtx::use_more_words`; tests/i18n.rs keeps their ids to that code).
pub fn more_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/en-more.ftl")),
        Lang::Es => include_str!(concat!(env!("OUT_DIR"), "/es-more.ftl")),
        Lang::Ro => include_str!(concat!(env!("OUT_DIR"), "/ro-more.ftl")),
    }
}

/// The language's Fluent source, once its chunk is loaded.
pub fn loaded_source(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => now(source_en()),
        Lang::Es => now(source_es()),
        Lang::Ro => now(source_ro()),
    }
}

/// Fetches the language's chunk (at once without the `split` feature).
pub async fn load(lang: Lang) -> Result<(), SplitLoaderError> {
    match lang {
        Lang::En => load_catalog_en().await,
        Lang::Es => load_catalog_es().await,
        Lang::Ro => load_catalog_ro().await,
    }
}
