//! The keys labels and notes attach to (src/core/subject.rs), read from hrefs, test ids and handles: people
//! (`fb:user:`, `x:user:`) and the per-link twins of the conversation keys the composer adapters read from the page
//! URL (`fb:thread:`, `fb:e2ee:`, `fb:inbox:`, `x:dm:`). A row's key must equal the key of the conversation it opens.

use answerdeck::sites::conversations::{person_key_facebook, person_key_x};
use answerdeck::sites::facebook::url::{inbox_key, thread_key};
use answerdeck::sites::x::url::{chat_id, row_chat_id};

fn check(name: &str, f: fn(&str) -> Option<String>, cases: &[(&str, Option<&str>)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(input, expected)| f(input).as_deref() != *expected)
        .map(|(input, expected)| {
            format!(
                "  {name}({input:?}) = {:?}, expected {expected:?}",
                f(input)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn facebook_people_from_profile_links() {
    check(
        "person_key_facebook",
        person_key_facebook,
        &[
            // Numeric profile paths (Messenger headers, comment authors without a username).
            ("/100012345678901/", Some("fb:user:100012345678901")),
            ("https://www.facebook.com/100012345678901", Some("fb:user:100012345678901")),
            // Usernames, lower-cased; tracking and comment parameters ignored.
            ("https://www.facebook.com/maria.sorensen.cph", Some("fb:user:maria.sorensen.cph")),
            ("facebook.com/maria.sorensen.cph", Some("fb:user:maria.sorensen.cph")),
            (
                "https://www.facebook.com/Jonas.Becker.904?comment_id=1093847561234567&__cft__[0]=AZW9q0k3u&__tn__=R]-R",
                Some("fb:user:jonas.becker.904"),
            ),
            ("https://m.facebook.com/jonas.becker.904/", Some("fb:user:jonas.becker.904")),
            ("https://web.facebook.com/priya-nair-77", Some("fb:user:priya-nair-77")),
            // profile.php?id= and group member links.
            (
                "https://www.facebook.com/profile.php?id=100023456789012&comment_id=871234560987654",
                Some("fb:user:100023456789012"),
            ),
            ("/profile.php?id=100090000000001", Some("fb:user:100090000000001")),
            (
                "https://www.facebook.com/groups/123456/user/100001234567890/",
                Some("fb:user:100001234567890"),
            ),
            // Not a person.
            ("/profile.php?id=abc", None),
            ("/profile.php", None),
            (
                "https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM?comment_id=1187766554433221",
                None,
            ),
            ("/permalink.php?story_fbid=1&id=2", None),
            ("/messages/t/100012345678901/", None),
            ("/messages", None),
            ("/watch/?v=123", None),
            ("/hashtag/coffee", None),
            ("/settings", None),
            ("/login.php", None),
            ("/groups/123/posts/456", None),
            ("https://www.facebook.com/", None),
            ("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com", None),
            ("https://www.instagram.com/maria.sorensen.cph", None),
            ("https://www.messenger.com/t/100012345678901", None),
            ("javascript:void(0)", None),
            ("#", None),
            ("", None),
        ],
    );
}

#[test]
fn x_people_from_handles_and_profile_links() {
    check(
        "person_key_x",
        person_key_x,
        &[
            ("@Jonas_B", Some("x:user:jonas_b")),
            ("jonas_b", Some("x:user:jonas_b")),
            ("/jonas_b", Some("x:user:jonas_b")),
            ("https://x.com/Jonas_B/", Some("x:user:jonas_b")),
            ("https://twitter.com/m4x_1992__", Some("x:user:m4x_1992__")),
            ("  @mariasorensen ", Some("x:user:mariasorensen")),
            // Not a person.
            ("/jonas_b/status/1859871827165184017", None),
            ("/home", None),
            ("/i/chat", None),
            ("/messages", None),
            ("/explore", None),
            ("@", None),
            ("@has space", None),
            ("@jonas-b", None),
            ("@abcdefghijklmnopqrstu", None),
            ("https://example.com/jonas_b", None),
            ("https://x.com/", None),
            ("", None),
        ],
    );
}

#[test]
fn messenger_conversations_from_links() {
    check(
        "thread_key",
        thread_key,
        &[
            (
                "/messages/t/100012345678901/",
                Some("fb:thread:100012345678901"),
            ),
            (
                "https://www.facebook.com/messages/t/100012345678901",
                Some("fb:thread:100012345678901"),
            ),
            ("/t/100071234567890/", Some("fb:thread:100071234567890")),
            (
                "/messages/e2ee/t/7092513584176445/",
                Some("fb:e2ee:7092513584176445"),
            ),
            ("/e2ee/t/7092513584176445", Some("fb:e2ee:7092513584176445")),
            (
                "/requests/t/100098765432101/",
                Some("fb:thread:100098765432101"),
            ),
            (
                "/messages/t/jonas.becker.904/",
                Some("fb:thread:jonas.becker.904"),
            ),
            ("/messages/", None),
            ("/100012345678901/", None),
            ("#", None),
        ],
    );
}

#[test]
fn business_inbox_conversations_from_links() {
    check(
        "inbox_key",
        inbox_key,
        &[
            (
                "/latest/inbox/all/?asset_id=100064123456789&mailbox_id=100064123456789&selected_item_id=100012345678901&thread_type=FB_MESSAGE",
                Some("fb:inbox:100012345678901"),
            ),
            (
                "https://business.facebook.com/latest/inbox/facebook?asset_id=1&selected_item_id=2233445566778899_1122334455",
                Some("fb:inbox:2233445566778899_1122334455"),
            ),
            ("?selected_item_id=42", Some("fb:inbox:42")),
            ("/latest/inbox/all?asset_id=100064123456789", None),
            ("/latest/inbox/all?selected_item_id=", None),
            ("/latest/home?selected_item_id=42", None),
        ],
    );
}

#[test]
fn x_chat_rows_from_test_ids() {
    check(
        "row_chat_id",
        row_chat_id,
        &[
            (
                "dm-conversation-item-1589427603:1859001122334455667",
                Some("1589427603-1859001122334455667"),
            ),
            (
                "dm-conversation-item-g1870012345678901234",
                Some("g1870012345678901234"),
            ),
            (
                "dm-message-request-item-1589427603:1862345678901234567",
                Some("1589427603-1862345678901234567"),
            ),
            ("dm-conversation-item-", None),
            ("dm-conversation-item-abc:def", None),
            ("dm-conversation-item-1:2:3", None),
            ("conversation", None),
        ],
    );
}

/// The key a row gives equals the key the open conversation (and the composer) reads from the page URL.
#[test]
fn a_rows_key_equals_the_open_conversations_key() {
    let pairs = [
        (
            thread_key("/messages/t/100012345678901/"),
            thread_key("https://www.facebook.com/messages/t/100012345678901"),
        ),
        (
            thread_key("/messages/e2ee/t/7092513584176445/"),
            thread_key("/messages/e2ee/t/7092513584176445"),
        ),
        (
            row_chat_id("dm-conversation-item-1589427603:1859001122334455667"),
            chat_id("/i/chat/1589427603-1859001122334455667"),
        ),
        (
            row_chat_id("dm-message-request-item-1589427603:1862345678901234567"),
            chat_id("/i/chat/requests/1589427603-1862345678901234567"),
        ),
        (
            chat_id("/messages/1589427603-1863456789012345678"),
            chat_id("https://x.com/messages/1589427603-1863456789012345678"),
        ),
    ];
    for (row, open) in pairs {
        assert!(row.is_some());
        assert_eq!(row, open);
    }
}
