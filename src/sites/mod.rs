//! Site knowledge, one folder per site.
