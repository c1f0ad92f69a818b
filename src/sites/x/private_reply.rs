//! "Reply by DM" on X. X's DM deep link needs the person's numeric id, which posts don't show; their profile
//! page has a Message button (`sendDMFromProfile`, research/sites-x.md §5 S1/S2) that opens X Chat with them.
//! So the route is the profile, marked with a fragment (never sent to X's servers) that tells the loader to run
//! there and Answerdeck to press that button.

/// The fragment that marks a profile opened to start a DM.
pub const DM_MARK: &str = "answerdeck-dm";

/// Profile page → Message button (X's test id; desktop and mobile web).
pub const MESSAGE_BUTTON: &str = r#"[data-testid="sendDMFromProfile"]"#;

/// The profile URL that leads to a DM with `handle`.
pub fn dm_url(handle: &str) -> String {
    format!("https://x.com/{}#{DM_MARK}", handle.trim_start_matches('@'))
}
