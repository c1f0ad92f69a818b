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
