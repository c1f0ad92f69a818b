//! Templates: a typical reply (variables with fallbacks, a fill-in field, a missing variable) parsed
//! and rendered as the picker inserts it, and a long one (a policy text of about 5 KB with 100
//! placeholders).

use std::collections::BTreeMap;

use answerdeck::core::template::{parse, render_str, Context};
use criterion::Criterion;

const TYPICAL: &str =
    "Hi {first_name|there},\n\nthanks for your message! Your order {?Order number} \
left our warehouse today and should arrive within 2–3 business days. You can follow it in your \
account at any time.\n\nIf anything is missing, write us at {dm_link|our inbox} and mention \
{handle} so we find you quickly.\n\nHave a great day,\n{agent} from {page}";

/// One paragraph of the long reply; repeated, with its placeholders, to about 5 KB.
const PARAGRAPH: &str =
    "Dear {name|customer}, regarding order {?Order number}: returns are accepted \
within 30 days of delivery ({date|today} counts as day one). Items must be unused and in their \
original packaging; write {{RETURN}} on the parcel. {agent}, {page}.\n\n";

pub fn benches(c: &mut Criterion) {
    // The page knows the customer's full name but not the handle; the agent is set in the settings.
    let ctx = Context {
        name: Some("Jane Doe".into()),
        page: Some("Acme Shoes".into()),
        dm_link: Some("https://m.me/acmeshoes".into()),
        agent: Some("Sam".into()),
        ..Context::default()
    };
    let long = PARAGRAPH.repeat(20);
    let fields = BTreeMap::from([("Order number".to_string(), "#48213".to_string())]);
    let typical = parse(TYPICAL).expect("the typical template parses");

    let mut group = c.benchmark_group("template");
    group.bench_function("parse+render typical", |b| {
        b.iter(|| render_str(TYPICAL, &ctx).expect("parses"))
    });
    group.bench_function("render typical (parsed, field answered)", |b| {
        b.iter(|| typical.render(&ctx, &fields))
    });
    let placeholders = parse(&long).expect("the long template parses").parts.len() / 2;
    let label = format!(
        "parse+render long ({:.1} KB, {placeholders} placeholders)",
        long.len() as f64 / 1000.0
    );
    group.bench_function(label, |b| {
        b.iter(|| render_str(&long, &ctx).expect("parses"))
    });
    group.finish();
}
