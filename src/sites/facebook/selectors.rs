//! facebook.com selectors and UI words. Structure and ARIA roles first, localized labels as a second signal,
//! class names never (they are regenerated on every deploy: sites-facebook.md §2.1, §8).

/// Articles: posts, comments and replies are all `role="article"` (sites-facebook.md §2.1).
pub const ARTICLE: &str = r#"[role="article"]"#; // post permalink, Page timeline, post dialog
/// A comment's own permalink is its relative-time link carrying `comment_id=` (replies: `reply_comment_id=`).
pub const COMMENT_LINK: &str = r#"a[href*="comment_id="]"#; // every comment surface
/// Comment lists of a post opened from the Page timeline live in a dialog.
pub const DIALOG: &str = r#"[role="dialog"]"#; // Page timeline → post dialog
/// Action buttons (Like, Reply) are `role="button"` elements found by their text.
pub const BUTTON: &str = r#"[role="button"]"#; // comment action row
/// Author: the first link in the comment (profile URL), name in a `span[dir="auto"]` when present.
pub const LINK: &str = "a[href]"; // comment header
/// Comment text blocks.
pub const TEXT_BLOCK: &str = r#"div[dir="auto"], span[dir="auto"]"#; // comment bubble
/// Every composer is a Lexical editor; older ones are plain contenteditable textboxes.
/// (A list without spaces: the element lists of a scan keep it while what the page adds holds no composer.)
pub const COMPOSER: &str = r#"[contenteditable="true"][role="textbox"],[data-lexical-editor="true"][contenteditable="true"]"#; // comment box, reply box

/// Every box a Business Suite reply can go in, including the one it disabled (Lexical keeps
/// `data-lexical-editor` on a read-only root and sets `contenteditable="false"`).
pub const COMPOSER_ANY: &str = r#"[data-lexical-editor="true"], [role="textbox"][contenteditable]"#; // Business Suite reply box

// ---- Messenger (facebook.com/messages, messenger.com) and the Business Suite inbox: sites-facebook.md §3, §4 ----

/// The open conversation: Messenger's thread pane and the Business Suite inbox pane are `role="main"`.
pub const MAIN: &str = r#"[role="main"]"#; // Messenger thread, Business Suite inbox
/// The conversation list (caprine `conversationList`); never part of the open conversation.
pub const NAVIGATION: &str = r#"[role="navigation"]"#; // Messenger chat list, Business Suite menu
/// The selected row of Messenger's chat list (caprine `selectedConversation`: `aria-current="page"`).
pub const SELECTED_CONVERSATION: &str = r#"a[aria-current="page"]"#; // Messenger chat list
/// The Business Suite's open thread in its thread list: `a[role="row"][aria-selected]` or the `._at41` wrapper
/// `[role="presentation"][aria-selected]` around the thread link (data_hub 2026-03); never the left menu.
pub const INBOX_SELECTED_ROW: &str =
    r#"[role="row"][aria-selected="true"], [aria-selected="true"] a[href*="selected_item_id="]"#; // Business Suite thread list
/// Message rows: the thread grid's rows (caprine `conversationSelector` = `[role=main] [role=grid]`), older
/// builds' `message-container`, Business Suite bubbles (`mw_message_bubble`, data_hub 2026-03).
pub const MESSAGE_ROW: &str = r#"[role="grid"] [role="row"], [role="log"] [role="row"], [data-testid="message-container"], [data-testid="mw_message_bubble"]"#; // Messenger thread, Business Suite thread
/// A Business Suite message bubble (data_hub 2026-03): the Page's "Sent by" line sits beside it, not in it.
pub const BUBBLE: &str = r#"[data-testid="mw_message_bubble"]"#; // Business Suite thread
/// Message lists whose children are the messages when rows carry no role (e2ee threads: FB-Auto-Reply's
/// `MWMessageListContainer` / `messages_table`; Business Suite: `mw_chat_scroller`, `[aria-label*="Message list"]`).
pub const MESSAGE_LIST: &str = r#"[data-scope="messages_table"], [data-pagelet="MWMessageListContainer"], [data-testid="mw_chat_scroller"], [aria-label*="Message list"], [role="log"]"#; // e2ee thread, Business Suite thread
/// A message's text (sites-facebook.md §3.1 "message text nodes `div[dir="auto"]`").
pub const MESSAGE_TEXT: &str = r#"div[dir="auto"]"#; // Messenger and Business Suite bubbles
/// Headings: the conversation header names the person (or the group).
pub const HEADING: &str = r#"h1, h2, h3, [role="heading"]"#; // Messenger header, Business Suite header
/// The Business Suite conversation header (data_hub `div[role="main"] header`).
pub const INBOX_HEADER: &str = r#"header"#; // Business Suite thread header
/// A Facebook comment inside the Business Suite comment thread (the same articles as on a post, §2.1).
pub const INBOX_COMMENT: &str = r#"[role="article"]"#; // Business Suite "Facebook comments" thread
/// A profile link: `/<numeric id>`, `profile.php?id=<id>`.
pub const PROFILE_LINK: &str = r#"a[href]"#; // Messenger header, Business Suite contact panel

// ---- Labels and notes: conversation lists, headers, people (sites-facebook.md §2.1, §3.1, §4) ----

/// Messenger's conversation list (caprine `conversationList`, grid labelled "Chats" in snorkel).
pub const CHAT_LIST: &str = r#"[role="navigation"] [role="grid"]"#; // Messenger chat list
/// A conversation's link in the chat list: `/t/<id>`, `/messages/t/<id>`, `/messages/e2ee/t/<id>`, `/requests/t/<id>`
/// (ferdium-recipes `a[href^='/t/']`, caprine `[role=link]`); only links the thread-id rule reads count.
pub const THREAD_LINK: &str = r#"a[href*="/t/"]"#; // Messenger chat list
/// The row around a chat-list link (caprine `[role="row"] [role="gridcell"] [role="link"]`).
pub const CHAT_ROW: &str = r#"[role="row"]"#; // Messenger chat list
/// A Business Suite thread link (data_hub 2026-03 `a[href*="selected_item_id"]`).
pub const INBOX_THREAD_LINK: &str = r#"a[href*="selected_item_id="]"#; // Business Suite thread list
/// The row around it: `a[role="row"]` itself, or the `div[role="presentation"]._at41` wrapper (data_hub 2026-03).
pub const INBOX_ROW: &str = r#"[role="row"], [role="presentation"]"#; // Business Suite thread list
/// What a list row never extends to: the list and the regions around it.
pub const LIST_BOUNDARY: &str = r#"[role="grid"], [role="list"], [role="listbox"], [role="main"], [role="navigation"], [role="tablist"], ul, ol, body"#; // every list
/// The list element around rows, when the page marks one (Messenger's grid; [I] for the Business Suite).
pub const LIST: &str = r#"[role="grid"], [role="list"], [role="listbox"]"#; // Messenger chat list, Business Suite thread list
/// Parts of an open conversation that are messages, not its header: thread grid and rows (caprine), e2ee lists
/// (FB-Auto-Reply), older `message-container` (replayio), Business Suite logs and comment articles (data_hub).
pub const NOT_HEADER: &str = r#"[role="grid"], [role="row"], [role="log"], [role="article"], [data-testid="message-container"], [data-scope="messages_table"], [data-pagelet="MWMessageListContainer"], [data-testid="mw_chat_scroller"], form"#; // Messenger thread, Business Suite thread
/// Controls in a header, never its name block.
pub const CONTROL: &str = r#"button, [role="button"], img, svg, input"#; // Messenger and Business Suite headers

/// Hidden accessible prefixes of outgoing messages and the Page's own replies, per UI language: Messenger's
/// `You sent` (FB-Auto-Reply's UI-text filter, §3.1), Business Suite's `Sent by <admin>` (data_hub, §4);
/// the German and Danish forms are Facebook's translations [I].
pub const SENT_MARKERS: &[&str] = &[
    "you sent",
    "sent by ", // en
    "du hast gesendet",
    "gesendet von ", // de
    "du sendte",
    "sendt af ", // da
];

/// `aria-label` prefixes of the thread grid naming the person ("Messages in conversation with Jonas Becker",
/// §3.2 [I]), per UI language.
pub const THREAD_LABEL_PREFIXES: &[&str] = &[
    "messages in conversation with ",
    "nachrichten in der unterhaltung mit ",
    "beskeder i samtalen med ",
];

/// The Business Suite's reply box labels naming the channel or identity ("Reply in Messenger…",
/// "Reply as Nordlicht Kaffee…", §4 [I]), per UI language: a label with one of these is a reply box.
pub const REPLY_AS_PREFIXES: &[&str] = &["reply as ", "antworten als ", "svar som "];

/// `aria-label` prefixes of customer comments and replies, per UI language (sites-facebook.md §2.1: en, sk, cs,
/// vi, zh are documented; de, da, sv, nb, nl, fr, es, it, pl, pt are Facebook's translations of the same strings).
pub const COMMENT_LABEL_PREFIXES: &[&str] = &[
    "comment by ",
    "reply by ", // en
    "kommentar von ",
    "antwort von ", // de
    "kommentar fra ",
    "svar fra ", // da, nb
    "kommentar av ",
    "svar av ",
    "svar från ", // sv, nb
    "reactie van ",
    "antwoord van ", // nl
    "commentaire de ",
    "réponse de ", // fr
    "comentario de ",
    "respuesta de ", // es
    "commento di ",
    "risposta di ", // it
    "komentarz użytkownika ",
    "odpowiedź użytkownika ", // pl
    "comentário de ",
    "resposta de ", // pt
    "komentár od",
    "komentář od ",
    "bình luận của ", // sk, cs, vi
];

/// The text of the Reply action, per UI language.
pub const REPLY_WORDS: &[&str] = &[
    "reply",
    "antworten",
    "svar",
    "svara",
    "svare",
    "beantwoorden",
    "reageren",
    "répondre",
    "responder",
    "rispondi",
    "odpowiedz",
    "responder",
    "odpovědět",
    "odpovedať",
    "trả lời",
];

/// Composer `aria-label` prefixes naming the identity that is commenting ("Comment as Nordlicht Kaffee").
pub const COMMENT_AS_PREFIXES: &[&str] = &[
    "comment as ",
    "reply as ",
    "antworten als ",
    "svar som ",
    "write a comment as ",
    "kommentieren als ",
    "kommenter som ",
    "kommentera som ",
    "reageer als ",
    "commenter en tant que ",
    "comentar como ",
    "commenta come ",
    "komentuj jako ",
];

/// Reply-box `aria-label` prefixes naming the person answered ("Reply to Jonas Becker").
pub const REPLY_TO_PREFIXES: &[&str] = &[
    "reply to ",
    "antworten an ",
    "antwort an ",
    "svar til ",
    "svara ",
    "beantwoord ",
    "répondre à ",
    "responder a ",
    "rispondi a ",
    "odpowiedz ",
    "responder a ",
];

/// Words that begin a relative time before its number in localized labels: de "vor 1 Stunde", da/nb "for 2
/// timer siden", fr "il y a 3 h", es "hace 2 h", pt "há 2 h", nl… (the number comes first in en, sv, it).
const TIME_LEADS: &[&str] = &[" vor ", " for ", " il y a ", " hace ", " há "];

/// Suffixes that follow a name in labels ("Comment by Jonas Becker 2 hours ago"); cut at the first digit
/// run too, since the time suffix is localized.
pub fn name_from_label(label: &str, prefixes: &[&str]) -> Option<String> {
    let lower = label.to_ascii_lowercase();
    let prefix = prefixes.iter().find(|p| lower.starts_with(*p))?;
    // Prefix lengths are measured on the lowercased label; Facebook labels are ASCII-cased prefixes, but be
    // safe with multi-byte case changes by cutting on char count.
    let skip = prefix.chars().count();
    let rest: String = label.chars().skip(skip).collect();
    let rest = rest.trim_start_matches([':', ' ']);
    let cut = rest
        .find(|c: char| c.is_ascii_digit() || c == '(')
        .unwrap_or(rest.len());
    // A localized time suffix may start with a word before its number ("vor 1 Stunde", "for 2 timer siden").
    let rest = &rest[..cut];
    let cut = TIME_LEADS
        .iter()
        .find_map(|lead| rest.strip_suffix(lead))
        .map_or(rest.len(), str::len);
    // Placeholders end in an ellipsis ("Reply as Nordlicht Kaffee…").
    let name = rest[..cut]
        .trim()
        .trim_end_matches('…')
        .trim_end_matches("...");
    let name = name.trim().trim_end_matches(['\'', '’']).trim();
    let name = name.strip_suffix("'s comment").unwrap_or(name).trim();
    // "Reply by Nordlicht Kaffee to Jonas Becker's comment": the replier is before " to ".
    let name = if prefix.starts_with("reply by ") {
        name.split(" to ").next().unwrap_or(name).trim()
    } else {
        name
    };
    (!name.is_empty()).then(|| name.to_string())
}

/// Chat-list previews of conversations where the user (the Page) spoke last: `You: …`, `You sent a photo.`
/// (caprine's preview text, sites-facebook.md §3.1 "Preview/time format `You: … · 2h`"), per UI language [I].
pub const OWN_PREVIEW_PREFIXES: &[&str] = &[
    "you:",
    "you sent", // en
    "du:",
    "du hast", // de
    "dig:",
    "du sendte", // da
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_of_localized_labels() {
        assert_eq!(
            name_from_label(
                "Comment by Jonas Becker 2 hours ago",
                COMMENT_LABEL_PREFIXES
            )
            .as_deref(),
            Some("Jonas Becker")
        );
        assert_eq!(
            name_from_label("Kommentar von Anna Müller", COMMENT_LABEL_PREFIXES).as_deref(),
            Some("Anna Müller")
        );
        assert_eq!(
            name_from_label(
                "Komentár od: Ján Novák (pred 2 dňami)",
                COMMENT_LABEL_PREFIXES
            )
            .as_deref(),
            Some("Ján Novák")
        );
        assert_eq!(
            name_from_label("Comment as Nordlicht Kaffee", COMMENT_AS_PREFIXES).as_deref(),
            Some("Nordlicht Kaffee")
        );
        assert_eq!(
            name_from_label("Reply to Søren Ødegaard", REPLY_TO_PREFIXES).as_deref(),
            Some("Søren Ødegaard")
        );
        assert_eq!(
            name_from_label("Write a comment…", COMMENT_AS_PREFIXES),
            None
        );
        assert_eq!(
            name_from_label("Reply as Nordlicht Kaffee…", COMMENT_AS_PREFIXES).as_deref(),
            Some("Nordlicht Kaffee")
        );
        assert_eq!(
            name_from_label(
                "Kommentar von Zoë Lefèvre vor 1 Stunde",
                COMMENT_LABEL_PREFIXES
            )
            .as_deref(),
            Some("Zoë Lefèvre")
        );
        assert_eq!(
            name_from_label(
                "Svar fra Søren Ødegaard for 2 timer siden",
                COMMENT_LABEL_PREFIXES
            )
            .as_deref(),
            Some("Søren Ødegaard")
        );
        assert_eq!(
            name_from_label(
                "Beskeder i samtalen med Søren Ødegaard",
                THREAD_LABEL_PREFIXES
            )
            .as_deref(),
            Some("Søren Ødegaard")
        );
    }
}
