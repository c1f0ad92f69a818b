//! (being written)
//! (Placeholder until ranking lands: no suggestions.)
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::usage::UsageMap;

pub struct Customer<'a> {
    pub text: &'a str,
    pub language: Option<&'a str>,
}

pub fn suggest(
    _index: &Index,
    _replies: &[Reply],
    _usage: &UsageMap,
    _customer: &Customer,
    _now_ms: f64,
    _limit: usize,
) -> Vec<usize> {
    Vec::new()
}
