//! The core must not touch web APIs: it is tested natively and shared by every wasm context.
//! This walks `src/core/**/*.rs` and fails on any mention of a web binding crate.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 5] = ["web_sys", "js_sys", "wasm_bindgen", "gloo", "web-sys"];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// Every forbidden name in `text`, with its line number.
fn violations(text: &str) -> Vec<(usize, &'static str)> {
    text.lines()
        .enumerate()
        .flat_map(|(line, content)| {
            FORBIDDEN
                .iter()
                .filter(move |name| content.contains(**name))
                .map(move |name| (line + 1, *name))
        })
        .collect()
}

#[test]
fn core_uses_no_web_apis() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(
        files.len() >= 6,
        "expected the core modules under {}, found {files:?}",
        core.display()
    );
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source file");
        for (line, name) in violations(&text) {
            problems.push(format!("{}:{line}: mentions `{name}`", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "web APIs belong outside src/core:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_itself_notices_each_name() {
    for name in FORBIDDEN {
        let text = format!("fn ok() {{}}\nuse {name}::Thing;\n");
        assert_eq!(violations(&text), vec![(2, name)]);
    }
    assert!(violations("use serde::Serialize;\nfn pure() {}").is_empty());
}
