//! From a saved reply to the exact text that goes into a composer: the language variant for this customer,
//! the variables, the fill-in fields, and the target's length rule. The picker, `/shortcut` + Tab and the
//! numbered favourites all go through [`compose`], so they insert the same text for the same reply.
use crate::core::length::{self, Target};
use crate::core::reply::Reply;
use crate::core::template::{self, Context, Var};
use std::collections::BTreeMap;

/// The language the reply should be in, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageChoice {
    /// The language wanted for this customer (override, site, or detected), if any.
    pub wanted: Option<String>,
    /// How `wanted` was found, for the picker's label: "chosen", "from X", "detected".
    pub source: &'static str,
}

/// A reply made ready for one customer.
#[derive(Clone, Debug, PartialEq)]
pub struct Composed {
    /// The text to insert, with fill-in fields shown as `‹label›` while they are empty.
    pub text: String,
    /// The language of the variant used (None: the body, whose language is not set).
    pub language: Option<String>,
    /// Whether that variant is the customer's language.
    pub matched: bool,
    /// The fill-in fields to ask for, in order.
    pub fields: Vec<String>,
    /// Fields still empty.
    pub empty_fields: Vec<String>,
    /// Variables with neither a value nor a fallback.
    pub missing: Vec<Var>,
    /// Length on the target and its limit.
    pub length: usize,
    pub limit: usize,
    pub target: Target,
    /// Why it cannot be inserted as it is (template error, too long), for the user.
    pub problem: Option<String>,
}

impl Composed {
    /// Ready to insert: no problem and every field filled.
    pub fn ready(&self) -> bool {
        self.problem.is_none() && self.empty_fields.is_empty()
    }
}

/// Composes `reply` for a customer whose language is `choice.wanted`, with `values` for the fill-in fields.
pub fn compose(
    reply: &Reply,
    choice: &LanguageChoice,
    context: &Context,
    values: &BTreeMap<String, String>,
    target: Target,
) -> Composed {
    let variant = crate::core::language::choose(reply, choice.wanted.as_deref());
    let mut composed = Composed {
        text: String::new(),
        language: variant.language.clone(),
        matched: variant.matched,
        fields: Vec::new(),
        empty_fields: Vec::new(),
        missing: Vec::new(),
        length: 0,
        limit: target.limit(),
        target,
        problem: None,
    };
    let parsed = match template::parse(variant.template) {
        Ok(parsed) => parsed,
        Err(error) => {
            composed.problem = Some(format!("This reply has a problem: {error}."));
            return composed;
        }
    };
    composed.fields = parsed.fields();
    // Inserted one by one: collecting into a map sorts first, which costs the content wasm a sort of its own.
    let mut filled: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in values.iter().filter(|(_, v)| !v.trim().is_empty()) {
        filled.insert(k.clone(), v.clone());
    }
    composed.empty_fields = composed
        .fields
        .iter()
        .filter(|f| !filled.contains_key(*f))
        .cloned()
        .collect();
    let rendered = parsed.render(context, &filled);
    composed.missing = rendered.missing;
    composed.text = rendered.text;
    composed.length = measure(&composed.text, target);
    if composed.length > composed.limit {
        composed.problem = Some(format!(
            "Too long for {}: {} of {} — shorten it by {} before inserting.",
            target.label(),
            composed.length,
            composed.limit,
            composed.length - composed.limit
        ));
    }
    composed
}

/// Length on the target. X counts the NFC form (twitter-text), so the text is normalised first — by the
/// browser's own `String.prototype.normalize`, which keeps a normalisation table out of our wasm.
fn measure(text: &str, target: Target) -> usize {
    if target == Target::XPost {
        let nfc: String = js_sys::JsString::from(text).normalize("NFC").into();
        length::measure(&nfc, target)
    } else {
        length::measure(text, target)
    }
}
