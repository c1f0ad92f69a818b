use answerdeck::sites::facebook::private_reply::{
    is_private_action_label, messenger_id, messenger_url,
};

#[test]
fn messenger_ids_from_profile_links() {
    let cases = [
        (
            "https://www.facebook.com/profile.php?id=100004417723456&comment_id=1",
            Some("100004417723456"),
        ),
        ("/profile.php?id=100090000000001", Some("100090000000001")),
        (
            "https://www.facebook.com/jonas.becker.hh?__cft__[0]=AZ&__tn__=R",
            Some("jonas.becker.hh"),
        ),
        ("/mette.kjaer", Some("mette.kjaer")),
        (
            "https://www.facebook.com/groups/123/user/100001234567890/",
            Some("100001234567890"),
        ),
        ("https://www.facebook.com/groups/123/posts/456", None),
        ("/profile.php?id=abc", None),
        ("/photo.php?fbid=1", None),
        ("/hashtag/coffee", None),
        (
            "https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM?comment_id=1187766554433221",
            None,
        ),
        (
            "https://www.facebook.com/jonas.becker.904?comment_id=1093847561234567&__cft__[0]=AZ",
            Some("jonas.becker.904"),
        ),
    ];
    for (href, expected) in cases {
        assert_eq!(messenger_id(href).as_deref(), expected, "{href}");
    }
    assert_eq!(
        messenger_url("jonas.becker"),
        "https://www.facebook.com/messages/t/jonas.becker/"
    );
}

#[test]
fn private_actions_in_three_languages_and_nothing_else() {
    for label in [
        "Reply privately",
        "Send message",
        "Message",
        "Privat antworten",
        "Nachricht senden",
        "Svar privat",
        "Send besked",
        " message ",
    ] {
        assert!(is_private_action_label(label), "{label}");
    }
    for label in [
        "Reply",
        "Like",
        "Antworten",
        "Svar",
        "Messages",
        "Hide or report this",
        "Send",
    ] {
        assert!(!is_private_action_label(label), "{label}");
    }
}
