//! Messages between the pages/content scripts and the background, which is the only writer of the store.
use crate::core::record::Record;
use crate::core::reply::Reply;
#[cfg(feature = "pages")]
use crate::core::settings::Settings;
#[cfg(feature = "pages")]
use crate::core::usage::UsageMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op")]
pub enum Request {
    /// Every reply with its revision, the library revision, every reply's use and the settings: what a tab
    /// needs, in one round trip.
    #[serde(rename = "library.list")]
    List,
    /// Only the library revision: a cheap check before reading 30,000 replies again.
    #[serde(rename = "library.rev")]
    Revision,
    /// Create (base_rev absent) or update (base_rev = the revision the editor started from) one reply.
    #[cfg(feature = "pages")]
    #[serde(rename = "reply.put")]
    Put { reply: Reply, base_rev: Option<u64> },
    #[cfg(feature = "pages")]
    #[serde(rename = "reply.delete")]
    Delete { id: String, base_rev: Option<u64> },
    /// Sets only the named fields of stored replies (manual order, favourite), in one transaction. No base
    /// revision: these fields are the user's arrangement, and changing only them never overwrites an edit
    /// of the text made elsewhere. Refused whole if an id is not stored.
    #[cfg(feature = "pages")]
    #[serde(rename = "reply.patch")]
    Patch { patches: Vec<Patch> },
    /// A reply was inserted (content scripts send this after each successful insertion). Counts its use
    /// without touching the reply or the library revision, so tabs don't reload the library for it.
    #[serde(rename = "reply.used")]
    Used {
        id: String,
        /// When, in milliseconds since the epoch; the background's clock when absent.
        #[serde(default)]
        at_ms: Option<f64>,
    },
    /// Import a file: refused whole (nothing stored changes) or applied in one transaction. `name` (the
    /// file's name) picks the format by its extension; without one the text is read as data format v1.
    #[cfg(feature = "pages")]
    #[serde(rename = "library.import")]
    Import {
        text: String,
        #[serde(default)]
        name: Option<String>,
    },
    #[cfg(feature = "pages")]
    #[serde(rename = "library.export")]
    Export {
        #[serde(default)]
        format: ExportFormat,
    },
    #[cfg(feature = "pages")]
    #[serde(rename = "settings.get")]
    SettingsGet,
    /// Validates and stores the settings; announced like a library write so every tab picks them up.
    #[cfg(feature = "pages")]
    #[serde(rename = "settings.put")]
    SettingsPut { settings: Settings },
    /// The best `limit` replies for what the user typed in the picker, best first (ids). The search index
    /// lives in the background, once, instead of in every tab (design.md §6: memory and shipped wasm).
    #[serde(rename = "library.search")]
    Search { query: String, limit: usize },
    /// For a customer's message: the language to answer in (the site's `lang` when given, else detected) and
    /// the best replies for it, ranked with usage (ids).
    #[serde(rename = "customer.suggest")]
    Suggest {
        text: String,
        #[serde(default)]
        lang: Option<String>,
        limit: usize,
    },
    /// Every live label, and every subject with a live label or a note (its label ids and note count): what
    /// a tab needs to draw chips and filter lists. Cheap next to the library; read again on every
    /// [`LABELS_KEY`] change.
    #[serde(rename = "labels.list")]
    LabelsList,
    /// Create (no `id`) or rename/recolour (with `id`) one label. Refused: empty or too long name, a name
    /// another live label has (ignoring case and accents), a colour that is not `#rrggbb`.
    #[cfg(feature = "pages")]
    #[serde(rename = "label.put")]
    LabelPut { label: LabelInput },
    /// Deletes a label (a tombstone: its assignments stay, hidden, so `label.restore` is a full undo).
    #[cfg(feature = "pages")]
    #[serde(rename = "label.delete")]
    LabelDelete { id: String },
    #[cfg(feature = "pages")]
    #[serde(rename = "label.restore")]
    LabelRestore { id: String },
    /// Puts label `label` on subject `key` (`on: true`) or takes it off. Idempotent, so two tabs doing the
    /// same thing at once agree, and two tabs doing different things both take effect. `name`: the
    /// subject's display name as seen now (kept for the options page).
    #[cfg(feature = "pages")]
    #[serde(rename = "subject.label")]
    SubjectLabel {
        key: String,
        label: String,
        on: bool,
        #[serde(default)]
        name: Option<String>,
    },
    /// The live notes of these subjects, newest first.
    #[cfg(feature = "pages")]
    #[serde(rename = "notes.list")]
    NotesList { subjects: Vec<String> },
    /// A new note; its author is the agent name from the settings, its time the background's clock.
    #[cfg(feature = "pages")]
    #[serde(rename = "note.add")]
    NoteAdd {
        subject: String,
        text: String,
        #[serde(default)]
        subject_name: Option<String>,
    },
    /// Replaces a note's text; the text it had goes into its history (nothing is lost when two tabs edit
    /// the same note: the later edit is current, the earlier one is in the history).
    #[cfg(feature = "pages")]
    #[serde(rename = "note.edit")]
    NoteEdit { id: String, text: String },
    #[cfg(feature = "pages")]
    #[serde(rename = "note.delete")]
    NoteDelete { id: String },
    #[cfg(feature = "pages")]
    #[serde(rename = "note.restore")]
    NoteRestore { id: String },
    /// Live notes whose text, author or subject name match `query` (every note when empty), newest first.
    #[cfg(feature = "pages")]
    #[serde(rename = "notes.search")]
    NotesSearch { query: String, limit: usize },
    /// What a tab sees of waiting customers (one item per conversation or comment), at the tab's clock;
    /// answered with what each timer shows (`timers`) and the thresholds. Logs the events it implies.
    #[serde(rename = "timers.observe")]
    TimersObserve {
        now_ms: f64,
        /// Minutes east of UTC the page shows local times in.
        utc_offset_minutes: i32,
        items: Vec<crate::core::timers::Observation>,
        /// Only read what each item's timer shows now, without applying the items (a tab refreshing after
        /// another tab's change: what it shows has not changed, and its older view must not undo the other's).
        /// Items never seen before are applied all the same.
        #[serde(default)]
        read_only: bool,
        /// Which tab reported (a token of its own): the announcement of what this report moved names it, so
        /// that tab does not read every timer again for its own change (it has the answer).
        #[serde(default)]
        origin: String,
    },
    #[cfg(feature = "pages")]
    #[serde(rename = "timers.settings.get")]
    TimerSettingsGet,
    /// Validates and stores thresholds and opening hours; announced on [`TIMERS_KEY`].
    #[cfg(feature = "pages")]
    #[serde(rename = "timers.settings.put")]
    TimerSettingsPut {
        settings: crate::core::timers::TimerSettings,
    },
    /// Away status on or off for one Page or account (`page` empty: every one without hours of its own).
    #[cfg(feature = "pages")]
    #[serde(rename = "timers.away")]
    TimersAway { page: String, on: bool },
    /// Everything the statistics page computes from: the event log (labels filled in, spam marked), every
    /// timer record and the timer settings.
    #[cfg(feature = "pages")]
    #[serde(rename = "stats.data")]
    StatsData,
}

/// A label as the user edits it: without `id` it is created (the id is made from the name).
#[cfg(feature = "pages")]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelInput {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub color: String,
}

/// Fields to set on one stored reply; absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favorite: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Data format v1 (JSON), everything round-trips.
    #[default]
    V1,
    /// One reply per row, for spreadsheets.
    Csv,
}

/// One broken rule of a refused request, by field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub path: String,
    pub message: String,
}

/// An example of a duplicate found on import, for the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuplicateNote {
    /// The title of the reply in the file.
    pub title: String,
    /// Where it is in the file (`reply 4 in the file`).
    pub place: String,
    /// Title of the stored (or earlier imported) reply it duplicates.
    pub of: String,
    /// `true`: the same text, skipped; `false`: only similar, imported anyway.
    pub exact: bool,
}

/// One flat response shape; `ok: false` carries `error` (a code), `message` (for the user) and maybe `path`.
/// Fields only the options page reads (import and export results, patches) are left out of the content
/// scripts' build, which ships to every messaging page (design.md §6), as are the requests only it sends.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Response {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `settings.put` refusals: every broken rule.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<FieldProblem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replies: Option<Vec<Record<Reply>>>,
    /// `reply.put`: the record as stored now.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Record<Reply>>,
    /// `reply.patch`: the records as stored now.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<Record<Reply>>>,
    /// `library.list`: every stored reply's use; `reply.used`: the one just counted. Content scripts leave
    /// it out: suggestions, which rank by use, are made in the background.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<UsageMap>,
    /// `library.list`, `settings.get`, `settings.put`: the settings. Content scripts read the ready-made
    /// values below instead (the settings' rules and unknown fields stay out of their build).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// `library.list`: the agent's name for `{agent}`, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// `library.list`: `{dm_link}` on Facebook (`https://m.me/<page>`), when a Page is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facebook_dm_link: Option<String>,
    /// `library.list`: `{dm_link}` on X (`https://x.com/messages/compose?recipient_id=<id>`), when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x_dm_link: Option<String>,
    /// `library.list`: the picker's order before anything is typed (`manual`, `most_used`,
    /// `recently_used`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picker_order: Option<String>,
    /// `library.list`: reply ids in the picker's order when that order depends on use (`most_used`,
    /// `recently_used`), which only the background knows; absent for the manual order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unchanged: Option<usize>,
    /// Import: replies skipped because the library (or the file) already has the same text.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<usize>,
    /// Import: the first duplicates found (exact ones skipped, near ones imported), as examples.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<Vec<DuplicateNote>>,
    /// Import: how many duplicates were found in all (skipped and near).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicates_found: Option<usize>,
    /// Import: things that were imported but deserve a look (from the CSV/espanso readers).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<String>>,
    /// Import: labels added (new ids; a file label that lands on a stored label of the same name is not
    /// counted), conversations and people newly labelled, notes added, and stored notes that gained a
    /// version from the file.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels_added: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversations_added: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes_added: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes_updated: Option<usize>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `library.search`, `customer.suggest`: reply ids, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
    /// `labels.list` (live labels, by name), `label.put`/`label.delete`/`label.restore` (the one label).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<crate::core::labels::Label>>,
    /// `labels.list`: every subject with a live label or a live note.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subjects: Option<Vec<crate::core::labels::SubjectSummary>>,
    /// `labels.list` and every labels/notes write: the labels revision (what [`LABELS_KEY`] announces).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels_rev: Option<u64>,
    /// `notes.list`, `notes.search`; the note written by `note.add`/`note.edit`/`note.delete`/`note.restore`
    /// as the one element.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<crate::core::notes::Note>>,
    /// `timers.observe`: what each observed timer shows.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timers: Option<Vec<crate::core::timers::TimerView>>,
    /// `timers.observe`: the thresholds, in counted milliseconds.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn_ms: Option<i64>,
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_ms: Option<i64>,
    /// `timers.settings.get`/`put`, `timers.away`, `stats.data`.
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timer_settings: Option<crate::core::timers::TimerSettings>,
    /// `stats.data`: the event log, each event with the key's current label names (a key labelled spam
    /// gets a spam event, so the statistics leave it out).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<crate::core::stats::Event>>,
    /// `stats.data`: every timer record (open waits, reply windows).
    #[cfg(feature = "pages")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timer_records: Option<Vec<crate::core::timers::TimerRecord>>,
    /// `customer.suggest`: the language to answer in, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Response {
    pub fn ok() -> Self {
        Self {
            ok: true,
            ..Self::default()
        }
    }
    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Self {
            ok: false,
            error: Some(code.into()),
            message: Some(message.into()),
            ..Self::default()
        }
    }
}

/// The `storage.local` key the background bumps after every committed write; every open page listens to it.
pub const REVISION_KEY: &str = "answerdeck.rev";

/// The `storage.local` key the background sets to the labels revision after every committed labels or notes
/// write (apart from [`REVISION_KEY`], so a label change never makes tabs read 30,000 replies again).
pub const LABELS_KEY: &str = "answerdeck.labels";

/// The `storage.local` key the background sets when timer settings change or a wait starts or ends, so every
/// tab's timers ask again.
pub const TIMERS_KEY: &str = "answerdeck.timers";

/// The `storage.local` key the background sets after counting a use: `{"id", "count", "last_used_ms"}` of
/// the reply just used, so open tabs update that one reply's use without reading the library again.
pub const USED_KEY: &str = "answerdeck.used";
