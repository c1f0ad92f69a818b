//! Labels, conversation labels and notes of an imported file merged into what is stored, and the same
//! three lists chosen for an export. Nothing stored is lost by an import:
//!
//! - labels merge by id (the file's name and colour win, and a deleted label with that id comes back); a
//!   file label whose name is another stored live label's name (ignoring case and accents) is mapped onto
//!   that label instead, so "VIP" from a colleague's file lands on your "vip";
//! - a conversation's labels are added to the ones it has (union, in order);
//! - notes merge by id: the same text changes nothing; a different one keeps both versions, the later
//!   current and the other in the history ([`merge_note`]). A note deleted here stays deleted.
//!
//! A conversation naming a label id that is neither in the file nor stored refuses the whole file with
//! its place (`conversations[3].labels[0]`). Deleted entries in a file (`deleted_at`) are ignored.

use std::collections::{HashMap, HashSet};

use super::ImportError;
use crate::core::assign::{decide, Assigned};
use crate::core::labels::{live_by_name, same_name, Label, SubjectLabels};
use crate::core::note_search::newest_first;
use crate::core::notes::{merge_note, Note};

/// What an import writes to the labels, subjects and notes stores, and what it counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelsPlan {
    pub labels: Vec<Label>,
    pub subjects: Vec<SubjectLabels>,
    pub notes: Vec<Note>,
    pub labels_added: usize,
    pub labels_updated: usize,
    pub conversations_added: usize,
    pub conversations_updated: usize,
    pub notes_added: usize,
    pub notes_updated: usize,
}

impl LabelsPlan {
    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.subjects.is_empty() && self.notes.is_empty()
    }
}

/// Plans the merge of a file's `labels`, `conversations` and `notes` (already checked by `parse_v1`) into
/// the stored ones (every stored label, subject and note, deleted ones included).
pub fn plan(
    stored_labels: &[Label],
    stored_subjects: &[SubjectLabels],
    stored_notes: &[Note],
    labels: Vec<Label>,
    conversations: Vec<SubjectLabels>,
    notes: Vec<Note>,
) -> Result<LabelsPlan, ImportError> {
    let mut plan = LabelsPlan::default();
    let (working, mapping) = merge_labels(stored_labels, labels, &mut plan);
    merge_conversations(
        stored_subjects,
        conversations,
        &working,
        &mapping,
        &mut plan,
    )?;
    merge_notes(stored_notes, notes, &mut plan);
    Ok(plan)
}

/// Every label after the merge, and where each of the file's label ids ends up.
fn merge_labels(
    stored: &[Label],
    incoming: Vec<Label>,
    plan: &mut LabelsPlan,
) -> (Vec<Label>, HashMap<String, String>) {
    let mut working: Vec<Label> = stored.to_vec();
    let mut mapping = HashMap::new();
    let mut changed: Vec<usize> = Vec::new();
    for label in incoming.into_iter().filter(Label::is_live) {
        if let Some(other) = same_name(&working, &label.name, Some(&label.id)) {
            mapping.insert(label.id, other.id.clone());
            continue;
        }
        mapping.insert(label.id.clone(), label.id.clone());
        match working.iter().position(|l| l.id == label.id) {
            Some(index) => {
                let mut next = working[index].clone();
                next.name = label.name;
                next.color = label.color;
                next.deleted_at = None;
                next.extra.extend(label.extra);
                if next != working[index] {
                    working[index] = next;
                    if !changed.contains(&index) {
                        changed.push(index);
                    }
                    plan.labels_updated += 1;
                }
            }
            None => {
                changed.push(working.len());
                working.push(label);
                plan.labels_added += 1;
            }
        }
    }
    plan.labels = changed.iter().map(|&i| working[i].clone()).collect();
    (working, mapping)
}

fn merge_conversations(
    stored: &[SubjectLabels],
    incoming: Vec<SubjectLabels>,
    labels: &[Label],
    mapping: &HashMap<String, String>,
    plan: &mut LabelsPlan,
) -> Result<(), ImportError> {
    let known: HashSet<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    let by_key: HashMap<&str, &SubjectLabels> =
        stored.iter().map(|s| (s.key.as_str(), s)).collect();
    for (index, entry) in incoming.into_iter().enumerate() {
        let mut ids: Vec<String> = Vec::with_capacity(entry.labels.len());
        for (position, id) in entry.labels.iter().enumerate() {
            let id = match mapping.get(id) {
                Some(mapped) => mapped.clone(),
                None if known.contains(id.as_str()) => id.clone(),
                None => {
                    return Err(ImportError {
                        path: format!("conversations[{index}].labels[{position}]"),
                        reason: format!(
                        "names the label “{id}”, which is neither in the file's labels nor stored"
                    ),
                    })
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let before = by_key.get(entry.key.as_str()).copied();
        let mut next = before.cloned().unwrap_or_else(|| SubjectLabels {
            key: entry.key.clone(),
            ..SubjectLabels::default()
        });
        for id in ids {
            if !next.labels.contains(&id) {
                next.labels.push(id);
            }
        }
        if next.name.is_none() {
            next.name = entry.name;
        }
        for (key, value) in entry.extra {
            next.extra.entry(key).or_insert(value);
        }
        if let Assigned::Put(next) = decide(before, next) {
            if before.is_some() {
                plan.conversations_updated += 1;
            } else {
                plan.conversations_added += 1;
            }
            plan.subjects.push(next);
        }
    }
    Ok(())
}

fn merge_notes(stored: &[Note], incoming: Vec<Note>, plan: &mut LabelsPlan) {
    let by_id: HashMap<&str, &Note> = stored.iter().map(|n| (n.id.as_str(), n)).collect();
    for note in incoming.into_iter().filter(Note::is_live) {
        match by_id.get(note.id.as_str()) {
            None => {
                plan.notes_added += 1;
                plan.notes.push(note);
            }
            Some(current) if current.text == note.text => {}
            Some(current) => {
                let merged = merge_note(current, &note);
                if merged != **current {
                    plan.notes_updated += 1;
                    plan.notes.push(merged);
                }
            }
        }
    }
}

/// What an export writes besides replies: live labels by name; every subject with a live label (its live
/// label ids; people included, the key says which), by key; live notes, oldest first.
pub fn export_sections(
    labels: &[Label],
    subjects: &[SubjectLabels],
    notes: &[Note],
) -> (Vec<Label>, Vec<SubjectLabels>, Vec<Note>) {
    let live = live_by_name(labels);
    let live_ids: HashSet<&str> = live.iter().map(|l| l.id.as_str()).collect();
    let mut conversations: Vec<SubjectLabels> = subjects
        .iter()
        .filter_map(|subject| {
            let ids: Vec<String> = subject
                .labels
                .iter()
                .filter(|id| live_ids.contains(id.as_str()))
                .cloned()
                .collect();
            (!ids.is_empty()).then(|| SubjectLabels {
                labels: ids,
                ..subject.clone()
            })
        })
        .collect();
    conversations.sort_by(|a, b| a.key.cmp(&b.key));
    let mut notes: Vec<Note> = notes.iter().filter(|n| n.is_live()).cloned().collect();
    notes.sort_by(|a, b| newest_first(b, a));
    (live, conversations, notes)
}
