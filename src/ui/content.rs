//! The content-script app: follows the page (SPA navigations, DOM churn), mounts a `reply` control on every
//! customer comment and a `composer` control beside every native composer, and runs the picker.
use super::compose::{compose, LanguageChoice};
use super::controls::{self, Control, Placement, Spec};
use super::favourites::FavouritesHint;
use super::floating::Floating;
use super::keys::ComposerKeys;
use super::notice::Notice;
use super::picker::Picker;
use super::private::{about_line, Route};
use super::subjects::Subjects;
use super::target::{self, Destination, PickRequest};
use super::timers::Timers;
use crate::core::length::Target;
use crate::core::reply::Reply;
use crate::core::template::Context;
use crate::core::{language, order};
use crate::dom::insert::{insert_replacing, InsertError};
use crate::dom::observe::ScopedObserver;
use crate::dom::{nearby, query_cache, slice};
use crate::platform::ext::ApiListener;
use crate::platform::handoff::{self, Handoff};
use crate::platform::library;
use crate::platform::protocol::Request;
use crate::sites::adapter;
use crate::sites::page::{all, is_editable, ComposerFacts, PageFacts, Person, ReplyTarget};
use crate::sites::surface::{self, Site, Surface};
use crate::sites::{facebook, x};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// How long a comment surface may show no recognisable comment before the floating fallback appears. Long
/// enough for a slow SPA render, short enough that a user is not left without the picker.
const DEGRADED_AFTER_MS: u32 = 2500;

/// How often a page that keeps changing is read whole, ms, though the changes were followed one by one: what the
/// observer does not report (text that turns an article into a comment, an attribute it does not watch) shows
/// within this time.
const WHOLE_PAGE_EVERY_MS: f64 = 5000.0;

/// The content script's copy of the library, kept current by change events from the background.
#[derive(Default)]
pub struct Library {
    /// Every reply, in library order (manual order, then title): the picker's list before anything is typed.
    pub replies: Vec<Reply>,
    /// Reply id → index in `replies`, for the ids the background's search and suggestions return.
    pub by_id: HashMap<String, usize>,
    /// Why the library is empty, when it could not be loaded.
    pub problem: Option<String>,
    /// `{agent}`, from the settings.
    pub agent: Option<String>,
    /// `{dm_link}` per site, from the settings.
    pub facebook_dm_link: Option<String>,
    pub x_dm_link: Option<String>,
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
    /// The rest of a scan that ran out of its slice.
    rest_of_scan: RefCell<Option<Timeout>>,
    /// The next scan reads the whole page: it is new, a watched attribute changed in place, or more changed than
    /// is worth listing. Cleared when a scan of the whole page ends.
    whole_page: Cell<bool>,
    /// When a scan of the whole page last ended (page clock, ms).
    whole_page_at: Cell<f64>,
    /// What the page added, and owners whose control the page removed, since the last scan: a scan that is not
    /// of the whole page looks only at these and at what came near the screen.
    touched: RefCell<Vec<Element>>,
    /// A comment was recognised on this page (its control may not be mounted yet: `dom::nearby`).
    recognised: Cell<bool>,
    last_editable: Rc<RefCell<Option<HtmlElement>>>,
    keys: RefCell<Option<ComposerKeys>>,
    notice: Rc<RefCell<Option<Notice>>>,
    favourites_hint: RefCell<Option<FavouritesHint>>,
    /// Labels and notes on rows, headers and people.
    subjects: Rc<Subjects>,
    /// Response timers on rows, the open conversation and customer comments.
    timers: Rc<Timers>,
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

    /// A browser-level keyboard command relayed by the background (`open-picker`).
    pub fn command(&self, name: String) {
        if name == "open-picker" {
            self.app.open_on_focused();
        }
    }

    /// Called by the loader on an X profile opened by "Reply by DM": press its Message button.
    pub fn start_dm(&self) {
        let app = self.app.clone();
        wasm_bindgen_futures::spawn_local(async move { app.start_dm().await });
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
        rest_of_scan: RefCell::default(),
        whole_page: Cell::new(true),
        whole_page_at: Cell::new(f64::NEG_INFINITY),
        touched: RefCell::default(),
        recognised: Cell::new(false),
        last_editable,
        keys: RefCell::default(),
        notice: Rc::default(),
        favourites_hint: RefCell::default(),
        subjects: Subjects::start(),
        timers: Timers::start(),
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
    *app.keys.borrow_mut() = Some(ComposerKeys::new(Rc::downgrade(&app)));
    let loading = app.clone();
    wasm_bindgen_futures::spawn_local(async move { loading.load_library().await });
    ContentApp { app }
}

impl App {
    fn navigate(self: &Rc<Self>, href: &str) {
        let surface = surface::detect(href);
        if let Some(to) = surface.and_then(|s| handoff_key(s, href)) {
            self.receive_handoff(to);
        }
        if surface == self.surface.get() && self.observer.borrow().is_some() {
            return;
        }
        self.surface.set(surface);
        if surface.is_none() {
            self.stop();
            return;
        }
        if self.observer.borrow().is_none() {
            // Nothing watched the page until now: what was read from it before may be out of date.
            crate::dom::unit_memo::forget_all();
            crate::dom::query_cache::forget();
            let weak = Rc::downgrade(self);
            let root = crate::dom::document().document_element();
            let observer = root.and_then(|root| {
                // Links and test ids: a recycled conversation row changes only those.
                ScopedObserver::changes(&root, &["href", "data-testid"], move |changes| {
                    if let Some(app) = weak.upgrade() {
                        let mut changes = changes;
                        app.whole_page
                            .set(app.whole_page.get() || changes.everything);
                        app.touched.borrow_mut().append(&mut changes.added);
                        app.scan();
                    }
                })
                .ok()
            });
            *self.observer.borrow_mut() = observer;
            let weak = Rc::downgrade(self);
            crate::dom::nearby::start(move || {
                if let Some(app) = weak.upgrade() {
                    app.scan();
                }
            });
        }
        self.whole_page.set(true);
        self.scan();
        self.schedule_degraded_check();
    }

    /// Leaves a page that is not a messaging surface: every control, observer and the picker go (by drop).
    fn stop(&self) {
        self.observer.borrow_mut().take();
        crate::dom::nearby::stop();
        self.recognised.set(false);
        self.close_picker(false);
        for control in self.controls.borrow_mut().drain(..) {
            self.owners.delete(&control.owner);
        }
        self.floating.borrow_mut().take();
        self.degraded_check.borrow_mut().take();
        self.rest_of_scan.borrow_mut().take();
        self.subjects.stop();
        self.timers.stop();
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
        // The picker's order: the background's when it depends on use, else favourites then library order.
        let order = match response.order {
            Some(ids) => {
                let at: HashMap<&str, usize> = replies
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.as_str(), i))
                    .collect();
                ids.iter()
                    .filter_map(|id| at.get(id.as_str()).copied())
                    .collect()
            }
            None => order::by_rank(&replies, |_| 0.0),
        };
        library.agent = response.agent;
        library.facebook_dm_link = response.facebook_dm_link;
        library.x_dm_link = response.x_dm_link;
        let mut slots: Vec<Option<Reply>> = replies.into_iter().map(Some).collect();
        library.replies = order.into_iter().filter_map(|i| slots[i].take()).collect();
        library.by_id = library
            .replies
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        library.problem = None;
    }

    pub fn site(&self) -> Option<Site> {
        self.surface.get().map(Surface::site)
    }

    /// Mounts controls on comments and composers that don't have one yet; drops controls whose element left.
    /// A long page is done in slices, top first, each in a task of its own.
    fn scan(self: &Rc<Self>) {
        self.rest_of_scan.borrow_mut().take();
        let ms = if self.controls.borrow().is_empty() {
            slice::FIRST_SLICE_MS
        } else {
            slice::SLICE_MS
        };
        if slice::run_for(ms, &|| self.scan_slice()) {
            return;
        }
        let weak = Rc::downgrade(self);
        *self.rest_of_scan.borrow_mut() = Some(Timeout::new(0, move || {
            if let Some(app) = weak.upgrade() {
                app.scan();
            }
        }));
    }

    fn scan_slice(self: &Rc<Self>) {
        let Some(surface) = self.surface.get() else {
            return;
        };
        let document = crate::dom::document();
        let mut touched = self.touched.take();
        self.controls.borrow_mut().retain(|control| {
            // A comment scrolled or pushed far off screen gets its control back when it comes near again.
            let alive = control.is_alive() && !nearby::went_far(&control.owner);
            if !alive {
                self.owners.delete(&control.owner);
                if control.owner.is_connected() && !control.host.is_connected() {
                    touched.push(control.owner.clone()); // the page removed the control: put it back
                }
            }
            alive
        });
        let facts = adapter::page_facts(surface, &document);
        let now = crate::dom::timing::now();
        if now - self.whole_page_at.get() > WHOLE_PAGE_EVERY_MS {
            self.whole_page.set(true);
        }
        if self.whole_page.get() {
            // What came near or was touched is part of the whole page.
            nearby::take_came_near();
            touched.clear();
            if self.mount_on_whole_page(surface, &document, &facts) {
                self.whole_page.set(false);
                self.whole_page_at.set(now);
            }
        } else {
            touched.append(&mut nearby::take_came_near());
            self.mount_on_touched(surface, &facts, &mut touched);
        }
        // What this slice had no time for, before what came in since it began.
        touched.append(&mut self.touched.borrow_mut());
        *self.touched.borrow_mut() = touched;
        *self.facts.borrow_mut() = facts;
        for editor in adapter::composers(surface, &document) {
            if !self.owners.has(&editor) {
                self.mount_composer_control(surface, editor);
            }
        }
        if self.understood() {
            self.floating.borrow_mut().take();
        }
        self.subjects.scan_soon(surface);
        self.timers.scan_soon(surface);
    }

    /// Mounts a control on every customer comment near the screen that has none; `false` when the slice ran out
    /// first.
    fn mount_on_whole_page(
        self: &Rc<Self>,
        surface: Surface,
        document: &Document,
        facts: &PageFacts,
    ) -> bool {
        match adapter::unit_selector(surface) {
            Some(unit) => self.mount_on(surface, facts, &all(document, unit)),
            None => true,
        }
    }

    /// Mounts controls on the customer comments in or around `touched` (elements the page added, comments that
    /// came near or lost their control); what the slice has no time for stays in `touched`.
    fn mount_on_touched(
        self: &Rc<Self>,
        surface: Surface,
        facts: &PageFacts,
        touched: &mut Vec<Element>,
    ) {
        let Some(unit) = adapter::unit_selector(surface) else {
            touched.clear();
            return;
        };
        while let Some(element) = touched.pop() {
            if !element.is_connected() {
                continue;
            }
            // The comments it holds (a new thread) and the one it is in (a new Reply button).
            let mut comments = element
                .query_selector_all(unit)
                .map(|list| query_cache::elements_of(&list))
                .unwrap_or_default();
            if let Ok(Some(around)) = element.closest(unit) {
                comments.push(around);
            }
            if !self.mount_on(surface, facts, &comments) {
                touched.push(element);
                return;
            }
        }
    }

    /// Mounts a control on each of `units` that is a customer comment near the screen and has none; `false` when
    /// the slice ran out first.
    fn mount_on(self: &Rc<Self>, surface: Surface, facts: &PageFacts, units: &[Element]) -> bool {
        for unit in units {
            if slice::out_of_time() {
                return false;
            }
            if self.owners.has(unit) {
                continue;
            }
            if let Some(target) = adapter::reply_target_of(surface, facts, unit) {
                self.recognised.set(true);
                if nearby::is_near(unit) {
                    self.mount_reply_control(target);
                }
            }
        }
        true
    }

    /// Whether the page was understood: a comment recognised (its control mounts when it comes near the
    /// screen) or a `reply` control; in a conversation or the compose modal, where there are no comments, a
    /// `composer` control.
    fn understood(&self) -> bool {
        if self.recognised.get() {
            return true;
        }
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
        let control = controls::mount(
            &spec,
            &owner,
            Placement::Inside(anchor),
            Box::new(move |host| {
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
                        typed: None,
                        preselect: None,
                    },
                );
            }),
        );
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
        let control = controls::mount(
            &spec,
            &editor,
            Placement::After(anchor),
            Box::new(move |host| {
                let Some(app) = weak.upgrade() else { return };
                let document = crate::dom::document();
                let facts = adapter::composer_facts(surface, &document, &target_editor);
                let heading = heading_for(surface, &facts);
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
                        typed: None,
                        preselect: None,
                    },
                );
                // A box the site has closed: say so at once (inserting is refused too, see `insert`).
                if let Some(reason) = unavailable {
                    if let Some(picker) = app.picker.borrow().as_ref() {
                        picker.set_status(&reason, true);
                    }
                }
            }),
        );
        if let Some(control) = control {
            self.owners.add(&control.owner);
            self.controls.borrow_mut().push(control);
        }
    }

    fn target_for(&self, article: &Element) -> Option<ReplyTarget> {
        let facts = PageFacts::default(); // the author filter is not wanted here: the user chose this comment
        adapter::reply_target_of(self.surface.get()?, &facts, article)
    }

    /// The length rule for text whose destination we can't tell apart (the floating fallback): the surface's.
    fn default_target(&self) -> Target {
        match self.surface.get() {
            Some(surface) => surface.default_target(),
            None => Target::FacebookComment,
        }
    }

    fn context_for(&self, person: &Person) -> Context {
        let mut context = target::context(person, &self.facts.borrow().acting);
        let library = self.library.borrow();
        context.agent = library.agent.clone();
        context.dm_link = match self.site() {
            Some(Site::X) => library.x_dm_link.clone(),
            _ => library.facebook_dm_link.clone(),
        };
        context
    }

    fn open_picker(self: &Rc<Self>, anchor: &HtmlElement, request: PickRequest) {
        let started = crate::dom::timing::now();
        self.close_picker(false);
        let picker = Picker::open(self, anchor, request);
        *self.picker.borrow_mut() = picker;
        crate::dom::timing::measure("answerdeck:picker-open", started);
    }

    /// Closes the picker (dropping it removes it from the page); on Escape, focus goes back where it was.
    pub fn close_picker(&self, restore_focus: bool) {
        let picker = self.picker.borrow_mut().take();
        if let (Some(picker), true) = (picker, restore_focus) {
            picker.return_focus();
        }
    }

    /// Puts `text` into the destination, replacing a `typed` shortcut before the caret. Ok(message) when the
    /// text is in a composer (or, for the floating fallback, on the clipboard); Err(message) for the user
    /// otherwise. Never sends.
    pub async fn insert(
        &self,
        text: &str,
        destination: Destination,
        typed: Option<&str>,
    ) -> Result<String, String> {
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
                    return copy_or_explain(text, "No reply box was selected. The reply is on your clipboard: click the reply box and paste it (Ctrl+V).").await;
                }
                editor
            }
        };
        let Some(editor) = editor else {
            return copy_or_explain(text, "The reply box for this comment could not be opened. The reply is on your clipboard: open the reply box and paste it (Ctrl+V).")
                .await
                .and(Err("The reply box could not be opened; the reply was copied to your clipboard — paste it with Ctrl+V.".into()));
        };
        if is_disabled(&editor) {
            return Err("This reply box is closed for replies here (for example outside Messenger's reply window); nothing was inserted.".into());
        }
        match insert_replacing(&editor, text, typed.unwrap_or_default()).await {
            Ok(method) => Ok(format!(
                "Inserted ({}) — nothing was sent.",
                method.as_str()
            )),
            Err(error @ (InsertError::Unexpected | InsertError::Moved)) => {
                Err(error.message().into())
            }
            Err(error) => {
                let copied = super::clipboard::copy(text).await;
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

    /// Counts a successful insertion (suggestions rank by how often and how recently replies are used).
    pub fn record_use(&self, id: &str) {
        let request = Request::Used {
            id: id.to_string(),
            at_ms: Some(js_sys::Date::now()),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = library::request(&request).await;
        });
    }

    /// The language to answer in, as far as the page says (X's `lang`); detection in the customer's text is
    /// done by the background together with the suggestions (see [`App::suggest`]).
    pub fn language_for(&self, facts: &ComposerFacts) -> LanguageChoice {
        match facts.lang.as_deref().and_then(language::normalize_code) {
            Some(code) => LanguageChoice {
                wanted: Some(code),
                source: "site",
            },
            None => LanguageChoice::default(),
        }
    }

    /// Replies matching what the user typed, best first, as indices into the library.
    pub async fn search(&self, query: &str, limit: usize) -> Result<Vec<usize>, String> {
        let response = library::request(&Request::Search {
            query: query.to_string(),
            limit,
        })
        .await;
        if !response.ok {
            return Err(response.message.unwrap_or_default());
        }
        Ok(self.indices(response.ids.unwrap_or_default()))
    }

    /// For the customer's message: the language to answer in (site's or detected) and the best replies.
    pub async fn suggest(
        &self,
        facts: &ComposerFacts,
        limit: usize,
    ) -> Option<(LanguageChoice, Vec<usize>)> {
        let text = facts.customer_text.clone()?;
        let response = library::request(&Request::Suggest {
            text,
            lang: facts.lang.clone(),
            limit,
        })
        .await;
        if !response.ok {
            return None;
        }
        let site = self.language_for(facts);
        let choice = if site.wanted.is_some() {
            site
        } else {
            LanguageChoice {
                wanted: response.language,
                source: "detected",
            }
        };
        Some((choice, self.indices(response.ids.unwrap_or_default())))
    }

    fn indices(&self, ids: Vec<String>) -> Vec<usize> {
        let library = self.library.borrow();
        ids.iter()
            .filter_map(|id| library.by_id.get(id).copied())
            .collect()
    }

    /// What an adapter knows about any composer of this page (the one with focus, a composer control's).
    fn facts_for_editor(&self, editor: &HtmlElement) -> ComposerFacts {
        let document = crate::dom::document();
        match self.surface.get() {
            Some(surface) => adapter::composer_facts(surface, &document, editor),
            None => ComposerFacts::new(self.default_target()),
        }
    }

    /// A picker request for a native composer.
    fn request_for_editor(
        &self,
        editor: &HtmlElement,
        typed: Option<String>,
        preselect: Option<String>,
    ) -> PickRequest {
        let facts = self.facts_for_editor(editor);
        let heading = match self.surface.get() {
            Some(surface) => heading_for(surface, &facts),
            None => "Insert into this box".to_string(),
        };
        PickRequest {
            destination: Destination::Composer(editor.clone()),
            context: self.context_for(&facts.person),
            heading,
            return_focus: Some(editor.clone()),
            facts,
            typed,
            preselect,
        }
    }

    /// The browser-level command: the picker for the composer that has focus (or was used last).
    pub fn open_on_focused(self: &Rc<Self>) {
        let document = crate::dom::document();
        let focused = document
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .filter(|e| e.get_attribute("data-answerdeck").is_none() && is_editable(e));
        match focused.or_else(|| {
            self.last_editable
                .borrow()
                .clone()
                .filter(|e| e.is_connected())
        }) {
            Some(editor) => {
                let request = self.request_for_editor(&editor, None, None);
                self.open_picker(&editor, request);
            }
            None => {
                // No box to insert into: the picker still opens (bottom-left), to copy a reply.
                let anchor: Option<HtmlElement> = document.body();
                if let Some(anchor) = anchor {
                    let facts = ComposerFacts::new(self.default_target());
                    self.open_picker(
                        &anchor,
                        PickRequest {
                            destination: Destination::LastFocusedOrClipboard(None),
                            context: self.context_for(&Person::default()),
                            heading: "No reply box has focus: pick a reply to copy it".into(),
                            return_focus: None,
                            facts,
                            typed: None,
                            preselect: None,
                        },
                    );
                }
            }
        }
    }

    /// `/shortcut` + Tab: the reply replaces what was typed, at once when it needs nothing more; otherwise
    /// the picker opens on it (fill-in fields, too long, or the insertion failed and says why).
    pub fn expand_shortcut(self: &Rc<Self>, editor: &HtmlElement, index: usize, typed: String) {
        self.insert_directly(editor, index, Some(typed));
    }

    /// Ctrl+. then `n`: the n-th favourite (library order, as numbered in the options page).
    pub fn insert_favourite(self: &Rc<Self>, editor: &HtmlElement, n: usize) {
        let index = order::favourites(&self.library.borrow().replies)
            .get(n - 1)
            .copied();
        match index {
            Some(index) => self.insert_directly(editor, index, None),
            None => {
                let mut request = self.request_for_editor(editor, None, None);
                request.heading = format!("There is no favourite {n}: star replies in the options");
                self.open_picker(editor, request);
            }
        }
    }

    fn insert_directly(self: &Rc<Self>, editor: &HtmlElement, index: usize, typed: Option<String>) {
        let request = self.request_for_editor(editor, typed.clone(), None);
        let library = self.library.borrow();
        let Some(reply) = library.replies.get(index) else {
            return;
        };
        let language = self.language_for(&request.facts);
        let composed = compose(
            reply,
            &language,
            &request.context,
            &Default::default(),
            request.facts.target,
        );
        let id = reply.id.clone();
        drop(library);
        if !composed.ready() {
            let mut request = request;
            request.preselect = Some(id);
            self.open_picker(editor, request);
            return;
        }
        let (app, editor) = (self.clone(), editor.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let destination = Destination::Composer(editor.clone());
            match app
                .insert(&composed.text, destination, typed.as_deref())
                .await
            {
                Ok(_) => app.record_use(&id),
                Err(message) => {
                    let mut request = app.request_for_editor(&editor, typed, None);
                    request.heading = message;
                    app.open_picker(&editor, request);
                }
            }
        });
    }

    /// "Reply privately" / "Reply by DM" for a comment, by `route`. Ok(message naming the route) or Err(why).
    pub async fn reply_privately(
        &self,
        route: Route,
        target: &ReplyTarget,
        text: &str,
        language: Option<&str>,
    ) -> Result<String, String> {
        let site = self
            .site()
            .ok_or("This page is no longer a messaging page.")?;
        let name = target
            .author
            .name
            .clone()
            .unwrap_or_else(|| "this customer".into());
        match route {
            Route::Native(action) => {
                let document = crate::dom::document();
                let before = facebook::page::composers(&document);
                action.click();
                let mut editor = None;
                for _ in 0..60 {
                    let fresh: Vec<HtmlElement> = facebook::page::composers(&document)
                        .into_iter()
                        .filter(|c| !before.contains(c))
                        .collect();
                    editor = fresh
                        .iter()
                        .find(|c| document.active_element().as_ref() == Some(c.as_ref()))
                        .or(fresh.first())
                        .cloned();
                    if editor.is_some() {
                        break;
                    }
                    gloo::timers::future::TimeoutFuture::new(50).await;
                }
                let Some(editor) = editor else {
                    return copy_or_explain(text, "Facebook's private reply box did not open. The reply is on your clipboard: open it and paste (Ctrl+V).")
                        .await
                        .and(Err("Facebook's private reply box did not open; the reply was copied to your clipboard.".into()));
                };
                self.insert(text, Destination::Composer(editor), None)
                    .await
                    .map(|_| format!("Private reply to {name} put into Facebook's own private reply for this comment — nothing was sent."))
            }
            Route::NewTab {
                url,
                to,
                via,
                about,
            } => {
                let text = match about {
                    Some(link) => format!("{text}\n\n{}", about_line(site, language, &link)),
                    None => text.to_string(),
                };
                let handoff = Handoff {
                    text,
                    to,
                    name: target.author.name.clone(),
                    created_ms: js_sys::Date::now(),
                };
                handoff::put(&handoff)
                    .await
                    .map_err(|_| "Could not hand the reply to the new tab.".to_string())?;
                match crate::dom::window().open_with_url_and_target(&url, "_blank") {
                    Ok(Some(_)) => Ok(format!("Opened {name}'s {via} conversation in a new tab; the reply is waiting in its box there — nothing was sent.")),
                    _ => copy_or_explain(&handoff.text, &format!("The browser blocked the new tab. The reply is on your clipboard: open {url} and paste it (Ctrl+V)."))
                        .await
                        .and(Err("The browser blocked the new tab; the reply was copied to your clipboard.".into())),
                }
            }
            Route::Unavailable(reason) => copy_or_explain(text, "").await.and(Err(format!(
                "{reason} The reply was copied to your clipboard."
            ))),
        }
    }

    /// Tells the user what happened (e.g. which route a private reply took), on the page.
    pub fn announce(&self, text: &str) {
        Notice::show(&self.notice, text, false);
    }

    /// In a conversation opened by "Reply privately": insert the reply waiting for it, once its box is there.
    fn receive_handoff(self: &Rc<Self>, to: String) {
        let app = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let wanted = |key: &str| {
                if to == "x:*" {
                    key.starts_with("x:")
                } else {
                    key == to
                }
            };
            let Some(handoff) = handoff::take(wanted, js_sys::Date::now()).await else {
                return;
            };
            let document = crate::dom::document();
            let mut editor = None;
            for _ in 0..100 {
                let composers = match app.surface.get() {
                    Some(surface) => adapter::composers(surface, &document),
                    None => Vec::new(),
                };
                editor = composers.into_iter().next();
                if editor.is_some() {
                    break;
                }
                gloo::timers::future::TimeoutFuture::new(100).await;
            }
            let name = handoff
                .name
                .clone()
                .unwrap_or_else(|| "the customer".into());
            let outcome = match editor {
                Some(editor) => {
                    app.insert(&handoff.text, Destination::Composer(editor), None)
                        .await
                }
                None => Err("no message box appeared".into()),
            };
            match outcome {
                Ok(_) => Notice::show(
                    &app.notice,
                    &format!("Answerdeck put your private reply to {name} in the message box. Check it and press Enter to send — nothing was sent."),
                    false,
                ),
                Err(reason) => {
                    let copied = super::clipboard::copy(&handoff.text).await;
                    Notice::show(
                        &app.notice,
                        &format!(
                            "Answerdeck could not put the private reply to {name} here ({reason}).{}",
                            if copied { " It is on your clipboard: paste it with Ctrl+V." } else { "" }
                        ),
                        true,
                    );
                }
            }
        });
    }

    /// On an X profile opened by "Reply by DM": press X's Message button, which opens X Chat with them.
    async fn start_dm(&self) {
        let document = crate::dom::document();
        for _ in 0..100 {
            let button = document
                .query_selector(crate::sites::x::private_reply::MESSAGE_BUTTON)
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                button.click();
                return;
            }
            gloo::timers::future::TimeoutFuture::new(100).await;
        }
        Notice::show(
            &self.notice,
            "Answerdeck could not find the Message button on this profile: open the chat yourself — your reply is waiting and goes in when the chat opens.",
            true,
        );
    }

    /// The numbered favourites under the composer, after Ctrl+.
    pub fn show_favourites(&self, editor: &HtmlElement) {
        let library = self.library.borrow();
        let titles: Vec<String> = order::favourites(&library.replies)
            .into_iter()
            .take(order::NUMBERED_FAVOURITES)
            .map(|i| library.replies[i].title.clone())
            .collect();
        *self.favourites_hint.borrow_mut() = FavouritesHint::show(editor, &titles);
    }

    pub fn hide_favourites(&self) {
        self.favourites_hint.borrow_mut().take();
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
            if app.surface.get().is_some() && !app.understood() && app.floating.borrow().is_none() {
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
                            typed: None,
                            preselect: None,
                        },
                    );
                });
                *app.floating.borrow_mut() = floating;
            }
        });
        *self.degraded_check.borrow_mut() = Some(timeout);
    }
}

/// Which waiting private reply a conversation URL can take: `facebook:<id>` for a Messenger thread,
/// `x:*` for an X Chat conversation (its URL has ids, not the handle the reply was keyed by).
fn handoff_key(surface: Surface, href: &str) -> Option<String> {
    match surface {
        Surface::FacebookMessenger => {
            let path = href.split(['?', '#']).next()?;
            let mut segments = path.split('/').skip(3).filter(|s| !s.is_empty());
            let id = loop {
                match segments.next()? {
                    "t" => break segments.next()?,
                    _ => continue,
                }
            };
            Some(format!("facebook:{}", id.to_ascii_lowercase()))
        }
        Surface::XChat | Surface::XLegacyDm => {
            let path = href.split(['?', '#']).next()?;
            crate::sites::x::url::chat_id(path.split_once("x.com").map(|(_, p)| p).unwrap_or(path))
                .map(|_| "x:*".to_string())
        }
        _ => None,
    }
}

/// The picker's first line for a composer: whom the text goes to, in the surface's words.
fn heading_for(surface: Surface, facts: &ComposerFacts) -> String {
    let whom = facts.person.name.clone().or_else(|| {
        let handle = facts.person.handle.as_deref()?;
        Some(format!("@{}", handle.trim_start_matches('@')))
    });
    match (whom, surface.is_conversation()) {
        (Some(name), true) => format!("Message to {name}"),
        (Some(name), false) => format!("Reply to {name}"),
        (None, _) => "Insert into this box".to_string(),
    }
}

/// A reply box the page has switched off (`aria-disabled`, `contenteditable="false"`, `disabled`).
fn is_disabled(editor: &HtmlElement) -> bool {
    editor.get_attribute("aria-disabled").as_deref() == Some("true")
        || editor.get_attribute("contenteditable").as_deref() == Some("false")
        || editor.has_attribute("disabled")
}

async fn copy_or_explain(text: &str, copied_message: &str) -> Result<String, String> {
    if super::clipboard::copy(text).await {
        Ok(copied_message.to_string())
    } else {
        Err("Could not insert or copy the reply. Select the text in the preview and copy it by hand.".to_string())
    }
}
