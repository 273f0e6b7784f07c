//! A view tree built at run time: elements, texts and reactive regions as
//! plain values, rendered by one non-generic piece of code.
//!
//! Why: every `view!` is its own Rust type, and Leptos's renderer (tachys)
//! is compiled again for each one (build, rebuild, mount, unmount, drop).
//! That was over half the wasm (issue 8). A [`Node`] is one type whatever it
//! holds, so the read-only views (month, week, list, event page, toolbar)
//! cost one renderer plus the calls that describe them. It is a Leptos view
//! (`impl Render`), so it nests inside `view!` and can hold one ([`Node::View`]).
//!
//! Reactivity is Leptos's own: a [`dynamic`] region is a `RenderEffect` that
//! rebuilds its part when the signals it read change (replacing its DOM, so
//! focus is placed again by the caller, as before); [`El::attr_dyn`],
//! [`El::prop_dyn`] and [`dynamic_text`] update one attribute, property or
//! text in place, so controls built with them keep their element and focus.

use leptos::prelude::{AnyView, NodeRef, RenderEffect};
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A piece of a view.
pub enum Node {
    El(El),
    Text(String),
    /// Text that follows the signals its closure reads.
    DynText(Box<dyn Fn() -> String + Send>),
    /// A region rebuilt when the signals its closure reads change.
    Dyn(Box<dyn Fn() -> Node + Send>),
    Many(Vec<Node>),
    /// A Leptos view (a component not built as a `Node`).
    View(AnyView),
    Empty,
}

/// An element: tag, attributes, properties, inline styles (set through the
/// CSSOM, which a strict `style-src` allows), listeners and children. One
/// pointer wide, and its methods are never inlined: a view's description is
/// a row of small calls, not a copy of the builder at every call site.
pub struct El(Box<ElData>);

struct ElData {
    tag: &'static str,
    attrs: Vec<(&'static str, Value)>,
    children: Vec<Node>,
    listeners: Vec<(&'static str, Handler)>,
}

type Handler = Box<dyn FnMut(web_sys::Event) + Send>;

enum Value {
    Attr(String),
    /// Absent when `None`.
    AttrDyn(Box<dyn Fn() -> Option<String> + Send>),
    Style(String),
    /// Removed while `None`.
    StyleDyn(Box<dyn Fn() -> Option<String> + Send>),
    PropDyn(Box<dyn Fn() -> JsValue + Send>),
    PropBool(bool),
    /// Loaded with the element once built (the calendar's root).
    Ref(NodeRef<leptos::html::Div>),
}

/// An element with this tag.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El(Box::new(ElData { tag, attrs: Vec::new(), children: Vec::new(), listeners: Vec::new() }))
}

/// A region that `render` builds again whenever the signals it reads change.
pub fn dynamic(render: impl Fn() -> Node + Send + 'static) -> Node {
    Node::Dyn(Box::new(render))
}

/// A text that `render` says again whenever the signals it reads change.
pub fn dynamic_text(render: impl Fn() -> String + Send + 'static) -> Node {
    Node::DynText(Box::new(render))
}

impl El {
    #[inline(never)]
    fn value(mut self, name: &'static str, value: Value) -> Self {
        self.0.attrs.push((name, value));
        self
    }

    pub fn attr(self, name: &'static str, value: impl Into<String>) -> Self {
        self.value(name, Value::Attr(value.into()))
    }

    /// The attribute when `value` is `Some`; absent otherwise.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// An attribute that follows the signals `value` reads; absent while it
    /// gives `None`.
    pub fn attr_dyn(self, name: &'static str, value: impl Fn() -> Option<String> + Send + 'static) -> Self {
        self.value(name, Value::AttrDyn(Box::new(value)))
    }

    pub fn class(self, class: impl Into<String>) -> Self {
        self.attr("class", class)
    }

    /// An inline style property (`top`, `width`, ...).
    pub fn style(self, property: &'static str, value: impl Into<String>) -> Self {
        self.value(property, Value::Style(value.into()))
    }

    /// An inline style property that follows the signals `value` reads;
    /// removed while it gives `None`.
    pub fn style_dyn(self, property: &'static str, value: impl Fn() -> Option<String> + Send + 'static) -> Self {
        self.value(property, Value::StyleDyn(Box::new(value)))
    }

    /// A DOM property (`value`, `checked`) that follows the signals `value` reads.
    pub fn prop_dyn(self, name: &'static str, value: impl Fn() -> JsValue + Send + 'static) -> Self {
        self.value(name, Value::PropDyn(Box::new(value)))
    }

    /// `node_ref` holds this element once it is built.
    pub fn node_ref(self, node_ref: NodeRef<leptos::html::Div>) -> Self {
        self.value("", Value::Ref(node_ref))
    }

    /// A boolean DOM property (`checked`), set once.
    pub fn prop_bool(self, name: &'static str, value: bool) -> Self {
        self.value(name, Value::PropBool(value))
    }

    pub fn on(self, event: &'static str, handler: impl FnMut(web_sys::Event) + Send + 'static) -> Self {
        self.listener(event, Box::new(handler))
    }

    #[inline(never)]
    fn listener(mut self, event: &'static str, handler: Handler) -> Self {
        self.0.listeners.push((event, handler));
        self
    }

    pub fn child(self, child: impl Into<Node>) -> Self {
        self.push(child.into())
    }

    #[inline(never)]
    fn push(mut self, child: Node) -> Self {
        self.0.children.push(child);
        self
    }

    #[inline(never)]
    pub fn children(mut self, children: Vec<Node>) -> Self {
        self.0.children.extend(children);
        self
    }
}

impl From<El> for Node {
    fn from(el: El) -> Self {
        Node::El(el)
    }
}

impl From<String> for Node {
    fn from(text: String) -> Self {
        Node::Text(text)
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Self {
        Node::Text(text.to_owned())
    }
}

impl From<Vec<Node>> for Node {
    fn from(nodes: Vec<Node>) -> Self {
        Node::Many(nodes)
    }
}

impl<T: Into<Node>> From<Option<T>> for Node {
    fn from(node: Option<T>) -> Self {
        node.map_or(Node::Empty, Into::into)
    }
}

impl From<AnyView> for Node {
    fn from(view: AnyView) -> Self {
        Node::View(view)
    }
}

/// An element's event listener, as the browser holds it.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// A built [`Node`]: its DOM, and what keeps it alive (effects, listeners).
pub struct NodeState(Built);

enum Built {
    El {
        el: web_sys::Element,
        /// Kept for their effects and listeners; their DOM is inside `el`.
        _children: Vec<NodeState>,
        _effects: Vec<RenderEffect<()>>,
        /// Taken off the element when it goes: an event the browser still
        /// sends a detached element (a scroll queued for the next frame, a
        /// focusout) would otherwise call a dropped closure, a page error.
        listeners: Vec<(&'static str, Listener)>,
    },
    /// With the effect that keeps a dynamic text up to date.
    Text(web_sys::Text, #[allow(dead_code)] Option<RenderEffect<()>>),
    /// The region's content sits just before `marker` (an empty text node).
    Dyn {
        marker: web_sys::Node,
        effect: RenderEffect<NodeState>,
    },
    Many(Vec<NodeState>),
    View(AnyViewState),
    Empty,
}

/// A region's content goes with the region. Leptos's effect task holds the
/// content too and lets go only when next polled; until then the content's
/// own effects would live on after their owner (and the signals they read)
/// was disposed, and one notified in between would read a disposed signal:
/// the release trap of issue 20, on leaving the list.
impl Drop for NodeState {
    fn drop(&mut self) {
        match &self.0 {
            Built::Dyn { effect, .. } => drop(effect.take_value()),
            Built::El { el, listeners, .. } => {
                for (event, closure) in listeners {
                    let _ = el.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
                }
            }
            _ => {}
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn build(node: Node) -> NodeState {
    NodeState(match node {
        Node::El(el) => build_element(*el.0),
        Node::Text(text) => Built::Text(document().create_text_node(&text), None),
        Node::DynText(text) => {
            let node = document().create_text_node("");
            let target = node.clone();
            let effect = RenderEffect::new(move |_| target.set_data(&text()));
            Built::Text(node, Some(effect))
        }
        Node::Dyn(render) => {
            let marker: web_sys::Node = document().create_text_node("").into();
            let at = marker.clone();
            let effect = RenderEffect::new(move |old: Option<NodeState>| {
                let mut new = build(render());
                if let Some(mut old) = old {
                    if let Some(parent) = at.parent_node() {
                        new.mount_in(&parent, Some(&at));
                    }
                    old.unmount();
                }
                new
            });
            Built::Dyn { marker, effect }
        }
        Node::Many(nodes) => Built::Many(nodes.into_iter().map(build).collect()),
        Node::View(view) => Built::View(view.build()),
        Node::Empty => Built::Empty,
    })
}

fn build_element(ElData { tag, attrs, children, listeners }: ElData) -> Built {
    let el = document().create_element(tag).expect("a valid tag");
    let mut effects = Vec::new();
    for (name, value) in attrs {
        match value {
            Value::Attr(v) => {
                let _ = el.set_attribute(name, &v);
            }
            Value::AttrDyn(value) => {
                let target = el.clone();
                effects.push(RenderEffect::new(move |_| {
                    let _ = match value() {
                        Some(v) => target.set_attribute(name, &v),
                        None => target.remove_attribute(name),
                    };
                }));
            }
            Value::Style(v) => {
                if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = html.style().set_property(name, &v);
                }
            }
            Value::StyleDyn(value) => {
                if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let style = html.style();
                    effects.push(RenderEffect::new(move |_| {
                        let _ = match value() {
                            Some(v) => style.set_property(name, &v),
                            None => style.remove_property(name).map(|_| ()),
                        };
                    }));
                }
            }
            Value::PropBool(v) => {
                let _ = js_sys::Reflect::set(&el, &JsValue::from_str(name), &JsValue::from_bool(v));
            }
            Value::Ref(node_ref) => node_ref.load(&el),
            Value::PropDyn(value) => {
                let target = el.clone();
                effects.push(RenderEffect::new(move |_| {
                    let _ = js_sys::Reflect::set(&target, &JsValue::from_str(name), &value());
                }));
            }
        }
    }
    let listeners = listeners
        .into_iter()
        .map(|(event, handler)| {
            let closure = Closure::wrap(handler as Box<dyn FnMut(web_sys::Event)>);
            let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            (event, closure)
        })
        .collect();
    let parent: &web_sys::Node = el.as_ref();
    let children = children
        .into_iter()
        .map(|child| {
            let mut state = build(child);
            state.mount_in(parent, None);
            state
        })
        .collect();
    Built::El { el, _children: children, _effects: effects, listeners }
}

impl NodeState {
    fn mount_in(&mut self, parent: &web_sys::Node, marker: Option<&web_sys::Node>) {
        match &mut self.0 {
            Built::El { el, .. } => {
                let _ = parent.insert_before(el, marker);
            }
            Built::Text(text, _) => {
                let _ = parent.insert_before(text, marker);
            }
            Built::Dyn { marker: own, effect } => {
                effect.with_value_mut(|inner| inner.mount_in(parent, marker));
                let _ = parent.insert_before(own, marker);
            }
            Built::Many(states) => states.iter_mut().for_each(|s| s.mount_in(parent, marker)),
            Built::View(view) => {
                if let Some(parent) = parent.dyn_ref::<web_sys::Element>() {
                    view.mount(parent, marker);
                }
            }
            Built::Empty => {}
        }
    }

    fn remove(&mut self) {
        let detach = |node: &web_sys::Node| {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        };
        match &mut self.0 {
            Built::El { el, .. } => el.remove(),
            Built::Text(text, _) => detach(text),
            Built::Dyn { marker, effect } => {
                effect.with_value_mut(|inner| inner.remove());
                detach(marker);
            }
            Built::Many(states) => states.iter_mut().for_each(NodeState::remove),
            Built::View(view) => view.unmount(),
            Built::Empty => {}
        }
    }

    /// The first DOM node this state put in the document, if any.
    fn first_node(&self) -> Option<web_sys::Node> {
        match &self.0 {
            Built::El { el, .. } => Some(el.clone().into()),
            Built::Text(text, _) => Some(text.clone().into()),
            Built::Dyn { marker, effect } => {
                effect.with_value_mut(|inner| inner.first_node()).flatten().or_else(|| Some(marker.clone()))
            }
            Built::Many(states) => states.iter().find_map(NodeState::first_node),
            Built::View(view) => view.elements().into_iter().next().map(Into::into),
            Built::Empty => None,
        }
    }
}

impl Mountable for NodeState {
    fn unmount(&mut self) {
        self.remove();
    }

    fn mount(&mut self, parent: &web_sys::Element, marker: Option<&web_sys::Node>) {
        self.mount_in(parent.as_ref(), marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self.first_node() {
            Some(first) => match first.parent_node().and_then(|p| p.dyn_into::<web_sys::Element>().ok()) {
                Some(parent) => {
                    child.mount(&parent, Some(&first));
                    true
                }
                None => false,
            },
            None => false,
        }
    }

    fn elements(&self) -> Vec<web_sys::Element> {
        match &self.0 {
            Built::El { el, .. } => vec![el.clone()],
            Built::Many(states) => states.iter().flat_map(Mountable::elements).collect(),
            Built::Dyn { effect, .. } => effect.with_value_mut(|inner| inner.elements()).unwrap_or_default(),
            Built::View(view) => view.elements(),
            Built::Text(..) | Built::Empty => Vec::new(),
        }
    }
}

impl Render for Node {
    type State = NodeState;

    fn build(self) -> NodeState {
        build(self)
    }

    fn rebuild(self, state: &mut NodeState) {
        let mut new = build(self);
        if !state.insert_before_this(&mut new) {
            // Nothing of the old one is in the document to put the new one beside.
            *state = new;
            return;
        }
        state.unmount();
        *state = new;
    }
}

leptos::tachys::no_attrs!(Node);

/// Client-side rendering only: the server-side halves are never called.
impl RenderHtml for Node {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(self, _: &mut String, _: &mut Position, _: bool, _: bool, _: Vec<AnyAttribute>) {}

    fn hydrate<const FROM_SERVER: bool>(self, _: &Cursor, _: &PositionState) -> NodeState {
        build(self)
    }

    fn into_owned(self) -> Self {
        self
    }
}
