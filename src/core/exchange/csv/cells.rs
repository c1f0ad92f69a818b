//! The rules for single cells and lines that both directions share, so export writes exactly what
//! import reads back: formula protection, tag lists, yes/no flags, line breaks, the delimiter.

use std::borrow::Cow;

/// First characters that make Excel, LibreOffice or Google Sheets run a cell as a formula
/// (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`; tab and carriage return per the OWASP list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether the cell, after any apostrophes already in front of it, starts like a formula.
fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Export: a cell that a spreadsheet would run as a formula gets a leading `'`, the spreadsheet's own
/// "this is text" mark. Cells that already start with apostrophes before such a character get one
/// more, so [`unprotect`] can always remove exactly the one added here.
pub(super) fn protect(cell: &str) -> Cow<'_, str> {
    if looks_like_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Import: removes the `'` that [`protect`] (or a person guarding a cell by hand) put before a
/// formula-like start. Any other leading apostrophe is text and stays.
pub(super) fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(cell) => rest,
        _ => cell,
    }
}

/// `\r\n` and lone `\r` inside a cell become `\n`, the line break the composers expect.
pub(super) fn normalise_line_breaks(cell: &str) -> Cow<'_, str> {
    if cell.contains('\r') {
        Cow::Owned(cell.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Line breaks in `text` the way spreadsheets count rows: `\r\n`, `\n` and a lone `\r` are one each.
pub(super) fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    if !bytes.contains(&b'\r') {
        // The common case, in a form the compiler vectorises.
        return bytes.iter().filter(|&&b| b == b'\n').count();
    }
    let mut count = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            count += 1;
        }
    }
    count
}

/// Tag separators inside the tags cell, strongest first: a cell is split on the strongest one it
/// contains, so `"a, b | c"` is the two tags `a, b` and `c`.
const TAG_SEPARATORS: [char; 3] = ['|', ';', ','];

/// `"orders, shipping"`, `"orders; shipping"`, `"orders | shipping"` → `["orders", "shipping"]`.
pub(super) fn split_tags(cell: &str) -> Vec<String> {
    let pieces: Vec<&str> = match TAG_SEPARATORS.into_iter().find(|&sep| cell.contains(sep)) {
        Some(separator) => cell.split(separator).collect(),
        None => vec![cell],
    };
    pieces
        .into_iter()
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_string)
        .collect()
}

/// The tags cell [`split_tags`] reads back as `tags`: joined by the weakest separator no tag contains
/// (`, ` usually). A single tag containing `,` or `;` gets a trailing ` |` so it is not split. Only a
/// tag containing `|` itself cannot be written faithfully (it comes back split).
pub(super) fn join_tags(tags: &[String]) -> String {
    let any_contains = |c: char| tags.iter().any(|tag| tag.contains(c));
    let (bar, semicolon, comma) = (any_contains('|'), any_contains(';'), any_contains(','));
    if !bar && !semicolon && !comma {
        return tags.join(", ");
    }
    if tags.len() == 1 && !bar {
        return format!("{} |", tags[0]);
    }
    if !bar && !semicolon {
        tags.join("; ")
    } else {
        tags.join(" | ")
    }
}

/// A yes/no cell. Empty is no. Besides true/false, yes/no, 1/0 and x, the words German and Danish
/// Excel write for TRUE/FALSE (WAHR/FALSCH, SAND/FALSK) and ja/nein/nej are understood.
pub(super) fn parse_flag(cell: &str) -> Option<bool> {
    let word = cell.trim().to_lowercase();
    match word.as_str() {
        "" | "false" | "no" | "n" | "0" | "falsch" | "falsk" | "nein" | "nej" => Some(false),
        "true" | "yes" | "y" | "1" | "x" | "✓" | "✔" | "wahr" | "sand" | "ja" => Some(true),
        _ => None,
    }
}

/// A number cell (`position`); `1,5` is read like `1.5`, the way German and Danish spreadsheets write it.
pub(super) fn parse_number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    let parsed = cell
        .parse::<f64>()
        .ok()
        .or_else(|| cell.replacen(',', ".", 1).parse::<f64>().ok());
    parsed.filter(|n| n.is_finite())
}

/// The delimiter Excel's `sep=;` first line names, and the text after that line. Excel writes and
/// honours this line in some locales; other apps show it as a row, so it is only read, never written.
pub(super) fn split_sep_line(text: &str) -> (Option<u8>, &str) {
    let (line, rest) = match text.find('\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    let line = line.trim_end_matches('\r');
    match line
        .strip_prefix("sep=")
        .or_else(|| line.strip_prefix("SEP="))
    {
        Some(separator) if separator.len() == 1 => (Some(separator.as_bytes()[0]), rest),
        _ => (None, text),
    }
}

/// The delimiter of a file without one given: whichever of `,` `;` tab occurs most often outside
/// quotes in the header line (`,` on a tie). The header is the one line whose cells are short, known
/// names, so it decides reliably where body text full of commas would not.
pub(super) fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    // Blank lines above the header are skipped like the reader skips them.
    for b in text.trim_start_matches(['\r', '\n']).bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Where the file has a quoted cell that never closes: `(row, cell index)`, rows counted like a
/// spreadsheet's (1 is the first line). The CSV reader would silently take the rest of the file into
/// that cell, so this one pass over the text finds it first and the person gets told where.
pub(super) fn find_unclosed_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut row, mut cell) = (1, 0);
    let (mut opened_row, mut opened_cell) = (1, 0);
    let mut at_cell_start = true;
    let mut in_quotes = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == delimiter {
            cell += 1;
            at_cell_start = true;
            i += 1;
            continue;
        } else if b == b'\n' || b == b'\r' {
            if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                row += 1;
                cell = 0;
                at_cell_start = true;
            }
            i += 1;
            continue;
        } else if b == b'"' && at_cell_start {
            in_quotes = true;
            (opened_row, opened_cell) = (row, cell);
        }
        at_cell_start = false;
        i += 1;
    }
    in_quotes.then_some((opened_row, opened_cell))
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`: the column letters spreadsheets show.
pub(super) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}
