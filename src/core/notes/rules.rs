//! The rules every note obeys and the decisions of `note.add`, `note.edit`, `note.delete`, `note.restore`,
//! and of merging two versions of one note (imports).
use super::{Note, NoteVersion, MAX_NOTE_CHARS};
use crate::core::refusal::Refusal;
use crate::core::subject;

/// A note's text as stored: surrounding whitespace trimmed (line breaks inside are kept); refused when
/// empty or longer than [`MAX_NOTE_CHARS`].
pub fn check_text(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("a note needs some text".into());
    }
    let chars = text.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(format!(
            "the note is {} characters long; notes have at most {}",
            crate::core::reply::thousands(chars),
            crate::core::reply::thousands(MAX_NOTE_CHARS)
        ));
    }
    Ok(text.to_string())
}

/// A new note's id: `n-` + the time in base 36 + random digits, so ids made in different browsers (and
/// merged by an import) practically never clash, and sort by creation.
pub fn note_id(now_ms: u64, entropy: u64) -> String {
    format!("n-{}-{}", base36(now_ms), base36(entropy % 36u64.pow(8)))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Decides `note.add`: a new note on subject `subject` by `author` at `now`.
pub fn new_note(
    id: String,
    subject: &str,
    text: &str,
    author: &str,
    now: &str,
    subject_name: Option<&str>,
) -> Result<Note, Refusal> {
    subject::check_key(subject).map_err(|reason| Refusal::invalid("subject", reason))?;
    let text = check_text(text).map_err(|reason| Refusal::invalid("text", reason))?;
    Ok(Note {
        id,
        subject: subject.to_string(),
        text,
        author: author.to_string(),
        created_at: now.to_string(),
        subject_name: subject_name.and_then(crate::core::assign::clean_name),
        ..Note::default()
    })
}

/// Decides `note.edit`: the new text becomes current (by `author`, at `now`) and the text it replaces
/// goes to the end of the history with its author and time. `None`: the text is the same, nothing to
/// write. A deleted note is refused (its Undo is `note.restore`).
pub fn edit_note(
    stored: &Note,
    text: &str,
    author: &str,
    now: &str,
) -> Result<Option<Note>, Refusal> {
    if !stored.is_live() {
        return Err(gone());
    }
    let text = check_text(text).map_err(|reason| Refusal::invalid("text", reason))?;
    if text == stored.text {
        return Ok(None);
    }
    let mut note = stored.clone();
    note.history.push(NoteVersion {
        text: std::mem::replace(&mut note.text, text),
        author: std::mem::replace(&mut note.author, author.to_string()),
        at: stored.written_at().to_string(),
    });
    note.edited_at = Some(now.to_string());
    Ok(Some(note))
}

/// Decides `note.delete`: the note becomes a tombstone (kept for Undo). `None`: already deleted.
pub fn delete_note(stored: &Note, now: &str) -> Option<Note> {
    stored.is_live().then(|| Note {
        deleted_at: Some(now.to_string()),
        ..stored.clone()
    })
}

/// Decides `note.restore`. `None`: it is not deleted.
pub fn restore_note(stored: &Note) -> Option<Note> {
    (!stored.is_live()).then(|| Note {
        deleted_at: None,
        ..stored.clone()
    })
}

/// The refusal for a note that is not stored (or deleted, for edits).
pub fn gone() -> Refusal {
    Refusal::not_found("This note was deleted, maybe in another tab.")
}

/// The same note (same id) from two places, such as a stored note and an imported one, as one note
/// that loses nothing: every distinct version of both (current texts and histories) is kept, ordered by
/// when it was written; the latest is current and the others are its history. Identity fields
/// (`subject`, `deleted_at`) are `stored`'s; `incoming` fills what `stored` lacks.
pub fn merge_note(stored: &Note, incoming: &Note) -> Note {
    let current = |note: &Note| NoteVersion {
        text: note.text.clone(),
        author: note.author.clone(),
        at: note.written_at().to_string(),
    };
    let mut versions: Vec<NoteVersion> = Vec::new();
    for version in stored
        .history
        .iter()
        .cloned()
        .chain([current(stored)])
        .chain(incoming.history.iter().cloned())
        .chain([current(incoming)])
    {
        if !versions.contains(&version) {
            versions.push(version);
        }
    }
    // Stable: of two versions written at the same time, the incoming one ends up current.
    versions.sort_by(|a, b| a.at.cmp(&b.at));
    let mut merged = stored.clone();
    let Some(latest) = versions.pop() else {
        return merged;
    };
    merged.created_at = stored.created_at.clone().min(incoming.created_at.clone());
    merged.text = latest.text;
    merged.author = latest.author;
    merged.edited_at = (!versions.is_empty()).then_some(latest.at);
    merged.history = versions;
    if merged.subject_name.is_none() {
        merged.subject_name = incoming.subject_name.clone();
    }
    for (key, value) in &incoming.extra {
        if !merged.extra.contains_key(key) {
            merged.extra.insert(key.clone(), value.clone());
        }
    }
    merged
}
