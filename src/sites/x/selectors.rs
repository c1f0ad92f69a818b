//! x.com selectors. X's `data-testid`s are its most stable hooks (style-anchors.md A4; sites-x.md §2, §9);
//! structure second; class names never.

/// Every post, including replies on a status page (sites-x.md §2).
pub const TWEET: &str = r#"article[data-testid="tweet"]"#; // status page, timeline, modal
/// Author block: display-name link, then the `@handle` link with tabindex -1, then the `time` link.
pub const USER_NAME: &str = r#"[data-testid="User-Name"]"#; // every post
/// The post's text; its `lang` is X's own language detection.
pub const TWEET_TEXT: &str = r#"[data-testid="tweetText"]"#; // every post with text
/// The post's own permalink: the link around its `time`.
pub const STATUS_LINK: &str = r#"a[href*="/status/"]"#; // every post
/// The action bar and its reply button.
pub const ACTION_BAR: &str = r#"[role="group"]"#; // every post
pub const REPLY_BUTTON: &str = r#"[data-testid="reply"]"#; // every post
/// Composers: the rich-text (Draft.js) box and the plain textarea fallback (sites-x.md §2, §9).
pub const COMPOSER: &str = concat!(
    r#"[data-testid^="tweetTextarea_"][contenteditable="true"], "#, // inline reply and modal composer
    r#".public-DraftEditor-content[contenteditable="true"], "#, // any Draft.js composer without testid
    r#"textarea[data-testid^="tweetTextarea_"], [data-testid^="tweetTextarea_"] textarea, "#, // plain-text mode
    r#"[data-testid="dmComposerTextInput"][contenteditable="true"], "#, // legacy DM composer
    r#"textarea[data-testid="dm-composer-textarea"]"#                   // X Chat
);
/// The reply modal opened by a reply button.
pub const DIALOG: &str = r#"[role="dialog"]"#; // /compose/post modal
/// The acting account (left nav).
pub const PROFILE_LINK: &str = r#"a[data-testid="AppTabBar_Profile_Link"]"#; // desktop nav
pub const ACCOUNT_SWITCHER: &str = r#"[data-testid="SideNav_AccountSwitcher_Button"]"#; // desktop nav

// ---- Reply and quote composers (sites-x.md §2) ----

/// A link naming an account ("Replying to @handle" in the reply modal).
pub const ACCOUNT_LINK: &str = r#"a[href^="/"]"#; // reply modal "Replying to"

// ---- X Chat (/i/chat): sites-x.md §5 (S2 selectors.ts unless noted) ----

/// The X Chat composer: a real React-controlled `<textarea>` (§3b).
pub const CHAT_COMPOSER: &str = r#"textarea[data-testid="dm-composer-textarea"]"#; // X Chat thread
/// The open conversation.
pub const CHAT_PANEL: &str = r#"[data-testid="dm-conversation-panel"]"#; // X Chat thread
/// The header's name: the person in a 1:1 chat, the group's name in a group.
pub const CHAT_USERNAME: &str = r#"[data-testid="dm-conversation-username"]"#; // X Chat header
/// The message list; each message is `message-<uuid>` with its bubble `message-text-<uuid>` (S14, S4).
pub const CHAT_MESSAGE_LIST: &str = r#"[data-testid="dm-message-list"]"#; // X Chat thread
pub const CHAT_MESSAGE: &str = r#"[data-testid^="message-"]:not([data-testid^="message-text-"])"#; // X Chat message row
pub const CHAT_MESSAGE_TEXT: &str = r#"[data-testid^="message-text-"]"#; // X Chat bubble
/// Message body runs (the bubble also holds the time and "Seen" in hidden nodes).
pub const CHAT_BODY: &str = r#"span[dir="auto"]"#; // X Chat bubble text
/// Inbox rows, suffixed `<A>:<B>` or `g<digits>`; request rows; the selected one (S4 `data-selected`).
pub const CHAT_ROW: &str =
    r#"[data-testid^="dm-conversation-item-"],[data-testid^="dm-message-request-item-"]"#; // X Chat inbox
pub const CHAT_SELECTED_ROW: &str = r#"[data-testid^="dm-conversation-item-"][data-selected="true"], [data-testid^="dm-message-request-item-"][data-selected="true"]"#; // X Chat inbox
/// The profile card at the top of a thread: name in `.text-headline2` (S4; a class, so last resort).
pub const CHAT_PROFILE_NAME: &str = r#"li .text-headline2"#; // X Chat thread top

// ---- Legacy DMs (/messages): sites-x.md §4 (S3 X's own bundle unless noted) ----

/// The legacy DM composer: a Draft.js editor.
pub const DM_COMPOSER: &str = r#"[data-testid="dmComposerTextInput"][contenteditable="true"]"#; // legacy DM thread
/// The conversation view and its header (`#detail-header`, S14 DM handle finder, S8).
pub const DM_CONVERSATION_VIEW: &str =
    r#"section[aria-labelledby="detail-header"], [data-testid="DmActivityContainer"]"#; // legacy DM thread
pub const DM_HEADER: &str = r#"#detail-header"#; // legacy DM thread header
pub const DM_PROFILE_HEADER: &str = r#"[data-testid="ProfileInfoHeader"]"#; // legacy DM thread top
/// A message; outgoing ones are pressable (`role="button"`, S3 `Rs.root.sent`; S8).
pub const DM_MESSAGE: &str = r#"[data-testid="messageEntry"]"#; // legacy DM message
pub const DM_MESSAGE_TEXT: &str = r#"[data-testid="tweetText"], [dir="auto"]"#; // legacy DM message text (RNW user text)
/// The selected inbox row and its avatar link (`/<handle>`).
pub const DM_SELECTED_ROW: &str = r#"[data-testid="conversation"][aria-selected="true"]"#; // legacy DM inbox
pub const DM_ROW_AVATAR: &str = r#"a[data-testid="DM_Conversation_Avatar"]"#; // legacy DM inbox row

// ---- Labels and notes: conversation lists, headers, reply authors (sites-x.md §2, §4, §5) ----

/// The X Chat inbox: header, search bar and the scroller of virtualised `li` slots (S2, S4).
pub const CHAT_INBOX_PANEL: &str = r#"[data-testid="dm-inbox-panel"]"#; // X Chat inbox
/// The open conversation's header, holding `dm-conversation-username` (S2, S1, S4).
pub const CHAT_HEADER: &str = r#"[data-testid="dm-conversation-header"]"#; // X Chat thread header
/// The thread link in an inbox row (`<a href="/i/chat/<A>-<B>">`, S2 actions.ts), when its test id has no id.
pub const CHAT_ROW_LINK: &str = r#"a[href*="/i/chat/"]"#; // X Chat inbox row
/// A legacy inbox row (S3 `testID: "conversation"`, role none, `aria-selected`).
pub const DM_ROW: &str = r#"[data-testid="conversation"]"#; // legacy DM inbox
/// The row's thread link `/messages/<A>-<B>` ([I]: S6 builds these URLs; the row itself may only be pressable).
pub const DM_ROW_LINK: &str = r#"a[href*="/messages/"]"#; // legacy DM inbox row
/// The inbox's region around the list (S3: the list under a labelled section [I]).
pub const DM_LIST_REGION: &str = r#"section, [role="region"]"#; // legacy DM inbox
/// Controls in a header, never its name block.
pub const CONTROL: &str = r#"button, [role="button"], img, svg, input"#; // X Chat and legacy DM headers

// ---- Response timers: times and who spoke last (sites-x.md §2, §4, §5) ----

/// A post's exact time (`time[datetime]` in its permalink, S9) and a legacy inbox row's (S3 module 966886).
pub const TIME: &str = "time[datetime]"; // status page posts, legacy DM inbox rows
/// A message bubble's hidden time (`22:08`, S14) and status words.
pub const HIDDEN: &str = r#"[aria-hidden="true"]"#; // X Chat bubble
/// The items of the X Chat message list: the profile card, day separators and messages (S2, S4).
pub const CHAT_ITEM: &str = "li"; // X Chat thread
/// Previews of conversations where the account spoke last ("You: …", S5, S14), per UI language [I for de, da].
pub const OWN_PREVIEW: &[&str] = &["you:", "du:", "dig:"];
