//! The conversation adapters (`sites::facebook::{messenger, business}`, `sites::x::{chat, legacy_dm}`) and the
//! reply/quote composer facts of `sites::x::page` and `sites::facebook::page`, on hand-written markup varied
//! along the lines the sites vary (research/sites-facebook.md §3, §4; sites-x.md §2, §4, §5): whom a composer
//! answers, the customer's latest *received* message, its language, the conversation key and the customer's id.
use crate::support::{document, Fixture};
use answerdeck::core::length::Target;
use answerdeck::dom::insert::{insert_text, InsertError, Method};
use answerdeck::sites::adapter;
use answerdeck::sites::facebook::{business, messenger};
use answerdeck::sites::page::{ComposerFacts, PageFacts};
use answerdeck::sites::surface::Surface;
use answerdeck::sites::x::{chat, legacy_dm};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlTextAreaElement};

/// Puts the test page at another path and query (the adapters read thread ids from the URL) and back on drop.
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
        let history = answerdeck::dom::window().history().expect("history");
        history
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

fn facts_of(surface: Surface, fixture: &Fixture, editor: &str) -> ComposerFacts {
    adapter::composer_facts(surface, &document(), &fixture.el(editor))
}

fn name(facts: &ComposerFacts) -> Option<&str> {
    facts.person.name.as_deref()
}

// ---- Messenger ---------------------------------------------------------------------------------------------

/// facebook.com/messages: a chat list, the header linking to the numeric profile, grid rows with hidden
/// sender headings and "You sent", the user's message after the customer's first two, an emoji in the text.
const MESSENGER: &str = r#"
<div role="navigation" aria-label="Chats"><div role="grid" aria-label="Chats">
  <div role="row"><a role="link" href="/messages/t/100012345678901/" aria-current="page"><span>Jonas Becker</span><span>Any news? · 4m</span></a></div>
  <div role="row"><a role="link" href="/messages/t/100023456789012/"><span>Maria Sørensen</span></a></div>
</div></div>
<div role="main">
  <div><a href="/100012345678901/" role="link"><h2><span>Jonas Becker</span></h2></a><span>Active 12m ago</span></div>
  <div role="grid" aria-label="Messages in conversation with Jonas Becker">
    <div role="row"><span>Today 08:57</span></div>
    <div role="row"><h4>Jonas Becker</h4><div style="display:flex;justify-content:flex-start"><div dir="auto">Do you ship to Austria?</div></div></div>
    <div role="row"><h4>Jonas Becker</h4><div style="display:flex;justify-content:flex-start"><img alt="Jonas Becker"><div dir="auto">Any news on the delivery to Vienna? <img alt="🙏"></div></div></div>
    <div role="row"><h5>You sent</h5><div style="display:flex;justify-content:flex-end"><div dir="auto">Let me check with our shipping partner.</div></div></div>
    <div role="row"><img alt="Seen by Jonas Becker"></div>
  </div>
  <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message" id="box"><p><br></p></div></div>
</div>"#;

#[wasm_bindgen_test]
fn messenger_thread_names_the_customer_and_skips_the_users_own_message() {
    let _at = At::new("/messages/t/100012345678901/");
    let fixture = Fixture::new(MESSENGER);
    let facts = facts_of(Surface::FacebookMessenger, &fixture, "#box");
    assert_eq!(name(&facts), Some("Jonas Becker"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Any news on the delivery to Vienna? 🙏")
    );
    assert_eq!(facts.person.id.as_deref(), Some("100012345678901"));
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:thread:100012345678901")
    );
    assert_eq!(facts.target, Target::Messenger);
    assert_eq!(facts.unavailable, None);
    let composers = messenger::composers(&document());
    assert_eq!(composers.len(), 1, "one composer, none in the chat list");
    assert!(
        adapter::reply_targets(
            Surface::FacebookMessenger,
            &document(),
            &PageFacts::default()
        )
        .is_empty(),
        "conversations have no `reply` targets"
    );
}

/// An e2ee thread in German: rows are plain children of `messages_table` under one wrapper, the sent row is
/// marked "Du hast gesendet", the header has no link; the customer's latest message is two lines.
const MESSENGER_E2EE: &str = r#"
<div role="main">
  <div><h2><span>Anna Müller</span></h2><span>Ende-zu-Ende-verschlüsselt</span></div>
  <div data-pagelet="MWMessageListContainer"><div data-scope="messages_table"><div>
    <div><span>Heute 09:12</span></div>
    <div><div style="display:flex;justify-content:flex-start"><img alt="Anna Müller"><div dir="auto">Habt ihr den Winterblend auch entkoffeiniert?</div><div dir="auto">Und liefert ihr nach Österreich?</div></div></div>
    <div><span style="position:absolute;clip:rect(0 0 0 0)">Du hast gesendet</span><div><div dir="auto">Ja, beides!</div></div></div>
    <div><span>Gesehen</span></div>
  </div></div></div>
  <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Nachricht" id="box"></div>
</div>"#;

#[wasm_bindgen_test]
fn messenger_e2ee_rows_without_roles_and_a_german_sent_marker() {
    let _at = At::new("/messages/e2ee/t/7092513584176445");
    let fixture = Fixture::new(MESSENGER_E2EE);
    let facts = facts_of(Surface::FacebookMessenger, &fixture, "#box");
    assert_eq!(name(&facts), Some("Anna Müller"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Habt ihr den Winterblend auch entkoffeiniert?\nUnd liefert ihr nach Österreich?"),
        "the marked row is the user's; the customer's two lines come before it"
    );
    assert_eq!(facts.person.id, None, "no profile link in an e2ee header");
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:e2ee:7092513584176445")
    );
}

/// A group: the header names the group; the latest message's avatar names the member who wrote it.
const MESSENGER_GROUP: &str = r#"
<div role="main">
  <div><h2><span>Kaffeklubben Aarhus</span></h2><span>3 medlemmer</span></div>
  <div role="grid" aria-label="Beskeder i samtalen med Kaffeklubben Aarhus">
    <div role="row"><div>Mette</div><div style="display:flex;justify-content:flex-start"><img alt="Mette Kjær"><div dir="auto">Vi er fem i klubben.</div></div></div>
    <div role="row"><span>Du sendte</span><div style="display:flex;justify-content:flex-end"><div dir="auto">10 % rabat!</div></div></div>
    <div role="row"><div style="display:flex;justify-content:flex-start"><img alt="Søren Ødegaard"><div dir="auto">Har I også hele bønner?</div></div></div>
  </div>
  <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Besked" id="box"></div>
</div>"#;

#[wasm_bindgen_test]
fn messenger_group_answers_the_member_who_wrote_last() {
    let _at = At::new("/messages/t/6543219876543210");
    let fixture = Fixture::new(MESSENGER_GROUP);
    let facts = facts_of(Surface::FacebookMessenger, &fixture, "#box");
    assert_eq!(name(&facts), Some("Søren Ødegaard"), "not the group's name");
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Har I også hele bønner?")
    );
}

/// messenger.com's root URL (no thread id), no header, no hidden labels: sides come from layout only, the
/// name from the chat list's selected row, the thread id from that row's link.
const MESSENGER_COM: &str = r#"
<div role="navigation"><div role="grid" aria-label="Chats">
  <div role="row"><a role="link" href="/t/100071234567890/" aria-current="page"><span>Priya Nair</span><span>Is the grinder back? · 9m</span></a></div>
</div></div>
<div role="main" style="width:600px">
  <div>
    <div data-testid="message-container"><div style="display:flex;justify-content:flex-start"><div dir="auto" style="max-width:60%">Is the grinder back in stock?</div></div></div>
    <div data-testid="message-container"><div style="display:flex;justify-content:flex-end"><div dir="auto" style="max-width:60%">Hi Priya! Which one?</div></div></div>
  </div>
  <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message" id="box"></div>
</div>"#;

#[wasm_bindgen_test]
fn messenger_com_reads_sides_from_layout_and_the_name_from_the_chat_list() {
    let _at = At::new("/");
    let fixture = Fixture::new(MESSENGER_COM);
    let facts = facts_of(Surface::FacebookMessenger, &fixture, "#box");
    assert_eq!(name(&facts), Some("Priya Nair"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Is the grinder back in stock?"),
        "the right-aligned row is the user's"
    );
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:thread:100071234567890")
    );
}

#[wasm_bindgen_test]
fn profile_ids_are_numeric_only() {
    assert_eq!(
        messenger::profile_id("/100012345678901/").as_deref(),
        Some("100012345678901")
    );
    assert_eq!(
        messenger::profile_id("https://www.facebook.com/profile.php?id=100098765432101").as_deref(),
        Some("100098765432101")
    );
    assert_eq!(
        messenger::profile_id("https://www.facebook.com/maria.sorensen.cph"),
        None
    );
    assert_eq!(messenger::profile_id("/messages/t/100012345678901/"), None);
}

// ---- Business Suite ----------------------------------------------------------------------------------------

/// A Messenger thread: the left menu's current item, the thread list (selected row), the header with a
/// profile link, bubbles in a log, the Page's reply "Sent by …" last.
const INBOX: &str = r#"
<div role="navigation"><a href="/latest/inbox/all" aria-current="page">Inbox</a></div>
<div role="main">
  <div role="grid" aria-label="Conversations">
    <div class="_4bl9"><a role="row" aria-selected="true" href="/latest/inbox/all/?asset_id=1&amp;selected_item_id=100012345678901&amp;thread_type=FB_MESSAGE"><span>Jonas Becker</span></a></div>
    <div class="_4bl9"><a role="row" aria-selected="false" href="/latest/inbox/all/?asset_id=1&amp;selected_item_id=100045678901234&amp;thread_type=FB_MESSAGE"><div dir="auto">Lukas Weber</div></a></div>
  </div>
  <div id="pane">
    <header><h2>Jonas Becker</h2><a href="https://www.facebook.com/100012345678901">View profile</a><div role="button">✓</div></header>
    <div data-testid="mw_chat_scroller" role="log" aria-label="Message list">
      <div role="row"><div data-testid="mw_message_bubble"><div dir="auto">Hi! Order #40213.</div></div></div>
      <div role="row"><div data-testid="mw_message_bubble"><div dir="auto">Any news on the delivery?</div></div></div>
      <div role="row"><div data-testid="mw_message_bubble"><div dir="auto">Checking now.</div></div><div>Sent by Lena Hoffmann</div></div>
    </div>
    <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Reply in Messenger…" id="box"></div></div>
  </div>
</div>"#;

#[wasm_bindgen_test]
fn business_inbox_messenger_thread() {
    let _at = At::new(
        "/latest/inbox/all/?asset_id=1&selected_item_id=100012345678901&thread_type=FB_MESSAGE",
    );
    let fixture = Fixture::new(INBOX);
    let facts = facts_of(Surface::BusinessInbox, &fixture, "#box");
    assert_eq!(name(&facts), Some("Jonas Becker"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Any news on the delivery?"),
        "the Page's reply (Sent by …) is skipped; the thread list's rows are not messages"
    );
    assert_eq!(facts.person.id.as_deref(), Some("100012345678901"));
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:inbox:100012345678901")
    );
    assert_eq!(facts.target, Target::Messenger);
    assert_eq!(facts.unavailable, None);
}

/// Bare bubbles (no row role), the Page's "Gesendet von" line beside its bubble, the Page's reply last, a header
/// without a name: the name comes from the selected `._at41` row, the key from its link (no id in the URL).
const INBOX_DE: &str = r#"
<div role="navigation"><a href="/latest/inbox/all" aria-current="page">Posteingang</a></div>
<div role="main">
  <div><div role="presentation" class="_at41" aria-selected="true"><a href="/latest/inbox/facebook?asset_id=1&amp;selected_item_id=5566778899001122"><span>Émile Château</span><span>12 Min.</span></a></div></div>
  <div>
    <header><div role="button">✓</div></header>
    <div data-testid="mw_chat_scroller" style="width:600px"><div>
      <div style="display:flex;justify-content:flex-start"><div data-testid="mw_message_bubble" style="max-width:60%"><div dir="auto">Bonjour, livrez-vous en France ?</div></div></div>
      <div style="display:flex;flex-direction:column;align-items:flex-end"><div data-testid="mw_message_bubble" style="max-width:60%"><div dir="auto">Oui !</div></div><div>Gesendet von Lena Hoffmann</div></div>
    </div></div>
    <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Im Messenger antworten…" id="box"></div>
  </div>
</div>"#;

#[wasm_bindgen_test]
fn business_inbox_bare_bubbles_and_the_name_from_the_selected_row() {
    let _at = At::new("/latest/inbox/facebook");
    let fixture = Fixture::new(INBOX_DE);
    let facts = facts_of(Surface::BusinessInbox, &fixture, "#box");
    assert_eq!(
        name(&facts),
        Some("Émile Château"),
        "not the left menu's item"
    );
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Bonjour, livrez-vous en France ?")
    );
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:inbox:5566778899001122")
    );
}

/// A comment thread: the post, the customer's comment, the Page's reply, the customer's follow-up.
const INBOX_COMMENTS: &str = r#"
<div role="main"><div>
  <header><h2>Zoë Lefèvre</h2></header>
  <div>
    <div><div>Nordlicht Kaffee</div><div dir="auto">Neu im Shop: Steingut-Tassen.</div></div>
    <div role="article" aria-label="Kommentar von Zoë Lefèvre vor 1 Stunde"><a href="https://www.facebook.com/profile.php?id=100081234567890"><span dir="auto">Zoë Lefèvre</span></a><div dir="auto">Gibt es die Tassen auch einzeln?</div><a href="/p/?comment_id=1122334455">1 Std.</a></div>
    <div role="article" aria-label="Reply by Nordlicht Kaffee to Zoë Lefèvre's comment 30 minutes ago"><a href="/nordlichtkaffee"><span dir="auto">Nordlicht Kaffee</span></a><div dir="auto">Ja, ab 14 €.</div></div>
    <div role="article" aria-label="Antwort von Zoë Lefèvre vor 5 Min."><a href="https://www.facebook.com/profile.php?id=100081234567890"><span dir="auto">Zoë Lefèvre</span></a><div dir="auto">Und spülmaschinenfest?</div></div>
  </div>
  <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Antworten als Nordlicht Kaffee…" id="box"></div>
</div></div>"#;

#[wasm_bindgen_test]
fn business_inbox_comment_thread_answers_the_latest_customer_comment() {
    let _at = At::new("/latest/inbox/facebook?selected_item_id=2233445566778899_1122334455");
    let fixture = Fixture::new(INBOX_COMMENTS);
    let facts = facts_of(Surface::BusinessInbox, &fixture, "#box");
    assert_eq!(facts.target, Target::FacebookComment);
    assert_eq!(name(&facts), Some("Zoë Lefèvre"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Und spülmaschinenfest?")
    );
    assert_eq!(facts.person.id.as_deref(), Some("100081234567890"));
    assert_eq!(
        facts.conversation.as_deref(),
        Some("fb:inbox:2233445566778899_1122334455")
    );
}

#[wasm_bindgen_test]
fn business_inbox_disabled_box_says_why_and_quotes_the_page() {
    let fixture = Fixture::new(
        r#"<div role="main"><div role="log"><div role="row"><div dir="auto">Danke!</div></div></div>
           <div role="alert">You can't reply to this conversation because it's been more than 7 days.</div>
           <div aria-disabled="true"><div contenteditable="false" role="textbox" data-lexical-editor="true" aria-readonly="true" id="closed"></div></div></div>"#,
    );
    let quoted = business::unavailable(&fixture.el("#closed")).expect("a reason");
    assert!(quoted.contains("can't be answered here"), "{quoted}");
    assert!(
        quoted
            .contains("“You can't reply to this conversation because it's been more than 7 days.”"),
        "{quoted}"
    );
    assert!(quoted.contains("Nothing was inserted"), "{quoted}");
    assert_eq!(
        adapter::unavailable(Surface::BusinessInbox, &fixture.el("#closed")),
        Some(quoted)
    );
    assert_eq!(
        business::composers(&document()).len(),
        1,
        "a disabled box gets a control too (it explains)"
    );
    drop(fixture);
    let silent = Fixture::new(
        r#"<div role="main"><div><div contenteditable="false" role="textbox" data-lexical-editor="true" id="readonly"></div></div></div>"#,
    );
    let generic = business::unavailable(&silent.el("#readonly")).expect("a reason");
    assert!(generic.contains("messaging window"), "{generic}");
    drop(silent);
    let open = Fixture::new(
        r#"<div role="main"><div contenteditable="true" role="textbox" data-lexical-editor="true" id="open"></div></div>"#,
    );
    assert_eq!(business::unavailable(&open.el("#open")), None);
    assert_eq!(
        adapter::unavailable(Surface::FacebookMessenger, &open.el("#open")),
        None
    );
}

// ---- X Chat ------------------------------------------------------------------------------------------------

/// The inbox (selected row with its aria-description), the header's username, the profile card, messages
/// with justify-start/justify-end, hidden times and a "Seen" status, and the composer textarea.
const CHAT: &str = r#"
<div data-testid="dm-container">
  <section data-testid="dm-inbox-panel"><ul>
    <li><div data-testid="dm-conversation-item-1589427603:1859001122334455667" data-selected="true" aria-description="Jonas Becker, @jonas_b, Perfect. Can I pay with PayPal?, 2m"><a href="/i/chat/1589427603-1859001122334455667">Jonas Becker</a></div></li>
    <li><div data-testid="dm-conversation-item-1589427603:1861234567890123456" aria-description="Maria Sørensen, @mariasorensen, Saturday?, 1h"><a href="/i/chat/1589427603-1861234567890123456">Maria</a></div></li>
    <li><div data-testid="dm-conversation-item-1432100000:1589427603" aria-description="Tom, @tom, Hi, 1d"><a href="/i/chat/1432100000-1589427603">Tom</a></div></li>
    <li><div data-testid="dm-conversation-item-g1870012345678901234" aria-description="Röstfreunde, Hi, 1d"><a href="/i/chat/g1870012345678901234">Röstfreunde</a></div></li>
  </ul></section>
  <section data-testid="dm-conversation-panel">
    <div data-testid="dm-conversation-header"><span data-testid="dm-conversation-username">Jonas Becker</span></div>
    <div data-testid="dm-message-list"><div role="log"><ul>
      <li><img alt="user avatar"><span class="text-headline2">Jonas Becker</span><span>@jonas_b</span></li>
      <li><div data-testid="message-a1" class="flex justify-start"><div data-testid="message-text-a1"><span dir="auto">Do you ship to Austria?</span> <span aria-hidden="true">09:39</span></div></div></li>
      <li><div data-testid="message-a2" class="flex justify-start"><div data-testid="message-text-a2"><span dir="auto">Perfect. Can I pay with PayPal?</span> <span aria-hidden="true">09:51</span></div></div></li>
      <li><div data-testid="message-a3" class="flex justify-end"><div data-testid="message-text-a3"><span dir="auto">Yes, PayPal works.</span> <span aria-hidden="true">09:52</span></div><span>Seen</span></div></li>
    </ul></div></div>
    <form data-testid="dm-composer-form"><textarea data-testid="dm-composer-textarea" placeholder="Message" id="box"></textarea></form>
  </section>
</div>"#;

#[wasm_bindgen_test]
fn x_chat_one_to_one() {
    let _at = At::new("/i/chat/1589427603-1859001122334455667");
    let fixture = Fixture::new(CHAT);
    let facts = facts_of(Surface::XChat, &fixture, "#box");
    assert_eq!(name(&facts), Some("Jonas Becker"));
    assert_eq!(facts.person.handle.as_deref(), Some("jonas_b"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Perfect. Can I pay with PayPal?"),
        "the user's justify-end message is skipped; the hidden time is not text"
    );
    assert_eq!(
        facts.person.id.as_deref(),
        Some("1859001122334455667"),
        "the id every other 1:1 conversation shares is the user's own"
    );
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:dm:1589427603-1859001122334455667")
    );
    assert_eq!(facts.target, Target::XDm);
    assert_eq!(chat::composers(&document()).len(), 1);
}

#[wasm_bindgen_test]
fn x_chat_group_answers_the_sender_and_request_threads_read_the_selected_row() {
    let _at = At::new("/i/chat/g1870012345678901234");
    let group = Fixture::new(
        r#"<section data-testid="dm-conversation-panel">
          <div data-testid="dm-conversation-header"><span data-testid="dm-conversation-username">Röstfreunde Hamburg</span></div>
          <div data-testid="dm-message-list"><ul>
            <li><div data-testid="message-b1" class="justify-start"><span>Lena Fischer</span><div data-testid="message-text-b1">Moin! 10:02</div></div></li>
            <li><div data-testid="message-b2" class="justify-start"><img alt="user avatar"><span class="text-subtext2">Max Hoffmann</span><div data-testid="message-text-b2">Gibt es den Winterblend als Kapseln? <span aria-hidden="true">10:11</span></div></div></li>
          </ul></div>
          <textarea data-testid="dm-composer-textarea" id="box"></textarea></section>"#,
    );
    let facts = facts_of(Surface::XChat, &group, "#box");
    assert_eq!(name(&facts), Some("Max Hoffmann"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Gibt es den Winterblend als Kapseln?"),
        "without body spans, the bubble's time is dropped"
    );
    assert_eq!(facts.person.handle, None);
    assert_eq!(facts.person.id, None);
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:dm:g1870012345678901234")
    );
    drop(group);

    let _request = At::new("/i/chat/requests/1589427603-1862345678901234567");
    let request = Fixture::new(
        r#"<ul><li><a data-testid="dm-message-request-item-1589427603:1862345678901234567" data-selected="true" aria-description="Freja Lindqvist, @frejalind, Hej!, 8 min." href="/i/chat/requests/1589427603-1862345678901234567">Freja</a></li></ul>
          <section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header"><button>←</button></div>
          <div data-testid="dm-message-list"><ul><li><div data-testid="message-c1" class="justify-start"><div data-testid="message-text-c1"><span dir="auto">Hej! Sender I til Danmark?</span> <span aria-hidden="true">09:52</span></div></div></li></ul></div>
          <textarea data-testid="dm-composer-textarea" id="box"></textarea></section>"#,
    );
    let facts = facts_of(Surface::XChat, &request, "#box");
    assert_eq!(name(&facts), Some("Freja Lindqvist"));
    assert_eq!(facts.person.handle.as_deref(), Some("frejalind"));
    assert_eq!(
        facts.person.id, None,
        "one listed conversation is not enough to tell the user's id"
    );
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Hej! Sender I til Danmark?")
    );
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:dm:1589427603-1862345678901234567")
    );
}

// ---- legacy X DMs ------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn legacy_dm_header_or_profile_card_and_the_latest_received_message_with_its_language() {
    let _at = At::new("/messages/1589427603-1863456789012345678");
    let with_header = Fixture::new(
        r#"<section aria-labelledby="detail-header"><h2 id="detail-header"><span>Jonas Becker</span><span>@jonas_b</span></h2>
          <div data-testid="DmActivityContainer">
            <div data-testid="messageEntry"><div dir="auto">Do you ship to Austria?</div><div dir="ltr">9:39 AM</div></div>
            <div data-testid="messageEntry" role="button"><div dir="auto">Yes!</div><div dir="ltr">9:44 AM · Seen</div></div>
            <aside role="complementary"><div data-testid="dmComposerTextInput" contenteditable="true" id="box"></div></aside>
          </div></section>"#,
    );
    let facts = facts_of(Surface::XLegacyDm, &with_header, "#box");
    assert_eq!(name(&facts), Some("Jonas Becker"));
    assert_eq!(facts.person.handle.as_deref(), Some("jonas_b"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Do you ship to Austria?"),
        "the pressable (sent) message is skipped"
    );
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:dm:1589427603-1863456789012345678")
    );
    assert_eq!(legacy_dm::composers(&document()).len(), 1);
    drop(with_header);

    let no_header = Fixture::new(
        r#"<div data-testid="conversation" aria-selected="true"><a data-testid="DM_Conversation_Avatar" href="/hannah_gm"></a><span>Hannah Groß-Müller</span></div>
          <section aria-labelledby="detail-header"><div data-testid="DmActivityContainer">
            <div data-testid="ProfileInfoHeader"><span>Hannah Groß-Müller</span><span>@hannah_gm</span><span>Seit 2017 bei X</span></div>
            <div data-testid="messageEntry"><div dir="auto" lang="de">Ist die Bestellung #40877 schon unterwegs?</div></div>
            <div data-testid="messageEntry" role="button"><div dir="auto">Ich schaue nach.</div></div>
            <div data-testid="dmComposerTextInput" contenteditable="true" id="box"></div>
          </div></section>"#,
    );
    let facts = facts_of(Surface::XLegacyDm, &no_header, "#box");
    assert_eq!(name(&facts), Some("Hannah Groß-Müller"));
    assert_eq!(facts.person.handle.as_deref(), Some("hannah_gm"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Ist die Bestellung #40877 schon unterwegs?")
    );
    assert_eq!(facts.lang.as_deref(), Some("de"));
}

// ---- X reply and quote composers ---------------------------------------------------------------------------

const X_NAV: &str =
    r#"<nav><a data-testid="AppTabBar_Profile_Link" href="/nordlichtkaffee">Profile</a></nav>"#;

#[wasm_bindgen_test]
fn x_quote_card_and_reply_modal_and_the_users_own_post() {
    let _at = At::new("/compose/post");
    let quote = Fixture::new(&format!(
        r#"{X_NAV}<div role="dialog"><div data-testid="tweetTextarea_0" contenteditable="true" id="box"></div>
          <div role="link" tabindex="0"><div data-testid="User-Name"><a href="/mette_kjaer"><span>Mette Kjær</span></a><a href="/mette_kjaer" tabindex="-1"><span>@mette_kjaer</span></a><time datetime="2024-11-21T18:04:00.000Z">Nov 21</time></div>
          <div data-testid="tweetText" lang="da">Bedste kaffe i Aarhus!</div></div></div>"#
    ));
    let facts = facts_of(Surface::XCompose, &quote, "#box");
    assert_eq!(name(&facts), Some("Mette Kjær"));
    assert_eq!(facts.person.handle.as_deref(), Some("mette_kjaer"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Bedste kaffe i Aarhus!")
    );
    assert_eq!(facts.lang.as_deref(), Some("da"));
    assert_eq!(facts.target, Target::XPost);
    assert_eq!(facts.conversation, None, "a quote card has no status link");
    drop(quote);

    let _reply = At::new("/compose/post?in_reply_to=1859881260153307153");
    let modal = Fixture::new(&format!(
        r#"{X_NAV}<div role="dialog"><div><span>Kofi Mensah</span></div><div>Replying to <a href="/kofimensah">@kofimensah</a></div>
          <div data-testid="tweetTextarea_0" contenteditable="true" id="box"></div></div>"#
    ));
    let facts = facts_of(Surface::XCompose, &modal, "#box");
    assert_eq!(facts.person.handle.as_deref(), Some("kofimensah"));
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:status:1859881260153307153"),
        "from the URL's in_reply_to"
    );
    drop(modal);

    let _status = At::new("/nordlichtkaffee/status/1859842261514375168");
    let own = Fixture::new(&format!(
        r#"{X_NAV}<article data-testid="tweet" tabindex="-1"><div data-testid="User-Name"><a href="/nordlichtkaffee"><span>Nordlicht Kaffee</span></a><a href="/nordlichtkaffee" tabindex="-1">@nordlichtkaffee</a><a href="/nordlichtkaffee/status/1859842261514375168"><time>4h</time></a></div>
          <div data-testid="tweetText" lang="en">Winterblend is back</div></article>
          <div data-testid="inline_reply_offscreen"><div data-testid="tweetTextarea_0" contenteditable="true" id="box"></div></div>"#
    ));
    let facts = facts_of(Surface::XStatus, &own, "#box");
    assert_eq!(
        facts.person,
        Default::default(),
        "the user's own post answers nobody in particular"
    );
    assert_eq!(facts.customer_text, None);
    assert_eq!(
        facts.conversation.as_deref(),
        Some("x:status:1859842261514375168")
    );
}

// ---- Facebook reply box ------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn facebook_reply_box_gets_the_comment_it_answers() {
    let fixture = Fixture::new(
        r#"<div role="article" id="post"><div dir="auto">Winterblend!</div>
          <ul><li id="thread">
            <div role="article" aria-label="Comment by Jonas Becker 2 hours ago"><a href="/jonas.becker?comment_id=4444"><span dir="auto">Jonas Becker</span></a>
              <div dir="auto">Do you ship to Austria?</div><a href="/p?comment_id=4444">2h</a><div role="button">Reply</div></div>
            <form><div contenteditable="true" role="textbox" aria-label="Reply to Jonas Becker" id="box"></div></form>
          </li></ul>
          <div contenteditable="true" role="textbox" aria-label="Comment as Nordlicht Kaffee" id="main"></div></div>"#,
    );
    let facts = facts_of(Surface::FacebookPost, &fixture, "#box");
    assert_eq!(name(&facts), Some("Jonas Becker"));
    assert_eq!(
        facts.customer_text.as_deref(),
        Some("Do you ship to Austria?")
    );
    assert_eq!(facts.conversation.as_deref(), Some("fb:comment:4444"));
    assert_eq!(facts.target, Target::FacebookComment);
    let main = facts_of_main(&fixture);
    assert_eq!(main.person, Default::default());
    assert_eq!(main.customer_text, None);
}

fn facts_of_main(fixture: &Fixture) -> ComposerFacts {
    facts_of(Surface::FacebookPost, fixture, "#main")
}

// ---- X Chat insertion against a draft restore --------------------------------------------------------------

/// A textarea whose page restores a stored draft `delay_ms` after the first focus, as X Chat does
/// (sites-x.md §3b); `copies` > 1 re-inserts the text itself (a misbehaving page: must not be retried).
fn restoring_textarea(
    fixture: &Fixture,
    draft: &str,
    delay_ms: u32,
    copies: u32,
) -> HtmlTextAreaElement {
    let area: HtmlTextAreaElement = fixture.el("textarea").dyn_into().expect("a textarea");
    crate::support::js(
        "el, draft, delay, copies",
        r#"
        let done = false;
        el.addEventListener('focus', () => {
          if (done) return;
          done = true;
          setTimeout(() => {
            const typed = el.value;
            el.value = copies > 1 ? typed + typed : draft;
          }, delay);
        });
        "#,
    )
    .apply(
        &wasm_bindgen::JsValue::NULL,
        &js_sys::Array::of4(&area, &draft.into(), &delay_ms.into(), &copies.into()),
    )
    .expect("install draft restore");
    area
}

#[wasm_bindgen_test]
async fn textarea_text_replaced_by_a_restored_draft_is_set_once_more() {
    let fixture = Fixture::new("<textarea></textarea>");
    let area = restoring_textarea(&fixture, "stale draft", 120, 1);
    let html: &HtmlElement = area.unchecked_ref();
    assert_eq!(
        insert_text(html, "Hi Jonas, sorry for the wait!").await,
        Ok(Method::NativeValueSetter)
    );
    assert_eq!(area.value(), "Hi Jonas, sorry for the wait!");
    crate::support::frames(20).await; // nothing restores it a second time
    assert_eq!(area.value(), "Hi Jonas, sorry for the wait!");
}

#[wasm_bindgen_test]
async fn textarea_whose_page_doubles_the_text_is_not_retried() {
    let fixture = Fixture::new("<textarea></textarea>");
    let area = restoring_textarea(&fixture, "", 60, 2);
    let html: &HtmlElement = area.unchecked_ref();
    assert_eq!(
        insert_text(html, "Hej Freja").await,
        Err(InsertError::Unexpected)
    );
    assert_eq!(
        area.value(),
        "Hej FrejaHej Freja",
        "left as the page made it, not tripled"
    );
}
