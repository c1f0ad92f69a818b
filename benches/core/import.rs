//! Import parsers (the `pages` feature, on in native builds): data format v1 JSON and CSV with the
//! 30,000 synthetic replies as Answerdeck exports them, and an espanso match file with 1,000 matches
//! of the kinds people bring (plain, labelled, several triggers, forms, echo variables, multi-line).

use std::fmt::Write;
use std::time::Duration;

use answerdeck::core::exchange::{csv, espanso, parse_v1, to_v1, Export};
use criterion::{Criterion, SamplingMode, Throughput};

use crate::synthetic::synthetic_library;

const REPLIES: usize = 30_000;
const MATCHES: usize = 1_000;

pub fn benches(c: &mut Criterion) {
    let export = Export {
        replies: synthetic_library(REPLIES),
        ..Export::default()
    };
    let v1 = to_v1(&export, "2026-02-18T10:00:00.000Z");
    let sheet = csv::to_csv(&export.replies);
    let yaml = espanso_file(MATCHES);
    // The figures mean something only if every file is read whole.
    let read = parse_v1(&v1).expect("the v1 file imports");
    assert_eq!(read.replies.len(), REPLIES);
    let read = csv::parse(&sheet, |_| false).expect("the CSV file imports");
    assert_eq!(read.replies.len(), REPLIES);
    let read = espanso::parse(&yaml, |_| false).expect("the espanso file imports");
    assert_eq!(read.replies.len(), MATCHES);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(v1.len() as u64));
    group.bench_function("v1 30k", |b| b.iter(|| parse_v1(&v1)));
    group.throughput(Throughput::Bytes(sheet.len() as u64));
    group.bench_function("csv 30k", |b| b.iter(|| csv::parse(&sheet, |_| false)));
    group.throughput(Throughput::Bytes(yaml.len() as u64));
    group.bench_function("espanso 1k", |b| {
        b.iter(|| espanso::parse(&yaml, |_| false))
    });
    group.finish();
}

/// An espanso match file with `count` matches cycling through the shapes people's files have.
fn espanso_file(count: usize) -> String {
    let mut yaml = String::from("# espanso match file (match/support.yml)\nmatches:\n");
    for n in 0..count {
        let written = match n % 6 {
            0 => writeln!(
                yaml,
                "  - trigger: \":order{n}\"\n    label: \"Order status {n}\"\n    replace: \"Hi there, your order is on its way! Track it any time in your account.\""
            ),
            1 => writeln!(
                yaml,
                "  - triggers: [\":best{n}\", \":bestellung{n}\"]\n    label: \"Bestellstatus {n}\"\n    replace: \"Hallo {{{{form1.name}}}}, Ihre Bestellung {{{{form1.nummer}}}} ist unterwegs.\"\n    vars:\n      - name: form1\n        type: form\n        params:\n          layout: \"Name [[name]] Nummer [[nummer]]\""
            ),
            2 => writeln!(
                yaml,
                "  - trigger: \";ordre{n}\"\n    form: |\n      Hej [[navn]],\n      din ordre [[ordrenummer]] er afsendt og er fremme om 2–3 dage.\n      Venlig hilsen"
            ),
            3 => writeln!(
                yaml,
                "  - trigger: \"thx{n}\"\n    word: true\n    replace: \"{{{{greeting}}}}! Thanks so much for the kind words 🙏\"\n    vars:\n      - name: greeting\n        type: echo\n        params:\n          echo: \"Hi\""
            ),
            4 => writeln!(
                yaml,
                "  - trigger: \":refund{n}\"\n    label: \"Refund policy {n}\"\n    search_terms: [refund, return]\n    replace: |\n      You can return anything within 30 days.\n      Refunds take 5–7 business days once the parcel is back with us.\n      Questions? Just reply to this message."
            ),
            _ => writeln!(
                yaml,
                "  - trigger: \":hours{n}\"\n    replace: \"We are open Monday to Friday, 9–17. Send us {{\\\"order\\\": {n}}} and we check it.\""
            ),
        };
        written.expect("writing to a String cannot fail");
    }
    yaml
}
