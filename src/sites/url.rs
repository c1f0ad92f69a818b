//! Hand-rolled URL splitting for surface detection.
//!
//! No `url` or `regex` crate: both add far more to the wasm than the few splits needed here. The input is
//! what the browser hands us (`location.href`, `anchor.href` or a raw `href` attribute), which is already
//! normalised, so this does not try to be a full WHATWG parser: it splits, it does not validate.
//! `extension/gate.js` mirrors these rules in JS; keep the two in step (tests/fixtures/urls.json checks both).

/// An `http(s)` URL split into the parts surface detection needs. The fragment is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedUrl<'a> {
    /// Host as written — NOT lowercased (it borrows the input); compare with [`ParsedUrl::host_is`].
    /// Userinfo (`user@`), port and one trailing dot are removed. Empty for a relative href.
    pub host: &'a str,
    /// Path as written (still percent-encoded), starting with `/` for absolute URLs; `/` when absent.
    pub path: &'a str,
    /// Query without the leading `?`, still percent-encoded; empty when absent.
    pub query: &'a str,
}

impl ParsedUrl<'_> {
    /// Case-insensitive host comparison (hosts are case-insensitive; `location.href` lowercases them
    /// but a raw href may not).
    pub fn host_is(&self, name: &str) -> bool {
        self.host.eq_ignore_ascii_case(name)
    }

    /// Whether the host is one of `names` (case-insensitive).
    pub fn host_in(&self, names: &[&str]) -> bool {
        names.iter().any(|name| self.host_is(name))
    }
}

/// Splits an absolute `http://` or `https://` URL (scheme case-insensitive, surrounding whitespace ignored).
/// Returns `None` for any other scheme, a relative reference or an empty host.
pub fn parse(url: &str) -> Option<ParsedUrl<'_>> {
    let url = url.trim();
    let rest = strip_prefix_ignore_ascii_case(url, "https://")
        .or_else(|| strip_prefix_ignore_ascii_case(url, "http://"))?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after_host) = rest.split_at(authority_end);
    let host = host_of(authority);
    if host.is_empty() {
        return None;
    }
    let (path, query) = split_path_and_query(after_host);
    Some(ParsedUrl {
        host,
        path: if path.is_empty() { "/" } else { path },
        query,
    })
}

/// Like [`parse`], but also accepts what an `href` attribute holds: a root-relative (`/a/b?c`),
/// protocol-relative (`//host/a`) or query-only (`?c`) reference. Relative references get an empty host
/// and the path exactly as written (possibly empty).
pub fn parse_href(href: &str) -> Option<ParsedUrl<'_>> {
    let href = href.trim();
    if let Some(absolute) = parse(href) {
        return Some(absolute);
    }
    if has_scheme(href) {
        // mailto:, javascript:, data: … — never a page we classify.
        return None;
    }
    if let Some(rest) = href.strip_prefix("//") {
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, after_host) = rest.split_at(authority_end);
        let (path, query) = split_path_and_query(after_host);
        return Some(ParsedUrl {
            host: host_of(authority),
            path: if path.is_empty() { "/" } else { path },
            query,
        });
    }
    let (path, query) = split_path_and_query(href);
    Some(ParsedUrl {
        host: "",
        path,
        query,
    })
}

/// The raw (still percent-encoded) value of the first `name=value` pair in `query`; a bare `name`
/// without `=` yields `Some("")`. Names are compared exactly (`__cft__[0]` and `__cft__%5B0%5D` differ).
pub fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| match pair.split_once('=') {
            Some((key, value)) if key == name => Some(value),
            None if pair == name => Some(""),
            _ => None,
        })
}

/// Like [`query_param`] but `None` when the value is empty — what detection rules want ("has a `v=`").
pub fn nonempty_query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query_param(query, name).filter(|value| !value.is_empty())
}

/// Non-empty path segments, still percent-encoded: trailing and doubled slashes don't create segments, so
/// `/page/`, `/page` and `//page` all give `["page"]`.
pub fn path_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

/// Decodes `%XX` escapes (invalid escapes are kept as written; invalid UTF-8 becomes U+FFFD).
/// `+` stays `+`: ids are never form-encoded, and base64 comment ids may contain `+`.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = bytes
            .get(index + 1..index + 3)
            .filter(|_| bytes[index] == b'%')
            .and_then(|hex| Some(hex_value(hex[0])? * 16 + hex_value(hex[1])?));
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    (digit as char)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

fn strip_prefix_ignore_ascii_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, before the first `:`, and the
/// colon comes before any `/`, `?` or `#`.
fn has_scheme(href: &str) -> bool {
    let Some(colon) = href.find(':') else {
        return false;
    };
    let scheme = &href[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Host from an authority (`user:pw@host:port`): text after the last `@`, before the port, minus one
/// trailing dot (`www.facebook.com.` is the same host).
fn host_of(authority: &str) -> &str {
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = host_and_port
        .split_once(':')
        .map_or(host_and_port, |(host, _)| host);
    host.strip_suffix('.').unwrap_or(host)
}

/// Splits `path?query#fragment` (any part optional) into path and query, dropping the fragment.
fn split_path_and_query(text: &str) -> (&str, &str) {
    let without_fragment = text.split_once('#').map_or(text, |(before, _)| before);
    without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_splits_host_path_query_and_drops_fragment() {
        let parsed =
            parse("https://User:pw@WWW.Facebook.com.:443/a/b/?x=1&y=2#frag?z").expect("parses");
        assert_eq!(parsed.host, "WWW.Facebook.com");
        assert!(parsed.host_is("www.facebook.com"));
        assert_eq!(parsed.path, "/a/b/");
        assert_eq!(parsed.query, "x=1&y=2");
    }

    #[test]
    fn parse_defaults_path_to_slash_and_rejects_other_schemes() {
        let parsed = parse("HTTP://x.com?q").expect("parses");
        assert_eq!((parsed.path, parsed.query), ("/", "q"));
        assert_eq!(parse("ftp://x.com/"), None);
        assert_eq!(parse("/relative/path"), None);
        assert_eq!(parse("https:///no-host"), None);
        assert_eq!(parse("javascript:alert(1)"), None);
    }

    #[test]
    fn parse_href_accepts_relative_references() {
        let rooted = parse_href("/page/posts/1?comment_id=2#x").expect("parses");
        assert_eq!(
            (rooted.host, rooted.path, rooted.query),
            ("", "/page/posts/1", "comment_id=2")
        );
        let query_only = parse_href("?comment_id=3").expect("parses");
        assert_eq!((query_only.path, query_only.query), ("", "comment_id=3"));
        let protocol_relative = parse_href("//x.com/a").expect("parses");
        assert_eq!(
            (protocol_relative.host, protocol_relative.path),
            ("x.com", "/a")
        );
        assert_eq!(parse_href("mailto:a@b.c"), None);
    }

    #[test]
    fn query_param_takes_the_first_exact_key() {
        let query = "__cft__[0]=AZX&v=&v=2&flag&id=7";
        assert_eq!(query_param(query, "__cft__[0]"), Some("AZX"));
        assert_eq!(query_param(query, "v"), Some(""));
        assert_eq!(nonempty_query_param(query, "v"), None);
        assert_eq!(query_param(query, "flag"), Some(""));
        assert_eq!(query_param(query, "id"), Some("7"));
        assert_eq!(query_param(query, "i"), None);
        assert_eq!(query_param("", "v"), None);
    }

    #[test]
    fn path_segments_skip_empty_segments() {
        let segments: Vec<&str> = path_segments("//a/b//c/").collect();
        assert_eq!(segments, ["a", "b", "c"]);
        assert_eq!(path_segments("/").count(), 0);
    }

    #[test]
    fn percent_decode_handles_utf8_and_bad_escapes() {
        assert_eq!(percent_decode("Caf%C3%A9%3D%3d"), "Café==");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a+b"), "a+b");
    }
}
