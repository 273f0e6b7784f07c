//! A JSON value borrowed from the input, and typed reads from it that name
//! the path of whatever has the wrong type.
//!
//! The feed reader (`validate`) reads each event into a [`Json`] and takes its
//! fields from there. serde's derived readers did the same job with a copy of
//! the field-matching state machine per struct and per optional field: 30 KB
//! more wasm, 9 KB after gzip (issue 8). One visitor and a few accessors
//! replace them; strings without escapes are not copied until kept.
//!
//! The text is read here too ([`parse`], [`split_object`]): serde_json's
//! reader cost a pass over the feed of its own (the feed's events were
//! scanned three times, now twice) and its code in the wasm.

use std::borrow::Cow;

/// A JSON value. Numbers keep whether they were written as integers.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fraction or an exponent, or an integer beyond `i64`,
    /// as written: no reader of ours wants its value, and reading it (std's
    /// `f64::from_str`) would cost the wasm 10 KB of tables.
    Float(&'a str),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Where a value of the wrong type is, relative to the value read from
/// (`registration.capacity`, `people[2].name`; empty for the value itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongType(pub String);

impl WrongType {
    /// The same problem seen from the value containing this one under `step`.
    pub fn under(self, step: &str) -> WrongType {
        WrongType(match (self.0.is_empty(), step.starts_with('[')) {
            (true, _) => step.to_owned(),
            (false, _) if self.0.starts_with('[') => format!("{step}{}", self.0),
            (false, _) => format!("{step}.{}", self.0),
        })
    }
}

pub type Read<T> = Result<T, WrongType>;

/// Where a text stops being JSON: the byte offset of the first byte that
/// cannot continue it (the text's length when it ends too early).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
}

impl SyntaxError {
    /// The 1-based line and column of the offending byte in `text`.
    pub fn line_column(self, text: &str) -> (usize, usize) {
        let before = &text.as_bytes()[..self.offset.min(text.len())];
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        // At the end of the text, the last byte read is where it stopped.
        let column = if self.offset >= text.len() { self.offset - line_start } else { self.offset - line_start + 1 };
        (line, column.max(1))
    }
}

/// How deeply [`parse`] nests arrays and objects before it refuses: deeper
/// input is an error at the offending bracket, never a stack overflow.
pub const MAX_DEPTH: usize = 128;

/// Reads `text` as one JSON value (RFC 8259: no trailing commas, comments or
/// lone surrogates; any number its grammar allows, `1e400` too).
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0 };
    reader.space();
    let value = reader.value(0)?;
    reader.end()?;
    Ok(value)
}

/// A member of an object split by [`split_object`].
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    /// The value's raw text.
    pub raw: &'a str,
    /// When the value is an array, its elements' raw texts: found in the
    /// same pass (a feed's events are not scanned again to be split).
    pub items: Option<Vec<&'a str>>,
}

/// Checks that all of `text` is JSON, at any depth (no recursion), and splits
/// a top-level object into its members, each value as its raw text. `None`
/// when the value is not an object.
pub fn split_object(text: &str) -> Result<Option<Vec<Member<'_>>>, SyntaxError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0 };
    reader.space();
    if reader.peek() != Some(b'{') {
        reader.skip()?;
        reader.end()?;
        return Ok(None);
    }
    let mut members = Vec::new();
    reader.items(b'}', |r| {
        let key = r.key()?;
        let start = r.at;
        let items = if r.peek() == Some(b'[') {
            let mut items = Vec::new();
            r.items(b']', |r| {
                let item = r.at;
                r.skip()?;
                items.push(&text[item..r.at]);
                Ok(())
            })?;
            Some(items)
        } else {
            r.skip()?;
            None
        };
        members.push(Member { key, raw: &text[start..r.at], items });
        Ok(())
    })?;
    reader.end()?;
    Ok(Some(members))
}

/// The elements of `raw`, a JSON array already checked (by [`split_object`]),
/// each as its raw text; `None` when `raw` is not an array.
pub fn split_array(raw: &str) -> Option<Vec<&str>> {
    let mut reader = Reader { text: raw, bytes: raw.as_bytes(), at: 0 };
    reader.space();
    if reader.peek() != Some(b'[') {
        return None;
    }
    let mut items = Vec::new();
    reader
        .items(b']', |r| {
            let start = r.at;
            r.skip()?;
            items.push(&raw[start..r.at]);
            Ok(())
        })
        .ok()?;
    Some(items)
}

/// The bytes that end a run of plain string characters: `"`, `\\` and the
/// control characters (a table: the reader's hottest loop, built for size).
const ENDS_PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Whether any byte of `word` may be a quote, a backslash or a control
/// character (`ENDS_PLAIN`): never a false "no", sometimes a false "yes"
/// (a byte after a true one), which the byte loop then settles.
#[inline(always)]
fn may_end_plain(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * n as u64) & !word & HIGH;
    let zero = |word: u64| below(word, 1);
    (below(word, 0x20) | zero(word ^ (ONES * b'"' as u64)) | zero(word ^ (ONES * b'\\' as u64))) != 0
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn error(&self) -> SyntaxError {
        SyntaxError { offset: self.at }
    }

    /// The byte just read was the wrong one.
    #[inline(always)]
    fn error_before(&self) -> SyntaxError {
        SyntaxError { offset: self.at - 1 }
    }

    #[inline(always)]
    fn next(&mut self) -> Result<u8, SyntaxError> {
        let b = self.peek().ok_or(self.error())?;
        self.at += 1;
        Ok(b)
    }

    #[inline(always)]
    fn expect(&mut self, wanted: u8) -> Result<(), SyntaxError> {
        if self.next()? == wanted {
            Ok(())
        } else {
            Err(self.error_before())
        }
    }

    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn end(&mut self) -> Result<(), SyntaxError> {
        self.space();
        if self.at < self.bytes.len() {
            return Err(self.error());
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static str) -> Result<(), SyntaxError> {
        for &b in word.as_bytes() {
            self.expect(b)?;
        }
        Ok(())
    }

    /// The items of the array or object whose opening bracket is next:
    /// `item` reads each one (for an object, [`Reader::key`] first), a comma
    /// goes on to the next, `close` ends them.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.at += 1;
        self.space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.space();
            match self.next()? {
                b',' => self.space(),
                b if b == close => return Ok(()),
                _ => return Err(self.error_before()),
            }
        }
    }

    /// An object member's key and the colon after it.
    fn key(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let key = self.string()?;
        self.space();
        self.expect(b':')?;
        self.space();
        Ok(key)
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        match self.peek().ok_or(self.error())? {
            b'{' | b'[' if depth >= MAX_DEPTH => Err(self.error()),
            b'{' => {
                let mut members = Vec::new();
                self.items(b'}', |r| {
                    let key = r.key()?;
                    members.push((key, r.value(depth + 1)?));
                    Ok(())
                })?;
                Ok(Json::Object(members))
            }
            b'[' => {
                let mut items = Vec::new();
                self.items(b']', |r| {
                    items.push(r.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.literal("true").map(|_| Json::Bool(true)),
            b'f' => self.literal("false").map(|_| Json::Bool(false)),
            b'n' => self.literal("null").map(|_| Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.error()),
        }
    }

    /// Checks one value of any depth without building it: brackets are
    /// counted on a stack, not by recursion.
    fn skip(&mut self) -> Result<(), SyntaxError> {
        // What each open bracket is: `true` for an object.
        let mut open: Vec<bool> = Vec::new();
        loop {
            // A value.
            match self.peek().ok_or(self.error())? {
                bracket @ (b'{' | b'[') => {
                    let object = bracket == b'{';
                    self.at += 1;
                    self.space();
                    if self.peek() == Some(if object { b'}' } else { b']' }) {
                        self.at += 1;
                    } else {
                        open.push(object);
                        if object {
                            self.key()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.literal("true")?,
                b'f' => self.literal("false")?,
                b'n' => self.literal("null")?,
                b'-' | b'0'..=b'9' => {
                    self.number()?;
                }
                _ => return Err(self.error()),
            }
            // After a value: close what it ends, or go on to the next one.
            loop {
                let Some(&object) = open.last() else { return Ok(()) };
                self.space();
                match (self.next()?, object) {
                    (b',', true) => {
                        self.space();
                        self.key()?;
                        break;
                    }
                    (b',', false) => {
                        self.space();
                        break;
                    }
                    (b'}', true) | (b']', false) => {
                        open.pop();
                    }
                    _ => return Err(self.error_before()),
                }
            }
        }
    }

    /// A string, borrowed from the text when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.expect(b'"')?;
        let start = self.at;
        self.plain();
        match self.next()? {
            b'"' => return Ok(Cow::Borrowed(&self.text[start..self.at - 1])),
            b'\\' => {}
            _ => return Err(self.error_before()),
        }
        // Escapes: copy what came before, then decode.
        let mut out = String::from(&self.text[start..self.at - 1]);
        loop {
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return Err(self.error_before()),
            };
            out.push(c);
            let run = self.at;
            self.plain();
            out.push_str(&self.text[run..self.at]);
            match self.next()? {
                b'"' => return Ok(Cow::Owned(out)),
                b'\\' => {}
                _ => return Err(self.error_before()),
            }
        }
    }

    /// Moves past the characters of a string that stand for themselves, to
    /// its closing quote, a backslash or a control character (an error).
    #[inline(always)]
    fn plain(&mut self) {
        let (bytes, mut at) = (self.bytes, self.at);
        // Eight bytes at a time while none of them can end the run (the
        // reader's hottest loop: a third faster reading the benchmark feed
        // in the browser); the byte loop finds which one does.
        while let Some(word) = bytes.get(at..at + 8) {
            if may_end_plain(u64::from_le_bytes(word.try_into().unwrap_or_default())) {
                break;
            }
            at += 8;
        }
        while at < bytes.len() && !ENDS_PLAIN[bytes[at] as usize] {
            at += 1;
        }
        self.at = at;
    }

    /// The character of a `\uXXXX` escape (the `\u` read), joining a
    /// surrogate pair; a lone surrogate is an error.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let unit = self.hex4()?;
        let code = match unit {
            0xD800..=0xDBFF => {
                self.expect(b'\\')?;
                self.expect(b'u')?;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error_before());
                }
                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error_before()),
            _ => unit,
        };
        char::from_u32(code).ok_or(self.error_before())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = (self.next()? as char).to_digit(16).ok_or(self.error_before())?;
            n = n * 16 + digit;
        }
        Ok(n)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return Err(self.error_before()),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.first_digit()?;
            integer = false;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.first_digit()?;
            integer = false;
        }
        let text = &self.text[start..self.at];
        // "-0" is a float, as serde_json reads it (no integer is negative zero).
        if integer && text != "-0" {
            if let Ok(n) = text.parse::<i64>() {
                return Ok(Json::Int(n));
            }
        }
        Ok(Json::Float(text))
    }

    fn first_digit(&mut self) -> Result<(), SyntaxError> {
        match self.next()? {
            b'0'..=b'9' => {
                self.digits();
                Ok(())
            }
            _ => Err(self.error_before()),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }
}

impl<'a> Json<'a> {
    /// The member `key` of an object; `None` when absent or `null` (as serde
    /// reads an `Option`). A value that is not an object is the wrong type.
    pub fn get(&self, key: &str) -> Read<Option<&Json<'a>>> {
        match self {
            Json::Object(members) => {
                Ok(members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Json::Null)))
            }
            _ => Err(WrongType(String::new())),
        }
    }

    /// `read` applied to the member `key` if present; its errors carry the key.
    pub fn field<T>(&self, key: &str, read: impl FnOnce(&Json<'a>) -> Read<T>) -> Read<Option<T>> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) => read(value).map(Some).map_err(|e| e.under(key)),
        }
    }

    /// The string, still borrowed from the input when it had no escapes:
    /// what is only checked or parsed (a start, an id to trim) is never copied.
    pub fn str(&self) -> Read<Cow<'a, str>> {
        match self {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(WrongType(String::new())),
        }
    }

    pub fn string(&self) -> Read<String> {
        match self {
            Json::Str(s) => Ok(s.clone().into_owned()),
            _ => Err(WrongType(String::new())),
        }
    }

    pub fn boolean(&self) -> Read<bool> {
        match self {
            Json::Bool(b) => Ok(*b),
            _ => Err(WrongType(String::new())),
        }
    }

    /// A whole number in `0..=u32::MAX` written as an integer.
    pub fn uint(&self) -> Read<u32> {
        match self {
            Json::Int(n) => u32::try_from(*n).map_err(|_| WrongType(String::new())),
            _ => Err(WrongType(String::new())),
        }
    }

    /// Every element read by `read`; errors carry the element's index.
    pub fn array<T>(&self, mut read: impl FnMut(&Json<'a>) -> Read<T>) -> Read<Vec<T>> {
        match self {
            Json::Array(items) => {
                items.iter().enumerate().map(|(i, v)| read(v).map_err(|e| e.under(&format!("[{i}]")))).collect()
            }
            _ => Err(WrongType(String::new())),
        }
    }

    /// One of `names`, returned as its index.
    pub fn one_of(&self, names: &[&str]) -> Read<usize> {
        match self {
            Json::Str(s) => names.iter().position(|n| n == s).ok_or(WrongType(String::new())),
            _ => Err(WrongType(String::new())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The word test never misses a byte that ends a run of plain characters.
        #[test]
        fn the_word_test_never_misses_an_end(bytes in any::<[u8; 8]>(), at in 0usize..8, end in prop::sample::select(vec![0u8, 0x1f, b'"', b'\\', b'\n'])) {
            let word = u64::from_le_bytes(bytes);
            prop_assert_eq!(may_end_plain(word) || !bytes.iter().any(|b| ENDS_PLAIN[*b as usize]), true);
            let mut with_end = bytes;
            with_end[at] = end;
            prop_assert!(may_end_plain(u64::from_le_bytes(with_end)));
        }
    }

    #[test]
    fn the_word_test_passes_plain_text() {
        for text in ["abcdefgh", "Gdańsk, ", "   2027-", "\u{7f}~ !#$%&"] {
            let word: [u8; 8] = text.as_bytes()[..8].try_into().unwrap();
            assert!(!may_end_plain(u64::from_le_bytes(word)), "{text}");
        }
    }

    #[test]
    fn reads_values_and_names_the_path_of_a_wrong_type() {
        let doc = parse(r#"{"a": 1, "b": "x\ny", "c": [true, null, 2.5], "d": {"e": [1, "two"]}, "n": null}"#).unwrap();
        assert_eq!(doc.field("a", Json::uint), Ok(Some(1)));
        assert_eq!(doc.field("b", Json::string), Ok(Some("x\ny".to_owned())));
        assert_eq!(doc.field("n", Json::string), Ok(None));
        assert_eq!(doc.field("missing", Json::string), Ok(None));
        assert_eq!(doc.field("a", Json::string), Err(WrongType("a".into())));
        let nested = doc.field("d", |d| d.field("e", |e| e.array(Json::uint)));
        assert_eq!(nested, Err(WrongType("d.e[1]".into())));
        assert_eq!(doc.field("c", |c| c.array(Json::boolean)), Err(WrongType("c[1]".into())));
    }

    #[test]
    fn integers_and_floats_stay_apart() {
        assert_eq!(
            parse("[1, -1, 1.0, 1e2, 18446744073709551615]").unwrap(),
            Json::Array(vec![
                Json::Int(1),
                Json::Int(-1),
                Json::Float("1.0"),
                Json::Float("1e2"),
                Json::Float("18446744073709551615"),
            ])
        );
        assert_eq!(Json::Int(-1).uint(), Err(WrongType(String::new())));
        assert_eq!(Json::Float("1.0").uint(), Err(WrongType(String::new())));
        assert_eq!(Json::Int(i64::from(u32::MAX) + 1).uint(), Err(WrongType(String::new())));
    }
}
