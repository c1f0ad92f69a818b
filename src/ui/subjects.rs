//! Labels and notes on the native pages: a `labels` host on every conversation row, `labels` and `notes` hosts
//! in the open conversation's header (for the conversation and for its person), `labels` and `notes` hosts
//! next to every customer on comment surfaces, the `label-filter` bar over conversation lists, and the panel
//! frame they open. What the hosts show comes from one [`LabelsView`], read again whenever any tab changes
//! labels or notes.
use super::label_filter::LabelFilter;
use super::panel_frame::{PanelFrame, PanelRequest};
use super::subject_host::{HostKind, Subject, SubjectHost};
use crate::dom::owner_index::OwnerIndex;
use crate::dom::pacer::Pacer;
use crate::dom::{nearby, slice};
use crate::platform::ext::ApiListener;
use crate::platform::labels_view::LabelsView;
use crate::platform::library;
use crate::sites::surface::Surface;
use crate::sites::{adapter, conversations};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use web_sys::{Document, Element, HtmlElement};

/// The open conversation when the page shows no header for it (slow or older builds render it late): its key
/// from the composer's facts, the hosts beside the composer, so labels and notes stay reachable.
fn beside_composer(
    surface: Surface,
    document: &Document,
) -> Option<conversations::OpenConversation> {
    let editor = adapter::composers(surface, document).into_iter().next()?;
    let facts = adapter::composer_facts(surface, document, &editor);
    Some(conversations::OpenConversation {
        key: facts.conversation?,
        name: facts.person.name,
        person: None,
        after: adapter::composer_anchor(surface, &editor),
    })
}

/// Virtualised lists give each row a fixed-height, positioned slot: a host in the flow would spill into the next
/// row and look like that row's label. When the row (or its slot) is positioned, the host sits over the row's
/// right corner (`vertical`: `bottom` for labels, `top` for timers) instead, inside it.
pub(crate) fn overlay_on_positioned_row(host: &HtmlElement, row: &Element, vertical: &str) {
    let window = crate::dom::window();
    let positioned = |element: &Element| {
        window
            .get_computed_style(element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("position").ok())
            .is_some_and(|position| position != "static" && !position.is_empty())
    };
    if positioned(row) || row.parent_element().is_some_and(|slot| positioned(&slot)) {
        let style = host.style();
        for (name, value) in [
            ("position", "absolute"),
            ("right", "8px"),
            (vertical, "4px"),
            ("z-index", "1"),
        ] {
            let _ = style.set_property(name, value);
        }
    }
}

/// Where a host sits, so a re-scan finds the host it made before for the same place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Row,
    Conversation,
    ConversationPerson,
    ConversationNotes,
    Person,
    PersonNotes,
}

struct Placed {
    slot: Slot,
    host: SubjectHost,
}

pub struct Subjects {
    view: RefCell<LabelsView>,
    hosts: RefCell<Vec<Placed>>,
    /// `hosts` by owner element.
    index: OwnerIndex,
    /// Spaces scans out on pages that keep changing.
    pacer: Pacer,
    filter: RefCell<Option<Rc<LabelFilter>>>,
    /// Rows this filter hides now (shown again when the filter changes or the row is recycled).
    hidden: RefCell<Vec<HtmlElement>>,
    panel: RefCell<Option<Rc<PanelFrame>>>,
    surface: Cell<Option<Surface>>,
    /// The scan asked for by the last DOM change, run once the page's own work of that task is done.
    pending: RefCell<Option<Timeout>>,
    _listener: RefCell<Option<ApiListener>>,
    weak: RefCell<Weak<Subjects>>,
}

impl Subjects {
    pub fn start() -> Rc<Subjects> {
        let subjects = Rc::new(Subjects {
            view: RefCell::default(),
            hosts: RefCell::default(),
            index: OwnerIndex::default(),
            pacer: Pacer::secondary(),
            filter: RefCell::default(),
            hidden: RefCell::default(),
            panel: RefCell::default(),
            surface: Cell::new(None),
            pending: RefCell::default(),
            _listener: RefCell::default(),
            weak: RefCell::default(),
        });
        *subjects.weak.borrow_mut() = Rc::downgrade(&subjects);
        let weak = Rc::downgrade(&subjects);
        let listener = library::on_labels_change(move || {
            if let Some(subjects) = weak.upgrade() {
                wasm_bindgen_futures::spawn_local(async move { subjects.reload().await });
            }
        });
        *subjects._listener.borrow_mut() = listener.ok();
        let loading = subjects.clone();
        wasm_bindgen_futures::spawn_local(async move { loading.reload().await });
        subjects
    }

    /// Reads labels and notes again and redraws every host (another tab, or the panel, changed them).
    async fn reload(self: Rc<Self>) {
        // A failed read keeps what is shown: the next change announcement tries again.
        if let Ok(view) = LabelsView::load().await {
            *self.view.borrow_mut() = view;
            self.redraw();
        }
    }

    fn redraw(&self) {
        {
            let view = self.view.borrow();
            for placed in self.hosts.borrow().iter() {
                placed.host.draw(&view);
            }
        }
        self.apply_filter();
    }

    /// Leaving a messaging surface: every host, the filter and the panel go (by drop).
    pub fn stop(&self) {
        self.show_hidden();
        self.hosts.borrow_mut().clear();
        self.filter.borrow_mut().take();
        self.panel.borrow_mut().take();
        self.pending.borrow_mut().take();
        self.surface.set(None);
    }

    /// Scans in a task of its own, after the reply and composer controls of this change are in place: chips
    /// are secondary, and a page's first control should not wait for them (design.md §6, first control ≤ 50 ms).
    /// Several changes before it runs make one scan.
    pub fn scan_soon(&self, surface: Surface) {
        self.surface.set(Some(surface));
        if self.pending.borrow().is_some() {
            return;
        }
        let weak = self.weak.borrow().clone();
        *self.pending.borrow_mut() = Some(Timeout::new(self.pacer.delay_ms(), move || {
            let Some(subjects) = weak.upgrade() else {
                return;
            };
            subjects.pending.borrow_mut().take();
            let Some(surface) = subjects.surface.get() else {
                return;
            };
            let finished = Cell::new(true);
            subjects.pacer.run(&|| {
                finished.set(slice::run(&|| {
                    subjects.scan(surface, &crate::dom::document())
                }));
            });
            if !finished.get() {
                subjects.rest_soon();
            }
        }));
    }

    /// The rest of a scan that ran out of its slice, in the next task (not paced: it is the same scan).
    fn rest_soon(&self) {
        let weak = self.weak.borrow().clone();
        *self.pending.borrow_mut() = Some(Timeout::new(0, move || {
            let Some(subjects) = weak.upgrade() else {
                return;
            };
            subjects.pending.borrow_mut().take();
            if let Some(surface) = subjects.surface.get() {
                if !slice::run(&|| subjects.scan(surface, &crate::dom::document())) {
                    subjects.rest_soon();
                }
            }
        }));
    }

    /// Mounts hosts where they are missing and points recycled ones at their new subject.
    fn scan(&self, surface: Surface, document: &Document) {
        self.surface.set(Some(surface));
        // A comment's hosts go when it goes far off screen; they come back when it comes near.
        self.hosts
            .borrow_mut()
            .retain(|p| p.host.is_alive() && !nearby::went_far(&p.host.owner));
        self.index
            .rebuild(self.hosts.borrow().iter().map(|p| &p.host.owner));
        if surface.is_conversation() {
            for row in conversations::rows(surface, document) {
                if slice::out_of_time() {
                    break;
                }
                let subject = Subject {
                    key: row.key,
                    name: row.name,
                    person: None,
                };
                self.place(Slot::Row, HostKind::Labels, &row.row, &row.after, subject);
            }
            let open = conversations::open_conversation(surface, document)
                .or_else(|| beside_composer(surface, document));
            if let Some(open) = open {
                self.place_conversation(open);
            }
            self.scan_filter(surface, document);
        } else {
            for person in conversations::people(surface, document) {
                if slice::out_of_time() {
                    break;
                }
                let subject = Subject {
                    key: person.key,
                    name: person.name,
                    person: None,
                };
                let owner = person.after.clone();
                if let Some(labels) = self.place(
                    Slot::Person,
                    HostKind::Labels,
                    &owner,
                    &person.after,
                    subject.clone(),
                ) {
                    self.place(Slot::PersonNotes, HostKind::Notes, &owner, &labels, subject);
                }
            }
        }
        self.apply_filter();
    }

    fn place_conversation(&self, open: conversations::OpenConversation) {
        let owner = open.after.clone();
        let person = open
            .person
            .as_ref()
            .map(|p| (p.key.clone(), p.name.clone().or_else(|| open.name.clone())));
        let conversation = Subject {
            key: open.key.clone(),
            name: open.name.clone(),
            person: None,
        };
        let Some(labels) = self.place(
            Slot::Conversation,
            HostKind::Labels,
            &owner,
            &open.after,
            conversation,
        ) else {
            return;
        };
        let mut last = labels;
        if let Some((key, name)) = &person {
            let subject = Subject {
                key: key.clone(),
                name: name.clone(),
                person: None,
            };
            if let Some(host) = self.place(
                Slot::ConversationPerson,
                HostKind::Labels,
                &owner,
                &last,
                subject,
            ) {
                last = host;
            }
        }
        let notes = Subject {
            key: open.key,
            name: open.name,
            person,
        };
        self.place(
            Slot::ConversationNotes,
            HostKind::Notes,
            &owner,
            &last,
            notes,
        );
    }

    /// The host for `slot` of `owner`, made or updated; returns its element (the next host goes after it).
    fn place(
        &self,
        slot: Slot,
        kind: HostKind,
        owner: &Element,
        after: &Element,
        subject: Subject,
    ) -> Option<Element> {
        let view = self.view.borrow();
        {
            let hosts = self.hosts.borrow();
            let existing = self.index.positions(owner).into_iter();
            if let Some(placed) = existing
                .filter_map(|at| hosts.get(at))
                .find(|p| p.slot == slot)
            {
                placed.host.set_subject(subject, &view);
                return Some(placed.host.host.host.clone().into());
            }
        }
        // A comment's chips wait until it comes near the screen (its notes follow its labels).
        if slot == Slot::Person && !nearby::is_near(owner) {
            return None;
        }
        let (weak, warming) = (self.weak.borrow().clone(), self.weak.borrow().clone());
        let host = SubjectHost::mount(
            kind,
            owner,
            after,
            subject,
            move |button, subject| {
                if let Some(subjects) = weak.upgrade() {
                    subjects.open_panel(kind, subject, button);
                }
            },
            move || {
                if let Some(subjects) = warming.upgrade() {
                    subjects.panel();
                }
            },
        )?;
        host.draw(&view);
        if slot == Slot::Row {
            overlay_on_positioned_row(&host.host.host, owner, "bottom");
        }
        let element: Element = host.host.host.clone().into();
        let mut hosts = self.hosts.borrow_mut();
        self.index.add(owner, hosts.len());
        hosts.push(Placed { slot, host });
        Some(element)
    }

    /// The tab's panel frame, made (and its page loaded, hidden) on first use: when the pointer rests on a
    /// labels or notes control, so the first click finds it ready.
    fn panel(&self) -> Option<Rc<PanelFrame>> {
        // The borrow ends before the frame is made and stored (one statement would hold it).
        let existing = self.panel.borrow().clone();
        existing.or_else(|| {
            let made = PanelFrame::new();
            self.panel.borrow_mut().clone_from(&made);
            made
        })
    }

    fn open_panel(&self, kind: HostKind, subject: &Subject, button: &HtmlElement) {
        let Some(panel) = self.panel() else { return };
        let request = PanelRequest {
            mode: match kind {
                HostKind::Labels => "labels",
                HostKind::Notes => "notes",
            },
            subject: &subject.key,
            name: subject.name.as_deref(),
            person: subject
                .person
                .as_ref()
                .map(|(key, name)| (key.as_str(), name.as_deref())),
        };
        panel.open(&request, button, Some(button.clone()));
    }

    fn scan_filter(&self, surface: Surface, document: &Document) {
        let alive = self.filter.borrow().as_ref().is_some_and(|f| f.is_alive());
        if alive {
            return;
        }
        self.filter.borrow_mut().take();
        let Some(list) = conversations::list_container(surface, document) else {
            return;
        };
        let weak = self.weak.borrow().clone();
        *self.filter.borrow_mut() = LabelFilter::mount(&list, move || {
            if let Some(subjects) = weak.upgrade() {
                subjects.apply_filter();
            }
        });
    }

    /// Hides the rows that carry none of the chosen labels and shows the others; redraws the bar's count.
    fn apply_filter(&self) {
        let Some(filter) = self.filter.borrow().clone() else {
            self.show_hidden();
            return;
        };
        let view = self.view.borrow();
        let selected = filter.selected();
        let mut total = 0;
        let mut hide: Vec<HtmlElement> = Vec::new();
        for placed in self.hosts.borrow().iter().filter(|p| p.slot == Slot::Row) {
            total += 1;
            if selected.is_empty() || view.has_any(&placed.host.key(), &selected) {
                continue;
            }
            if let Some(row) = wasm_bindgen::JsCast::dyn_ref::<HtmlElement>(&placed.host.owner) {
                hide.push(row.clone());
            }
        }
        // Only rows whose state changes are touched: a scan runs on every frame with DOM changes.
        let mut hidden = self.hidden.borrow_mut();
        for row in hidden.iter().filter(|row| !hide.contains(row)) {
            let _ = row.style().remove_property("display");
        }
        for row in hide.iter().filter(|row| !hidden.contains(row)) {
            let _ = row
                .style()
                .set_property_with_priority("display", "none", "important");
        }
        let shown = total - hide.len();
        *hidden = hide;
        drop(hidden);
        filter.draw(&view, shown, total);
    }

    fn show_hidden(&self) {
        for row in self.hidden.borrow_mut().drain(..) {
            let _ = row.style().remove_property("display");
        }
    }
}
