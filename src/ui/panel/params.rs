//! The request in the panel's URL hash: `#mode=labels&subject=<key>&name=<display name>` or
//! `#mode=notes&subject=<key>&name=<…>&person=<person key>&person_name=<…>`, URL-encoded form syntax.
//! Pure, so it is tested natively (tests/ui_panel.rs). Unknown keys are ignored: the content script may add
//! one (a counter) to make re-opening the same subject a `hashchange`.

/// Which panel the frame shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Labels,
    Notes,
}

/// A subject as the panel shows it: its key and the name the page showed for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub key: String,
    /// The display name, possibly empty (the page did not show one).
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub mode: Mode,
    /// What the labels go on, or the conversation (or person) the notes panel was opened for.
    pub subject: Named,
    /// Notes only: the person in the conversation, whose notes follow them everywhere. `None` when the
    /// subject is the person.
    pub person: Option<Named>,
}

impl Params {
    /// The subject's name for headings, or a neutral word when the page gave none.
    pub fn subject_title(&self) -> &str {
        title_or(&self.subject.name, "this conversation")
    }

    /// What the subject is, for the notes panel's second list beside the person's notes.
    pub fn subject_place(&self) -> &'static str {
        let key = self.subject.key.as_str();
        if key.starts_with("x:status:") {
            "This post"
        } else if key.starts_with("fb:comment:") {
            "This comment"
        } else if key.starts_with("fb:user:") || key.starts_with("x:user:") {
            "This person"
        } else {
            "This conversation"
        }
    }

    /// The person's name for headings.
    pub fn person_title(&self) -> Option<&str> {
        self.person
            .as_ref()
            .map(|person| title_or(&person.name, "this person"))
    }
}

fn title_or<'a>(name: &'a str, fallback: &'a str) -> &'a str {
    let name = name.trim();
    if name.is_empty() {
        fallback
    } else {
        name
    }
}

/// Reads the hash (with or without its leading `#`). `Err` is a sentence for the user.
pub fn parse(hash: &str) -> Result<Params, String> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut mode = None;
    let mut subject = Named::default();
    let mut person = Named::default();
    for pair in hash.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match decode(key).as_str() {
            "mode" => mode = Some(value),
            "subject" => subject.key = value.trim().to_string(),
            "name" => subject.name = value,
            "person" => person.key = value.trim().to_string(),
            "person_name" => person.name = value,
            _ => {}
        }
    }
    let mode = match mode.as_deref() {
        Some("labels") => Mode::Labels,
        Some("notes") => Mode::Notes,
        Some(other) => return Err(format!("Answerdeck can't show “{other}” here.")),
        None => return Err("Answerdeck was opened without saying what to show.".into()),
    };
    if subject.key.is_empty() {
        return Err("Answerdeck could not tell which conversation or person this is.".into());
    }
    // Labels go on the subject only; a person equal to the subject would list the same notes twice.
    let person = (mode == Mode::Notes && !person.key.is_empty() && person.key != subject.key)
        .then_some(person);
    Ok(Params {
        mode,
        subject,
        person,
    })
}

/// Form decoding: `+` is a space, `%XX` a byte; malformed escapes are kept as typed and invalid UTF-8 is
/// replaced, so a hash never fails to read.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|digit| digit as u8)
}
