//! Our JSON reader (`json::parse`, `split_object`) against serde_json, the
//! reference: the same texts accepted and refused, the same values read.
//! Depths stay below both readers' limit (128), where they agree by design.

use citycal_core::json::{self, Json};
use proptest::prelude::*;
use serde_json::Value;

const SAMPLE: &str = include_str!("../../../public/events.json");

/// Our value in serde_json's model (objects keep the last value of a key,
/// as serde_json's do), so the two readers' results can be compared.
fn theirs(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Int(n) => Value::from(*n),
        Json::Float(text) => {
            text.parse::<u64>().map(Value::from).unwrap_or_else(|_| Value::from(text.parse::<f64>().unwrap()))
        }
        Json::Str(s) => Value::String(s.to_string()),
        Json::Array(items) => Value::Array(items.iter().map(theirs).collect()),
        Json::Object(members) => Value::Object(members.iter().map(|(k, v)| (k.to_string(), theirs(v))).collect()),
    }
}

/// Equal, floats to within rounding of the last digit (serde_json's reader
/// rounds some decimals differently from std's exact one, subnormals too).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            // Subnormals have fewer digits: there, a few steps of the smallest one.
            x == y || (x - y).abs() <= (x.abs().max(y.abs()) * 1e-15).max(4.0 * f64::from_bits(1))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        _ => a == b,
    }
}

/// RFC 8259 leaves numbers' range to readers: serde_json refuses those beyond
/// `f64`, we keep them as written (no reader of ours wants their value).
fn beyond_f64(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
}

fn accepted_alike(text: &str) {
    let reference = serde_json::from_str::<Value>(text);
    let read = json::parse(text);
    let split = json::split_object(text);
    // serde_json stops at a number beyond f64, before it would see whether
    // the rest is JSON: no verdict to compare with (the `yes` cases hold
    // `1e400` to being accepted).
    if reference.as_ref().is_err_and(beyond_f64) {
        return;
    }
    assert_eq!(read.is_ok(), reference.is_ok(), "{text:?}: ours {read:?}, serde_json {reference:?}");
    assert_eq!(split.is_ok(), reference.is_ok(), "split {text:?}");
    if let (Ok(read), Ok(reference)) = (read, reference) {
        assert!(same(&theirs(&read), &reference), "{text:?}: ours {read:?}");
        assert_eq!(split.unwrap().is_some(), reference.is_object());
    }
}

/// JSONTestSuite-style cases, written here: `y` must be accepted, `n` refused.
#[test]
fn accepts_json_and_refuses_what_is_not() {
    let yes = [
        "0",
        "-0",
        "1",
        "-1",
        "12e3",
        "1E-2",
        "1.5e+10",
        "-0.0e0",
        "123456789012345678901234567890",
        "\"\"",
        r#""\u0000""#,
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\ud83d\ude00""#,
        r#""€𝄞""#,
        "[]",
        "{}",
        " [ 1 , 2 ] ",
        "\t\n\r {\"a\" : [ ] }",
        r#"{"a":1,"a":2}"#,
        "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
        "true",
        "false",
        "null",
        r#"{"":null}"#,
        "[1e308]",
        "[-9223372036854775808]",
        "[9223372036854775808]",
        "1e400",
        "-1e400",
    ];
    let no = [
        "",
        " ",
        "[",
        "]",
        "{",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{,}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "['a']",
        "01",
        "-",
        "-01",
        "1.",
        ".1",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "True",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"a\u{1}b\"",
        "\"tab\there\"",
        "[1] [2]",
        "[1]x",
        "{\"a\":1}}",
        "/* c */ 1",
        "[1 2]",
        "{\"a\":}",
        "[\"\\\"]",
    ];
    for text in yes {
        assert!(json::parse(text).is_ok(), "{text:?} refused");
        accepted_alike(text);
    }
    for text in no {
        assert!(json::parse(text).is_err(), "{text:?} accepted");
        accepted_alike(text);
    }
}

#[test]
fn deep_nesting_is_refused_by_parse_and_checked_by_split() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::parse(&deep(128)).is_ok());
    let err = json::parse(&deep(129)).unwrap_err();
    assert_eq!(err.offset, 128, "the bracket one too deep");
    // Splitting counts brackets on a stack: any depth, no stack overflow.
    let doc = format!(r#"{{"a": {}, "b": 1}}"#, deep(100_000));
    let members = json::split_object(&doc).unwrap().unwrap();
    assert_eq!(members.iter().map(|m| m.key.as_ref()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(members[0].items.as_ref().map(Vec::len), Some(1));
    assert!(json::split_object(&format!("{}]", deep(100_000))).is_err());
    assert!(json::split_object(&"[".repeat(100_000)).is_err());
}

#[test]
fn errors_say_where() {
    let at = |text: &str| json::parse(text).unwrap_err().line_column(text);
    assert_eq!(at("<html>"), (1, 1));
    assert_eq!(at("{\n  \"a\": tru\n}"), (2, 11));
    assert_eq!(at("[1, 2"), (1, 5));
    assert_eq!(at("{\"a\": 1,\n}"), (2, 1));
}

#[test]
fn the_sample_feed_reads_alike() {
    accepted_alike(SAMPLE);
    let members = json::split_object(SAMPLE).unwrap().unwrap();
    let reference: serde_json::Map<String, Value> = serde_json::from_str(SAMPLE).unwrap();
    assert_eq!(members.len(), reference.len());
    for json::Member { key, raw, items } in members {
        assert!(same(&theirs(&json::parse(raw).unwrap()), &reference[key.as_ref()]), "{key}");
        assert_eq!(items, json::split_array(raw), "{key}: split in the same pass as by split_array");
        if let Some(items) = items {
            let listed = reference[key.as_ref()].as_array().unwrap();
            assert_eq!(items.len(), listed.len());
            for (item, value) in items.iter().zip(listed) {
                assert!(same(&theirs(&json::parse(item).unwrap()), value));
            }
        }
    }
}

fn arbitrary_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\"\\\\/\u{0}-\u{1f}a-z€𝄞 ]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// What serde_json writes, compact or pretty, we read back the same.
    #[test]
    fn reads_what_serde_json_writes(value in arbitrary_value()) {
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            // Floats exactly: serde_json writes the shortest text that reads back to the same bits.
            let read = theirs(&json::parse(&text).unwrap());
            prop_assert_eq!(&read, &value, "{}", text);
            accepted_alike(&text);
        }
    }

    /// Text made of JSON's own characters: accepted and refused alike.
    #[test]
    fn json_shaped_text_is_judged_alike(text in r#"[\[\]{}",:0-9.eE+\-a-z\\ \n]{0,40}"#) {
        accepted_alike(&text);
    }

    /// Mutations of the sample feed: cut, bytes replaced, pieces spliced.
    #[test]
    fn mutated_sample_is_judged_alike(
        cut in 0..SAMPLE.len(),
        flips in proptest::collection::vec((0..SAMPLE.len(), prop::sample::select(b"{}[]\",:\\ 0e-.tnu".to_vec())), 0..4),
    ) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        for (at, b) in flips {
            bytes[at] = b;
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            accepted_alike(text);
            if let Ok(cut) = std::str::from_utf8(&bytes[..cut]) {
                accepted_alike(cut);
            }
        }
    }
}

/// Cases proptest found. serde_json refuses `9E794` as out of range before
/// it reads on, so only ours says the text is not JSON.
#[test]
fn a_huge_number_then_garbage_is_not_json() {
    assert!(json::parse("9E794b").is_err() && json::split_object("9E794b").is_err());
    accepted_alike("9E794b");
}

/// serde_json reads this subnormal a step away from
/// std's exact reading; both readers accept the text.
#[test]
fn subnormal_floats_compare_within_their_precision() {
    accepted_alike(r#"[5.995225845777131e-133,-2.3689950199834598e-158,-1.84974620893297e-309]"#);
}
