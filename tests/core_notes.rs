//! Notes: add, edit with history, delete and restore, text rules, ids, listing and search; the stored form
//! of times.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::note_search::{for_subjects, search};
use answerdeck::core::notes::{
    delete_note, edit_note, new_note, note_id, restore_note, Note, NoteVersion, MAX_NOTE_CHARS,
};
use answerdeck::core::time::{format_ms, normalize, parse_ms};

const T1: &str = "2026-11-20T09:00:00.000Z";
const T2: &str = "2026-11-21T09:00:00.000Z";
const T3: &str = "2026-11-22T09:00:00.000Z";

fn added(text: &str) -> Note {
    new_note(
        "n-1".into(),
        "fb:thread:1",
        text,
        "Sam",
        T1,
        Some("Jane Doe"),
    )
    .unwrap()
}

#[test]
fn a_new_note_has_its_author_time_and_subject_name() {
    let note = added("  Called back, wants a refund.\n");
    assert_eq!(
        note,
        Note {
            id: "n-1".into(),
            subject: "fb:thread:1".into(),
            text: "Called back, wants a refund.".into(),
            author: "Sam".into(),
            created_at: T1.into(),
            subject_name: Some("Jane Doe".into()),
            ..Note::default()
        }
    );
    assert!(note.is_live());
    assert_eq!(note.written_at(), T1);
}

#[test]
fn text_must_be_1_to_10000_characters_and_the_subject_a_key() {
    let empty = new_note("n".into(), "fb:thread:1", " \n ", "", T1, None).unwrap_err();
    assert_eq!(
        (empty.code, empty.path.as_deref()),
        ("invalid", Some("text"))
    );
    assert_eq!(empty.message, "a note needs some text");
    let max = "ü".repeat(MAX_NOTE_CHARS);
    assert!(new_note("n".into(), "fb:thread:1", &max, "", T1, None).is_ok());
    let long = new_note("n".into(), "fb:thread:1", &format!("{max}!"), "", T1, None).unwrap_err();
    assert_eq!(
        long.message,
        "the note is 10,001 characters long; notes have at most 10,000"
    );
    let key = new_note("n".into(), "Jane", "Hi", "", T1, None).unwrap_err();
    assert_eq!(
        (key.code, key.path.as_deref()),
        ("invalid", Some("subject"))
    );
}

#[test]
fn an_edit_keeps_the_previous_text_with_its_author_and_time() {
    let note = added("First");
    let once = edit_note(&note, "Second", "Alex", T2).unwrap().unwrap();
    assert_eq!(once.text, "Second");
    assert_eq!(once.author, "Alex");
    assert_eq!(once.edited_at.as_deref(), Some(T2));
    assert_eq!(once.created_at, T1);
    assert_eq!(
        once.history,
        [NoteVersion {
            text: "First".into(),
            author: "Sam".into(),
            at: T1.into()
        }]
    );
    let twice = edit_note(&once, "Third", "Sam", T3).unwrap().unwrap();
    assert_eq!(
        twice.history,
        [
            NoteVersion {
                text: "First".into(),
                author: "Sam".into(),
                at: T1.into()
            },
            NoteVersion {
                text: "Second".into(),
                author: "Alex".into(),
                at: T2.into()
            }
        ]
    );
    assert_eq!(twice.written_at(), T3);
}

#[test]
fn editing_to_the_same_text_changes_nothing() {
    let note = added("Same");
    assert_eq!(edit_note(&note, " Same ", "Alex", T2).unwrap(), None);
}

#[test]
fn edits_are_refused_for_empty_text_and_deleted_notes() {
    let note = added("Text");
    assert_eq!(edit_note(&note, "", "Sam", T2).unwrap_err().code, "invalid");
    let gone = delete_note(&note, T2).unwrap();
    assert_eq!(
        edit_note(&gone, "New", "Sam", T3).unwrap_err().code,
        "not-found"
    );
}

#[test]
fn delete_and_restore_are_tombstones_and_idempotent() {
    let note = added("Text");
    let gone = delete_note(&note, T2).unwrap();
    assert_eq!(gone.deleted_at.as_deref(), Some(T2));
    assert_eq!(delete_note(&gone, T3), None);
    let back = restore_note(&gone).unwrap();
    assert_eq!(back, note);
    assert_eq!(restore_note(&back), None);
}

#[test]
fn note_ids_are_short_and_distinct() {
    let a = note_id(1_763_800_000_000, 12345);
    let b = note_id(1_763_800_000_000, 12346);
    assert_ne!(a, b);
    assert!(a.starts_with("n-"));
    assert!(a.len() <= 20, "{a}");
    assert!(a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'));
}

fn note(id: &str, subject: &str, created_at: &str, text: &str, author: &str, name: &str) -> Note {
    Note {
        id: id.into(),
        subject: subject.into(),
        text: text.into(),
        author: author.into(),
        created_at: created_at.into(),
        subject_name: Some(name.into()),
        ..Note::default()
    }
}

fn notes() -> Vec<Note> {
    let mut gone = note(
        "n-5",
        "fb:thread:1",
        T3,
        "Deleted refund note",
        "Sam",
        "Jane",
    );
    gone.deleted_at = Some(T3.into());
    vec![
        note(
            "n-1",
            "fb:thread:1",
            T1,
            "Wants a REFUND for order 42",
            "Sam",
            "Jane Doe",
        ),
        note("n-2", "x:user:bob", T2, "Prefers e-mail", "Zoë", "Bob"),
        note("n-3", "fb:thread:1", T3, "Refund sent", "Alex", "Jane Doe"),
        note(
            "n-4",
            "fb:user:carol",
            T2,
            "Allergic to nuts",
            "Sam",
            "Carol Åberg",
        ),
        gone,
    ]
}

fn ids(notes: &[Note]) -> Vec<&str> {
    notes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn listing_gives_the_live_notes_of_the_subjects_newest_first() {
    let found = for_subjects(notes(), &["fb:thread:1".into(), "x:user:bob".into()]);
    assert_eq!(ids(&found), ["n-3", "n-2", "n-1"]);
    assert!(for_subjects(notes(), &[]).is_empty());
}

#[test]
fn search_matches_text_author_and_subject_name_ignoring_case_and_accents() {
    assert_eq!(ids(&search(notes(), "refund", 50)), ["n-3", "n-1"]);
    assert_eq!(ids(&search(notes(), "zoe", 50)), ["n-2"]);
    assert_eq!(ids(&search(notes(), "aberg", 50)), ["n-4"]);
    assert_eq!(ids(&search(notes(), "jane 42", 50)), ["n-1"]);
    assert_eq!(ids(&search(notes(), "REFUND alex", 50)), ["n-3"]);
    assert!(search(notes(), "nothing like this", 50).is_empty());
    // Empty: every live note, newest first, up to the limit.
    assert_eq!(
        ids(&search(notes(), "  ", 50)),
        ["n-3", "n-4", "n-2", "n-1"]
    );
    assert_eq!(ids(&search(notes(), "", 2)), ["n-3", "n-4"]);
}

#[test]
fn note_json_round_trips_with_history_and_unknown_fields() {
    let text = r#"{"id":"n-1","subject":"fb:thread:1","text":"B","author":"Sam","created_at":"2026-11-20T09:00:00.000Z","edited_at":"2026-11-21T09:00:00.000Z","history":[{"text":"A","author":"Alex","at":"2026-11-20T09:00:00.000Z"}],"subject_name":"Jane","pinned":true}"#;
    let note: Note = serde_json::from_str(text).unwrap();
    assert_eq!(note.history.len(), 1);
    assert_eq!(note.extra["pinned"], true);
    assert_eq!(serde_json::to_string(&note).unwrap(), text);
}

// ---- times ----

#[test]
fn times_are_stored_in_utc_with_milliseconds() {
    assert_eq!(normalize("2026-11-20T09:00:00Z").unwrap(), T1);
    assert_eq!(normalize("2026-11-20T09:00:00.000Z").unwrap(), T1);
    assert_eq!(normalize("2026-11-20T10:00:00+01:00").unwrap(), T1);
    assert_eq!(normalize("2026-11-20T04:30:00-0430").unwrap(), T1);
    assert_eq!(normalize("2026-11-20 09:00Z").unwrap(), T1);
    assert_eq!(
        normalize("2026-11-20T09:00:00.5Z").unwrap(),
        "2026-11-20T09:00:00.500Z"
    );
    assert_eq!(
        normalize("2026-11-20T09:00:00.123456Z").unwrap(),
        "2026-11-20T09:00:00.123Z"
    );
    assert_eq!(
        normalize("2024-03-01T00:30:00+01:00").unwrap(),
        "2024-02-29T23:30:00.000Z"
    );
    assert_eq!(normalize("1970-01-01T00:00:00Z").unwrap(), format_ms(0));
    assert_eq!(parse_ms("2000-01-01T00:00:00Z"), Some(946_684_800_000));
    for bad in [
        "2026-11-20",
        "2026-11-20T09:00:00",
        "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z",
        "2026-11-20T24:00:00Z",
        "2026-11-20T09:00:00+25:00",
        "2026-11-20T09:00:00.Z",
        "yesterday",
        "2026-11-20T09:00:00+0€",
    ] {
        assert_eq!(normalize(bad), None, "{bad}");
    }
}

#[test]
fn formatting_and_parsing_agree_over_centuries() {
    let mut ms = -2_208_988_800_000i64; // 1900-01-01
    while ms < 4_102_444_800_000 {
        assert_eq!(parse_ms(&format_ms(ms)), Some(ms), "{}", format_ms(ms));
        ms += 86_400_000 * 37 + 3_600_000 * 5 + 1_234;
    }
}
