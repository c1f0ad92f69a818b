//! The rules every label obeys and the decisions of `label.put`, `label.delete` and `label.restore`.
use super::{Label, MAX_LABEL_NAME_CHARS, PALETTE};
use crate::core::fold::fold;
use crate::core::refusal::Refusal;

/// Longest label id (ids come from names, or from files made elsewhere).
pub const MAX_LABEL_ID_CHARS: usize = 100;

/// A label name as stored: trimmed, each run of whitespace one space (a name is one line on a chip);
/// refused when empty or longer than [`MAX_LABEL_NAME_CHARS`].
pub fn normalize_name(name: &str) -> Result<String, String> {
    let name = crate::core::fold::one_space(name);
    if name.is_empty() {
        return Err("a label needs a name".into());
    }
    let chars = name.chars().count();
    if chars > MAX_LABEL_NAME_CHARS {
        return Err(format!(
            "the name is {chars} characters long; labels have at most {MAX_LABEL_NAME_CHARS}"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("the name contains a control character".into());
    }
    Ok(name)
}

/// `#rrggbb`, lower-cased; anything else is refused.
pub fn normalize_color(color: &str) -> Result<String, String> {
    let color = color.trim();
    let hex = color.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(color.to_ascii_lowercase())
    } else {
        let shown: String = color.chars().take(20).collect();
        Err(format!(
            "“{shown}” is not a colour; use #rrggbb, like {}",
            PALETTE[0].color
        ))
    }
}

/// Ids are opaque, but one must be present, short, and without control characters.
pub fn check_label_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("must not be empty".into());
    }
    if id.chars().count() > MAX_LABEL_ID_CHARS {
        return Err(format!("is longer than {MAX_LABEL_ID_CHARS} characters"));
    }
    if id.chars().any(char::is_control) {
        return Err("contains a control character".into());
    }
    Ok(())
}

/// A readable, stable id for a new label, made like reply ids: `l-` + the folded name's ASCII slug, then
/// `-2`, `-3` … until `taken` says no. Names without Latin letters or digits give `l-label`.
pub fn new_label_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    // The reply rule makes the slug (`r-<slug>`, `r-reply` when there is none): one slug rule for both.
    let reply_id = crate::core::reply::new_reply_id(name, |_| false);
    let slug = reply_id.strip_prefix("r-").unwrap_or(&reply_id);
    let has_slug = fold(name).chars().any(|c| c.is_ascii_alphanumeric());
    let base = format!("l-{}", if has_slug { slug } else { "label" });
    if !taken(&base) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// The live label other than `except_id` whose name equals `name` ignoring case and accents.
pub fn same_name<'a>(
    labels: &'a [Label],
    name: &str,
    except_id: Option<&str>,
) -> Option<&'a Label> {
    let folded = fold(name);
    labels
        .iter()
        .filter(|label| label.is_live() && Some(label.id.as_str()) != except_id)
        .find(|label| fold(&label.name) == folded)
}

/// Decides `label.put`: creates a label (`id` `None`) or renames/recolours the live label `id`. `stored`
/// is every stored label, tombstones included (a new id never reuses a deleted label's id, whose
/// assignments Undo would bring back). Returns the label to store; equal to the stored one when nothing
/// changes.
pub fn put_label(
    stored: &[Label],
    id: Option<&str>,
    name: &str,
    color: &str,
) -> Result<Label, Refusal> {
    let name = normalize_name(name).map_err(|reason| Refusal::invalid("name", reason))?;
    let color = normalize_color(color).map_err(|reason| Refusal::invalid("color", reason))?;
    if let Some(other) = same_name(stored, &name, id) {
        return Err(Refusal::conflict(
            "name",
            format!("There is already a label named “{}”.", other.name),
        ));
    }
    match id {
        None => Ok(Label {
            id: new_label_id(&name, |candidate| stored.iter().any(|l| l.id == candidate)),
            name,
            color,
            ..Label::default()
        }),
        Some(id) => {
            let current = live(stored, id)?;
            Ok(Label {
                name,
                color,
                ..current.clone()
            })
        }
    }
}

/// Decides `label.delete`: the label becomes a tombstone (its assignments stay, hidden). Deleting a
/// deleted label changes nothing; an unknown id is refused.
pub fn delete_label(stored: Option<&Label>, now: &str) -> Result<Label, Refusal> {
    let label = stored.ok_or_else(gone)?;
    if !label.is_live() {
        return Ok(label.clone());
    }
    Ok(Label {
        deleted_at: Some(now.to_string()),
        ..label.clone()
    })
}

/// Decides `label.restore` (Undo of a delete): the tombstone `id` is live again, with every assignment it
/// had. Refused when a live label has taken its name meanwhile; restoring a live label changes nothing.
pub fn restore_label(stored: &[Label], id: &str) -> Result<Label, Refusal> {
    let label = stored.iter().find(|l| l.id == id).ok_or_else(gone)?;
    if label.is_live() {
        return Ok(label.clone());
    }
    if let Some(other) = same_name(stored, &label.name, Some(id)) {
        return Err(Refusal::conflict(
            "name",
            format!(
                "“{}” can't come back: another label now has that name. Rename that one first.",
                other.name
            ),
        ));
    }
    Ok(Label {
        deleted_at: None,
        ..label.clone()
    })
}

/// The live labels, ordered by name (ignoring case and accents), as `labels.list` returns them.
pub fn live_by_name(labels: &[Label]) -> Vec<Label> {
    let mut live: Vec<Label> = labels.iter().filter(|l| l.is_live()).cloned().collect();
    live.sort_by_cached_key(|label| (fold(&label.name), label.id.clone()));
    live
}

fn live<'a>(stored: &'a [Label], id: &str) -> Result<&'a Label, Refusal> {
    stored
        .iter()
        .find(|label| label.id == id && label.is_live())
        .ok_or_else(gone)
}

fn gone() -> Refusal {
    Refusal::not_found("This label was deleted, maybe in another tab.")
}
