//! Site knowledge, one folder per site: URL → surface detection (pure), selectors, page-fact extraction.
pub mod facebook;
pub mod surface;
pub mod url;
pub mod x;
