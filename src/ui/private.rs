//! "Reply privately" on a customer's comment (Facebook) or reply (X): which route it takes and carrying it out.
//! Facebook's own private-reply action for that comment comes first (the reply is then attached to the comment);
//! otherwise the customer's Messenger conversation opens in a new tab with a link to the comment added, and the
//! reply waits there (see `platform::handoff`). On X, "Reply by DM" opens X Chat with that person the same way.
//! Nothing is ever sent; the user is told which route was taken.
use crate::core::length::Target;
use crate::sites::facebook::private_reply as fb;
use crate::sites::page::ReplyTarget;
use crate::sites::surface::Site;
use web_sys::HtmlElement;

pub enum Route {
    /// Facebook's own private-reply action on the comment.
    Native(HtmlElement),
    /// The conversation with the customer, in a new tab; `to` keys the waiting reply (`platform::handoff`).
    NewTab {
        url: String,
        to: String,
        via: &'static str,
        /// A link to the comment or post answered, added because the message is not attached to it.
        about: Option<String>,
    },
    /// No private route: why.
    Unavailable(String),
}

impl Route {
    /// What a private reply becomes, for its length limit.
    pub fn target(site: Site) -> Target {
        match site {
            Site::Facebook => Target::Messenger,
            Site::X => Target::XDm,
        }
    }

    /// One line for the picker: where Enter will put the reply.
    pub fn describe(&self, name: &str) -> String {
        match self {
            Route::Native(_) => {
                format!("Private reply to {name} through Facebook's own private reply for this comment.")
            }
            Route::NewTab { via, .. } => format!(
                "Private reply to {name}: opens their {via} conversation in a new tab and puts the reply there."
            ),
            Route::Unavailable(reason) => reason.clone(),
        }
    }
}

/// The private route for `target` on `site`.
pub fn route_for(site: Site, target: &ReplyTarget) -> Route {
    match site {
        Site::Facebook => {
            if let Some(action) = fb::native_action(&target.article) {
                return Route::Native(action);
            }
            match fb::commenter_messenger_id(&target.article) {
                Some(id) => Route::NewTab {
                    url: fb::messenger_url(&id),
                    to: format!("facebook:{}", id.to_ascii_lowercase()),
                    via: "Messenger",
                    about: fb::comment_permalink(&target.article),
                },
                None => Route::Unavailable(
                    "This comment doesn't link to its author's profile, so Answerdeck can't open a private conversation."
                        .into(),
                ),
            }
        }
        Site::X => match target.author.handle.as_deref().map(|h| h.trim_start_matches('@')) {
            Some(handle) if !handle.is_empty() => Route::NewTab {
                url: crate::sites::x::private_reply::dm_url(handle),
                to: format!("x:{}", handle.to_ascii_lowercase()),
                via: "X Chat",
                // Keys look like `x:status:<id>`; the post id is the last part.
                about: target
                    .key
                    .rsplit(':')
                    .next()
                    .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
                    .map(|id| format!("https://x.com/{handle}/status/{id}")),
            },
            _ => Route::Unavailable(
                "This post doesn't show its author's handle, so Answerdeck can't open a conversation.".into(),
            ),
        },
    }
}

/// "(About your comment: <link>)" in the reply's language, appended when the message isn't attached to it.
pub fn about_line(site: Site, language: Option<&str>, link: &str) -> String {
    let base = language.and_then(|l| l.split('-').next()).unwrap_or("en");
    let words = match (site, base) {
        (Site::Facebook, "de") => "Zu deinem Kommentar",
        (Site::Facebook, "da") => "Om din kommentar",
        (Site::Facebook, "sv") => "Angående din kommentar",
        (Site::Facebook, "nb") => "Om kommentaren din",
        (Site::Facebook, "nl") => "Over je reactie",
        (Site::Facebook, "fr") => "À propos de votre commentaire",
        (Site::Facebook, "es") => "Sobre tu comentario",
        (Site::Facebook, "it") => "Riguardo al tuo commento",
        (Site::Facebook, "pl") => "W sprawie Twojego komentarza",
        (Site::Facebook, "pt") => "Sobre o seu comentário",
        (Site::Facebook, _) => "About your comment",
        (Site::X, "de") => "Zu deinem Post",
        (Site::X, "da") => "Om dit opslag",
        (Site::X, "sv") => "Angående ditt inlägg",
        (Site::X, "nb") => "Om innlegget ditt",
        (Site::X, "nl") => "Over je post",
        (Site::X, "fr") => "À propos de votre post",
        (Site::X, "es") => "Sobre tu post",
        (Site::X, "it") => "Riguardo al tuo post",
        (Site::X, "pl") => "W sprawie Twojego wpisu",
        (Site::X, "pt") => "Sobre o seu post",
        (Site::X, _) => "About your post",
    };
    format!("({words}: {link})")
}
