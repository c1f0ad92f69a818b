//! Templates: parsing (every error with its offset), rendering (values, fallbacks, fields, tidy rules).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::BTreeMap;

use answerdeck::core::template::{
    facebook_dm_link, parse, render_str, unknown_variables, x_dm_link, Context, Part, Rendered,
    Template, Var,
};

fn ctx() -> Context {
    Context {
        first_name: Some("Jane".into()),
        name: Some("Jane Doe".into()),
        handle: Some("@jane".into()),
        page: Some("Acme Shoes".into()),
        dm_link: Some("https://m.me/acmeshoes".into()),
        agent: Some("Sam".into()),
        date: Some("22 November 2026".into()),
        time: Some("10:00".into()),
    }
}

fn render(src: &str, ctx: &Context) -> Rendered {
    render_str(src, ctx).expect("template parses")
}

fn text(src: &str, ctx: &Context) -> String {
    render(src, ctx).text
}

fn error_of(src: &str) -> (usize, String, String) {
    let error = parse(src).expect_err("template must be refused");
    (error.offset, error.reason.clone(), error.to_string())
}

// ---- parsing ----

#[test]
fn parses_text_variables_fallbacks_and_fields_in_order() {
    let template = parse("Hi {first_name|there}, order {?Order number} from {page}.").unwrap();
    assert_eq!(
        template.parts,
        vec![
            Part::Text("Hi ".into()),
            Part::Var {
                var: Var::FirstName,
                fallback: Some("there".into())
            },
            Part::Text(", order ".into()),
            Part::Field("Order number".into()),
            Part::Text(" from ".into()),
            Part::Var {
                var: Var::Page,
                fallback: None
            },
            Part::Text(".".into()),
        ]
    );
}

#[test]
fn every_variable_name_parses_to_its_var() {
    for var in Var::ALL {
        let template = parse(&format!("{{{}}}", var.name())).unwrap();
        assert_eq!(
            template.parts,
            vec![Part::Var {
                var,
                fallback: None
            }]
        );
    }
    let names: Vec<&str> = Var::ALL.iter().map(Var::name).collect();
    assert_eq!(
        names,
        [
            "first_name",
            "name",
            "handle",
            "page",
            "dm_link",
            "agent",
            "date",
            "time"
        ]
    );
}

#[test]
fn variable_names_forgive_case_and_surrounding_spaces() {
    assert_eq!(
        parse("{ First_Name |there}").unwrap().parts,
        vec![Part::Var {
            var: Var::FirstName,
            fallback: Some("there".into())
        }]
    );
}

#[test]
fn fallback_is_kept_verbatim_and_may_be_empty() {
    assert_eq!(
        parse("{name| my friend }").unwrap().parts,
        vec![Part::Var {
            var: Var::Name,
            fallback: Some(" my friend ".into())
        }]
    );
    assert_eq!(
        parse("{name|}").unwrap().parts,
        vec![Part::Var {
            var: Var::Name,
            fallback: Some(String::new())
        }]
    );
}

#[test]
fn doubled_braces_are_literal() {
    let template = parse("{{first_name}} and }} and {{").unwrap();
    assert_eq!(
        template.parts,
        vec![Part::Text("{first_name} and } and {".into())]
    );
    assert_eq!(text("{{{first_name}}}", &ctx()), "{Jane}");
}

#[test]
fn empty_template_has_no_parts() {
    assert_eq!(parse("").unwrap(), Template { parts: vec![] });
}

#[test]
fn fields_are_unique_in_order_of_first_appearance() {
    let template = parse(
        "{?Order number} {?Tracking link} {?order number} {?Order number} {? Tracking link }",
    )
    .unwrap();
    assert_eq!(
        template.fields(),
        vec!["Order number", "Tracking link", "order number"]
    );
}

#[test]
fn unknown_variable_is_refused_with_its_position() {
    let (offset, reason, message) = error_of("Hi {frist_name}");
    assert_eq!(offset, 3);
    assert_eq!(reason, "unknown variable {frist_name}");
    assert_eq!(message, "unknown variable {frist_name} at character 4");
}

#[test]
fn unknown_variable_with_fallback_names_only_the_variable() {
    let (offset, reason, _) = error_of("x{nme|you}");
    assert_eq!((offset, reason.as_str()), (1, "unknown variable {nme}"));
}

#[test]
fn unclosed_brace_is_refused_at_the_brace() {
    assert_eq!(
        error_of("Hi {first_name"),
        (3, "unclosed {".into(), "unclosed { at character 4".into())
    );
    // A placeholder ends on its line.
    assert_eq!(error_of("Hi {first_name\n}").0, 3);
    // A second `{` before the `}` means the first was never closed.
    assert_eq!(error_of("a {first_name {name}").0, 2);
    assert_eq!(error_of("{").0, 0);
}

#[test]
fn stray_closing_brace_is_refused() {
    assert_eq!(
        error_of("Price: 5} each"),
        (8, "stray }".into(), "stray } at character 9".into())
    );
    // `}}}` is a literal brace and then a stray one.
    assert_eq!(error_of("}}}").0, 2);
    assert_eq!(error_of("{name}}").0, 6);
}

#[test]
fn empty_placeholders_are_refused() {
    assert_eq!(
        error_of("a {} b"),
        (2, "empty {}".into(), "empty {} at character 3".into())
    );
    assert_eq!(error_of("{  }").1, "empty {}");
    assert_eq!(
        error_of("ab {?}"),
        (
            3,
            "empty field label {?}".into(),
            "empty field label {?} at character 4".into()
        )
    );
    assert_eq!(error_of("{? }").1, "empty field label {?}");
    assert_eq!(error_of("{|there}").1, "missing variable name in {|there}");
}

#[test]
fn error_offsets_count_characters_not_bytes() {
    // "Grüße, 🙂 " is 9 characters but 14 bytes.
    let (offset, _, message) = error_of("Grüße, 🙂 {frist}");
    assert_eq!(offset, 9);
    assert_eq!(message, "unknown variable {frist} at character 10");
    // Offsets after literal braces and placeholders still count every source character.
    assert_eq!(error_of("{{x}} {name} }").0, 13);
}

// ---- rendering ----

#[test]
fn renders_every_variable_from_the_context() {
    let rendered = render(
        "{first_name}|{name}|{handle}|{page}|{dm_link}|{agent}|{date}|{time}",
        &ctx(),
    );
    assert_eq!(
        rendered.text,
        "Jane|Jane Doe|@jane|Acme Shoes|https://m.me/acmeshoes|Sam|22 November 2026|10:00"
    );
    assert!(rendered.missing.is_empty());
}

#[test]
fn values_are_trimmed_and_blank_values_count_as_missing() {
    let ctx = Context {
        page: Some("  Acme  ".into()),
        agent: Some("   ".into()),
        ..Context::default()
    };
    assert_eq!(text("[{page}]", &ctx), "[Acme]");
    let rendered = render("[{agent}]", &ctx);
    assert_eq!(rendered.text, "[]");
    assert_eq!(rendered.missing, vec![Var::Agent]);
}

#[test]
fn fallback_is_used_when_the_value_is_missing() {
    let rendered = render(
        "Hi {first_name|there}, from {agent|the team}",
        &Context::default(),
    );
    assert_eq!(rendered.text, "Hi there, from the team");
    assert!(rendered.missing.is_empty());
    // A value wins over the fallback.
    assert_eq!(text("Hi {first_name|there}", &ctx()), "Hi Jane");
}

#[test]
fn first_name_comes_from_the_first_word_of_name() {
    let from_name = |name: &str| Context {
        name: Some(name.into()),
        ..Context::default()
    };
    assert_eq!(text("Hi {first_name}", &from_name("Jane Doe")), "Hi Jane");
    assert_eq!(
        text("Hi {first_name}", &from_name("@jane_doe")),
        "Hi jane_doe"
    );
    assert_eq!(
        text("Hi {first_name}", &from_name("  Ørjan  Ås ")),
        "Hi Ørjan"
    );
    // An explicit first name wins.
    let both = Context {
        first_name: Some("J.".into()),
        name: Some("Jane Doe".into()),
        ..Context::default()
    };
    assert_eq!(text("Hi {first_name}", &both), "Hi J.");
}

#[test]
fn missing_lists_each_variable_once_in_order() {
    let rendered = render(
        "{agent} {page} {agent} {first_name|x} {time}",
        &Context::default(),
    );
    assert_eq!(rendered.missing, vec![Var::Agent, Var::Page, Var::Time]);
}

#[test]
fn fields_render_answers_or_their_label() {
    let template = parse("Order {?Order number} ships {?Date}; ref {?Order number}.").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert("Order number".to_string(), "#1234".to_string());
    let rendered = template.render(&Context::default(), &answers);
    assert_eq!(rendered.text, "Order #1234 ships ‹Date›; ref #1234.");
    assert!(rendered.missing.is_empty());
    assert_eq!(
        render_str("Order {?Order number}", &Context::default())
            .unwrap()
            .text,
        "Order ‹Order number›"
    );
}

#[test]
fn answers_are_inserted_verbatim_even_multi_line() {
    let template = parse("Steps:\n{?Steps}\nBye").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert("Steps".to_string(), "1. <b>a</b>\n2. b ".to_string());
    assert_eq!(
        template.render(&ctx(), &answers).text,
        "Steps:\n1. <b>a</b>\n2. b \nBye"
    );
}

#[test]
fn output_is_plain_text_nothing_escaped_or_interpreted() {
    let ctx = Context {
        first_name: Some("<img src=x onerror=alert(1)>".into()),
        page: Some("A & B \"quoted\" {page}".into()),
        ..Context::default()
    };
    assert_eq!(
        text("<b>Hi</b> {first_name} &amp; {page}", &ctx),
        "<b>Hi</b> <img src=x onerror=alert(1)> &amp; A & B \"quoted\" {page}"
    );
}

#[test]
fn unicode_and_newlines_are_preserved_exactly() {
    let src = "Hej {first_name}! 👋\r\n\n  Tak for din besked —\tvi vender tilbage.\n";
    assert_eq!(
        text(src, &ctx()),
        "Hej Jane! 👋\r\n\n  Tak for din besked —\tvi vender tilbage.\n"
    );
    let ctx = Context {
        first_name: Some("Zoë 😀".into()),
        ..Context::default()
    };
    assert_eq!(text("„{first_name}“", &ctx), "„Zoë 😀“");
}

// ---- tidying around an empty variable ----

#[test]
fn tidy_removes_the_space_before_punctuation() {
    let none = Context::default();
    assert_eq!(text("Hi {first_name}, thanks", &none), "Hi, thanks");
    assert_eq!(text("Hi {first_name}! Welcome", &none), "Hi! Welcome");
    assert_eq!(text("Hello {first_name}.", &none), "Hello.");
    assert_eq!(text("Is that you {first_name}?", &none), "Is that you?");
}

#[test]
fn tidy_drops_a_comma_left_dangling_before_punctuation() {
    let none = Context::default();
    assert_eq!(text("Thanks, {first_name}!", &none), "Thanks!");
    assert_eq!(
        text("Hello, {first_name}. How are you?", &none),
        "Hello. How are you?"
    );
}

#[test]
fn tidy_collapses_the_double_space() {
    let none = Context::default();
    assert_eq!(
        text("Thanks {first_name} for writing", &none),
        "Thanks for writing"
    );
    assert_eq!(
        text("Hi {first_name} {handle}, welcome", &none),
        "Hi, welcome"
    );
}

#[test]
fn tidy_at_line_start_and_end() {
    let none = Context::default();
    assert_eq!(text("{first_name} thanks", &none), "thanks");
    assert_eq!(
        text("{first_name}, your order shipped", &none),
        "your order shipped"
    );
    assert_eq!(text("Thanks {agent}", &none), "Thanks");
    assert_eq!(text("Best,\n{agent}\nAcme", &none), "Best,\n\nAcme");
    assert_eq!(text("Regards {agent}\nAcme", &none), "Regards\nAcme");
}

#[test]
fn tidy_applies_to_an_empty_fallback_too() {
    assert_eq!(
        text("Hi {first_name|}, thanks", &Context::default()),
        "Hi, thanks"
    );
    assert!(render("Hi {first_name|}", &Context::default())
        .missing
        .is_empty());
}

#[test]
fn tidy_never_touches_text_away_from_the_empty_variable() {
    let none = Context::default();
    assert_eq!(
        text("Odd  spacing , here {first_name} and  here .", &none),
        "Odd  spacing , here and  here ."
    );
    assert_eq!(text("a ,b {agent}x", &none), "a ,b x");
    // With a value nothing is tidied at all.
    assert_eq!(
        text("Hi {first_name} , thanks ", &ctx()),
        "Hi Jane , thanks "
    );
}

#[test]
fn a_var_adjacent_to_words_renders_without_tidying() {
    assert_eq!(text("({first_name})", &Context::default()), "()");
    assert_eq!(text("x{agent}y", &Context::default()), "xy");
}

#[test]
fn rendered_templates_round_trip_through_parse_errors_as_std_error() {
    let error: Box<dyn std::error::Error> = Box::new(parse("{x}").unwrap_err());
    assert_eq!(error.to_string(), "unknown variable {x} at character 1");
}

#[test]
fn check_agrees_with_parse() {
    use answerdeck::core::template::check;
    for src in [
        "Hi {first_name|there}",
        "{{ok}}",
        "{?Order}",
        "{frist}",
        "a {",
        "b }",
        "{}",
        "{?}",
        "",
    ] {
        assert_eq!(check(src), parse(src).map(|_| ()), "{src:?}");
    }
}

// ---- {dm_link} ----

#[test]
fn dm_link_renders_with_fallback_and_tidying() {
    assert_eq!(
        text("Write us privately: {dm_link}", &ctx()),
        "Write us privately: https://m.me/acmeshoes"
    );
    assert_eq!(
        text("Write us at {dm_link|our inbox}.", &Context::default()),
        "Write us at our inbox."
    );
    let rendered = render("DM us {dm_link}, we reply fast", &Context::default());
    assert_eq!(rendered.text, "DM us, we reply fast");
    assert_eq!(rendered.missing, vec![Var::DmLink]);
    assert_eq!(
        parse("{DM_Link}").unwrap().parts,
        vec![Part::Var {
            var: Var::DmLink,
            fallback: None
        }]
    );
}

#[test]
fn facebook_dm_link_takes_a_plain_username_or_id() {
    assert_eq!(
        facebook_dm_link("acmeshoes").as_deref(),
        Some("https://m.me/acmeshoes")
    );
    assert_eq!(
        facebook_dm_link(" @Acme.Shoes ").as_deref(),
        Some("https://m.me/Acme.Shoes")
    );
    assert_eq!(
        facebook_dm_link("100064123456789").as_deref(),
        Some("https://m.me/100064123456789")
    );
    for bad in [
        "",
        "@",
        "acme",
        "acme shoes",
        "acme/shoes",
        "acme?ref=x",
        "https://facebook.com/acme",
        "m.me/acme",
        ".acmeshoes",
        "acmeshoes.",
        "acme..shoes",
        "acme-shoes",
        "acme_shoes",
        "åsa.kaffe",
        "javascript:alert(1)",
        "@@acmeshoes",
        &"a".repeat(51),
    ] {
        assert_eq!(facebook_dm_link(bad), None, "{bad:?}");
    }
}

#[test]
fn x_dm_link_takes_a_numeric_user_id() {
    assert_eq!(
        x_dm_link("783214").as_deref(),
        Some("https://x.com/messages/compose?recipient_id=783214")
    );
    assert_eq!(
        x_dm_link(" 1234567890123456789 ").as_deref(),
        Some("https://x.com/messages/compose?recipient_id=1234567890123456789")
    );
    for bad in [
        "",
        "@acme",
        "acme",
        "0123",
        "12a4",
        "12 34",
        "-5",
        "1e9",
        "123456789012345678901",
        "١٢٣",
    ] {
        assert_eq!(x_dm_link(bad), None, "{bad:?}");
    }
}

// ---- fields, more thoroughly ----

#[test]
fn several_fields_repeated_and_accented() {
    let template = parse(
        "Hej {first_name|der}! Ordre {?Ordrenummer} sendes {?Leveringsdato}.\n\
         Spørgsmål om {?Ordrenummer}? Skriv til {dm_link|os}. — {?Größe} / {?größe} / {? Größe }",
    )
    .unwrap();
    // Each label once, in order of first appearance; labels are trimmed and compared exactly (case counts).
    assert_eq!(
        template.fields(),
        vec!["Ordrenummer", "Leveringsdato", "Größe", "größe"]
    );
    let mut answers = BTreeMap::new();
    answers.insert("Ordrenummer".to_string(), "#48213".to_string());
    answers.insert("Leveringsdato".to_string(), "fredag den 27".to_string());
    answers.insert("Größe".to_string(), "42 ½".to_string());
    let rendered = template.render(&ctx(), &answers);
    assert_eq!(
        rendered.text,
        "Hej Jane! Ordre #48213 sendes fredag den 27.\n\
         Spørgsmål om #48213? Skriv til https://m.me/acmeshoes. — 42 ½ / ‹größe› / 42 ½"
    );
    assert!(rendered.missing.is_empty());
}

#[test]
fn an_empty_answer_leaves_a_tidied_gap() {
    let template = parse("Your code {?Code}, thanks").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert("Code".to_string(), String::new());
    assert_eq!(
        template.render(&Context::default(), &answers).text,
        "Your code, thanks"
    );
}

#[test]
fn field_labels_keep_inner_spaces_and_punctuation() {
    let template = parse("{?Order number (from the e-mail)} and {?Réf. client}").unwrap();
    assert_eq!(
        template.fields(),
        vec!["Order number (from the e-mail)", "Réf. client"]
    );
}

// ---- unknown variables, all of them ----

#[test]
fn unknown_variable_like_order_no_is_a_clear_error_with_its_position() {
    let (offset, reason, message) = error_of("Your order {order_no} has shipped");
    assert_eq!(offset, 11);
    assert_eq!(reason, "unknown variable {order_no}");
    assert_eq!(message, "unknown variable {order_no} at character 12");
}

#[test]
fn unknown_variables_lists_every_one_with_character_offsets() {
    let src = "Hæ {frist_name}, {order_no|?} {{literal}} {first_name} {?Field} {nme} ✓ {dm-link}";
    assert_eq!(
        unknown_variables(src),
        vec![
            (3, "frist_name".to_string()),
            (17, "order_no".to_string()),
            (64, "nme".to_string()),
            (72, "dm-link".to_string()),
        ]
    );
    // The offsets are the ones parse reports for the first.
    assert_eq!(parse(src).unwrap_err().offset, 3);
    for (offset, name) in unknown_variables(src) {
        let at: String = src
            .chars()
            .skip(offset)
            .take(name.chars().count() + 1)
            .collect();
        assert_eq!(at, format!("{{{name}"));
    }
}

#[test]
fn unknown_variables_goes_past_other_brace_problems() {
    // A stray } and an unclosed { do not hide the unknown variables after them.
    assert_eq!(
        unknown_variables("a } b {x\n{y} {first_name"),
        vec![(9, "y".to_string())]
    );
    assert!(unknown_variables("").is_empty());
    assert!(unknown_variables("{first_name|x} {?A} {{y}} {}").is_empty());
    // Valid templates have none, and a template with none parses or fails for another reason.
    for src in ["Hi {first_name}", "}", "{", "{}", "{?}"] {
        assert!(unknown_variables(src).is_empty(), "{src}");
    }
}
