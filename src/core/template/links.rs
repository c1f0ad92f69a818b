//! Links that open a private conversation with the Page or account, for `{dm_link}`.
//!
//! Only plain identifiers are accepted, so a value read from the page can never turn the link into
//! something else (another host, a path, a query).

/// `https://m.me/<page>` for a Facebook Page's username (vanity, `acmeshoes`, a leading `@` allowed) or
/// numeric id. `None` for anything else: usernames are 5–50 letters, digits and single inner dots (Facebook's
/// rule), ids 5–20 digits.
pub fn facebook_dm_link(page: &str) -> Option<String> {
    let page = page.trim();
    let page = page.strip_prefix('@').unwrap_or(page);
    let plain = page.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.');
    let dots_ok = !page.starts_with('.') && !page.ends_with('.') && !page.contains("..");
    let ok = plain && dots_ok && (5..=50).contains(&page.len()) && page.bytes().any(|b| b != b'.');
    ok.then(|| format!("https://m.me/{page}"))
}

/// `https://x.com/messages/compose?recipient_id=<id>` for an X account's numeric user id (1–20 digits, no
/// leading zero). `None` for anything else, handles included: X's compose link takes only the id.
pub fn x_dm_link(user_id: &str) -> Option<String> {
    let id = user_id.trim();
    let ok = (1..=20).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_digit())
        && !id.starts_with('0');
    ok.then(|| format!("https://x.com/messages/compose?recipient_id={id}"))
}
