//! facebook.com, messenger.com and business.facebook.com.
pub mod url;
