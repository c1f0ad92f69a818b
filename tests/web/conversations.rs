//! `sites::conversations`: conversation rows, the open conversation's header and the people on post pages, on
//! hand-written snippets varied along the lines the sites vary (research/sites-facebook.md §2.1, §3.1, §4;
//! sites-x.md §2, §4, §5) — including rows whose nodes a virtualised list recycles for other conversations.
use crate::support::{document, Fixture};
use answerdeck::sites::conversations::{
    list_container, open_conversation, people, rows, ListRow, OpenConversation,
};
use answerdeck::sites::surface::Surface;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

/// Puts the test page at another path and query (keys of the open conversation come from the URL) and back on
/// drop.
struct At {
    before: String,
}

impl At {
    fn new(path_and_query: &str) -> At {
        let location = document().location().expect("location");
        let before = format!(
            "{}{}",
            location.pathname().expect("path"),
            location.search().expect("query")
        );
        answerdeck::dom::window()
            .history()
            .expect("history")
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path_and_query))
            .expect("replaceState");
        At { before }
    }
}

impl Drop for At {
    fn drop(&mut self) {
        if let Ok(history) = answerdeck::dom::window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&self.before),
            );
        }
    }
}

/// (key, name) of each row.
fn listed(rows: &[ListRow]) -> Vec<(String, Option<String>)> {
    rows.iter()
        .map(|r| (r.key.clone(), r.name.clone()))
        .collect()
}

fn id_of(element: &Element) -> String {
    element.id()
}

/// The host must go inside the row but never inside a link.
fn assert_after_outside_links(rows: &[ListRow]) {
    for row in rows {
        assert!(
            row.row.contains(Some(&row.after)) || row.row == row.after,
            "{}: after is inside the row",
            row.key
        );
        let parent = row.after.parent_element().expect("after has a parent");
        assert!(
            parent.closest("a").expect("selector").is_none(),
            "{}: the host would sit inside a link",
            row.key
        );
    }
}

fn open(surface: Surface) -> OpenConversation {
    open_conversation(surface, &document()).expect("an open conversation")
}

// ---- Messenger -------------------------------------------------------------------------------------------------

/// facebook.com/messages: the chat list grid (rows > gridcell > link, one e2ee, one vanity id, an unread row with
/// its "Mark as read" button inside the link), the header linking the numeric profile.
const MESSENGER: &str = r#"
<div role="navigation" aria-label="Chats">
  <h1>Chats</h1>
  <div id="scroll"><div role="grid" aria-label="Chats" id="grid"><div>
    <div role="row" id="row1"><div role="gridcell"><a role="link" id="link1" href="/messages/t/100012345678901/" aria-current="page"><img alt=""><span>Jonas Becker</span><span>Any news? · 4m</span></a></div></div>
    <div role="row" id="row2"><div role="gridcell"><a role="link" id="link2" href="/messages/e2ee/t/7092513584176445/"><span>Anna Müller</span><span>Habt ihr…</span></a></div></div>
    <div role="row" id="row3"><div role="gridcell"><a role="link" id="link3" href="/messages/t/jonas.becker.904/"><span>Priya Nair</span><span>Is the grinder back? · 2h</span><div aria-label="Mark as read" role="button">●</div></a></div></div>
  </div></div></div>
</div>
<div role="main">
  <div id="bar">
    <a aria-label="Jonas Becker" href="/100012345678901/"><img alt=""></a>
    <div><a href="/100012345678901/" id="header-link"><h2><span>Jonas Becker</span></h2></a><span>Active 12m ago</span></div>
    <div role="button" aria-label="Start a voice call">📞</div>
  </div>
  <div role="grid" aria-label="Messages in conversation with Jonas Becker">
    <div role="row"><h4>Jonas Becker</h4><div dir="auto">Any news? <a href="/messages/t/6543219876543210/">link</a></div></div>
  </div>
  <div contenteditable="true" role="textbox" aria-label="Message"><p><br></p></div>
</div>"#;

#[wasm_bindgen_test]
fn messenger_rows_keys_names_and_where_hosts_go() {
    let fixture = Fixture::new(MESSENGER);
    let found = rows(Surface::FacebookMessenger, &document());
    assert_eq!(
        listed(&found),
        [
            (
                "fb:thread:100012345678901".into(),
                Some("Jonas Becker".into())
            ),
            (
                "fb:e2ee:7092513584176445".into(),
                Some("Anna Müller".into())
            ),
            (
                "fb:thread:jonas.becker.904".into(),
                Some("Priya Nair".into())
            ),
        ]
    );
    assert_eq!(
        found.iter().map(|r| id_of(&r.row)).collect::<Vec<_>>(),
        ["row1", "row2", "row3"]
    );
    assert_eq!(
        found.iter().map(|r| id_of(&r.after)).collect::<Vec<_>>(),
        ["link1", "link2", "link3"]
    );
    assert_after_outside_links(&found);
    assert_eq!(
        list_container(Surface::FacebookMessenger, &document()),
        Some(fixture.el("#grid"))
    );
}

#[wasm_bindgen_test]
fn messenger_open_conversation_links_the_numeric_profile() {
    let fixture = Fixture::new(MESSENGER);
    let _at = At::new("/messages/t/100012345678901");
    let conversation = open(Surface::FacebookMessenger);
    assert_eq!(conversation.key, "fb:thread:100012345678901");
    assert_eq!(conversation.name.as_deref(), Some("Jonas Becker"));
    assert_eq!(conversation.after, fixture.el("#header-link"));
    let person = conversation.person.expect("a person");
    assert_eq!(person.key, "fb:user:100012345678901");
    assert_eq!(person.name.as_deref(), Some("Jonas Becker"));
    // The open conversation's key is the key of its row.
    let found = rows(Surface::FacebookMessenger, &document());
    assert_eq!(found[0].key, conversation.key);
}

#[wasm_bindgen_test]
fn messenger_username_profile_and_group_without_profile_and_no_header() {
    let _at = At::new("/messages/t/100023456789012/");
    {
        let fixture = Fixture::new(
            r#"<div role="main"><div><a href="https://www.facebook.com/maria.sorensen.cph"><img alt=""></a>
               <div><h2 id="h"><span>Maria Sørensen</span></h2><span>Active 1h ago</span></div></div>
               <div role="grid"><div role="row"><h4>Maria Sørensen</h4><div dir="auto">Hi</div></div></div></div>"#,
        );
        let conversation = open(Surface::FacebookMessenger);
        assert_eq!(conversation.key, "fb:thread:100023456789012");
        assert_eq!(conversation.after, fixture.el("#h"));
        assert_eq!(
            conversation.person.map(|p| p.key).as_deref(),
            Some("fb:user:maria.sorensen.cph")
        );
    }
    {
        let _fixture = Fixture::new(
            r#"<div role="main"><div><img alt=""><div><h2><span>Kaffeklubben Aarhus</span></h2><span>3 medlemmer</span></div>
               <div role="button" aria-label="Start et opkald">📞</div></div>
               <div role="grid"><div role="row"><div>Mette</div><div dir="auto">Hej!</div></div></div></div>"#,
        );
        let conversation = open(Surface::FacebookMessenger);
        assert_eq!(conversation.name.as_deref(), Some("Kaffeklubben Aarhus"));
        assert_eq!(conversation.person, None, "a group links no profile");
    }
    {
        // messenger.com's older build before its header renders: no header, no anchor yet.
        let _fixture = Fixture::new(
            r#"<div role="main"><div><div data-testid="message-container"><h4>Priya</h4><div dir="auto">Hello!</div></div></div></div>"#,
        );
        assert_eq!(
            open_conversation(Surface::FacebookMessenger, &document()),
            None
        );
    }
}

/// A virtualised list recycles a row node for another conversation: the same element, a new href and name.
#[wasm_bindgen_test]
fn a_recycled_row_takes_the_key_of_its_new_link() {
    let fixture = Fixture::new(MESSENGER);
    let before = rows(Surface::FacebookMessenger, &document());
    assert_eq!(before[1].key, "fb:e2ee:7092513584176445");
    let link = fixture.el("#link2");
    link.set_attribute("href", "/messages/t/100045678901234/")
        .expect("set href");
    fixture
        .el("#link2 span")
        .set_text_content(Some("Lukas Weber"));
    let after = rows(Surface::FacebookMessenger, &document());
    assert_eq!(after[1].row, before[1].row, "the same node");
    assert_eq!(after[1].key, "fb:thread:100045678901234");
    assert_eq!(after[1].name.as_deref(), Some("Lukas Weber"));
    // A rename without a new id keeps the key.
    fixture.el("#link1 span").set_text_content(Some("Jonas B."));
    let renamed = rows(Surface::FacebookMessenger, &document());
    assert_eq!(renamed[0].key, "fb:thread:100012345678901");
    assert_eq!(renamed[0].name.as_deref(), Some("Jonas B."));
}

// ---- Business Suite inbox --------------------------------------------------------------------------------------

/// Two row shapes (data_hub 2026-03): `._4bl9 > a[role=row]` and `div[role=presentation] > a`; the left menu's
/// inbox links carry no `selected_item_id`; a header with "View profile" and one without a name.
const INBOX: &str = r#"
<div role="navigation"><a href="/latest/inbox/all?asset_id=1">Inbox</a></div>
<div role="main">
  <div role="tablist"><a role="tab" href="/latest/inbox/all?asset_id=1">All messages</a></div>
  <div role="grid" aria-label="Conversations" id="list">
    <div class="_4bl9" id="w1"><a role="row" id="a1" href="/latest/inbox/all/?asset_id=1&amp;selected_item_id=100012345678901&amp;thread_type=FB_MESSAGE"><img alt=""><span>Jonas Becker</span><span>Any news?</span></a></div>
    <div role="presentation" id="w2"><a id="a2" href="/latest/inbox/all/?asset_id=1&amp;selected_item_id=1234567890123456_987654321098765&amp;thread_type=FB_COMMENT"><span>Maria Sørensen</span><span>Commented: …</span></a></div>
    <div class="_4bl9" id="w3"><a role="row" id="a3" href="/latest/inbox/all/?asset_id=1&amp;selected_item_id=5566778899001122&amp;thread_type=IG_MESSAGE"><span>Émile Château</span></a></div>
  </div>
  <div id="pane">HEADER</div>
</div>"#;

#[wasm_bindgen_test]
fn business_inbox_rows_are_the_wrappers_around_thread_links() {
    let fixture = Fixture::new(&INBOX.replace("HEADER", ""));
    let found = rows(Surface::BusinessInbox, &document());
    assert_eq!(
        listed(&found),
        [
            (
                "fb:inbox:100012345678901".into(),
                Some("Jonas Becker".into())
            ),
            (
                "fb:inbox:1234567890123456_987654321098765".into(),
                Some("Maria Sørensen".into())
            ),
            (
                "fb:inbox:5566778899001122".into(),
                Some("Émile Château".into())
            ),
        ]
    );
    assert_eq!(
        found
            .iter()
            .map(|r| (id_of(&r.row), id_of(&r.after)))
            .collect::<Vec<_>>(),
        [
            ("w1".to_string(), "a1".to_string()),
            ("w2".into(), "a2".into()),
            ("w3".into(), "a3".into())
        ]
    );
    assert_after_outside_links(&found);
    assert_eq!(
        list_container(Surface::BusinessInbox, &document()),
        Some(fixture.el("#list"))
    );
}

#[wasm_bindgen_test]
fn business_inbox_header_with_a_profile_link_and_without_a_name() {
    let _at = At::new("/latest/inbox/all/?asset_id=1&selected_item_id=100012345678901");
    {
        let fixture = Fixture::new(&INBOX.replace(
            "HEADER",
            r#"<header><img alt=""><div><h2 id="h">Jonas Becker</h2><span>Messenger · <a href="https://www.facebook.com/100012345678901">View profile</a></span></div>
               <div role="button" aria-label="Mark as done">✓</div></header>
               <div role="log" aria-label="Message list"><div role="row"><div data-testid="mw_message_bubble"><div dir="auto">Hi</div></div></div></div>"#,
        ));
        let conversation = open(Surface::BusinessInbox);
        assert_eq!(conversation.key, "fb:inbox:100012345678901");
        assert_eq!(conversation.name.as_deref(), Some("Jonas Becker"));
        assert_eq!(conversation.after, fixture.el("#h"));
        assert_eq!(
            conversation.person.map(|p| p.key).as_deref(),
            Some("fb:user:100012345678901")
        );
    }
    {
        let fixture = Fixture::new(&INBOX.replace(
            "HEADER",
            r#"<header><div id="empty"></div><div role="button" aria-label="Als erledigt markieren">✓</div></header>"#,
        ));
        let conversation = open(Surface::BusinessInbox);
        assert_eq!(
            conversation.name.as_deref(),
            Some("Jonas Becker"),
            "from its row"
        );
        assert_eq!(conversation.after, fixture.el("#empty"));
        assert_eq!(conversation.person, None);
    }
}

// ---- X Chat ----------------------------------------------------------------------------------------------------

fn chat_slot(id: &str, name: &str, handle: &str, preview: &str) -> String {
    format!(
        r#"<li style="position:absolute;top:0"><div data-testid="dm-conversation-item-{}" aria-description="{name}, @{handle}, {preview}, 2m" class="px-4"><a href="/i/chat/{id}"><div class="py-3"><img alt="user avatar"></div><div><span>{name}</span><span>2m</span><span>{preview}</span></div></a></div></li>"#,
        id.replace('-', ":")
    )
}

fn chat_page(slots: &str, conversation: &str) -> String {
    format!(
        r#"<div data-testid="dm-container">
          <section data-testid="dm-inbox-panel"><div data-testid="dm-inbox-header"><h2>Chat</h2></div>
            <div data-testid="dm-search-bar">Search</div>
            <div class="scrollbar-thin-custom" id="scroller"><ul id="list" style="position:relative">{slots}</ul></div>
          </section>
          {conversation}
        </div>"#
    )
}

const CHAT_THREAD: &str = r#"<section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header"><div class="absolute"></div><button aria-label="Back">←</button><div class="cursor-pointer" id="name-block"><span data-testid="dm-conversation-username" id="username">Jonas Becker</span></div><button data-testid="dm-conversation-more-button">⋯</button></div>
  <div data-testid="dm-message-list"><ul><li><div><img alt="user avatar"><span class="text-headline2">Jonas Becker</span><span>@jonas_b</span></div></li></ul></div>
  <textarea data-testid="dm-composer-textarea"></textarea></section>"#;

#[wasm_bindgen_test]
fn x_chat_rows_in_recycled_slots() {
    let slots = [
        chat_slot(
            "1589427603-1859001122334455667",
            "Jonas Becker",
            "jonas_b",
            "Perfect.",
        ),
        chat_slot(
            "g1870012345678901234",
            "Röstfreunde Hamburg",
            "",
            "Max: Kapseln?",
        ),
        chat_slot(
            "1589427603-1861234567890123456",
            "Maria Sørensen",
            "mariasorensen",
            "Saturday?",
        ),
    ]
    .concat();
    let fixture = Fixture::new(&chat_page(&slots, ""));
    let found = rows(Surface::XChat, &document());
    assert_eq!(
        listed(&found),
        [
            (
                "x:dm:1589427603-1859001122334455667".into(),
                Some("Jonas Becker".into())
            ),
            (
                "x:dm:g1870012345678901234".into(),
                Some("Röstfreunde Hamburg".into())
            ),
            (
                "x:dm:1589427603-1861234567890123456".into(),
                Some("Maria Sørensen".into())
            ),
        ]
    );
    assert_after_outside_links(&found);
    assert_eq!(
        list_container(Surface::XChat, &document()),
        Some(fixture.el("#scroller"))
    );
    // The list recycles the first slot for conversation #150: test id, href and text change in place.
    let row = found[0].row.clone();
    row.set_attribute(
        "data-testid",
        "dm-conversation-item-1589427603:1880000000000000150",
    )
    .expect("testid");
    row.set_attribute("aria-description", "Lea Lange, @lea_lange150, Danke!, 3w")
        .expect("description");
    fixture
        .el("li a")
        .set_attribute("href", "/i/chat/1589427603-1880000000000000150")
        .expect("href");
    let recycled = rows(Surface::XChat, &document());
    assert_eq!(recycled[0].row, row);
    assert_eq!(recycled[0].key, "x:dm:1589427603-1880000000000000150");
    assert_eq!(recycled[0].name.as_deref(), Some("Lea Lange"));
}

#[wasm_bindgen_test]
fn x_chat_open_conversation_person_from_its_row_or_the_profile_card() {
    let _at = At::new("/i/chat/1589427603-1859001122334455667");
    {
        let slot = chat_slot(
            "1589427603-1859001122334455667",
            "Jonas Becker",
            "Jonas_B",
            "Perfect.",
        );
        let fixture = Fixture::new(&chat_page(&slot, CHAT_THREAD));
        let conversation = open(Surface::XChat);
        assert_eq!(conversation.key, "x:dm:1589427603-1859001122334455667");
        assert_eq!(conversation.name.as_deref(), Some("Jonas Becker"));
        assert_eq!(conversation.after, fixture.el("#username"));
        let person = conversation.person.expect("a person");
        assert_eq!(person.key, "x:user:jonas_b", "from the row, lower-cased");
        assert_eq!(rows(Surface::XChat, &document())[0].key, conversation.key);
    }
    {
        // The row is scrolled out of the virtual list: the profile card at the top of the thread tells the handle.
        let _fixture = Fixture::new(&chat_page("", CHAT_THREAD));
        let person = open(Surface::XChat).person.expect("a person");
        assert_eq!(person.key, "x:user:jonas_b");
    }
}

#[wasm_bindgen_test]
fn x_chat_group_request_row_and_header_without_a_name() {
    {
        let _at = At::new("/i/chat/g1870012345678901234");
        let _fixture = Fixture::new(&chat_page(
            "",
            &CHAT_THREAD.replace(
                "Jonas Becker</span></div><button",
                "Röstfreunde Hamburg</span></div><button",
            ),
        ));
        let conversation = open(Surface::XChat);
        assert_eq!(conversation.key, "x:dm:g1870012345678901234");
        assert_eq!(conversation.name.as_deref(), Some("Röstfreunde Hamburg"));
        assert_eq!(conversation.person, None, "a group is no person");
    }
    {
        let _at = At::new("/i/chat/requests/1589427603-1862345678901234567");
        let request = r#"<li id="slot"><a data-testid="dm-message-request-item-1589427603:1862345678901234567" id="req" aria-description="Freja Lindqvist, @frejalind, Hej!, 8 min." href="/i/chat/requests/1589427603-1862345678901234567" data-selected="true"><span>Freja Lindqvist</span></a></li>"#;
        let thread = r#"<section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header"><div class="absolute" aria-hidden="true"></div><button>←</button><div class="cursor-pointer" id="empty"></div><button data-testid="dm-conversation-more-button">⋯</button></div></section>"#;
        let fixture = Fixture::new(&chat_page(request, thread));
        let found = rows(Surface::XChat, &document());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "x:dm:1589427603-1862345678901234567");
        assert_eq!(
            (id_of(&found[0].row), id_of(&found[0].after)),
            ("slot".into(), "req".into())
        );
        let conversation = open(Surface::XChat);
        assert_eq!(conversation.key, found[0].key);
        assert_eq!(conversation.name.as_deref(), Some("Freja Lindqvist"));
        assert_eq!(conversation.after, fixture.el("#empty"));
        assert_eq!(
            conversation.person.map(|p| p.key).as_deref(),
            Some("x:user:frejalind")
        );
    }
}

// ---- Legacy X DMs ----------------------------------------------------------------------------------------------

fn legacy_row(id: &str, name: &str, handle: &str, selected: bool) -> String {
    format!(
        r#"<div data-testid="cellInnerDiv"><div data-testid="conversation" role="none" aria-selected="{selected}"><div><a data-testid="DM_Conversation_Avatar" href="/{handle}"><img alt=""></a><a href="/messages/{id}" id="l-{handle}"><div><span>{name}</span></div><div><span>@{handle}</span></div><time datetime="2024-11-22T09:51:00.000Z">9m</time><div><span>Preview</span></div></a></div></div></div>"#
    )
}

#[wasm_bindgen_test]
fn legacy_dm_rows_header_and_profile_card() {
    let _at = At::new("/messages/1589427603-1859001122334455667");
    let list = format!(
        r#"<section role="region" aria-labelledby="l"><h2 id="l">Messages</h2><div aria-label="Timeline: Messages" id="timeline"><div>{}{}</div></div></section>"#,
        legacy_row(
            "1589427603-1859001122334455667",
            "Jonas Becker",
            "jonas_b",
            true
        ),
        legacy_row(
            "1589427603-1864567890123456789",
            "Timo Krüger",
            "timo_kr",
            false
        )
    );
    {
        let fixture = Fixture::new(&format!(
            r#"{list}<section aria-labelledby="detail-header"><div><h2 id="detail-header"><div><span>Jonas Becker</span></div><div><span>@jonas_b</span></div></h2><button aria-label="Conversation info">ⓘ</button></div>
               <div data-testid="DmActivityContainer"><div data-testid="messageEntry"><div dir="auto">Hi</div></div></div></section>"#
        ));
        let found = rows(Surface::XLegacyDm, &document());
        assert_eq!(
            listed(&found),
            [
                (
                    "x:dm:1589427603-1859001122334455667".into(),
                    Some("Jonas Becker".into())
                ),
                (
                    "x:dm:1589427603-1864567890123456789".into(),
                    Some("Timo Krüger".into())
                ),
            ]
        );
        assert_eq!(id_of(&found[1].after), "l-timo_kr");
        assert_after_outside_links(&found);
        assert_eq!(
            list_container(Surface::XLegacyDm, &document()),
            Some(fixture.el("#timeline"))
        );
        let conversation = open(Surface::XLegacyDm);
        assert_eq!(conversation.key, found[0].key);
        assert_eq!(conversation.name.as_deref(), Some("Jonas Becker"));
        assert_eq!(conversation.after, fixture.el("#detail-header"));
        assert_eq!(
            conversation.person.map(|p| p.key).as_deref(),
            Some("x:user:jonas_b")
        );
    }
    {
        // No header (narrow layout): the profile card's name line, the handle from the card.
        let fixture = Fixture::new(&format!(
            r#"{list}<section aria-labelledby="detail-header"><div data-testid="DmActivityContainer"><div data-testid="ProfileInfoHeader"><img alt=""><div id="card-name"><span>Jonas Becker</span></div><div><span>@jonas_b</span></div><div><span>Joined March 2019</span></div></div></div></section>"#
        ));
        let conversation = open(Surface::XLegacyDm);
        assert_eq!(conversation.name.as_deref(), Some("Jonas Becker"));
        assert_eq!(conversation.after, fixture.el("#card-name"));
        assert_eq!(
            conversation.person.map(|p| p.key).as_deref(),
            Some("x:user:jonas_b")
        );
    }
}

// ---- People ----------------------------------------------------------------------------------------------------

/// A Page post: the Page's comment box, comments by authors with each profile-link form (username with tracking
/// parameters, numeric path, profile.php?id=), a reply by the Page (left out), a second comment by the same person.
const POST: &str = r#"
<div role="main"><div role="article" aria-labelledby="post-h">
  <h2 id="post-h"><a href="/nordlichtkaffee"><span dir="auto">Nordlicht Kaffee</span></a></h2>
  <div dir="auto">Winterblend is back!</div>
  <div contenteditable="true" role="textbox" aria-label="Comment as Nordlicht Kaffee"><p><br></p></div>
  <div role="article" aria-label="Comment by Maria Sørensen 2 hours ago">
    <a aria-hidden="true" href="https://www.facebook.com/maria.sorensen.cph?comment_id=11&amp;__cft__[0]=AZ"><img alt=""></a>
    <a href="https://www.facebook.com/maria.sorensen.cph?comment_id=11&amp;__cft__[0]=AZ" id="maria-1"><span dir="auto">Maria Sørensen</span></a>
    <div dir="auto">Does it work for cold brew? Ask <a href="/jonas.becker.904">Jonas Becker</a></div>
    <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=11">2h</a><div role="button">Like</div><div role="button">Reply</div></div>
    <div role="article" aria-label="Reply by Nordlicht Kaffee to Maria Sørensen's comment 1 hour ago">
      <a href="/nordlichtkaffee?comment_id=11&amp;reply_comment_id=12"><span dir="auto">Nordlicht Kaffee</span></a>
      <div dir="auto">Yes!</div>
      <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=11&amp;reply_comment_id=12">1h</a><div role="button">Reply</div></div>
    </div>
  </div>
  <div role="article" aria-label="Comment by Jonas Becker 1 hour ago">
    <a href="/100012345678901/?comment_id=13" id="jonas"><span dir="auto">Jonas Becker</span></a>
    <div dir="auto">Any news on my order?</div>
    <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=13">1h</a><div role="button">Reply</div></div>
  </div>
  <div role="article" aria-label="Comment by Priya Nair 40 minutes ago">
    <a href="https://www.facebook.com/profile.php?id=100034567890123&amp;comment_id=14" id="priya"><span dir="auto">Priya Nair</span></a>
    <div dir="auto">Grinder back in stock?</div>
    <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=14">40m</a><div role="button">Reply</div></div>
  </div>
  <div role="article" aria-label="Comment by Maria Sørensen 5 minutes ago">
    <a href="https://www.facebook.com/maria.sorensen.cph?comment_id=15" id="maria-2"><span dir="auto">Maria Sørensen</span></a>
    <div dir="auto">Thanks!</div>
    <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=15">5m</a><div role="button">Reply</div></div>
  </div>
</div></div>"#;

#[wasm_bindgen_test]
fn facebook_comment_authors_by_profile_link_without_the_page() {
    let fixture = Fixture::new(POST);
    let found = people(Surface::FacebookPost, &document());
    assert_eq!(
        found
            .iter()
            .map(|p| (p.key.as_str(), p.name.as_deref(), id_of(&p.after)))
            .collect::<Vec<_>>(),
        [
            (
                "fb:user:maria.sorensen.cph",
                Some("Maria Sørensen"),
                "maria-1".to_string()
            ),
            (
                "fb:user:100012345678901",
                Some("Jonas Becker"),
                "jonas".into()
            ),
            (
                "fb:user:100034567890123",
                Some("Priya Nair"),
                "priya".into()
            ),
            (
                "fb:user:maria.sorensen.cph",
                Some("Maria Sørensen"),
                "maria-2".into()
            ),
        ]
    );
    // Renamed on the page, the same id: the same key.
    fixture.el("#jonas span").set_text_content(Some("Jonas B."));
    let renamed = people(Surface::FacebookPost, &document());
    assert_eq!(renamed[1].key, "fb:user:100012345678901");
    // People are for post surfaces only.
    assert!(people(Surface::FacebookMessenger, &document()).is_empty());
    assert!(rows(Surface::FacebookPost, &document()).is_empty());
}

fn tweet(handle: &str, name: &str, status: &str) -> String {
    format!(
        r#"<article data-testid="tweet" tabindex="0"><div data-testid="User-Name">
             <div><a href="/{handle}" role="link" id="name-{handle}"><span>{name}</span></a></div>
             <div><a href="/{handle}" role="link" tabindex="-1"><span>@{handle}</span></a><span>·</span>
             <a href="/{handle}/status/{status}"><time datetime="2024-11-22T08:00:00.000Z">2h</time></a></div>
           </div><div data-testid="tweetText" lang="en"><span>Hi</span></div>
           <div role="group"><button data-testid="reply"></button></div></article>"#
    )
}

#[wasm_bindgen_test]
fn x_reply_authors_by_handle_without_the_acting_account() {
    let page = [
        r#"<nav><a data-testid="AppTabBar_Profile_Link" href="/nordlichtkaffee">Profile</a></nav><main>"#.to_string(),
        tweet("nordlichtkaffee", "Nordlicht Kaffee", "1859842261514375168"),
        tweet("Jonas_B", "Jonas Becker", "1859842261514375201"),
        tweet("mariasorensen", "Maria Sørensen", "1859842261514375202"),
        "</main>".to_string(),
    ]
    .concat();
    let _fixture = Fixture::new(&page);
    let found = people(Surface::XStatus, &document());
    assert_eq!(
        found
            .iter()
            .map(|p| (p.key.as_str(), p.name.as_deref(), id_of(&p.after)))
            .collect::<Vec<_>>(),
        [
            (
                "x:user:jonas_b",
                Some("Jonas Becker"),
                "name-Jonas_B".to_string()
            ),
            (
                "x:user:mariasorensen",
                Some("Maria Sørensen"),
                "name-mariasorensen".into()
            ),
        ]
    );
    assert!(people(Surface::XChat, &document()).is_empty());
}

/// A page that is not what the surface expects gives empty results, never a panic.
#[wasm_bindgen_test]
fn unrecognised_pages_give_nothing() {
    let _fixture = Fixture::new(r#"<div role="main"><p>Nothing here</p><a href="/t/">t</a></div>"#);
    for surface in Surface::ALL {
        assert!(rows(surface, &document()).is_empty(), "{surface}");
        assert!(people(surface, &document()).is_empty(), "{surface}");
        assert_eq!(list_container(surface, &document()), None, "{surface}");
    }
    let _at = At::new("/i/chat");
    assert_eq!(open_conversation(Surface::XChat, &document()), None);
    assert_eq!(open_conversation(Surface::FacebookPost, &document()), None);
}
