//! TEMPORARY stub so the content integration compiles; replaced by the sites-rows branch.
use super::surface::Surface;
use web_sys::{Document, Element};
pub struct ListRow {
    pub row: Element,
    pub key: String,
    pub name: Option<String>,
    pub after: Element,
}
pub struct PersonRef {
    pub key: String,
    pub name: Option<String>,
    pub after: Element,
}
pub struct OpenConversation {
    pub key: String,
    pub name: Option<String>,
    pub person: Option<PersonRef>,
    pub after: Element,
}
pub fn list_container(_: Surface, _: &Document) -> Option<Element> {
    None
}
pub fn rows(_: Surface, _: &Document) -> Vec<ListRow> {
    Vec::new()
}
pub fn open_conversation(_: Surface, _: &Document) -> Option<OpenConversation> {
    None
}
pub fn people(_: Surface, _: &Document) -> Vec<PersonRef> {
    Vec::new()
}
