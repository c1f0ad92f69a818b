//! Import (a file input labelled "Import": Answerdeck JSON, CSV/TSV, espanso YAML) and Export (buttons that
//! download the library as a v1 JSON file or as CSV). Both go through the background: it checks the whole
//! file and applies it in one transaction, or refuses it with the place and reason, changing nothing.
//! Exact duplicates of replies already stored are skipped and reported with a few examples. A v1 file's
//! labels, conversation labels and notes are merged too, and counted in the summary.
use super::dom::{self, el, text, typed};
use super::Page;
use crate::platform::library;
use crate::platform::protocol::{ExportFormat, Request, Response};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Element, File, HtmlAnchorElement, HtmlButtonElement, HtmlInputElement,
    Url,
};

/// How long the download's object URL lives: long enough for every browser to start the download.
const REVOKE_AFTER_MS: u32 = 10_000;

pub struct Transfer {
    /// The toolbar group: the file input, its visible label, and the Export button.
    pub element: Element,
    pub input: HtmlInputElement,
    pub export: HtmlButtonElement,
    pub export_csv: HtmlButtonElement,
}

/// File types the import reads, by extension.
const ACCEPT: &str =
    ".json,.csv,.tsv,.yml,.yaml,application/json,text/csv,text/tab-separated-values";

/// How many duplicate examples the report lists.
const EXAMPLES: usize = 5;

impl Transfer {
    pub fn new() -> Transfer {
        let element = el("div", &[("class", "transfer")]);
        // The input stays in the accessibility tree and the tab order (visually replaced by its label),
        // so `getByLabel('Import')` and the keyboard both reach it.
        let input: HtmlInputElement = typed(
            "input",
            &[
                ("type", "file"),
                ("id", "import-file"),
                ("class", "file-input"),
                ("accept", ACCEPT),
            ],
        );
        let label = text(
            "label",
            &[
                ("for", "import-file"),
                ("class", "button secondary"),
                (
                    "title",
                    "Import replies (and labels and notes): an Answerdeck .json file, a .csv/.tsv spreadsheet or espanso .yml",
                ),
            ],
            "Import",
        );
        let export = dom::button(
            "Export",
            &[
                ("class", "secondary"),
                (
                    "title",
                    "Download every saved reply, label and note as a .json file",
                ),
            ],
        );
        let export_csv = dom::button(
            "Export CSV",
            &[
                ("class", "secondary"),
                ("title", "Download every saved reply as a .csv spreadsheet"),
            ],
        );
        dom::append(&element, &[&input, &label, &export, &export_csv]);
        Transfer {
            element,
            input,
            export,
            export_csv,
        }
    }
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.transfer.input, "change", |page, _| {
        page.import_chosen()
    });
    page.on(&page.transfer.export, "click", |page, _| {
        page.export(ExportFormat::V1)
    });
    page.on(&page.transfer.export_csv, "click", |page, _| {
        page.export(ExportFormat::Csv)
    });
}

impl Page {
    /// Reads the chosen file and asks the background to import it.
    fn import_chosen(self: &Rc<Self>) {
        let input = self.transfer.input.clone();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared at once, so choosing the same file again (after fixing it) imports again.
        input.set_value("");
        input.set_disabled(true);
        let name = file.name();
        self.alert.clear();
        self.report.clear();
        self.status
            .show(&format!("Importing… {}", dom::quoted(&name)), false);
        let _ = self.root.set_attribute("aria-busy", "true");
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let text = read_text(&file).await;
            let response = match text {
                Ok(text) => {
                    let request = Request::Import {
                        text,
                        name: Some(name.clone()),
                    };
                    Ok(library::request(&request).await)
                }
                Err(reason) => Err(reason),
            };
            let Some(page) = me.upgrade() else {
                return;
            };
            page.transfer.input.set_disabled(false);
            let _ = page.root.set_attribute("aria-busy", "false");
            let heading = format!("{} was not imported.", dom::quoted(&name));
            match response {
                Err(reason) => {
                    page.status.clear();
                    page.alert.show(
                        &heading,
                        &[
                            &format!("The file was not read: {reason}"),
                            "Nothing was changed.",
                        ],
                    );
                }
                Ok(response) if response.ok => {
                    page.status.show(&import_summary(&response), false);
                    let lines = report_lines(&response);
                    if !lines.is_empty() {
                        page.report
                            .show(&format!("Worth a look in {}:", dom::quoted(&name)), &lines);
                    }
                    page.reload();
                }
                Ok(response) => {
                    let message = response
                        .message
                        .unwrap_or_else(|| "The file was refused.".into());
                    page.status.clear();
                    page.alert
                        .show(&heading, &[&message, "Nothing was changed."]);
                }
            }
        });
    }

    /// Asks the background for the library as a file in `format` and downloads it.
    fn export(self: &Rc<Self>, format: ExportFormat) {
        let button = match format {
            ExportFormat::V1 => self.transfer.export.clone(),
            ExportFormat::Csv => self.transfer.export_csv.clone(),
        };
        button.set_disabled(true);
        self.status.show("Exporting…", false);
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::Export { format }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            button.set_disabled(false);
            let text = match response.text {
                Some(text) if response.ok => text,
                _ => {
                    let message = response
                        .message
                        .unwrap_or_else(|| "The library could not be exported.".into());
                    page.status.show(&message, true);
                    return;
                }
            };
            let (extension, mime) = match format {
                ExportFormat::V1 => ("json", "application/json"),
                ExportFormat::Csv => ("csv", "text/csv"),
            };
            let file_name = format!("answerdeck-replies-{}.{extension}", today());
            match download(&file_name, &text, mime) {
                Ok(()) => {
                    let count = page.library.borrow().replies.len();
                    page.status.show(
                        &format!(
                            "Exported {} to {file_name}.",
                            dom::count(count, "reply", "replies")
                        ),
                        false,
                    );
                }
                Err(error) => page.status.show(
                    &format!(
                        "The download could not start: {}",
                        error.as_string().unwrap_or_else(|| format!("{error:?}"))
                    ),
                    true,
                ),
            }
        });
    }
}

/// `Imported: 3 new, 1 updated, 0 unchanged; 2 labels, 5 conversations and 7 notes added, 2 duplicates
/// skipped, 1 warning`.
fn import_summary(response: &Response) -> String {
    let mut summary = format!(
        "Imported: {} new, {} updated, {} unchanged",
        response.added.unwrap_or(0),
        response.updated.unwrap_or(0),
        response.unchanged.unwrap_or(0)
    );
    let skipped = response.skipped.unwrap_or(0);
    if skipped > 0 {
        summary.push_str(&format!(
            ", {}",
            dom::count(skipped, "duplicate skipped", "duplicates skipped")
        ));
    }
    let added: Vec<String> = [
        (response.labels_added, "label", "labels"),
        (
            response.conversations_added,
            "conversation",
            "conversations",
        ),
        (response.notes_added, "note", "notes"),
    ]
    .into_iter()
    .filter_map(|(n, one, many)| n.filter(|n| *n > 0).map(|n| dom::count(n, one, many)))
    .collect();
    if !added.is_empty() {
        summary.push_str(&format!("; {} added", and_list(&added)));
    }
    if let Some(merged) = response.notes_updated.filter(|n| *n > 0) {
        summary.push_str(&format!(
            ", {} with the other version kept in the history",
            dom::count(merged, "note merged", "notes merged")
        ));
    }
    let warnings = response.warnings.as_ref().map_or(0, Vec::len);
    if warnings > 0 {
        summary.push_str(&format!(
            ", {}",
            dom::count(warnings, "warning", "warnings")
        ));
    }
    summary
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The report's lines: a few duplicate examples (how many more were found), then every warning.
fn report_lines(response: &Response) -> Vec<String> {
    let mut lines = Vec::new();
    let duplicates = response.duplicates.as_deref().unwrap_or_default();
    for note in duplicates.iter().take(EXAMPLES) {
        let verdict = if note.exact {
            "skipped: the same text as"
        } else {
            "imported, but close to"
        };
        lines.push(format!(
            "{} ({}) {verdict} {}",
            dom::quoted(&note.title),
            note.place,
            dom::quoted(&note.of)
        ));
    }
    let found = response.duplicates_found.unwrap_or(duplicates.len());
    let shown = duplicates.len().min(EXAMPLES);
    if found > shown {
        lines.push(format!(
            "… and {} more.",
            dom::count(found - shown, "duplicate", "duplicates")
        ));
    }
    lines.extend(response.warnings.iter().flatten().cloned());
    lines
}

/// The file's text; a file over the import limit is refused before it is read (a 50 MB file read into the page
/// and handed to the background would cost far more memory than the refusal).
async fn read_text(file: &File) -> Result<String, String> {
    let limit = crate::core::exchange::MAX_IMPORT_BYTES;
    if file.size() > limit as f64 {
        return Err(format!(
            "it is {:.1} MB, and Answerdeck imports files up to {} MB. Split it into smaller files.",
            file.size() / (1024.0 * 1024.0),
            limit / (1024 * 1024)
        ));
    }
    let value = JsFuture::from(file.text()).await.map_err(|error| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unknown error".into())
    })?;
    value
        .as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// Saves `text` as `file_name` through a temporary `<a download>` and a Blob URL, revoked afterwards.
fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = crate::dom::document();
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or("no document body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Today's local date as `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
