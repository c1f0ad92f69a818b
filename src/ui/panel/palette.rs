//! The label colours the panel offers, each with a name: the name is the colour's accessible name and is
//! shown beside it, for people who can't tell colours apart. The contract (BRIEF) puts this palette in
//! `core::labels::PALETTE`; until that lands the panel keeps this copy (same names, same values).
//! Pure, tested natively.

/// (name, `#rrggbb`), in the order new labels take them.
pub const PALETTE: [(&str, &str); 8] = [
    ("Red", "#d93025"),
    ("Orange", "#e8710a"),
    ("Yellow", "#f9ab00"),
    ("Green", "#188038"),
    ("Teal", "#12858a"),
    ("Blue", "#1a73e8"),
    ("Purple", "#9334e6"),
    ("Grey", "#5f6368"),
];

/// The palette name of `color` (any case), if it is one of the presets.
pub fn name_of(color: &str) -> Option<&'static str> {
    PALETTE
        .iter()
        .find(|(_, hex)| hex.eq_ignore_ascii_case(color.trim()))
        .map(|(name, _)| *name)
}

/// Whether `color` is `#rrggbb` (what the background stores; anything else is not put into a style).
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The colour for a new label: the first preset no live label has yet, so neighbours differ; when every
/// preset is taken, they repeat in order.
pub fn next_color<'a>(in_use: impl Iterator<Item = &'a str> + Clone) -> &'static str {
    let count = in_use.clone().count();
    PALETTE
        .iter()
        .map(|(_, hex)| *hex)
        .find(|hex| !in_use.clone().any(|used| used.eq_ignore_ascii_case(hex)))
        .unwrap_or(PALETTE[count % PALETTE.len()].1)
}
