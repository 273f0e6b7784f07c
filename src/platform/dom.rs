//! Small document services: downloads, the clipboard, screen width, focus.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_hidden(true);
    document.body().ok_or(JsValue::NULL)?.append_child(&link)?;
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url)
}

/// Copies `text` to the clipboard; fails when the page may not (an iframe
/// without permission, an insecure origin), so the caller can show it instead.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = web_sys::window().ok_or(JsValue::NULL)?.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(JsValue::NULL);
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

/// The width below which the calendar lays itself out for phones (the list
/// view by default, a day instead of a week). Matches `style/main.css`.
const NARROW: &str = "(max-width: 639.98px)";

/// Whether the screen is narrow now.
pub fn is_narrow() -> bool {
    narrow_query().map(|q| q.matches()).unwrap_or(false)
}

/// Calls `f(narrow)` whenever the width crosses the breakpoint. The listener
/// lives as long as the page (one per app).
pub fn on_narrow_change(f: impl Fn(bool) + 'static) {
    let Some(query) = narrow_query() else { return };
    let callback =
        Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| f(e.matches()));
    let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    callback.forget();
}

fn narrow_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(NARROW).ok()?
}

/// After the next render, focuses the first element under `root` matching
/// `selector`: where focus goes when the control that had it was replaced.
/// (Looked up from the calendar's root, not the document: the calendar may
/// live in a shadow root, next to another calendar.)
pub fn focus_after_render(root: Option<web_sys::Element>, selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(root) = root {
            focus_in(&root, selector);
        }
    });
}

/// After the next render, focuses the title link of event `id`'s card (in a
/// list, or under a phone's month), which also scrolls it into view: back
/// where the visitor left the list for the event's page. Else `fallback`.
pub fn focus_card_after_render(root: Option<web_sys::Element>, id: String, fallback: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let Some(root) = root else { return };
        if let Ok(links) = root.query_selector_all("article.event .event-title a") {
            for i in 0..links.length() {
                let Some(link) = links.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
                let card = link.closest("article.event").ok().flatten();
                if card.and_then(|c| c.get_attribute("data-event-id")).as_deref() == Some(id.as_str()) {
                    let _ = link.focus();
                    return;
                }
            }
        }
        focus_in(&root, fallback);
    });
}

/// Whether focus is on `element` or inside it.
pub fn has_focus(element: &web_sys::Element) -> bool {
    element.matches(":focus-within").unwrap_or(false)
}

/// Focuses the first element under `root` matching `selector`, if any.
pub fn focus_in(root: &web_sys::Element, selector: &str) -> bool {
    match root.query_selector(selector) {
        Ok(Some(element)) => element.dyn_ref::<web_sys::HtmlElement>().map(|e| e.focus().is_ok()).unwrap_or(false),
        _ => false,
    }
}

/// Scrolls the first element under `root` matching `selector` (see
/// [`scroll_to_fraction`]).
pub fn scroll_in(root: &web_sys::Element, selector: &str, fraction: f64) {
    if let Ok(Some(scroller)) = root.query_selector(selector) {
        scroll_to_fraction(&scroller, fraction);
    }
}

/// Which part of `selector`'s content (under `root`) is in view, as
/// fractions (0–1) of its height: from its top to its bottom edge.
pub fn in_view(root: &web_sys::Element, selector: &str) -> Option<(f64, f64)> {
    let scroller = root.query_selector(selector).ok()??;
    let height = f64::from(scroller.scroll_height().max(1));
    let top = f64::from(scroller.scroll_top());
    Some((top / height, (top + f64::from(scroller.client_height())) / height))
}

/// Scrolls `scroller` so that `fraction` (0–1) of its content is above the top.
pub fn scroll_to_fraction(scroller: &web_sys::Element, fraction: f64) {
    scroller.set_scroll_top((f64::from(scroller.scroll_height()) * fraction) as i32);
}

#[wasm_bindgen]
extern "C" {
    // `catch`: missing outside secure contexts (an http:// partner page).
    #[wasm_bindgen(catch, js_namespace = crypto, js_name = randomUUID)]
    fn random_uuid_js() -> Result<String, JsValue>;
}

/// A random UUID (v4): `crypto.randomUUID`, else one built from `Math.random`.
pub fn random_uuid() -> String {
    random_uuid_js().unwrap_or_else(|_| {
        let hex =
            |n: usize| (0..n).map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8 & 15)).collect::<String>();
        let variant = format!("{:x}", 8 + ((js_sys::Math::random() * 4.0) as u8 & 3));
        format!("{}-{}-4{}-{}{}-{}", hex(8), hex(4), hex(3), variant, hex(3), hex(12))
    })
}

/// Whether a click is a plain one (main button, no modifier key): one a link
/// handles in place, leaving new tabs, windows and downloads to the browser.
pub fn is_plain_click(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|e| e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()))
}

/// Where a pointer event happened (client pixels), if it came from a finger
/// or a pen: a mouse drag selects text, it does not swipe.
pub fn touch_at(event: &web_sys::Event) -> Option<(f64, f64)> {
    let kind = js_sys::Reflect::get(event, &JsValue::from_str("pointerType")).ok()?.as_string()?;
    let e = event.dyn_ref::<web_sys::MouseEvent>()?;
    (kind != "mouse").then(|| (f64::from(e.client_x()), f64::from(e.client_y())))
}

/// The key of a keyboard event and whether Shift was held.
pub fn key_of(event: &web_sys::Event) -> Option<(String, bool)> {
    event.dyn_ref::<web_sys::KeyboardEvent>().map(|e| (e.key(), e.shift_key()))
}

/// Whether the checkbox or radio button an event came from is checked.
pub fn target_checked(event: &web_sys::Event) -> bool {
    leptos::prelude::event_target_checked(event)
}

/// The value of the input, select or textarea an event came from.
pub fn target_value(event: &web_sys::Event) -> String {
    leptos::prelude::event_target_value(event)
}

/// The `attribute` of the element an event came from, if it has it.
pub fn target_attribute(event: &web_sys::Event, attribute: &str) -> Option<String> {
    event.target()?.dyn_into::<web_sys::Element>().ok()?.get_attribute(attribute)
}

/// Whether the `<details>` an event came from is open.
pub fn is_open(event: &web_sys::Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open())
}

/// Sets CSS custom properties on `element` through the CSSOM (no style
/// attribute: a strict CSP allows it), removing those given `None`, and
/// `flag` as an attribute while any is set.
pub fn set_custom_properties(element: &web_sys::HtmlElement, flag: &str, properties: &[(&str, Option<String>)]) {
    let style = element.style();
    for (name, value) in properties {
        let _ = match value {
            Some(value) => style.set_property(name, value),
            None => style.remove_property(name).map(drop),
        };
    }
    let _ = if properties.iter().any(|(_, v)| v.is_some()) {
        element.set_attribute(flag, "")
    } else {
        element.remove_attribute(flag)
    };
}

/// A file the user picked or dropped: its name and a handle to read it.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// The first file of an `<input type=file>`'s change, or of a drop.
    pub fn from_event(event: &web_sys::Event) -> Option<PickedFile> {
        let files = match event.dyn_ref::<web_sys::DragEvent>() {
            Some(drop) => drop.data_transfer()?.files()?,
            None => event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()?,
        };
        files.get(0).map(PickedFile)
    }

    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its bytes.
    pub async fn read(&self) -> Result<Vec<u8>, JsValue> {
        let buffer = wasm_bindgen_futures::JsFuture::from(self.0.array_buffer()).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// Whether a drag carries files (the page then accepts the drop).
pub fn drags_files(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|t| t.types().iter().any(|ty| ty.as_string().as_deref() == Some("Files")))
}
