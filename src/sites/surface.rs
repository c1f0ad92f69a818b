//! Which messaging surface a page URL is, if any.
//!
//! The content-script loader runs the JS twin of [`detect`] (`extension/gate.js`) and exits before fetching
//! any wasm when it says `null` (design.md §1); the wasm side calls [`detect`] again on every SPA navigation,
//! because both sites change pages with `history` and never reload (research/sites-facebook.md §1).

use std::fmt;
use std::str::FromStr;

use super::url;
use super::{facebook, x};
use crate::core::length::Target;

/// The site a surface belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Site {
    /// facebook.com, messenger.com and business.facebook.com.
    Facebook,
    /// x.com (and its twitter.com / mobile aliases).
    X,
}

/// A page where a community manager answers people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Surface {
    /// One Page/profile/group post (permalink, photo, video, reel), possibly focused on a comment.
    FacebookPost,
    /// A Page's own timeline, where its posts and their comments show.
    FacebookPage,
    /// Messenger: facebook.com/messages/… or messenger.com.
    FacebookMessenger,
    /// Meta Business Suite inbox: business.facebook.com/latest/inbox/….
    BusinessInbox,
    /// A post's detail page on X, including its sub-views (photo, quotes, likes…).
    XStatus,
    /// The X compose modal (a new post or `?in_reply_to=` a post).
    XCompose,
    /// XChat DMs (/i/chat), the only DM UI since 2026-08.
    XChat,
    /// Legacy X DMs (/messages), kept while any account can still reach them.
    XLegacyDm,
}

impl Surface {
    /// Every surface, in declaration order.
    pub const ALL: [Surface; 8] = [
        Surface::FacebookPost,
        Surface::FacebookPage,
        Surface::FacebookMessenger,
        Surface::BusinessInbox,
        Surface::XStatus,
        Surface::XCompose,
        Surface::XChat,
        Surface::XLegacyDm,
    ];

    /// What a reply written on this surface becomes, when the composer itself doesn't tell (length rules).
    pub fn default_target(self) -> Target {
        match self {
            Surface::FacebookPost | Surface::FacebookPage => Target::FacebookComment,
            Surface::FacebookMessenger | Surface::BusinessInbox => Target::Messenger,
            Surface::XStatus | Surface::XCompose => Target::XPost,
            Surface::XChat | Surface::XLegacyDm => Target::XDm,
        }
    }

    /// A conversation (Messenger, the Business Suite inbox, X Chat, legacy X DMs): one composer answers the
    /// person in the open thread, and there are no comments to put `reply` controls on.
    pub fn is_conversation(self) -> bool {
        matches!(
            self,
            Surface::FacebookMessenger
                | Surface::BusinessInbox
                | Surface::XChat
                | Surface::XLegacyDm
        )
    }

    /// The site this surface lives on.
    pub fn site(self) -> Site {
        match self {
            Surface::FacebookPost
            | Surface::FacebookPage
            | Surface::FacebookMessenger
            | Surface::BusinessInbox => Site::Facebook,
            Surface::XStatus | Surface::XCompose | Surface::XChat | Surface::XLegacyDm => Site::X,
        }
    }

    /// Stable kebab-case name, shared with `extension/gate.js` and tests/fixtures/urls.json.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::FacebookPost => "facebook-post",
            Surface::FacebookPage => "facebook-page",
            Surface::FacebookMessenger => "facebook-messenger",
            Surface::BusinessInbox => "business-inbox",
            Surface::XStatus => "x-status",
            Surface::XCompose => "x-compose",
            Surface::XChat => "x-chat",
            Surface::XLegacyDm => "x-legacy-dm",
        }
    }

    /// Inverse of [`Surface::as_str`]. An inherent `Option` form because callers (the JS bridge) only
    /// need "known or not"; the `FromStr` impl below serves `str::parse`.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(name: &str) -> Option<Surface> {
        Surface::ALL
            .into_iter()
            .find(|surface| surface.as_str() == name)
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A surface name that [`Surface::from_str`] does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSurface(pub String);

impl fmt::Display for UnknownSurface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown surface name {:?}", self.0)
    }
}

impl std::error::Error for UnknownSurface {}

impl FromStr for Surface {
    type Err = UnknownSurface;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Surface::from_str(name).ok_or_else(|| UnknownSurface(name.to_owned()))
    }
}

/// The messaging surface of a full page URL (scheme and host required), or `None` for every other page
/// — including other hosts, the home feeds, profiles and settings.
pub fn detect(page_url: &str) -> Option<Surface> {
    let parsed = url::parse(page_url)?;
    facebook::url::detect(&parsed).or_else(|| x::url::detect(&parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for surface in Surface::ALL {
            assert_eq!(Surface::from_str(surface.as_str()), Some(surface));
            assert_eq!(surface.as_str().parse::<Surface>(), Ok(surface));
            assert_eq!(surface.to_string(), surface.as_str());
        }
        assert_eq!(Surface::from_str("facebook"), None);
        assert!("".parse::<Surface>().is_err());
    }

    #[test]
    fn conversations_are_the_messaging_surfaces() {
        let conversations: Vec<Surface> = Surface::ALL
            .into_iter()
            .filter(|s| s.is_conversation())
            .collect();
        assert_eq!(
            conversations,
            [
                Surface::FacebookMessenger,
                Surface::BusinessInbox,
                Surface::XChat,
                Surface::XLegacyDm
            ]
        );
        for surface in conversations {
            assert!(matches!(
                surface.default_target(),
                Target::Messenger | Target::XDm
            ));
        }
    }

    #[test]
    fn sites_follow_the_name_prefix() {
        for surface in Surface::ALL {
            let expected = if surface.as_str().starts_with("x-") {
                Site::X
            } else {
                Site::Facebook
            };
            assert_eq!(surface.site(), expected, "{surface}");
        }
    }
}
