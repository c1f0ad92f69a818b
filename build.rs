//! Minifies the shadow roots' stylesheets (`src/ui/css/*.css`) into `OUT_DIR/css/`, where `css!` includes them:
//! the content wasm ships on every messaging page and its size has a budget (design.md §6), and whitespace in
//! stylesheets is bytes nobody reads.
use std::{env, fs, path::Path};

fn main() {
    let source = Path::new("src/ui/css");
    println!("cargo:rerun-if-changed={}", source.display());
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("css");
    fs::create_dir_all(&out).expect("create OUT_DIR/css");
    for entry in fs::read_dir(source).expect("read src/ui/css") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "css") {
            println!("cargo:rerun-if-changed={}", path.display());
            let css = fs::read_to_string(&path).expect("read stylesheet");
            fs::write(out.join(path.file_name().expect("name")), minify(&css)).expect("write");
        }
    }
}

/// Drops comments, collapses whitespace, and drops the spaces that punctuation makes useless (and the last
/// semicolon of a block). A space before `:` stays (`li :first-child` is not `li:first-child`), and so do spaces
/// in values (`calc(100% - 8px)`); quoted strings in our stylesheets hold none of `{};,`.
fn minify(css: &str) -> String {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    for mark in ["{", "}", ";", ","] {
        out = out.replace(&format!(" {mark}"), mark);
        out = out.replace(&format!("{mark} "), mark);
    }
    out = out.replace(": ", ":");
    out.replace(";}", "}")
}
