//! A JSON value borrowed from the input, and typed reads from it that name
//! the path of whatever has the wrong type.
//!
//! The feed reader (`validate`) reads each event into a [`Json`] and takes its
//! fields from there. serde's derived readers did the same job with a copy of
//! the field-matching state machine per struct and per optional field: 30 KB
//! more wasm, 9 KB after gzip (issue 8). One visitor and a few accessors
//! replace them; strings without escapes are not copied until kept.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value. Numbers keep whether they were written as integers.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
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

/// Reads `text` (which must be valid JSON: the reader checked it already).
pub fn parse(text: &str) -> Result<Json<'_>, serde_json::Error> {
    serde_json::from_str(text)
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

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        // Beyond i64 no count or id of ours fits anyway.
        Ok(i64::try_from(v).map_or(Json::Float(v as f64), Json::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::with_capacity(16);
        while let Some((key, value)) = map.next_entry::<Key<'de>, Json<'de>>()? {
            members.push((key.0, value));
        }
        Ok(Json::Object(members))
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Json::deserialize(d)? {
            Json::Str(s) => Ok(Key(s)),
            _ => Err(serde::de::Error::custom("object keys are strings")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                Json::Float(1.0),
                Json::Float(100.0),
                Json::Float(18446744073709551615.0),
            ])
        );
        assert_eq!(Json::Int(-1).uint(), Err(WrongType(String::new())));
        assert_eq!(Json::Float(1.0).uint(), Err(WrongType(String::new())));
        assert_eq!(Json::Int(i64::from(u32::MAX) + 1).uint(), Err(WrongType(String::new())));
    }
}
