//! Listing and searching notes: live notes only, newest first (by when each note was created, so a note
//! does not jump around when someone fixes a typo), matched ignoring case and accents.
use std::cmp::Ordering;

use crate::core::fold::{fold, fold_into};
use crate::core::notes::Note;

/// Newest first: later `created_at` first (times are stored in one ISO form, so they compare as
/// strings), then by id so the order is stable.
pub fn newest_first(a: &Note, b: &Note) -> Ordering {
    b.created_at
        .cmp(&a.created_at)
        .then_with(|| b.id.cmp(&a.id))
}

/// The live notes about any of `subjects`, newest first (`notes.list`).
pub fn for_subjects(notes: impl IntoIterator<Item = Note>, subjects: &[String]) -> Vec<Note> {
    let mut found: Vec<Note> = notes
        .into_iter()
        .filter(|note| note.is_live() && subjects.contains(&note.subject))
        .collect();
    found.sort_by(newest_first);
    found
}

/// The live notes matching `query`, newest first, at most `limit` (`notes.search`). Every word of the
/// query must occur in the note's text, author or subject name (ignoring case and accents); an empty
/// query matches every note.
pub fn search(notes: impl IntoIterator<Item = Note>, query: &str, limit: usize) -> Vec<Note> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    let mut haystack = String::new();
    let mut found: Vec<Note> = notes
        .into_iter()
        .filter(|note| note.is_live())
        .filter(|note| {
            if words.is_empty() {
                return true;
            }
            haystack.clear();
            for part in [
                note.text.as_str(),
                note.author.as_str(),
                note.subject_name.as_deref().unwrap_or_default(),
            ] {
                fold_into(part, &mut haystack);
                haystack.push('\n');
            }
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect();
    found.sort_by(newest_first);
    found.truncate(limit);
    found
}
