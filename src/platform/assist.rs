//! Search and suggestions, answered by the background for every tab: one index over the library (built on
//! first use, dropped on every write — the background is the only writer), instead of one per tab. This keeps
//! the index and the language model out of the content-script wasm and out of each page's memory
//! (design.md §6), at the cost of one message per keystroke (well under a millisecond when the worker is awake).
use super::store::Store;
use crate::core::language;
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::suggest::{self, Customer};
use crate::core::usage::UsageMap;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[derive(Default)]
pub struct Assist {
    cache: RefCell<Option<Rc<Indexed>>>,
    /// An index is being built: later requests wait for it instead of each building their own (a burst of
    /// keystrokes after a write would otherwise list and index the whole library once per keystroke).
    building: std::cell::Cell<bool>,
}

struct Indexed {
    replies: Vec<Reply>,
    index: Index,
}

impl Assist {
    /// Forget the index: the library changed.
    pub fn invalidate(&self) {
        self.cache.borrow_mut().take();
    }

    async fn indexed(&self, store: &Store) -> Result<Rc<Indexed>, JsValue> {
        loop {
            if let Some(cached) = self.cache.borrow().clone() {
                return Ok(cached);
            }
            if !self.building.get() {
                break;
            }
            gloo::timers::future::TimeoutFuture::new(5).await;
        }
        self.building.set(true);
        let started = js_sys::Date::now();
        let listed = store.list().await;
        let built = listed.map(|(records, _)| {
            let replies: Vec<Reply> = records.into_iter().map(|r| r.data).collect();
            let index = Index::new(&replies);
            Rc::new(Indexed { replies, index })
        });
        self.building.set(false);
        let built = built?;
        crate::platform::ext::log_timing("answerdeck:index-build", started);
        *self.cache.borrow_mut() = Some(built.clone());
        Ok(built)
    }

    /// Ids of the best `limit` replies for `query`.
    pub async fn search(
        &self,
        store: &Store,
        query: &str,
        limit: usize,
    ) -> Result<Vec<String>, JsValue> {
        let indexed = self.indexed(store).await?;
        Ok(indexed
            .index
            .search(query, limit)
            .into_iter()
            .map(|i| indexed.replies[i].id.clone())
            .collect())
    }

    /// The language to answer `text` in (the site's `lang` when it names one, else detected) and the ids of
    /// the best `limit` replies for it.
    pub async fn suggest(
        &self,
        store: &Store,
        usage: &UsageMap,
        text: &str,
        site_lang: Option<&str>,
        limit: usize,
    ) -> Result<(Option<String>, Vec<String>), JsValue> {
        let indexed = self.indexed(store).await?;
        let wanted = language::wanted_language(text, site_lang);
        let customer = Customer {
            text,
            language: wanted.as_deref(),
        };
        let ids = suggest::suggest(
            &indexed.index,
            &indexed.replies,
            usage,
            &customer,
            js_sys::Date::now(),
            limit,
        )
        .into_iter()
        .map(|i| indexed.replies[i].id.clone())
        .collect();
        Ok((wanted, ids))
    }
}
