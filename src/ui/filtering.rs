//! Filtering and search: which events the link's filters let through, the
//! one filter whose removal brings back the most, and the search words'
//! places in a text. A wasm chunk of its own (`filtering`): a visitor who
//! never filters or searches never downloads the search index, the
//! matching or the case and accent folding; a link with filters fetches it
//! with the view's (`tools/post-build.mjs` preloads it).

use citycal_core::filter::{apply, best_to_drop, highlight, Active, Filters, Viewer};

use crate::ui::chunk::in_chunk;
use crate::ui::state::Loaded;

/// Byte ranges of a text where search words are.
type Marks = Vec<(usize, usize)>;

/// The chunk's functions, called through [`crate::ui::chunk::now`] once it is loaded.
#[derive(Clone, Copy)]
pub struct Filtering {
    /// One mark per feed event: whether the filters let it through.
    pub marks: fn(&Loaded, &Filters, &Viewer) -> Vec<bool>,
    /// Nothing matches: the removal that brings back the most, and how many.
    pub best_to_drop: fn(&Loaded, &Filters, &Viewer) -> Option<(Active, usize)>,
    /// Where the search `words` are in a text (byte ranges).
    pub highlight: fn(&str, &[String]) -> Marks,
    /// A network of feeds, fetched and merged (`ui::network`).
    pub network: fn(Vec<u8>, Option<String>) -> crate::ui::network::Loading,
}

in_chunk!(
    filtering,
    load_filtering,
    pub fn filtering() -> Filtering {
        Filtering {
            marks: |loaded, filters, viewer| apply(&loaded.feed, loaded.index(), filters, viewer),
            best_to_drop: |loaded, filters, viewer| best_to_drop(&loaded.feed, loaded.index(), filters, viewer),
            highlight,
            network: crate::ui::network::network,
        }
    }
);
