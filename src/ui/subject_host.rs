//! The `labels` and `notes` controls: one button in a closed shadow root on a conversation row, in the open
//! conversation's header, or next to a person. The labels button shows the subject's chips (colour dot and
//! name: colour is never the only signal); the notes button shows how many notes there are.
//!
//! A host follows its subject by key, not by node: when a virtualised list recycles a row for another
//! conversation, the owner calls [`SubjectHost::set_subject`] and the chips are redrawn for the new key.
use crate::dom::mount::ShadowHost;
use crate::platform::labels_view::LabelsView;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const CSS: &str = css!("subject");

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    Labels,
    Notes,
}

/// What a host is about: a conversation or a person, and in a conversation also its person (whose notes the
/// notes panel shows too).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subject {
    pub key: String,
    pub name: Option<String>,
    pub person: Option<(String, Option<String>)>,
}

pub struct SubjectHost {
    pub host: ShadowHost,
    /// The page element this host belongs to (row, header, comment); when it leaves the page, so does this.
    pub owner: Element,
    pub kind: HostKind,
    subject: Rc<RefCell<Subject>>,
    button: HtmlElement,
    /// What is drawn now, to redraw only on change.
    drawn: RefCell<String>,
    _listeners: [EventListener; 3],
}

impl SubjectHost {
    /// Mounts a host right after `after`. `activate(host button, subject)` opens the panel; `warm()` runs when
    /// the pointer rests on the button or it gets keyboard focus, so the panel can load before the click.
    pub fn mount(
        kind: HostKind,
        owner: &Element,
        after: &Element,
        subject: Subject,
        activate: impl Fn(&HtmlElement, &Subject) + 'static,
        warm: impl Fn() + 'static,
    ) -> Option<SubjectHost> {
        let name = match kind {
            HostKind::Labels => "labels",
            HostKind::Notes => "notes",
        };
        let host = ShadowHost::new("span", name, CSS)?;
        let document = crate::dom::document();
        let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
        button.set_attribute("type", "button").ok()?;
        host.root.append_child(&button).ok()?;
        let subject = Rc::new(RefCell::new(subject));
        let (shared, pressed) = (subject.clone(), button.clone());
        let click = EventListener::new(&button, "click", move |_| {
            let current = shared.borrow().clone();
            activate(&pressed, &current);
        });
        let warm = std::rc::Rc::new(warm);
        let hovered = warm.clone();
        let on_hover = EventListener::new(&button, "pointerenter", move |_| hovered());
        let on_focus = EventListener::new(&button, "focus", move |_| warm());
        after.after_with_node_1(&host.host).ok()?;
        let mounted = SubjectHost {
            host,
            owner: owner.clone(),
            kind,
            subject,
            button,
            drawn: RefCell::default(),
            _listeners: [click, on_hover, on_focus],
        };
        mounted.mark();
        Some(mounted)
    }

    pub fn is_alive(&self) -> bool {
        self.host.is_connected() && self.owner.is_connected()
    }

    pub fn key(&self) -> String {
        self.subject.borrow().key.clone()
    }

    /// Points the host at another subject (a recycled row) or updates its names; redraws when it changed.
    pub fn set_subject(&self, subject: Subject, view: &LabelsView) {
        if *self.subject.borrow() != subject {
            *self.subject.borrow_mut() = subject;
            self.mark();
            self.draw(view);
        }
    }

    /// The key on the host element: the page's own id, so automation can find the host of a subject.
    fn mark(&self) {
        let _ = self
            .host
            .host
            .set_attribute("data-subject", &self.subject.borrow().key);
    }

    /// Redraws the button from `view` when what it shows changed.
    pub fn draw(&self, view: &LabelsView) {
        let subject = self.subject.borrow();
        let who = subject.name.as_deref().unwrap_or(match self.kind {
            HostKind::Labels if subject.key.contains(":user:") => "this person",
            _ => "this conversation",
        });
        let (signature, accessible) = match self.kind {
            HostKind::Labels => {
                let labels = view.labels_of(&subject.key);
                // Joined by hand: one `join` instantiation fewer in the content wasm.
                let mut names = String::new();
                for label in &labels {
                    if !names.is_empty() {
                        names.push_str(", ");
                    }
                    names.push_str(&label.name);
                }
                let signature: String = labels
                    .iter()
                    .map(|l| format!("{}\u{1}{}\u{2}", l.name, l.color))
                    .collect();
                let accessible = if names.is_empty() {
                    format!("Add a label to {who}")
                } else {
                    format!("Labels of {who}: {names}. Change labels")
                };
                (signature, accessible)
            }
            HostKind::Notes => {
                let mut count = view.notes_of(&subject.key);
                if let Some((person, _)) = &subject.person {
                    count += view.notes_of(person);
                }
                let accessible = match count {
                    0 => format!("Add a note about {who}"),
                    1 => format!("1 note about {who}. Open notes"),
                    n => format!("{n} notes about {who}. Open notes"),
                };
                (count.to_string(), accessible)
            }
        };
        let signature = format!("{signature}\u{3}{accessible}");
        if *self.drawn.borrow() == signature {
            return;
        }
        let _ = self.button.set_attribute("aria-label", &accessible);
        self.button.set_title(&accessible);
        self.button.set_text_content(None);
        match self.kind {
            HostKind::Labels => self.draw_labels(view, &subject.key),
            HostKind::Notes => {
                let count = signature.split('\u{3}').next().unwrap_or("0");
                let text = if count == "0" {
                    "✎ Note".to_string()
                } else {
                    format!("✎ {count}")
                };
                self.button.set_text_content(Some(&text));
            }
        }
        *self.drawn.borrow_mut() = signature;
    }

    fn draw_labels(&self, view: &LabelsView, key: &str) {
        let document = crate::dom::document();
        let labels = view.labels_of(key);
        if labels.is_empty() {
            if let Ok(add) = document.create_element("span") {
                add.set_class_name("add");
                add.set_text_content(Some("+ Label"));
                let _ = self.button.append_child(&add);
            }
            return;
        }
        for label in labels {
            let (Ok(chip), Ok(dot)) = (
                document.create_element("span"),
                document.create_element("span"),
            ) else {
                continue;
            };
            chip.set_class_name("chip");
            dot.set_class_name("dot");
            if let Some(dot) = dot.dyn_ref::<HtmlElement>() {
                let _ = dot.style().set_property("background", &label.color);
            }
            let _ = chip.append_child(&dot);
            let _ = chip.append_child(&document.create_text_node(&label.name));
            let _ = self.button.append_child(&chip);
        }
    }
}
