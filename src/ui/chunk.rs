//! Views whose code is a wasm chunk of its own, fetched when first shown.
//!
//! With the `split` feature (the app's release build, Makefile `build`),
//! `in_chunk!` marks a function as a split point: `tools/split-wasm.mjs`
//! moves it, and whatever only it uses, out of the main wasm into a chunk
//! that `wasm_split_helpers` fetches on the first call (issue 8: a visitor
//! downloads the month view, not the event page, the week and the list).
//! Without the feature (tests, the embed builder, `cargo check`) the same
//! functions are plain functions and every load succeeds at once, so the
//! rest of the code is the same in both builds.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::platform::tree::{dynamic, el, Node};
use crate::ui::state::AppCtx;

/// `in_chunk!(chunk, load_fn, fn name(args) -> Ret { body })`: `name` lives
/// in wasm chunk `chunk`; `load_fn().await` fetches it (an `Err` when the
/// network fails); call it through [`now`] once loaded.
macro_rules! in_chunk {
    ($chunk:ident, $load:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload($load), fallible)]
        $(#[$meta])* $vis fn $name($($arg: $ty),*) -> Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            #[allow(unused_braces)] // a body of one expression
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $vis async fn $load() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use in_chunk;

/// The result of a call to an `in_chunk!` function, if its chunk is loaded.
#[cfg(feature = "split")]
pub fn now<T>(call: impl Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
    poll_once(std::pin::pin!(call)).and_then(Result::ok)
}

#[cfg(not(feature = "split"))]
pub fn now<T>(value: T) -> Option<T> {
    Some(value)
}

/// Polls once: a loaded chunk's future is ready at its first poll.
fn poll_once<T>(future: Pin<&mut (impl Future<Output = T> + ?Sized)>) -> Option<T> {
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Chunk {
    Loading,
    Ready,
    Failed,
}

/// `build()` once `load` has fetched its chunk; before, a loading status;
/// if the fetch fails, a localized error with a retry (nothing else on the
/// page is lost: the link, the feed and any draft stay as they were).
/// `build` runs untracked, like a component's body; its own reactive
/// regions follow their signals.
/// `load` is `chunk!(load_fn)`; neither it nor `build` makes a copy of this
/// code per call (each copy was about 1 KB of the main wasm).
pub fn lazy(ctx: AppCtx, load: fn() -> Loading, build: impl Fn() -> Option<Node> + Send + 'static) -> Node {
    lazy_boxed(ctx, load, Box::new(build), false)
}

/// [`lazy`] for a part the first screen does without (under the view, or
/// no visible part at all): nothing shows while its chunk is on the way.
pub fn lazy_quiet(ctx: AppCtx, load: fn() -> Loading, build: impl Fn() -> Option<Node> + Send + 'static) -> Node {
    lazy_boxed(ctx, load, Box::new(build), true)
}

/// A chunk's fetch as [`lazy`] takes it.
pub type Loading = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// `chunk!(load_fn)`: the fetch of an `in_chunk!` function's chunk, for [`lazy`].
macro_rules! chunk {
    ($load:path) => {
        || -> $crate::ui::chunk::Loading { Box::pin($load()) }
    };
}
pub(crate) use chunk;

type Build = Box<dyn Fn() -> Option<Node> + Send>;

fn lazy_boxed(ctx: AppCtx, load: fn() -> Loading, build: Build, quiet: bool) -> Node {
    let state = RwSignal::new(Chunk::Loading);
    let settle = move |loaded: Result<(), SplitLoaderError>| {
        state.set(if loaded.is_ok() { Chunk::Ready } else { Chunk::Failed });
    };
    let fetch = move || {
        // A chunk already loaded (or a build without chunks) answers at the
        // first poll: shown at once, without a loading flash; else the same
        // future goes on in the background.
        let mut loading = load();
        match poll_once(loading.as_mut()) {
            Some(loaded) => settle(loaded),
            None => {
                state.set(Chunk::Loading);
                leptos::task::spawn_local(async move { settle(loading.await) });
            }
        }
    };
    fetch();
    dynamic(move || match state.get() {
        Chunk::Ready => untrack(&build).unwrap_or_else(|| failed(ctx, fetch)),
        Chunk::Loading if quiet => Node::Empty,
        Chunk::Loading => loading(ctx),
        Chunk::Failed => failed(ctx, fetch),
    })
}

/// "Loading this view…", while a view's code (or the filtering it waits for) is on its way.
pub fn loading(ctx: AppCtx) -> Node {
    el("p").class("chunk-loading").attr("role", "status").child(ctx.t("loading-view")).into()
}

fn failed(ctx: AppCtx, retry: impl Fn() + Copy + Send + 'static) -> Node {
    el("div")
        .class("notice error")
        .attr("role", "alert")
        .child(el("p").child(ctx.t("view-load-error")))
        .child(el("button").attr("type", "button").class("button").child(ctx.t("retry")).on("click", move |_| retry()))
        .into()
}
