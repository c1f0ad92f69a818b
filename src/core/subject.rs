//! What labels and notes are attached to: a *subject*, named by a key built from the platform's own ids
//! (from URLs and attributes), never from DOM nodes or display names, so a label stays on the right row when a
//! virtualised list recycles its nodes, after a reload, and when a person changes their name.
//!
//! Key scheme, `<site>:<kind>:<id>`:
//!
//! | key | what | where the id comes from |
//! |---|---|---|
//! | `fb:thread:<id>` | a Messenger conversation | `facebook.com/messages/t/<id>`, `messenger.com/t/<id>`, list links `/t/<id>` |
//! | `fb:e2ee:<id>` | an end-to-end encrypted Messenger conversation | `facebook.com/messages/e2ee/t/<id>` |
//! | `fb:inbox:<id>` | a Business Suite inbox conversation | the `selected_item_id=` of `business.facebook.com/latest/inbox/…` |
//! | `x:dm:<id>` | an X Chat or legacy X DM conversation | `/i/chat/<A-B>` or `g<digits>`, `dm-conversation-item-<A>:<B>`, legacy `/messages/<A-B>` |
//! | `fb:comment:<id>` | a Facebook comment | `comment_id=` of the comment's permalink |
//! | `x:status:<id>` | an X post (a customer's reply) | `/<handle>/status/<id>` |
//! | `fb:user:<id>` | a person on Facebook | the profile link: `profile.php?id=<id>`, `/<numeric id>/`, or `/<username>` (lower-cased) |
//! | `x:user:<handle>` | a person on X | the profile link `/<handle>` (lower-cased; X handles are case-insensitive) |
//!
//! A Facebook person seen once with a username link and once with a numeric one gets two keys: Facebook gives
//! no way to map one to the other from the page.

/// The kinds a key can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    Conversation,
    Comment,
    Person,
}
