//! (Placeholder until the detector lands: exact variant match only.)
use crate::core::reply::Reply;

pub struct Choice {
    pub language: Option<String>,
    pub template: String,
    pub matched: bool,
}

pub fn choose(reply: &Reply, wanted: Option<&str>) -> Choice {
    if let Some(wanted) = wanted {
        if reply.language.as_deref() == Some(wanted) {
            return Choice {
                language: Some(wanted.into()),
                template: reply.body.clone(),
                matched: true,
            };
        }
        if let Some(text) = reply.variants.get(wanted) {
            return Choice {
                language: Some(wanted.into()),
                template: text.clone(),
                matched: true,
            };
        }
    }
    Choice {
        language: reply.language.clone(),
        template: reply.body.clone(),
        matched: false,
    }
}

pub fn languages_of(reply: &Reply) -> Vec<String> {
    let mut all: Vec<String> = reply.language.iter().cloned().collect();
    all.extend(
        reply
            .variants
            .keys()
            .filter(|k| Some(*k) != reply.language.as_ref())
            .cloned(),
    );
    all
}

pub struct Detection {
    pub code: &'static str,
    pub confidence: f32,
}

pub fn detect(_text: &str) -> Option<Detection> {
    None
}

pub fn normalize_code(code: &str) -> Option<String> {
    let base = code.trim().to_ascii_lowercase();
    (!base.is_empty()).then_some(base)
}
