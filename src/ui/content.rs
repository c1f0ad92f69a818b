//! The content-script app: follows the page (SPA navigations, DOM churn), mounts a `reply` control on every
//! customer comment and a `composer` control beside every native composer, and runs the picker.
use super::controls::{self, Control, Placement, Spec};
use super::floating::Floating;
use super::picker::Picker;
use super::target::{self, Destination, PickRequest};
use crate::core::length::Target;
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::template::{self, Context};
use crate::dom::insert::{insert_text, InsertError};
use crate::dom::observe::ScopedObserver;
use crate::platform::ext::ApiListener;
use crate::platform::library;
use crate::platform::protocol::Request;
use crate::sites::adapter;
use crate::sites::page::{is_editable, ComposerFacts, PageFacts, Person, ReplyTarget};
use crate::sites::surface::{self, Site, Surface};
use crate::sites::{facebook, x};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How long a comment surface may show no recognisable comment before the floating fallback appears. Long
/// enough for a slow SPA render, short enough that a user is not left without the picker.
const DEGRADED_AFTER_MS: u32 = 2500;

/// The content script's copy of the library, kept current by change events from the background.
pub struct Library {
    pub replies: Vec<Reply>,
    pub index: Index,
    /// Why the library is empty, when it could not be loaded.
    pub problem: Option<String>,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            replies: Vec::new(),
            index: Index::new(&[]),
            problem: None,
        }
    }
}

pub struct App {
    pub flavour: String,
    surface: Cell<Option<Surface>>,
    pub library: RefCell<Library>,
    facts: RefCell<PageFacts>,
    controls: RefCell<Vec<Control>>,
    /// Page elements (comments, composers) that already have a control: a JS WeakSet, so recycled or removed
    /// nodes are forgotten with them and lookups cost one call.
    owners: js_sys::WeakSet,
    picker: RefCell<Option<Rc<Picker>>>,
    observer: RefCell<Option<ScopedObserver>>,
    floating: RefCell<Option<Floating>>,
    degraded_check: RefCell<Option<Timeout>>,
    last_editable: Rc<RefCell<Option<HtmlElement>>>,
    _focus_tracker: EventListener,
    _library_listener: RefCell<Option<ApiListener>>,
}

#[wasm_bindgen]
pub struct ContentApp {
    app: Rc<App>,
}

#[wasm_bindgen]
impl ContentApp {
    /// Called by the loader on every URL change (and once at start).
    pub fn navigate(&self, href: String) {
        self.app.navigate(&href);
    }

    /// Which core runs this page: "wasm" or "wasm2js".
    #[wasm_bindgen(getter)]
    pub fn flavour(&self) -> String {
        self.app.flavour.clone()
    }
}

/// Entry point for the content script (see extension/loader.js).
#[wasm_bindgen]
pub fn start_content(flavour: String) -> ContentApp {
    let last_editable: Rc<RefCell<Option<HtmlElement>>> = Rc::default();
    let remember = last_editable.clone();
    let options = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    let focus_tracker = EventListener::new_with_options(
        &crate::dom::document(),
        "focusin",
        options,
        move |event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok());
            if let Some(target) =
                target.filter(|t| t.get_attribute("data-answerdeck").is_none() && is_editable(t))
            {
                *remember.borrow_mut() = Some(target);
            }
        },
    );
    let app = Rc::new(App {
        flavour,
        surface: Cell::new(None),
        library: RefCell::default(),
        facts: RefCell::default(),
        controls: RefCell::default(),
        owners: js_sys::WeakSet::new(),
        picker: RefCell::default(),
        observer: RefCell::default(),
        floating: RefCell::default(),
        degraded_check: RefCell::default(),
        last_editable,
        _focus_tracker: focus_tracker,
        _library_listener: RefCell::default(),
    });
    let weak = Rc::downgrade(&app);
    let listener = library::on_change(move || {
        if let Some(app) = weak.upgrade() {
            wasm_bindgen_futures::spawn_local(async move { app.load_library().await });
        }
    });
    *app._library_listener.borrow_mut() = listener.ok();
    let loading = app.clone();
    wasm_bindgen_futures::spawn_local(async move { loading.load_library().await });
    ContentApp { app }
}

impl App {
    fn navigate(self: &Rc<Self>, href: &str) {
        let surface = surface::detect(href);
        if surface == self.surface.get() && self.observer.borrow().is_some() {
            return;
        }
        self.surface.set(surface);
        if surface.is_none() {
            self.stop();
            return;
        }
        if self.observer.borrow().is_none() {
            let weak = Rc::downgrade(self);
            let root = crate::dom::document().document_element();
            let observer = root.and_then(|root| {
                ScopedObserver::child_list(&root, move || {
                    if let Some(app) = weak.upgrade() {
                        app.scan();
                    }
                })
                .ok()
            });
            *self.observer.borrow_mut() = observer;
        }
        self.scan();
        self.schedule_degraded_check();
    }

    /// Leaves a page that is not a messaging surface: every control, observer and the picker go (by drop).
    fn stop(&self) {
        self.observer.borrow_mut().take();
        self.close_picker(false);
        for control in self.controls.borrow_mut().drain(..) {
            self.owners.delete(&control.owner);
        }
        self.floating.borrow_mut().take();
        self.degraded_check.borrow_mut().take();
    }

    async fn load_library(&self) {
        let response = library::request(&Request::List).await;
        let mut library = self.library.borrow_mut();
        if !response.ok {
            library.problem = response.message;
            return;
        }
        let replies: Vec<Reply> = response
            .replies
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.data)
            .collect();
        library.index = Index::new(&replies);
        library.replies = replies;
        library.problem = None;
    }

    fn site(&self) -> Option<Site> {
        self.surface.get().map(Surface::site)
    }

    /// Mounts controls on comments and composers that don't have one yet; drops controls whose element left.
    fn scan(self: &Rc<Self>) {
        let Some(surface) = self.surface.get() else {
            return;
        };
        let document = crate::dom::document();
        self.controls.borrow_mut().retain(|control| {
            let alive = control.is_alive();
            if !alive {
                self.owners.delete(&control.owner);
            }
            alive
        });
        let facts = adapter::page_facts(surface, &document);
        let targets = adapter::reply_targets(surface, &document, &facts);
        *self.facts.borrow_mut() = facts;
        for target in targets {
            if !self.owners.has(&target.article) {
                self.mount_reply_control(target);
            }
        }
        for editor in adapter::composers(surface, &document) {
            if !self.owners.has(&editor) {
                self.mount_composer_control(surface, editor);
            }
        }
        if self.has_reply_controls() {
            self.floating.borrow_mut().take();
        }
    }

    /// Whether the page was understood: a `reply` control on a comment surface; in a conversation or the
    /// compose modal, where there are no comments, a `composer` control.
    fn has_reply_controls(&self) -> bool {
        // The compose page (a reply or quote modal) is understood when its composer is.
        let conversation = self
            .surface
            .get()
            .is_some_and(|s| s.is_conversation() || s == Surface::XCompose);
        self.controls.borrow().iter().any(|c| {
            match c.host.host.get_attribute("data-answerdeck").as_deref() {
                Some("reply") => true,
                Some("composer") => conversation,
                _ => false,
            }
        })
    }

    fn mount_reply_control(self: &Rc<Self>, target: ReplyTarget) {
        let spec = Spec {
            kind: "reply",
            text: "Reply",
            accessible_name: "Answer with a saved reply",
            keep_focus: false,
        };
        let weak = Rc::downgrade(self);
        let Some(site_of_target) = self.site() else {
            return;
        };
        let (article, anchor) = (target.article.clone(), target.anchor.clone());
        let owner = article.clone();
        let control = controls::mount(&spec, &owner, Placement::Inside(anchor), move |host| {
            let Some(app) = weak.upgrade() else { return };
            // Re-read the comment now: names, buttons and text may have re-rendered since the control was made.
            let current = app.target_for(&article).unwrap_or_else(|| target.clone());
            let heading = format!(
                "Reply to {}",
                current.author.name.as_deref().unwrap_or("this comment")
            );
            let context = app.context_for(&current.author);
            let facts = ComposerFacts {
                person: current.author.clone(),
                customer_text: Some(current.text.clone()).filter(|t| !t.trim().is_empty()),
                lang: current.lang.clone(),
                target: match site_of_target {
                    Site::Facebook => Target::FacebookComment,
                    Site::X => Target::XPost,
                },
                conversation: Some(current.key.clone()),
                unavailable: None,
            };
            app.open_picker(
                host,
                PickRequest {
                    destination: Destination::Reply(Box::new(current)),
                    context,
                    heading,
                    return_focus: None,
                    facts,
                },
            );
        });
        if let Some(control) = control {
            self.owners.add(&control.owner);
            self.controls.borrow_mut().push(control);
        }
    }

    fn mount_composer_control(self: &Rc<Self>, surface: Surface, editor: HtmlElement) {
        let spec = Spec {
            kind: "composer",
            text: "Saved replies",
            accessible_name: "Insert a saved reply",
            keep_focus: true,
        };
        let anchor = adapter::composer_anchor(surface, &editor);
        let weak = Rc::downgrade(self);
        let target_editor = editor.clone();
        let control = controls::mount(&spec, &editor, Placement::After(anchor), move |host| {
            let Some(app) = weak.upgrade() else { return };
            let document = crate::dom::document();
            let facts = adapter::composer_facts(surface, &document, &target_editor);
            let whom = facts.person.name.clone().or_else(|| {
                let handle = facts.person.handle.as_deref()?;
                Some(format!("@{}", handle.trim_start_matches('@')))
            });
            let heading = match whom {
                Some(name) => format!("Insert into the reply to {name}"),
                None => "Insert into this box".to_string(),
            };
            let unavailable = facts.unavailable.clone();
            let context = app.context_for(&facts.person);
            app.open_picker(
                host,
                PickRequest {
                    destination: Destination::Composer(target_editor.clone()),
                    context,
                    heading,
                    return_focus: Some(target_editor.clone()),
                    facts,
                },
            );
            // A box the site has closed: say so at once (inserting is refused too, see `insert`).
            if let Some(reason) = unavailable {
                if let Some(picker) = app.picker.borrow().as_ref() {
                    picker.set_status(&reason, true);
                }
            }
        });
        if let Some(control) = control {
            self.owners.add(&control.owner);
            self.controls.borrow_mut().push(control);
        }
    }

    fn target_for(&self, article: &Element) -> Option<ReplyTarget> {
        let document = crate::dom::document();
        let facts = PageFacts::default(); // the author filter is not wanted here: the user chose this comment
        let targets = match self.site()? {
            Site::Facebook => facebook::page::reply_targets(&document, &facts),
            Site::X => x::page::reply_targets(&document, &facts),
        };
        targets.into_iter().find(|t| &t.article == article)
    }

    /// The length rule for text whose destination we can't tell apart (the floating fallback): the surface's.
    fn default_target(&self) -> Target {
        match self.surface.get() {
            Some(surface) => surface.default_target(),
            None => Target::FacebookComment,
        }
    }

    fn context_for(&self, person: &Person) -> Context {
        target::context(person, &self.facts.borrow().acting)
    }

    fn open_picker(self: &Rc<Self>, anchor: &HtmlElement, request: PickRequest) {
        self.close_picker(false);
        let picker = Picker::open(self, anchor, request);
        *self.picker.borrow_mut() = picker;
    }

    /// Closes the picker (dropping it removes it from the page); on Escape, focus goes back where it was.
    pub fn close_picker(&self, restore_focus: bool) {
        let picker = self.picker.borrow_mut().take();
        if let (Some(picker), true) = (picker, restore_focus) {
            picker.return_focus();
        }
    }

    /// Renders `reply` and puts it into the destination. Ok(message) when the text is in a composer (or, for
    /// the floating fallback, on the clipboard); Err(message) for the user otherwise. Never sends.
    pub async fn insert(
        &self,
        reply: &Reply,
        destination: Destination,
        context: &Context,
    ) -> Result<String, String> {
        let text = template::render_str(&reply.body, context)
            .map_err(|e| format!("This reply has a problem: {e}"))?
            .text;
        let editor = match destination {
            Destination::Composer(editor) => {
                if let Some(reason) = self
                    .surface
                    .get()
                    .and_then(|surface| adapter::unavailable(surface, &editor))
                {
                    return Err(reason);
                }
                Some(editor).filter(|e| e.is_connected())
            }
            Destination::Reply(target) => self.open_reply_box(&target).await,
            Destination::LastFocusedOrClipboard(editor) => {
                let editor = editor
                    .or_else(|| self.last_editable.borrow().clone())
                    .filter(|e| e.is_connected());
                if editor.is_none() {
                    return copy_or_explain(&text, "No reply box was selected. The reply is on your clipboard: click the reply box and paste it (Ctrl+V).").await;
                }
                editor
            }
        };
        let Some(editor) = editor else {
            return copy_or_explain(&text, "The reply box for this comment could not be opened. The reply is on your clipboard: open the reply box and paste it (Ctrl+V).")
                .await
                .and(Err("The reply box could not be opened; the reply was copied to your clipboard — paste it with Ctrl+V.".into()));
        };
        match insert_text(&editor, &text).await {
            Ok(method) => Ok(format!(
                "Inserted ({}) — nothing was sent.",
                method.as_str()
            )),
            Err(InsertError::Unexpected) => Err(InsertError::Unexpected.message().into()),
            Err(error) => {
                let copied = super::clipboard::copy(&text).await;
                Err(if copied {
                    format!(
                        "{} The reply is on your clipboard — paste it with Ctrl+V.",
                        error.message()
                    )
                } else {
                    error.message().to_string()
                })
            }
        }
    }

    /// Opens the native reply box of a comment/post and returns it once it is on the page (≤ 2 s).
    async fn open_reply_box(&self, target: &ReplyTarget) -> Option<HtmlElement> {
        let site = self.site()?;
        let document = crate::dom::document();
        let before = match site {
            Site::Facebook => facebook::page::composers(&document),
            Site::X => x::page::composers(&document),
        };
        // X answers the focused post in the inline box below it, when the page has one; nothing to open then.
        let focused_post_with_inline_box = site == Site::X
            && target.article.get_attribute("tabindex").as_deref() == Some("-1")
            && x::page::find_reply_box(&document, target, &before).is_some();
        if !focused_post_with_inline_box {
            if let Some(button) = &target.reply_button {
                button.click();
            }
        }
        for _ in 0..40 {
            let found = match site {
                Site::Facebook => facebook::page::find_new_reply_box(&document, target, &before),
                Site::X => x::page::find_reply_box(&document, target, &before),
            };
            if found.is_some() {
                return found;
            }
            if target.reply_button.is_none() && site == Site::Facebook {
                return facebook::page::nearest_composer(target);
            }
            gloo::timers::future::TimeoutFuture::new(50).await;
        }
        None
    }

    /// After a quiet period with no comment recognised, show the floating fallback: either the post has no
    /// comments (the button is then just another way in) or the site changed and only the picker still works.
    fn schedule_degraded_check(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let timeout = Timeout::new(DEGRADED_AFTER_MS, move || {
            let Some(app) = weak.upgrade() else { return };
            if app.surface.get().is_some()
                && !app.has_reply_controls()
                && app.floating.borrow().is_none()
            {
                let weak = Rc::downgrade(&app);
                let floating = Floating::mount(move |anchor| {
                    let Some(app) = weak.upgrade() else { return };
                    let destination =
                        Destination::LastFocusedOrClipboard(app.last_editable.borrow().clone());
                    let context = app.context_for(&Person::default());
                    let facts = ComposerFacts::new(app.default_target());
                    app.open_picker(
                        anchor,
                        PickRequest {
                            destination,
                            context,
                            heading: "Insert into the box you last used, or copy".into(),
                            return_focus: app.last_editable.borrow().clone(),
                            facts,
                        },
                    );
                });
                *app.floating.borrow_mut() = floating;
            }
        });
        *self.degraded_check.borrow_mut() = Some(timeout);
    }
}

async fn copy_or_explain(text: &str, copied_message: &str) -> Result<String, String> {
    if super::clipboard::copy(text).await {
        Ok(copied_message.to_string())
    } else {
        Err("Could not insert or copy the reply. Select the text in the preview and copy it by hand.".to_string())
    }
}
