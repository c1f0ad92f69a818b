//! x.com.
pub mod url;
