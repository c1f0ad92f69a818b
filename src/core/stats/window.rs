//! Countdowns for the windows in which Messenger lets a Page still reply.

/// A reply window and where it is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyWindow {
    /// Messenger's standard messaging window: 24 h from the customer's last message.
    MessengerStandard,
    /// Messenger's human-agent window: 7 days from the customer's last message.
    HumanAgent,
    /// A private reply to a comment: 7 days from the comment.
    PrivateReply,
}

const HOUR_MS: i64 = 60 * 60 * 1000;

impl ReplyWindow {
    pub fn length_ms(self) -> i64 {
        match self {
            Self::MessengerStandard => 24 * HOUR_MS,
            Self::HumanAgent | Self::PrivateReply => 7 * 24 * HOUR_MS,
        }
    }
}

/// Milliseconds left in the window opened at `since_ms`: 0 once closed, never more than its length
/// (a `since` in the future, from a skewed clock, shows a full window).
pub fn window_left_ms(kind: ReplyWindow, since_ms: i64, now_ms: i64) -> i64 {
    let length = kind.length_ms();
    since_ms
        .saturating_add(length)
        .saturating_sub(now_ms)
        .clamp(0, length)
}
