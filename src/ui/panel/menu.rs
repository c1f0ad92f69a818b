//! What the label menu lists for the text typed in its search field: the matching labels, and an entry
//! that creates a label with the typed name when no label has exactly that name. Pure, tested natively.
use crate::core::fold::fold;
use crate::core::labels::Label;

/// One row of the menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The label at this index of the list given to [`entries`].
    Label(usize),
    /// Create a label with this name (the typed text, trimmed) and put it on the subject.
    Create(String),
}

/// The rows for `query`: every label when it is empty; else the labels whose name contains it (case and
/// accents ignored), those starting with it first, each group in the given order. A `Create` row follows
/// when no label is named exactly `query`, so it is the first (highlighted) row when nothing matches.
pub fn entries(labels: &[Label], query: &str) -> Vec<Entry> {
    let query = collapse(query);
    let wanted = fold(&query);
    if wanted.is_empty() {
        return (0..labels.len()).map(Entry::Label).collect();
    }
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    let mut exact = false;
    for (index, label) in labels.iter().enumerate() {
        let name = fold(&collapse(&label.name));
        if name == wanted {
            exact = true;
        }
        if name.starts_with(&wanted) {
            starts.push(Entry::Label(index));
        } else if name.contains(&wanted) {
            contains.push(Entry::Label(index));
        }
    }
    starts.append(&mut contains);
    if !exact {
        starts.push(Entry::Create(query));
    }
    starts
}

/// The typed text as a label name: trimmed, inner runs of whitespace made one space.
pub fn collapse(text: &str) -> String {
    crate::core::fold::one_space(text)
}

/// The highlight after moving `delta` rows from `current` among `len`, wrapping at both ends.
pub fn step(current: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    let len = len as isize;
    ((current.min(len as usize - 1) as isize + delta).rem_euclid(len)) as usize
}
