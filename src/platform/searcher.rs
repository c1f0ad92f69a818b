//! The background's one search index, for every tab's picker (`library.search`, `customer.suggest`):
//! built from the stored library on first use and again after the library revision changes; the replies'
//! use is kept up to date in place (it does not change the revision).
use super::store::Store;
use crate::core::language;
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::suggest::{self, Customer};
use crate::core::usage::{Usage, UsageMap};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The library as searched: replies, their index, their use, at one revision.
struct Searchable {
    rev: u64,
    replies: Vec<Reply>,
    index: Index,
    usage: UsageMap,
}

#[derive(Clone, Default)]
pub struct Searcher {
    current: Rc<RefCell<Option<Rc<RefCell<Searchable>>>>>,
}

impl Searcher {
    /// The index for the stored library, rebuilt when the library revision moved.
    async fn get(&self, store: &Store) -> Result<Rc<RefCell<Searchable>>, JsValue> {
        let rev = store.revision().await?;
        if let Some(current) = self.current.borrow().as_ref() {
            if current.borrow().rev == rev {
                return Ok(Rc::clone(current));
            }
        }
        let snapshot = store.snapshot().await?;
        let replies: Vec<Reply> = snapshot.records.into_iter().map(|r| r.data).collect();
        let searchable = Rc::new(RefCell::new(Searchable {
            rev: snapshot.rev,
            index: Index::new(&replies),
            replies,
            usage: snapshot.usage,
        }));
        self.current.replace(Some(Rc::clone(&searchable)));
        Ok(searchable)
    }

    /// Ids of the best `limit` replies for `query`, best first.
    pub async fn search(
        &self,
        store: &Store,
        query: &str,
        limit: usize,
    ) -> Result<Vec<String>, JsValue> {
        let searchable = self.get(store).await?;
        let searchable = searchable.borrow();
        Ok(searchable
            .index
            .search(query, limit)
            .into_iter()
            .map(|at| searchable.replies[at].id.clone())
            .collect())
    }

    /// For a customer's `text` (with the site's language tag, if any): the language to answer in and the
    /// ids of the best `limit` replies, best first.
    pub async fn suggest(
        &self,
        store: &Store,
        text: &str,
        site_lang: Option<&str>,
        limit: usize,
    ) -> Result<(Option<String>, Vec<String>), JsValue> {
        let searchable = self.get(store).await?;
        let searchable = searchable.borrow();
        let wanted = language::wanted_language(text, site_lang);
        let customer = Customer {
            text,
            language: wanted.as_deref(),
        };
        let found = suggest::suggest(
            &searchable.index,
            &searchable.replies,
            &searchable.usage,
            &customer,
            js_sys::Date::now(),
            limit,
        );
        let ids = found
            .into_iter()
            .map(|at| searchable.replies[at].id.clone())
            .collect();
        Ok((wanted, ids))
    }

    /// A reply was used: suggestions rank with its new use at once.
    pub fn used(&self, id: &str, usage: Usage) {
        if let Some(current) = self.current.borrow().as_ref() {
            current.borrow_mut().usage.insert(id.to_string(), usage);
        }
    }
}
