//! Putting a label on a subject (a conversation or a person) and taking it off: the rule `subject.label`
//! and imports follow. Idempotent, so two tabs doing the same thing at once agree; labels keep the order
//! they were added in; a subject without labels is not stored.
use crate::core::labels::{Label, SubjectLabels};
use crate::core::refusal::Refusal;
use crate::core::subject;

/// Longest display name kept for a subject (a name seen on a page, shown in the options page).
pub const MAX_SUBJECT_NAME_CHARS: usize = 200;

/// What to do with a subject's stored record.
#[derive(Clone, Debug, PartialEq)]
pub enum Assigned {
    /// Store this record (new or changed).
    Put(SubjectLabels),
    /// Delete the record: it has no labels left.
    Drop,
    /// Nothing changes.
    Unchanged,
}

/// A display name as kept: trimmed, one line, at most [`MAX_SUBJECT_NAME_CHARS`]; `None` when empty.
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = crate::core::fold::one_space(name)
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_SUBJECT_NAME_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Decides `subject.label`: label `label_id` on (`on`) or off subject `key`. `stored` is the subject's
/// record, `label` the stored label with that id (a deleted one counts as gone for putting on; taking a
/// label off always works). `name` is the subject's display name as seen now; it replaces the stored one.
pub fn assign(
    stored: Option<&SubjectLabels>,
    key: &str,
    label_id: &str,
    label: Option<&Label>,
    on: bool,
    name: Option<&str>,
) -> Result<Assigned, Refusal> {
    subject::check_key(key).map_err(|reason| Refusal::invalid("key", reason))?;
    if on && !label.is_some_and(Label::is_live) {
        return Err(Refusal::not_found(
            "This label was deleted, maybe in another tab.",
        ));
    }
    let mut next = stored.cloned().unwrap_or_else(|| SubjectLabels {
        key: key.to_string(),
        ..SubjectLabels::default()
    });
    let has = next.labels.iter().any(|id| id == label_id);
    if on && !has {
        next.labels.push(label_id.to_string());
    } else if !on && has {
        next.labels.retain(|id| id != label_id);
    }
    if let Some(name) = name.and_then(clean_name) {
        next.name = Some(name);
    }
    Ok(decide(stored, next))
}

/// [`Assigned`] for `next` given what is stored.
pub fn decide(stored: Option<&SubjectLabels>, next: SubjectLabels) -> Assigned {
    match stored {
        _ if next.labels.is_empty() => match stored {
            Some(_) => Assigned::Drop,
            None => Assigned::Unchanged,
        },
        Some(stored) if *stored == next => Assigned::Unchanged,
        _ => Assigned::Put(next),
    }
}
