//! What a CSV or espanso import hands back: checked replies, and warnings about what was converted or
//! left out, each naming the places it applies to.

use std::collections::HashMap;

use crate::core::reply::Reply;

/// Replies read from a CSV or espanso file, every one already checked against the reply rules, plus
/// the warnings to show before the import is confirmed (nothing in them stops the import).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub replies: Vec<Reply>,
    pub warnings: Vec<String>,
}

/// How many places one warning lists before "and N more": enough to find the pattern in a file,
/// few enough that a warning stays one readable line.
const MAX_PLACES_SHOWN: usize = 5;

/// Collects warnings so that one message names every place it applies to ("matches[3], matches[9]:
/// {{clipboard}} has no Answerdeck equivalent …") instead of repeating itself for each reply.
#[derive(Default)]
pub(crate) struct Warnings {
    /// Messages in the order they first occurred, with their places.
    messages: Vec<(String, Vec<String>)>,
    index: HashMap<String, usize>,
}

impl Warnings {
    /// A warning about one place in the file (`place` like `row 4` or `matches[3] (line 14)`).
    pub(crate) fn at(&mut self, place: impl Into<String>, message: impl Into<String>) {
        let message = message.into();
        let slot = match self.index.get(&message) {
            Some(&slot) => slot,
            None => {
                self.index.insert(message.clone(), self.messages.len());
                self.messages.push((message, Vec::new()));
                self.messages.len() - 1
            }
        };
        self.messages[slot].1.push(place.into());
    }

    /// A warning about the file as a whole.
    pub(crate) fn general(&mut self, message: impl Into<String>) {
        let message = message.into();
        if !self.index.contains_key(&message) {
            self.index.insert(message.clone(), self.messages.len());
            self.messages.push((message, Vec::new()));
        }
    }

    /// `places: message`, places listed up to [`MAX_PLACES_SHOWN`] then "and N more".
    pub(crate) fn finish(self) -> Vec<String> {
        self.messages
            .into_iter()
            .map(|(message, places)| {
                if places.is_empty() {
                    return message;
                }
                let shown = places.len().min(MAX_PLACES_SHOWN);
                let mut list = places[..shown].join(", ");
                if places.len() > shown {
                    list.push_str(&format!(" and {} more", places.len() - shown));
                }
                format!("{list}: {message}")
            })
            .collect()
    }
}
