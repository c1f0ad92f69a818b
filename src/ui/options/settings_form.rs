//! The Settings section: the agent's name (`{agent}`), the Facebook Page and X account for DM links, and
//! the picker's order before anything is typed. Checked here with the core's rules (every problem at its
//! field), stored by the background, which checks again.
use super::dom::{self, el, text, typed};
use super::Page;
use crate::core::reply::FieldError;
use crate::core::settings::{PickerOrder, Settings};
use crate::platform::library;
use crate::platform::protocol::Request;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// A text setting: its input and the line under it for problems.
struct TextSetting {
    field: &'static str,
    input: HtmlInputElement,
    error: Element,
}

pub struct SettingsForm {
    pub section: Element,
    agent: TextSetting,
    facebook: TextSetting,
    x: TextSetting,
    picker_order: HtmlSelectElement,
    /// The DM links the current values make.
    links: Element,
    pub save: HtmlButtonElement,
    result: Element,
    /// The settings as stored: unsaved changes are the difference.
    stored: RefCell<Option<Settings>>,
}

fn text_setting(
    field: &'static str,
    label: &str,
    hint: &str,
    placeholder: &str,
) -> (TextSetting, Element) {
    let id = format!("setting-{field}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let wrapper = el("div", &[("class", "field")]);
    let input: HtmlInputElement = typed(
        "input",
        &[
            ("type", "text"),
            ("id", &id),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("placeholder", placeholder),
            ("aria-describedby", &format!("{error_id} {hint_id}")),
        ],
    );
    let error = el(
        "p",
        &[
            ("class", "field-error"),
            ("id", &error_id),
            ("aria-live", "polite"),
        ],
    );
    dom::append(
        &wrapper,
        &[
            &text("label", &[("for", &id)], label),
            &input,
            &text("p", &[("class", "hint"), ("id", &hint_id)], hint),
            &error,
        ],
    );
    (
        TextSetting {
            field,
            input,
            error,
        },
        wrapper,
    )
}

impl SettingsForm {
    pub fn new() -> SettingsForm {
        let section = el(
            "section",
            &[
                ("class", "settings"),
                ("id", "settings"),
                ("aria-labelledby", "settings-heading"),
            ],
        );
        let (agent, agent_box) = text_setting(
            "agent_name",
            "Your name",
            "Fills {agent} in your replies, e.g. “Sam from the team”, and signs the notes you write.",
            "Sam",
        );
        let (facebook, facebook_box) = text_setting(
            "facebook_page",
            "Facebook Page for the DM link",
            "The Page's username as in facebook.com/username (or paste the Page's address), or its numeric id. The DM link opens Messenger with the Page: m.me/username.",
            "nordlichtkaffee",
        );
        let (x, x_box) = text_setting(
            "x_user_id",
            "X account id for the DM link",
            "The numeric id of your X account (not the @handle), or paste a DM link with recipient_id=….",
            "1234567890",
        );
        let order_box = el("div", &[("class", "field")]);
        let picker_order: HtmlSelectElement = typed("select", &[("id", "setting-picker_order")]);
        for order in PickerOrder::ALL {
            let option = text("option", &[("value", order.key())], order.label());
            let _ = picker_order.append_child(&option);
        }
        dom::append(
            &order_box,
            &[
                &text(
                    "label",
                    &[("for", "setting-picker_order")],
                    "Picker order before you type",
                ),
                &picker_order,
                &text(
                    "p",
                    &[("class", "hint")],
                    "Favourites always come first, numbered 1–9.",
                ),
            ],
        );
        let links = el("p", &[("class", "hint links"), ("id", "dm-links")]);
        let save = dom::button(
            "Save settings",
            &[("class", "primary"), ("data-action", "save-settings")],
        );
        let result = el("span", &[("class", "settings-result"), ("role", "status")]);
        let actions = el("div", &[("class", "form-actions")]);
        dom::append(&actions, &[&save, &result]);
        let fields = el("div", &[("class", "settings-fields")]);
        dom::append(&fields, &[&agent_box, &facebook_box, &x_box, &order_box]);
        dom::append(
            &section,
            &[
                &text("h2", &[("id", "settings-heading")], "Settings"),
                &fields,
                &links,
                &actions,
            ],
        );
        SettingsForm {
            section,
            agent,
            facebook,
            x,
            picker_order,
            links,
            save,
            result,
            stored: RefCell::default(),
        }
    }

    fn fields(&self) -> [&TextSetting; 3] {
        [&self.agent, &self.facebook, &self.x]
    }

    /// The settings as the fields hold them (unknown fields of the stored settings are kept).
    fn read(&self) -> Settings {
        let mut settings = self.stored.borrow().clone().unwrap_or_default();
        settings.agent_name = self.agent.input.value();
        settings.facebook_page = self.facebook.input.value();
        settings.x_user_id = self.x.input.value();
        settings.picker_order =
            PickerOrder::from_key(&self.picker_order.value()).unwrap_or_default();
        settings
    }

    fn fill(&self, settings: &Settings) {
        self.agent.input.set_value(&settings.agent_name);
        self.facebook.input.set_value(&settings.facebook_page);
        self.x.input.set_value(&settings.x_user_id);
        self.picker_order.set_value(settings.picker_order.key());
        self.show_problems(&[]);
        self.show_links();
    }

    fn is_dirty(&self) -> bool {
        match &*self.stored.borrow() {
            Some(stored) => self.read() != *stored,
            None => false,
        }
    }

    /// The stored settings changed (first load, or saved in another tab): shown unless the user is
    /// changing them here.
    pub fn stored_changed(&self, settings: &Settings) {
        if self.stored.borrow().as_ref() == Some(settings) {
            return;
        }
        let dirty = self.is_dirty();
        self.stored.replace(Some(settings.clone()));
        if !dirty {
            self.fill(settings);
        }
    }

    /// Marks each field with its problem (or none).
    fn show_problems(&self, problems: &[FieldError]) {
        for setting in self.fields() {
            let problem = problems.iter().find(|p| p.field == setting.field);
            setting
                .error
                .set_text_content(problem.map(|p| p.reason.as_str()));
            let _ = setting.input.set_attribute(
                "aria-invalid",
                if problem.is_some() { "true" } else { "false" },
            );
        }
    }

    /// Under the fields: the DM links the values make, so people can check them.
    fn show_links(&self) {
        let settings = self.read();
        let mut parts = Vec::new();
        if let Some(link) = settings.facebook_dm_link() {
            parts.push(format!("Facebook DM link: {link}"));
        }
        if let Some(link) = settings.x_dm_link() {
            parts.push(format!("X DM link: {link}"));
        }
        self.links.set_text_content(Some(&parts.join(" · ")));
    }
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.settings.save, "click", |page, _| page.save_settings());
    page.on(&page.settings.section, "input", |page, event| {
        page.settings.result.set_text_content(None);
        page.settings.show_links();
        // A field's problem goes once it is changed; Save checks again.
        if let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        {
            for setting in page.settings.fields() {
                if setting.input.is_same_node(Some(&input)) {
                    setting.error.set_text_content(None);
                    let _ = input.set_attribute("aria-invalid", "false");
                }
            }
        }
    });
    page.on(&page.settings.section, "keydown", |page, event| {
        let is_enter = event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|key| key.key() == "Enter" && !key.is_composing());
        let in_input = event
            .target()
            .is_some_and(|target| target.dyn_ref::<HtmlInputElement>().is_some());
        if is_enter && in_input {
            event.prevent_default();
            page.save_settings();
        }
    });
}

impl Page {
    /// Checks the settings, shows every problem at its field, or asks the background to store them.
    fn save_settings(self: &Rc<Self>) {
        let form = &self.settings;
        let settings = form.read();
        let settings = match settings.normalized() {
            Ok(settings) => settings,
            Err(problems) => {
                form.show_problems(&problems);
                form.result
                    .set_text_content(Some("Not saved: fix the marked fields first."));
                focus_first_invalid(form, &problems);
                return;
            }
        };
        form.show_problems(&[]);
        form.save.set_disabled(true);
        form.result.set_text_content(Some("Saving…"));
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::SettingsPut { settings }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            let form = &page.settings;
            form.save.set_disabled(false);
            match (response.ok, response.settings) {
                (true, Some(saved)) => {
                    form.stored.replace(Some(saved.clone()));
                    form.fill(&saved);
                    page.editor.preview.use_settings(&saved);
                    {
                        let mut library = page.library.borrow_mut();
                        library.settings = saved;
                        let written = response.rev.unwrap_or(0);
                        library.rev = super::model::next_rev(library.rev, written);
                    }
                    form.result.set_text_content(Some("Settings saved."));
                }
                _ => {
                    let problems: Vec<FieldError> = response
                        .problems
                        .unwrap_or_default()
                        .into_iter()
                        .map(|p| FieldError::new(p.path, p.message))
                        .collect();
                    form.show_problems(&problems);
                    focus_first_invalid(form, &problems);
                    let message = response
                        .message
                        .unwrap_or_else(|| "The settings could not be saved.".into());
                    form.result.set_text_content(Some(&message));
                }
            }
        });
    }
}

fn focus_first_invalid(form: &SettingsForm, problems: &[FieldError]) {
    let first = form
        .fields()
        .into_iter()
        .find(|setting| problems.iter().any(|p| p.field == setting.field));
    if let Some(setting) = first {
        let _ = setting.input.unchecked_ref::<HtmlElement>().focus();
    }
}
