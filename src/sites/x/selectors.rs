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
