//! What an import adds to the library, after looking for duplicates ([`crate::core::exchange::dupes`]):
//! a reply whose text the library (or an earlier reply of the same file) already has is skipped instead
//! of being added twice; near duplicates (a shortcut already taken, an almost identical title) are added
//! and reported, so the person can look at them. Replies with a stored id are updates, never skipped.
//!
//! Importing the same spreadsheet twice therefore adds nothing the second time, even though its rows have
//! no ids (each import would otherwise give them new ones).

use std::collections::{HashMap, HashSet};

use crate::core::exchange::dupes::{self, DuplicateKind};
use crate::core::reply::Reply;

/// One duplicate found, for the import report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Position of the reply in the file (among its replies, from 0).
    pub index: usize,
    /// Its title.
    pub title: String,
    /// Title of the reply it duplicates (stored, or earlier in the file).
    pub of: String,
    /// Whether that one is earlier in the same file.
    pub in_file: bool,
    pub kind: DuplicateKind,
    /// Left out of the import (same text), or added anyway (near duplicate).
    pub skipped: bool,
}

/// The replies to import and what was found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Intake {
    pub replies: Vec<Reply>,
    /// How many replies were left out as duplicates of text already there.
    pub skipped: usize,
    /// Every duplicate, in file order, the skipped ones and the near ones (updates of the same id are not
    /// duplicates and are not listed).
    pub findings: Vec<Finding>,
}

/// Sifts `incoming` (a parsed file) against the `existing` library.
pub fn sift(existing: &[Reply], incoming: Vec<Reply>) -> Intake {
    let found = dupes::find(existing, &incoming);
    let stored: HashSet<&str> = existing.iter().map(|reply| reply.id.as_str()).collect();
    let mut skip = vec![false; incoming.len()];
    for duplicate in &found {
        let new = !stored.contains(incoming[duplicate.incoming].id.as_str());
        if duplicate.kind == DuplicateKind::SameText && new {
            skip[duplicate.incoming] = true;
        }
    }
    let stored_titles: HashMap<&str, &str> = existing
        .iter()
        .map(|reply| (reply.id.as_str(), reply.title.as_str()))
        .collect();
    let title_of = |id: &str, in_file: Option<usize>| -> String {
        match in_file {
            Some(at) => incoming[at].title.clone(),
            None => stored_titles
                .get(id)
                .copied()
                .unwrap_or_default()
                .to_string(),
        }
    };
    let mut findings: Vec<Finding> = Vec::new();
    for duplicate in &found {
        if duplicate.kind == DuplicateKind::SameId {
            continue;
        }
        let index = duplicate.incoming;
        let skipped = skip[index];
        // A skipped reply is reported once, for the text it repeats; its other near matches don't matter.
        if skipped
            && (duplicate.kind != DuplicateKind::SameText
                || findings.iter().any(|f| f.index == index && f.skipped))
        {
            continue;
        }
        findings.push(Finding {
            index,
            title: incoming[index].title.clone(),
            of: title_of(&duplicate.existing_id, duplicate.in_file),
            in_file: duplicate.in_file.is_some(),
            kind: duplicate.kind,
            skipped,
        });
    }
    let skipped = skip.iter().filter(|&&s| s).count();
    let replies = incoming
        .into_iter()
        .zip(skip)
        .filter_map(|(reply, skip)| (!skip).then_some(reply))
        .collect();
    Intake {
        replies,
        skipped,
        findings,
    }
}
