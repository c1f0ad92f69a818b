//! What `labels.list` answers: the live labels by name, and for every subject that has a live label or a
//! live note, its live label ids (in the order they were added) and how many live notes it has. Tabs draw
//! chips and filter lists from this alone.
use std::collections::{BTreeMap, HashSet};

use crate::core::labels::{live_by_name, Label, SubjectLabels, SubjectSummary};
use crate::core::notes::Note;

/// The live labels (by name) and the subjects' summaries (by key). Subjects whose labels are all deleted
/// and that have no live note are left out; a subject known only from its notes takes its name from its
/// newest note.
pub fn summarize(
    labels: &[Label],
    subjects: &[SubjectLabels],
    notes: &[Note],
) -> (Vec<Label>, Vec<SubjectSummary>) {
    let live = live_by_name(labels);
    let live_ids: HashSet<&str> = live.iter().map(|label| label.id.as_str()).collect();
    let mut by_key: BTreeMap<&str, SubjectSummary> = BTreeMap::new();
    for subject in subjects {
        let ids: Vec<String> = subject
            .labels
            .iter()
            .filter(|id| live_ids.contains(id.as_str()))
            .cloned()
            .collect();
        if ids.is_empty() {
            continue;
        }
        by_key.insert(
            &subject.key,
            SubjectSummary {
                key: subject.key.clone(),
                labels: ids,
                notes: 0,
                name: subject.name.clone(),
            },
        );
    }
    // The newest note's time per subject, to pick the name notes give a subject without labels.
    let mut named_at: BTreeMap<&str, &str> = BTreeMap::new();
    for note in notes.iter().filter(|note| note.is_live()) {
        let summary = by_key
            .entry(&note.subject)
            .or_insert_with(|| SubjectSummary {
                key: note.subject.clone(),
                ..SubjectSummary::default()
            });
        summary.notes += 1;
        let newer = named_at
            .get(note.subject.as_str())
            .is_none_or(|at| note.created_at.as_str() > *at);
        if summary.labels.is_empty() && note.subject_name.is_some() && newer {
            summary.name = note.subject_name.clone();
            named_at.insert(&note.subject, &note.created_at);
        }
    }
    (live, by_key.into_values().collect())
}

/// How many subjects of each kind carry one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carriers {
    pub conversations: usize,
    pub comments: usize,
    pub people: usize,
}

impl Carriers {
    /// `2 conversations, 1 person`; `Not used yet` when nothing carries the label.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.conversations, "conversation", "conversations"),
            (self.comments, "comment", "comments"),
            (self.people, "person", "people"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            "Not used yet".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// For every label id carried by a subject in `subjects` (what `labels.list` answers), how many
/// conversations, comments and people carry it.
pub fn carriers(subjects: &[SubjectSummary]) -> std::collections::HashMap<String, Carriers> {
    use crate::core::subject::{kind, SubjectKind};
    let mut out: std::collections::HashMap<String, Carriers> = std::collections::HashMap::new();
    for subject in subjects {
        let Some(kind) = kind(&subject.key) else {
            continue;
        };
        for id in &subject.labels {
            let entry = out.entry(id.clone()).or_default();
            match kind {
                SubjectKind::Conversation => entry.conversations += 1,
                SubjectKind::Comment => entry.comments += 1,
                SubjectKind::Person => entry.people += 1,
            }
        }
    }
    out
}
