//! The background's labels and notes requests: each is decided by the core's rules inside one store
//! transaction (`labels_store`), then announced by setting `storage.local["answerdeck.labels"]` to the new
//! labels revision, which every tab and panel listens to ([`on_change`]). The library revision is never
//! bumped here.
use super::ext;
use super::labels_store::{Changes, Found, Pick, Reads};
use super::protocol::{LabelInput, Request, Response, LABELS_KEY};
use super::store::Store;
use crate::core::assign::{assign, Assigned};
use crate::core::label_summary::summarize;
use crate::core::labels::{delete_label, put_label, restore_label, Label, SubjectSummary};
use crate::core::note_search;
use crate::core::notes::{self, delete_note, edit_note, new_note, note_id, restore_note, Note};
use crate::core::refusal::Refusal;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Most notes one `notes.search` answer carries.
const MAX_SEARCH_RESULTS: usize = 500;
/// Most subjects one `notes.list` asks about (a conversation and its person, a screenful of rows).
const MAX_LISTED_SUBJECTS: usize = 200;

/// `labels.list`'s answer for one labels revision. Every tab asks again after every change; the first
/// asker pays for reading every note, the others get this.
#[derive(Default)]
pub struct Summaries {
    cached: RefCell<Option<Summary>>,
}

struct Summary {
    rev: u64,
    labels: Vec<Label>,
    subjects: Vec<SubjectSummary>,
}

/// Whether `request` is one of the labels and notes requests this module answers.
pub fn handles(request: &Request) -> bool {
    matches!(
        request,
        Request::LabelsList
            | Request::LabelPut { .. }
            | Request::LabelDelete { .. }
            | Request::LabelRestore { .. }
            | Request::SubjectLabel { .. }
            | Request::NotesList { .. }
            | Request::NoteAdd { .. }
            | Request::NoteEdit { .. }
            | Request::NoteDelete { .. }
            | Request::NoteRestore { .. }
            | Request::NotesSearch { .. }
    )
}

pub async fn handle(
    store: &Store,
    summaries: &Summaries,
    request: Request,
) -> Result<Response, JsValue> {
    match request {
        Request::LabelsList => list(store, summaries).await,
        Request::LabelPut { label } => put(store, label).await,
        Request::LabelDelete { id } => {
            let now = now();
            one_label(store, &id, |found| delete_label(found.labels.first(), &now)).await
        }
        Request::LabelRestore { id } => {
            // Every label: a restored name must not clash with a live one.
            label_write(store, Pick::All, |found| restore_label(&found.labels, &id)).await
        }
        Request::SubjectLabel {
            key,
            label,
            on,
            name,
        } => subject_label(store, &key, &label, on, name.as_deref()).await,
        Request::NotesList { subjects } => {
            if subjects.len() > MAX_LISTED_SUBJECTS {
                return Ok(refusal(Refusal::invalid(
                    "subjects",
                    format!("ask for at most {MAX_LISTED_SUBJECTS} subjects at once"),
                )));
            }
            let (notes, rev) = store.notes_of(&subjects).await?;
            Ok(Response {
                notes: Some(note_search::for_subjects(notes, &subjects)),
                labels_rev: Some(rev),
                ..Response::ok()
            })
        }
        Request::NoteAdd {
            subject,
            text,
            subject_name,
        } => add_note(store, &subject, &text, subject_name.as_deref()).await,
        Request::NoteEdit { id, text } => {
            let author = author(store).await?;
            let now = now();
            note_write(store, &id, |note| edit_note(note, &text, &author, &now)).await
        }
        Request::NoteDelete { id } => {
            let now = now();
            note_write(store, &id, |note| Ok(delete_note(note, &now))).await
        }
        Request::NoteRestore { id } => note_write(store, &id, |note| Ok(restore_note(note))).await,
        Request::NotesSearch { query, limit } => {
            let found = store.labels_snapshot().await?;
            let limit = limit.clamp(1, MAX_SEARCH_RESULTS);
            Ok(Response {
                notes: Some(note_search::search(found.notes, &query, limit)),
                labels_rev: Some(found.rev),
                ..Response::ok()
            })
        }
        _ => Err(JsValue::from_str("not a labels or notes request")),
    }
}

async fn list(store: &Store, summaries: &Summaries) -> Result<Response, JsValue> {
    let rev = store.labels_rev().await?;
    let cached = summaries
        .cached
        .borrow()
        .as_ref()
        .filter(|summary| summary.rev == rev)
        .map(|summary| (summary.labels.clone(), summary.subjects.clone()));
    let (rev, labels, subjects) = match cached {
        Some((labels, subjects)) => (rev, labels, subjects),
        None => {
            let found = store.labels_snapshot().await?;
            let (labels, subjects) = summarize(&found.labels, &found.subjects, &found.notes);
            summaries.cached.replace(Some(Summary {
                rev: found.rev,
                labels: labels.clone(),
                subjects: subjects.clone(),
            }));
            (found.rev, labels, subjects)
        }
    };
    Ok(Response {
        labels_rev: Some(rev),
        labels: Some(labels),
        subjects: Some(subjects),
        ..Response::ok()
    })
}

async fn put(store: &Store, input: LabelInput) -> Result<Response, JsValue> {
    // Every label: names are unique, and a new id must not reuse a deleted label's.
    label_write(store, Pick::All, |found| {
        put_label(
            &found.labels,
            input.id.as_deref(),
            &input.name,
            &input.color,
        )
    })
    .await
}

/// A write of the label `id` alone (delete).
async fn one_label(
    store: &Store,
    id: &str,
    decide: impl FnOnce(&Found) -> Result<Label, Refusal>,
) -> Result<Response, JsValue> {
    label_write(store, Pick::One(id), decide).await
}

/// Reads `labels`, lets `decide` make the label to store, stores it if it changed; answers
/// `{ok, labels: [label], labels_rev}`.
async fn label_write(
    store: &Store,
    labels: Pick<'_>,
    decide: impl FnOnce(&Found) -> Result<Label, Refusal>,
) -> Result<Response, JsValue> {
    let reads = Reads {
        labels,
        ..Reads::NOTHING
    };
    let outcome = store
        .labels_write(reads, |found| {
            let label = decide(&found)?;
            let unchanged = found.labels.contains(&label);
            let changes = Changes {
                labels: if unchanged {
                    Vec::new()
                } else {
                    vec![label.clone()]
                },
                ..Changes::default()
            };
            Ok((changes, label))
        })
        .await?;
    Ok(match outcome {
        Ok(written) => {
            if written.changed {
                announce(written.rev);
            }
            Response {
                labels: Some(vec![written.value]),
                labels_rev: Some(written.rev),
                ..Response::ok()
            }
        }
        Err(refused) => refusal(refused),
    })
}

async fn subject_label(
    store: &Store,
    key: &str,
    label_id: &str,
    on: bool,
    name: Option<&str>,
) -> Result<Response, JsValue> {
    let reads = Reads {
        labels: Pick::One(label_id),
        subjects: Pick::One(key),
        notes: Pick::Nothing,
    };
    let outcome = store
        .labels_write(reads, |found| {
            let decision = assign(
                found.subjects.first(),
                key,
                label_id,
                found.labels.first(),
                on,
                name,
            )?;
            let changes = match decision {
                Assigned::Put(subject) => Changes {
                    subjects: vec![subject],
                    ..Changes::default()
                },
                Assigned::Drop => Changes {
                    drop_subjects: vec![key.to_string()],
                    ..Changes::default()
                },
                Assigned::Unchanged => Changes::default(),
            };
            Ok::<_, Refusal>((changes, ()))
        })
        .await?;
    Ok(match outcome {
        Ok(written) => {
            if written.changed {
                announce(written.rev);
            }
            Response {
                labels_rev: Some(written.rev),
                ..Response::ok()
            }
        }
        Err(refused) => refusal(refused),
    })
}

async fn add_note(
    store: &Store,
    subject: &str,
    text: &str,
    subject_name: Option<&str>,
) -> Result<Response, JsValue> {
    let author = author(store).await?;
    let now = now();
    let now_ms = js_sys::Date::now() as u64;
    // Ids are random: a clash is all but impossible, but checked in the transaction and retried.
    for _ in 0..3 {
        let id = note_id(now_ms, (js_sys::Math::random() * 2f64.powi(53)) as u64);
        let reads = Reads {
            notes: Pick::One(&id),
            ..Reads::NOTHING
        };
        let outcome = store
            .labels_write(reads, |found| {
                if !found.notes.is_empty() {
                    return Err(None);
                }
                let note = new_note(id.clone(), subject, text, &author, &now, subject_name)
                    .map_err(Some)?;
                let changes = Changes {
                    notes: vec![note.clone()],
                    ..Changes::default()
                };
                Ok((changes, note))
            })
            .await?;
        match outcome {
            Ok(written) => {
                announce(written.rev);
                return Ok(Response {
                    notes: Some(vec![written.value]),
                    labels_rev: Some(written.rev),
                    ..Response::ok()
                });
            }
            Err(Some(refused)) => return Ok(refusal(refused)),
            Err(None) => continue,
        }
    }
    Err(JsValue::from_str("no free note id"))
}

/// Reads the note `id`, lets `decide` make its next state (`None`: nothing changes), stores it; answers
/// `{ok, notes: [note], labels_rev}` with the note as stored now.
async fn note_write(
    store: &Store,
    id: &str,
    decide: impl FnOnce(&Note) -> Result<Option<Note>, Refusal>,
) -> Result<Response, JsValue> {
    let reads = Reads {
        notes: Pick::One(id),
        ..Reads::NOTHING
    };
    let outcome = store
        .labels_write(reads, |found| {
            let stored = found.notes.into_iter().next().ok_or_else(notes::gone)?;
            Ok(match decide(&stored)? {
                Some(next) => (
                    Changes {
                        notes: vec![next.clone()],
                        ..Changes::default()
                    },
                    next,
                ),
                None => (Changes::default(), stored),
            })
        })
        .await?;
    Ok(match outcome {
        Ok(written) => {
            if written.changed {
                announce(written.rev);
            }
            Response {
                notes: Some(vec![written.value]),
                labels_rev: Some(written.rev),
                ..Response::ok()
            }
        }
        Err(refused) => refusal(refused),
    })
}

/// The note author: the agent name from the settings, "" when unset.
async fn author(store: &Store) -> Result<String, JsValue> {
    Ok(store
        .settings()
        .await?
        .agent()
        .unwrap_or_default()
        .to_string())
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// `{ok: false, error: code, message, path}`; the message as a sentence.
pub fn refusal(refused: Refusal) -> Response {
    Response {
        path: refused.path.clone(),
        ..Response::error(refused.code, sentence(&refused.message))
    }
}

/// `a label needs a name` → `A label needs a name.`
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// [`announce_now`] once the answer has gone out, so the tab that asked applies its own write from the
/// answer before the announcement arrives (as the library's announcements do).
pub fn announce(rev: u64) {
    wasm_bindgen_futures::spawn_local(async move {
        // A timer, not a microtask: the answer is sent from a promise callback (a microtask).
        gloo_timers::future::TimeoutFuture::new(0).await;
        announce_now(rev).await;
    });
}

/// Tells every open page, content script and panel that labels or notes changed.
async fn announce_now(rev: u64) {
    let items = Object::new();
    let _ = Reflect::set(
        &items,
        &JsValue::from_str(LABELS_KEY),
        &JsValue::from_f64(rev as f64),
    );
    if let Err(error) = ext::call("storage.local", "set", &[items.into()]).await {
        web_sys::console::warn_2(
            &"Answerdeck: could not announce a labels change".into(),
            &error,
        );
    }
}

/// Calls `f` with the labels revision just announced (`None` if unreadable) whenever labels or notes
/// change, in this or any other tab. Dropping the listener stops it.
pub fn on_change(mut f: impl FnMut(Option<u64>) + 'static) -> Result<ext::ApiListener, JsValue> {
    ext::ApiListener::new("storage.onChanged", move |changes, area| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &JsValue::from_str(LABELS_KEY)) else {
            return;
        };
        if change.is_undefined() {
            return;
        }
        let rev = Reflect::get(&change, &JsValue::from_str("newValue"))
            .ok()
            .and_then(|value| value.as_f64())
            .map(|rev| rev as u64);
        f(rev);
    })
}
