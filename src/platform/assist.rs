//! Search and suggestions, answered by the background for every tab: one index over the library (built on
//! first use, dropped on every write — the background is the only writer), instead of one per tab. This keeps
//! the index and the language model out of the content-script wasm and out of each page's memory
//! (design.md §6), at the cost of one message per keystroke (well under a millisecond when the worker is awake).
//!
//! Suggestions rank with the replies' use, read with the library and kept current by `reply.used` (which
//! is not a write of the library, so it does not drop the index).
use super::store::Store;
use crate::core::language;
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::suggest::{self, Customer};
use crate::core::usage::{Usage, UsageMap};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[derive(Default)]
pub struct Assist {
    cache: RefCell<Option<Rc<Indexed>>>,
    /// Bumped by [`Assist::invalidate`]: an index whose build started before a write is not kept.
    generation: Cell<u64>,
    /// An index is being built: later requests wait for it instead of each building their own (a burst of
    /// keystrokes after a write would otherwise list and index the whole library once per keystroke).
    building: Cell<bool>,
}

struct Indexed {
    replies: Vec<Reply>,
    index: Index,
    usage: RefCell<UsageMap>,
}

impl Assist {
    /// Forget the index: the library changed.
    pub fn invalidate(&self) {
        self.cache.borrow_mut().take();
        self.generation.set(self.generation.get() + 1);
    }

    /// A reply was used: suggestions rank with its new use at once.
    pub fn used(&self, id: &str, usage: Usage) {
        if let Some(cached) = self.cache.borrow().as_ref() {
            cached.usage.borrow_mut().insert(id.to_string(), usage);
        }
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
        let generation = self.generation.get();
        let started = js_sys::Date::now();
        let snapshot = store.snapshot().await;
        let built = snapshot.map(|snapshot| {
            let replies: Vec<Reply> = snapshot.records.into_iter().map(|r| r.data).collect();
            let index = Index::new(&replies);
            Rc::new(Indexed {
                replies,
                index,
                usage: RefCell::new(snapshot.usage),
            })
        });
        self.building.set(false);
        let built = built?;
        crate::platform::ext::log_timing("answerdeck:index-build", started);
        if self.generation.get() == generation {
            *self.cache.borrow_mut() = Some(built.clone());
        }
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
    /// the best `limit` replies for it, ranked with their use.
    pub async fn suggest(
        &self,
        store: &Store,
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
            &indexed.usage.borrow(),
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
