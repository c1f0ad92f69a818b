//! Replies → CSV text that spreadsheets open correctly and [`super::parse`] reads back as the same replies.

use std::collections::{BTreeSet, HashSet};

use super::cells::{join_tags, protect};
use super::columns::is_reserved;
use crate::core::fold::fold;
use crate::core::reply::Reply;

pub(super) fn write(replies: &[Reply], delimiter: u8) -> String {
    let codes: BTreeSet<&str> = replies
        .iter()
        .flat_map(|reply| reply.variants.keys().map(String::as_str))
        .collect();
    let has_position = replies.iter().any(|reply| reply.position.is_some());
    let extras = extra_columns(replies);

    let mut header: Vec<String> = ["id", "title", "language", "body"]
        .map(String::from)
        .to_vec();
    header.extend(codes.iter().map(|code| format!("body:{code}")));
    header.extend(["folder", "tags", "shortcut", "favorite"].map(String::from));
    if has_position {
        header.push("position".into());
    }
    header.extend(extras.iter().map(|name| name.to_string()));

    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    write_row(&mut writer, &header);
    for reply in replies {
        row.clear();
        row.push(reply.id.clone());
        row.push(reply.title.clone());
        row.push(reply.language.clone().unwrap_or_default());
        row.push(reply.body.clone());
        for code in &codes {
            row.push(reply.variants.get(*code).cloned().unwrap_or_default());
        }
        row.push(reply.folder.clone().unwrap_or_default());
        row.push(join_tags(&reply.tags));
        row.push(reply.shortcut.clone().unwrap_or_default());
        row.push(if reply.favorite { "true" } else { "false" }.into());
        if has_position {
            // `Display` for f64 is the shortest text that parses back to the same number.
            row.push(reply.position.map(|p| p.to_string()).unwrap_or_default());
        }
        for name in &extras {
            let value = reply.extra.get(*name).and_then(|v| v.as_str());
            row.push(value.unwrap_or_default().to_string());
        }
        write_row(&mut writer, &row);
    }
    let bytes = writer
        .into_inner()
        .expect("writing CSV into memory cannot fail");
    // The byte order mark makes Excel read the file as UTF-8 (æ ø å ü stay intact) on double-click.
    let mut text = String::with_capacity(bytes.len() + 3);
    text.push('\u{feff}');
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

fn write_row(writer: &mut ::csv::Writer<Vec<u8>>, cells: &[String]) {
    writer
        .write_record(cells.iter().map(|cell| protect(cell).into_owned()))
        .expect("writing CSV into memory cannot fail");
}

/// Unknown fields with text values (from unknown CSV columns, or other tools' JSON), in the order they
/// first occur. Names the importer would read as a field of its own, or would change by trimming, are
/// left out, as are non-text values: JSON exports keep those.
fn extra_columns(replies: &[Reply]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    // Header names are matched ignoring case and accents, so `Notes` and `notes` are one column.
    let mut seen: HashSet<String> = HashSet::new();
    for reply in replies {
        for (name, value) in &reply.extra {
            if value.is_string()
                && !name.is_empty()
                && name.trim() == name
                && !name.contains(['\u{fffd}', '\r'])
                && !is_reserved(name)
                && seen.insert(fold(name))
            {
                names.push(name);
            }
        }
    }
    names
}
