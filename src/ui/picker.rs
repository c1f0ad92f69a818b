//! The saved-reply picker: a search field, a list of replies (suggestions for this customer first), a preview
//! of the reply exactly as it will be inserted, its length on the target, the language used, and a status
//! line. Keyboard first: typing filters, ArrowUp/ArrowDown move, Enter inserts (or asks the fill-in fields
//! first, Tab between them), Alt+L switches language, Escape closes. Text nodes only, in a closed shadow root.
use super::compose::{compose, Composed, LanguageChoice};
use super::content::App;
use super::fields::FieldsForm;
use super::private::{self, Route};
use super::target::{Destination, PickRequest};
use crate::core::language;
use crate::core::template::Context;
use crate::dom::mount::ShadowHost;
use crate::sites::page::ComposerFacts;
use crate::sites::surface::Site;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, KeyboardEvent};

/// How many results are rendered (about three screens of the list; typing narrows faster than scrolling):
/// the search itself ranks the whole library, and fewer rows keep each keystroke within a frame.
const SHOWN: usize = 25;
/// How many suggestions head the list when the picker opens on a customer's message.
const SUGGESTED: usize = 5;

pub struct Picker {
    host: ShadowHost,
    input: HtmlInputElement,
    language_chip: HtmlElement,
    /// "Reply privately" (Facebook) / "Reply by DM" (X), only when answering a comment or post.
    private_chip: Option<HtmlElement>,
    private: Cell<bool>,
    list: Element,
    preview: Element,
    meter: Element,
    status: Element,
    panel: Element,
    state: RefCell<State>,
    destination: Destination,
    context: Context,
    /// Whom we answer, their text and language, and the target's length rule.
    facts: ComposerFacts,
    /// A typed `/shortcut` the reply replaces.
    typed: Option<String>,
    language: RefCell<LanguageChoice>,
    /// Suggestions for the customer's message (indices into the library), once the background answered.
    suggested: RefCell<Vec<usize>>,
    /// Opened on one reply (`/shortcut`, favourite): later result lists must not move the highlight.
    preselected: Cell<bool>,
    /// When the last keystroke in the search field happened (event time), for the keystroke measure.
    keystroke_at: Cell<f64>,
    /// The search text whose results are on screen.
    shown_query: RefCell<String>,
    /// Enter was pressed before the results for the typed text arrived: choose when they do.
    choose_when_shown: Cell<bool>,
    fields: RefCell<Option<FieldsForm>>,
    /// Where focus goes back to on Escape.
    return_focus: Option<HtmlElement>,
    listeners: RefCell<Vec<EventListener>>,
}

#[derive(Default)]
struct State {
    /// Indices into the library's replies, in display order.
    results: Vec<usize>,
    highlighted: usize,
    busy: bool,
}

impl Picker {
    /// Opens the picker next to `anchor`, with focus in its search field (or in the first fill-in field of a
    /// preselected reply).
    pub fn open(app: &Rc<App>, anchor: &HtmlElement, request: PickRequest) -> Option<Rc<Picker>> {
        let PickRequest {
            destination,
            context,
            heading,
            return_focus,
            facts,
            typed,
            preselect,
        } = request;
        let document = crate::dom::document();
        let host = ShadowHost::new("div", "picker", super::styles::PICKER)?;
        let panel = element(
            &document,
            "div",
            &[
                ("class", "panel"),
                ("role", "dialog"),
                ("aria-label", "Saved replies"),
            ],
        )?;
        let head = element(&document, "div", &[("class", "head")])?;
        let row = element(&document, "div", &[("class", "row")])?;
        let heading_line = element(&document, "p", &[("class", "for")])?;
        heading_line.set_text_content(Some(&heading));
        let language_chip: HtmlElement = element(
            &document,
            "button",
            &[("type", "button"), ("class", "lang"), ("tabindex", "-1")],
        )?
        .dyn_into()
        .ok()?;
        let input: HtmlInputElement = element(
            &document,
            "input",
            &[
                ("type", "search"),
                ("role", "combobox"),
                ("aria-label", "Search saved replies"),
                ("aria-autocomplete", "list"),
                ("aria-expanded", "true"),
                ("aria-controls", "answerdeck-results"),
                ("placeholder", "Search saved replies…"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
            ],
        )?
        .dyn_into()
        .ok()?;
        let list = element(
            &document,
            "ul",
            &[
                ("id", "answerdeck-results"),
                ("role", "listbox"),
                ("aria-label", "Saved replies"),
            ],
        )?;
        let preview = element(
            &document,
            "pre",
            &[
                ("class", "preview"),
                ("aria-label", "Preview"),
                ("aria-live", "polite"),
            ],
        )?;
        let meter = element(&document, "div", &[("class", "meter"), ("role", "note")])?;
        let status = element(&document, "div", &[("class", "status"), ("role", "status")])?;
        status.set_text_content(Some(
            "↑↓ choose · Enter insert · Alt+L language · Esc close — nothing is sent",
        ));
        let private_label = match (&destination, app.site()) {
            (Destination::Reply(_), Some(Site::Facebook)) => Some("Reply privately"),
            (Destination::Reply(_), Some(Site::X)) => Some("Reply by DM"),
            _ => None,
        };
        let private_chip: Option<HtmlElement> = match private_label {
            Some(label) => {
                let chip: HtmlElement = element(
                    &document,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "private"),
                        ("tabindex", "-1"),
                        ("aria-pressed", "false"),
                        ("aria-label", &format!("{label} (Alt+P)")),
                    ],
                )?
                .dyn_into()
                .ok()?;
                chip.set_text_content(Some(label));
                Some(chip)
            }
            None => None,
        };
        row.append_child(&heading_line).ok()?;
        if let Some(chip) = &private_chip {
            row.append_child(chip).ok()?;
        }
        row.append_child(&language_chip).ok()?;
        head.append_child(&row).ok()?;
        head.append_child(&input).ok()?;
        panel.append_child(&head).ok()?;
        panel.append_child(&list).ok()?;
        panel.append_child(&preview).ok()?;
        panel.append_child(&meter).ok()?;
        panel.append_child(&status).ok()?;
        host.root.append_child(&panel).ok()?;
        document
            .body()
            .or_else(|| document.document_element().and_then(|e| e.dyn_into().ok()))?
            .append_child(&host.host)
            .ok()?;
        position(&host.host, anchor);

        let language = app.language_for(&facts);
        let picker = Rc::new(Picker {
            host,
            input,
            language_chip,
            private_chip,
            private: Cell::new(false),
            list,
            preview,
            meter,
            status,
            panel,
            state: RefCell::default(),
            destination,
            context,
            facts,
            typed,
            language: RefCell::new(language),
            suggested: RefCell::default(),
            preselected: Cell::new(false),
            keystroke_at: Cell::new(0.0),
            shown_query: RefCell::default(),
            choose_when_shown: Cell::new(false),
            fields: RefCell::default(),
            return_focus,
            listeners: RefCell::default(),
        });
        picker.listen(app);
        picker.refresh(app);
        let _ = picker.input.focus();
        match preselect {
            Some(id) => picker.preselect(app, &id),
            None => picker.load_suggestions(app),
        }
        Some(picker)
    }

    fn listen(self: &Rc<Self>, app: &Rc<App>) {
        let mut listeners = self.listeners.borrow_mut();
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new(&self.input, "input", move |event| {
            if let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) {
                picker.keystroke_at.set(event.time_stamp());
                picker.refresh(&app);
            }
        }));
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new_with_options(
            &self.input,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) else {
                    return;
                };
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    picker.on_key(&app, key);
                }
            },
        ));
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new_with_options(
            &self.language_chip,
            "mousedown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                event.prevent_default(); // keep focus where it is
                if let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) {
                    picker.cycle_language(&app);
                }
            },
        ));
        if let Some(chip) = &self.private_chip {
            let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
            listeners.push(EventListener::new_with_options(
                chip,
                "mousedown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.prevent_default();
                    if let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) {
                        picker.toggle_private(&app);
                    }
                },
            ));
        }
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new_with_options(
            &self.list,
            "mousedown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                // Keep focus in the search field; pick the clicked row.
                event.prevent_default();
                let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) else {
                    return;
                };
                let row = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("li[role=option]").ok().flatten());
                if let Some(index) = row
                    .and_then(|r| r.get_attribute("data-index"))
                    .and_then(|i| i.parse().ok())
                {
                    picker.state.borrow_mut().highlighted = index;
                    picker.choose(&app);
                }
            },
        ));
        // A press anywhere outside the picker closes it (events inside are retargeted to our host).
        let (host, app_ref) = (self.host.host.clone(), Rc::downgrade(app));
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        listeners.push(EventListener::new_with_options(
            &crate::dom::document(),
            "pointerdown",
            options,
            move |event| {
                let inside = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|t| host.contains(Some(&t)));
                if !inside {
                    if let Some(app) = app_ref.upgrade() {
                        app.close_picker(false);
                    }
                }
            },
        ));
    }

    fn on_key(self: &Rc<Self>, app: &Rc<App>, event: &KeyboardEvent) {
        let count = self.state.borrow().results.len();
        let moved = |by: isize| {
            let mut state = self.state.borrow_mut();
            if count > 0 {
                state.highlighted =
                    (state.highlighted as isize + by).rem_euclid(count as isize) as usize;
            }
        };
        if is_language_key(event) {
            event.prevent_default();
            self.cycle_language(app);
            return;
        }
        if is_private_key(event) {
            event.prevent_default();
            self.toggle_private(app);
            return;
        }
        match event.key().as_str() {
            "ArrowDown" => moved(1),
            "ArrowUp" => moved(-1),
            "PageDown" => moved(5),
            "PageUp" => moved(-5),
            "Enter" => {
                event.prevent_default();
                self.choose(app);
                return;
            }
            "Escape" => {
                event.prevent_default();
                app.close_picker(true);
                return;
            }
            "Tab" => {
                // Focus stays in the picker until it is closed; Tab moves down the list like ArrowDown.
                moved(if event.shift_key() { -1 } else { 1 })
            }
            _ => return,
        }
        event.prevent_default();
        self.render_highlight(app);
    }

    /// Shows the results for the field's text. Empty field: suggestions for the customer's message (when
    /// they have arrived) above the library in its own order, at once. Otherwise the background's search, whose
    /// answer is shown only if the field still holds the text it was asked for.
    fn refresh(self: &Rc<Self>, app: &Rc<App>) {
        let query = self.input.value();
        if query.trim().is_empty() {
            let suggested = self.suggested.borrow().clone();
            let mut results = suggested.clone();
            let library_len = app.library.borrow().replies.len();
            results.extend(
                (0..library_len)
                    .filter(|i| !suggested.contains(i))
                    .take(SHOWN),
            );
            results.truncate(SHOWN);
            self.show_results(app, &query, results, suggested.len());
            return;
        }
        let (me, app_ref) = (Rc::downgrade(self), app.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let found = app_ref.search(&query, SHOWN).await;
            let Some(picker) = me.upgrade() else { return };
            if picker.input.value() != query {
                return; // the user typed on; a newer search is on its way
            }
            match found {
                Ok(results) => {
                    picker.show_results(&app_ref, &query, results, 0);
                    if picker.choose_when_shown.replace(false) {
                        picker.choose(&app_ref);
                    }
                }
                Err(message) => {
                    picker.choose_when_shown.set(false);
                    picker.set_status(&message, true);
                }
            }
        });
    }

    /// Asks the background for the customer's language and the best replies for their message; shows them
    /// when they arrive (the list is already usable before).
    fn load_suggestions(self: &Rc<Self>, app: &Rc<App>) {
        if self.facts.customer_text.is_none() {
            return;
        }
        let (me, app_ref) = (Rc::downgrade(self), app.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let Some(facts) = me.upgrade().map(|p| p.facts.clone()) else {
                return;
            };
            let Some((language, suggested)) = app_ref.suggest(&facts, SUGGESTED).await else {
                return;
            };
            let Some(picker) = me.upgrade() else { return };
            if picker.language.borrow().source != "chosen" {
                *picker.language.borrow_mut() = language;
            }
            *picker.suggested.borrow_mut() = suggested;
            if picker.input.value().trim().is_empty() && picker.fields.borrow().is_none() {
                picker.refresh(&app_ref);
            } else {
                picker.show_composed(&app_ref);
            }
        });
    }

    fn show_results(&self, app: &App, query: &str, results: Vec<usize>, suggested: usize) {
        *self.shown_query.borrow_mut() = query.to_string();
        let library = app.library.borrow();
        let document = crate::dom::document();
        self.list.set_text_content(None);
        for (row, &index) in results.iter().enumerate() {
            if suggested > 0 && (row == 0 || row == suggested) {
                let label = if row == 0 {
                    "Suggested for this message"
                } else {
                    "All replies"
                };
                if let Some(group) = element(
                    &document,
                    "li",
                    &[("class", "group"), ("role", "presentation")],
                ) {
                    group.set_text_content(Some(label));
                    let _ = self.list.append_child(&group);
                }
            }
            if let Some(item) = library
                .replies
                .get(index)
                .and_then(|reply| list_item(&document, row, reply))
            {
                let _ = self.list.append_child(&item);
            }
        }
        if results.is_empty() {
            let message = if library.replies.is_empty() {
                library.problem.clone().unwrap_or_else(|| {
                    "No saved replies yet. Add some in Answerdeck's options.".into()
                })
            } else {
                format!("No saved reply matches “{query}”.")
            };
            if let Ok(empty) = document.create_element("li") {
                let _ = empty.set_attribute("class", "empty");
                let _ = empty.set_attribute("aria-disabled", "true");
                empty.set_text_content(Some(&message));
                let _ = self.list.append_child(&empty);
            }
        }
        drop(library);
        let preselected = self.preselected.get();
        let mut state = self.state.borrow_mut();
        if state.busy {
            return; // an insertion is under way: keep what it works on
        }
        *state = State {
            results,
            highlighted: 0,
            busy: false,
        };
        drop(state);
        if !preselected {
            let _ = self.list.set_attribute("data-ready", "true");
        }
        self.render_highlight(app);
        if self.keystroke_at.get() > 0.0 {
            crate::dom::timing::measure("answerdeck:keystroke", self.keystroke_at.replace(0.0));
        }
    }

    fn render_highlight(&self, app: &App) {
        let state = self.state.borrow();
        if let Ok(rows) = self.list.query_selector_all("li[role=option]") {
            for row in 0..rows.length() {
                let Some(item) = rows.item(row).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let selected = row as usize == state.highlighted;
                let _ =
                    item.set_attribute("aria-selected", if selected { "true" } else { "false" });
                if selected {
                    item.scroll_into_view_with_bool(false);
                }
            }
        }
        let highlighted = state.results.get(state.highlighted).copied();
        drop(state);
        match highlighted {
            Some(_) => {
                let _ = self.input.set_attribute(
                    "aria-activedescendant",
                    &format!("answerdeck-option-{}", self.state.borrow().highlighted),
                );
                self.show_composed(app);
            }
            None => {
                let _ = self.input.remove_attribute("aria-activedescendant");
                self.preview.set_text_content(None);
                self.meter.set_text_content(None);
                self.show_language(None);
            }
        }
    }

    /// The highlighted reply composed for this customer, with the fill-in values typed so far.
    fn composed(&self, app: &App) -> Option<(String, Composed)> {
        let index = {
            let state = self.state.borrow();
            *state.results.get(state.highlighted)?
        };
        let values = self
            .fields
            .borrow()
            .as_ref()
            .map(FieldsForm::values)
            .unwrap_or_default();
        let library = app.library.borrow();
        let reply = library.replies.get(index)?;
        let composed = compose(
            reply,
            &self.language.borrow(),
            &self.context,
            &values,
            self.target(app),
        );
        Some((reply.id.clone(), composed))
    }

    /// Preview, length meter and language label for the highlighted reply.
    fn show_composed(&self, app: &App) {
        let Some((_, composed)) = self.composed(app) else {
            return;
        };
        match &composed.problem {
            Some(problem) if composed.text.is_empty() => {
                self.preview.set_text_content(Some(problem));
            }
            _ => self.preview.set_text_content(Some(&composed.text)),
        }
        let over = composed.length > composed.limit;
        self.meter.set_text_content(Some(&format!(
            "{} / {} · {}{}",
            composed.length,
            composed.limit,
            composed.target.label(),
            if over { " — too long" } else { "" }
        )));
        let _ = self
            .meter
            .set_attribute("data-over", if over { "true" } else { "false" });
        self.show_language(Some(&composed));
    }

    /// The language chip: which language is inserted and why; orange when the customer's language is missing.
    fn show_language(&self, composed: Option<&Composed>) {
        let choice = self.language.borrow();
        let used = composed.and_then(|c| c.language.clone());
        let matched = composed.is_some_and(|c| c.matched);
        let text = match (&used, &choice.wanted, matched) {
            (Some(used), _, true) => format!("{} · {}", language_name(used), choice.source),
            (used, Some(wanted), false) => format!(
                "{} (no {} version)",
                used.as_deref().map(language_name).unwrap_or("Default"),
                language_name(wanted)
            ),
            (Some(used), None, _) => language_name(used).to_string(),
            (None, _, _) => "Default language".to_string(),
        };
        self.language_chip.set_text_content(Some(&text));
        let _ = self.language_chip.set_attribute(
            "aria-label",
            &format!("Language: {text}. Alt+L switches language"),
        );
        let _ = self
            .language_chip
            .set_attribute("data-language", used.as_deref().unwrap_or(""));
        let _ = self.language_chip.set_attribute(
            "data-matched",
            if matched || choice.wanted.is_none() {
                "true"
            } else {
                "false"
            },
        );
    }

    /// What the text becomes: the composer's target, or a direct message when replying privately.
    fn target(&self, app: &App) -> crate::core::length::Target {
        match (self.private.get(), app.site()) {
            (true, Some(site)) => Route::target(site),
            _ => self.facts.target,
        }
    }

    /// The private route for the comment this picker answers, if it answers one.
    fn private_route(&self, app: &App) -> Option<(Route, crate::sites::page::ReplyTarget)> {
        let Destination::Reply(target) = &self.destination else {
            return None;
        };
        let site = app.site()?;
        Some((private::route_for(site, target), (**target).clone()))
    }

    /// Alt+P (or a click on the chip): answer privately instead of in public, and say by which route.
    fn toggle_private(&self, app: &App) {
        let Some(chip) = &self.private_chip else {
            self.set_status("Private replies are for comments and posts.", false);
            return;
        };
        let on = !self.private.get();
        self.private.set(on);
        let _ = chip.set_attribute("aria-pressed", if on { "true" } else { "false" });
        if on {
            let name = self
                .facts
                .person
                .name
                .clone()
                .unwrap_or_else(|| "this customer".into());
            let line = self
                .private_route(app)
                .map(|(route, _)| route.describe(&name))
                .unwrap_or_default();
            self.set_status(&line, false);
        } else {
            self.set_status("Public reply under the comment.", false);
        }
        self.show_composed(app);
    }

    /// Alt+L (or a click on the chip): the next language the highlighted reply has.
    fn cycle_language(&self, app: &App) {
        let index = {
            let state = self.state.borrow();
            state.results.get(state.highlighted).copied()
        };
        let Some(index) = index else { return };
        let languages = language::languages_of(&app.library.borrow().replies[index]);
        if languages.len() < 2 {
            self.set_status("This reply has only one language.", false);
            return;
        }
        let current = self
            .composed(app)
            .and_then(|(_, c)| c.language)
            .unwrap_or_default();
        let next = languages
            .iter()
            .position(|l| *l == current)
            .map(|i| languages[(i + 1) % languages.len()].clone())
            .unwrap_or_else(|| languages[0].clone());
        *self.language.borrow_mut() = LanguageChoice {
            wanted: Some(next.clone()),
            source: "chosen",
        };
        self.set_status(
            &format!(
                "Language: {} — Alt+L for the next one.",
                language_name(&next)
            ),
            false,
        );
        self.show_composed(app);
    }

    /// Highlights the reply with `id` and goes on as if the user pressed Enter on it.
    fn preselect(self: &Rc<Self>, app: &Rc<App>, id: &str) {
        let index = app.library.borrow().by_id.get(id).copied();
        let Some(index) = index else { return };
        self.preselected.set(true);
        {
            let mut state = self.state.borrow_mut();
            state.results.retain(|&i| i != index);
            state.results.insert(0, index);
            state.highlighted = 0;
        }
        self.render_highlight(app);
        self.choose(app);
    }

    /// Enter on the highlighted reply: ask its fill-in fields first, refuse with the reason when it can't go
    /// in as it is, else insert it.
    fn choose(self: &Rc<Self>, app: &Rc<App>) {
        if self.state.borrow().busy {
            return; // one insertion at a time: a second Enter must not insert twice
        }
        if self.fields.borrow().is_none() && *self.shown_query.borrow() != self.input.value() {
            // Enter right after typing: the results for what is typed are on their way from the background.
            // Choose from those, never from the list still on screen.
            self.choose_when_shown.set(true);
            return;
        }
        let Some((id, composed)) = self.composed(app) else {
            return;
        };
        if !composed.fields.is_empty() && self.fields.borrow().is_none() {
            self.ask_fields(app, &composed.fields);
            return;
        }
        if let Some(first_empty) = composed.empty_fields.first() {
            self.set_status(&format!("Fill in “{first_empty}” first."), true);
            if let Some(form) = self.fields.borrow().as_ref() {
                form.focus(first_empty);
            }
            return;
        }
        if let Some(problem) = &composed.problem {
            self.set_status(problem, true);
            return;
        }
        self.state.borrow_mut().busy = true;
        self.set_status("Inserting…", false);
        let (app, me) = (app.clone(), Rc::downgrade(self));
        if self.private.get() {
            let Some((route, target)) = self.private_route(&app) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = app
                    .reply_privately(route, &target, &composed.text, composed.language.as_deref())
                    .await;
                if outcome.is_ok() {
                    app.record_use(&id);
                    app.announce(outcome.as_deref().unwrap_or_default());
                }
                finish(&me, &app, outcome);
            });
            return;
        }
        let destination = self.destination.clone();
        let typed = self.typed.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = app
                .insert(&composed.text, destination, typed.as_deref())
                .await;
            if outcome.is_ok() {
                app.record_use(&id);
            }
            finish(&me, &app, outcome);
        });
    }

    /// Shows the fill-in form for the highlighted reply, focus in its first field.
    fn ask_fields(self: &Rc<Self>, app: &Rc<App>, labels: &[String]) {
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        let on_change = move || {
            if let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) {
                picker.show_composed(&app);
            }
        };
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        let on_key = move |event: &KeyboardEvent| {
            let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) else {
                return;
            };
            if is_language_key(event) {
                event.prevent_default();
                picker.cycle_language(&app);
                return;
            }
            if is_private_key(event) {
                event.prevent_default();
                picker.toggle_private(&app);
                return;
            }
            match event.key().as_str() {
                "Enter" => {
                    event.prevent_default();
                    picker.choose(&app);
                }
                "Escape" => {
                    event.prevent_default();
                    picker.leave_fields(&app);
                }
                _ => {}
            }
        };
        let Some(form) = FieldsForm::new(labels, on_change, on_key) else {
            return;
        };
        let _ = self.panel.insert_before(&form.element, Some(&self.meter));
        let _ = self.list.set_attribute("hidden", "");
        form.focus_first();
        *self.fields.borrow_mut() = Some(form);
        self.set_status(
            "Fill in the fields · Tab next · Enter insert · Esc back to the list",
            false,
        );
        self.show_composed(app);
    }

    fn leave_fields(&self, app: &App) {
        if let Some(form) = self.fields.borrow_mut().take() {
            form.element.remove();
        }
        let _ = self.list.remove_attribute("hidden");
        let _ = self.input.focus();
        self.set_status(
            "↑↓ choose · Enter insert · Alt+L language · Esc close — nothing is sent",
            false,
        );
        self.show_composed(app);
    }

    pub fn set_status(&self, text: &str, error: bool) {
        self.status.set_text_content(Some(text));
        let _ = self
            .status
            .set_attribute("class", if error { "status error" } else { "status" });
    }

    pub fn return_focus(&self) {
        if let Some(element) = &self.return_focus {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    }
}

/// Alt+L: one key combination that types nothing in the search field on any layout we support.
fn is_language_key(event: &KeyboardEvent) -> bool {
    event.alt_key() && !event.ctrl_key() && event.code() == "KeyL"
}

/// Alt+P: reply privately (Facebook) / by DM (X).
fn is_private_key(event: &KeyboardEvent) -> bool {
    event.alt_key() && !event.ctrl_key() && event.code() == "KeyP"
}

/// After an insertion attempt: close on success; otherwise keep the picker open with the reason.
fn finish(picker: &Weak<Picker>, app: &Rc<App>, outcome: Result<String, String>) {
    match outcome {
        Ok(_) => app.close_picker(false),
        Err(message) => {
            if let Some(picker) = picker.upgrade() {
                picker.set_status(&message, true);
                picker.state.borrow_mut().busy = false;
                let _ = picker.input.focus();
            }
        }
    }
}

/// The language's own name, for the chip; unknown codes are shown as they are.
fn language_name(code: &str) -> &str {
    match code.split('-').next().unwrap_or(code) {
        "da" => "Dansk",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "it" => "Italiano",
        "nb" | "no" | "nn" => "Norsk",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "pt" => "Português",
        "sv" => "Svenska",
        _ => code,
    }
}

fn list_item(
    document: &Document,
    row: usize,
    reply: &crate::core::reply::Reply,
) -> Option<Element> {
    let item = element(
        document,
        "li",
        &[
            ("role", "option"),
            ("id", &format!("answerdeck-option-{row}")),
            ("data-index", &row.to_string()),
        ],
    )?;
    let title = element(document, "div", &[("class", "title")])?;
    if reply.favorite {
        let star = element(
            document,
            "span",
            &[("class", "star"), ("aria-label", "favourite")],
        )?;
        star.set_text_content(Some("★"));
        title.append_child(&star).ok()?;
    }
    let name = element(document, "span", &[])?;
    name.set_text_content(Some(&reply.title));
    title.append_child(&name).ok()?;
    if let Some(shortcut) = &reply.shortcut {
        let key = element(document, "span", &[("class", "key")])?;
        key.set_text_content(Some(&format!("/{shortcut}")));
        title.append_child(&key).ok()?;
    }
    let snippet = element(document, "div", &[("class", "snippet")])?;
    let first_line: String = reply
        .body
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(120)
        .collect();
    snippet.set_text_content(Some(&first_line));
    item.append_child(&title).ok()?;
    item.append_child(&snippet).ok()?;
    Some(item)
}

pub(crate) fn element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

/// Below the anchor when there is room, else above it; kept inside the viewport.
fn position(host: &HtmlElement, anchor: &HtmlElement) {
    let window = crate::dom::window();
    let viewport_w = window
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let viewport_h = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let rect = anchor.get_bounding_client_rect();
    let (width, height) = (
        380.0_f64.min(viewport_w - 16.0),
        460.0_f64.min(viewport_h - 16.0),
    );
    let left = rect.left().min(viewport_w - width - 8.0).max(8.0);
    let top = if rect.bottom() + 6.0 + height <= viewport_h || rect.top() < height + 6.0 {
        (rect.bottom() + 6.0)
            .min(viewport_h - height - 8.0)
            .max(8.0)
    } else {
        rect.top() - 6.0 - height
    };
    let style = host.style();
    let _ = style.set_property("left", &crate::dom::px(left));
    let _ = style.set_property("top", &crate::dom::px(top));
}
