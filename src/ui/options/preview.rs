//! The live preview under the editor: the template being edited, rendered with sample values, and the help
//! line listing the variables (each a button that inserts it at the caret).
use super::dom::{self, el, text};
use crate::core::settings::Settings;
use crate::core::template::{self, Context, Var};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The customer, page and agent the preview pretends to answer.
pub fn sample_context() -> Context {
    let now = js_sys::Date::new_0();
    let locale = crate::dom::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".into());
    let date_options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&date_options, &"dateStyle".into(), &"long".into());
    let time_options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&time_options, &"timeStyle".into(), &"short".into());
    Context {
        first_name: Some("Jonas".into()),
        name: Some("Jonas Becker".into()),
        handle: Some("@jonas_b".into()),
        page: Some("Nordlicht Kaffee".into()),
        dm_link: template::facebook_dm_link("nordlichtkaffee"),
        agent: Some("Sam".into()),
        date: Some(now.to_locale_date_string(&locale, &date_options).into()),
        time: Some(
            now.to_locale_time_string_with_options(&locale, &JsValue::from(time_options))
                .into(),
        ),
    }
}

/// The help line: `Variables: {first_name} … · fallback {first_name|there} · …`. Each variable is a
/// button carrying `data-insert` with the text to insert.
pub fn help_line() -> Element {
    let help = el("div", &[("class", "help"), ("id", "template-help")]);
    help.append_child(&text("span", &[], "Variables: ")).ok();
    for var in Var::ALL {
        let token = format!("{{{}}}", var.name());
        let chip = dom::button(
            &token,
            &[
                ("class", "chip"),
                ("data-insert", &token),
                ("aria-label", &format!("Insert {token}")),
            ],
        );
        help.append_child(&chip).ok();
    }
    // (text before, example) pairs, read as one sentence.
    let rest = [
        (" · fallback when unknown ", "{first_name|there}"),
        (" · ask before inserting ", "{?Order number}"),
        (" · literal braces ", "{{"),
        (" and ", "}}"),
    ];
    for (words, example) in rest {
        help.append_child(&text("span", &[], words)).ok();
        help.append_child(&text("code", &[], example)).ok();
    }
    help
}

/// The preview box.
pub struct Preview {
    pub section: Element,
    caption: Element,
    output: Element,
    note: Element,
    /// The agent's name and DM link from the settings, when set: the preview uses them instead of samples.
    own: RefCell<(Option<String>, Option<String>)>,
}

impl Preview {
    pub fn new() -> Preview {
        let section = el(
            "section",
            &[("class", "preview"), ("aria-labelledby", "preview-heading")],
        );
        let head = el("div", &[("class", "preview-head")]);
        let heading = text("h3", &[("id", "preview-heading")], "Preview");
        let caption = el("span", &[("class", "preview-caption")]);
        dom::append(&head, &[&heading, &caption]);
        let output = el("pre", &[("class", "preview-text"), ("id", "preview-text")]);
        let note = el("p", &[("class", "preview-note")]);
        dom::append(&section, &[&head, &output, &note]);
        Preview {
            section,
            caption,
            output,
            note,
            own: RefCell::default(),
        }
    }

    /// Uses the agent's name and the Facebook DM link from `settings` where they are set.
    pub fn use_settings(&self, settings: &Settings) {
        self.own.replace((
            settings.agent().map(str::to_string),
            settings.facebook_dm_link(),
        ));
    }

    /// Renders `source` (the text of the field named by `label`) as Jonas would receive it.
    pub fn show(&self, label: &str, source: &str) {
        self.caption.set_text_content(Some(&format!(
            "{label} — as sent to Jonas Becker (@jonas_b) from Nordlicht Kaffee"
        )));
        let _ = self.output.set_attribute("class", "preview-text");
        if source.trim().is_empty() {
            let _ = self.output.set_attribute("class", "preview-text empty");
            self.output
                .set_text_content(Some("Type the reply above to see it here."));
            self.note.set_text_content(None);
            return;
        }
        match template::parse(source) {
            Ok(parsed) => {
                let mut context = sample_context();
                let (agent, dm_link) = self.own.borrow().clone();
                if agent.is_some() {
                    context.agent = agent;
                }
                if dm_link.is_some() {
                    context.dm_link = dm_link;
                }
                let rendered = template::render_str(source, &context);
                let text = rendered.map(|r| r.text).unwrap_or_default();
                self.output.set_text_content(Some(&text));
                let fields = parsed.fields();
                if fields.is_empty() {
                    self.note.set_text_content(None);
                } else {
                    let asked: Vec<String> = fields.iter().map(|f| format!("“{f}”")).collect();
                    self.note.set_text_content(Some(&format!(
                        "Asked before inserting: {}.",
                        asked.join(", ")
                    )));
                }
            }
            Err(error) => {
                let _ = self.output.set_attribute("class", "preview-text empty");
                self.output
                    .set_text_content(Some(&format!("No preview until this is fixed: {error}.")));
                self.note.set_text_content(None);
            }
        }
    }
}
