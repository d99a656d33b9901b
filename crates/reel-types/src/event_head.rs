//! Reading only the fields Reel needs from an rrweb event, without building
//! a JSON tree: everything else is skipped by the parser.
//!
//! The reader is lenient: a field of an unexpected JSON type is treated as
//! absent instead of failing the whole event.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The fields of an rrweb event that ingest and reads look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventHead {
    pub event_type: Option<i64>,
    pub timestamp_ms: Option<i64>,
    /// `data.source` (incremental snapshots).
    pub data_source: Option<i64>,
    /// `data.type` (mouse interaction kind).
    pub data_type: Option<i64>,
    /// `data.href` (Meta events).
    pub data_href: Option<String>,
    /// `data.tag` (custom events).
    pub data_tag: Option<String>,
}

impl EventHead {
    /// Reads the head of one event; a non-object yields an empty head.
    pub fn read(event: &RawValue) -> EventHead {
        let mut deserializer = serde_json::Deserializer::from_str(event.get());
        EventHeadReader::deserialize(&mut deserializer).map(|reader| reader.0).unwrap_or_default()
    }

    /// An event Reel can store: integer `type` and `timestamp`.
    pub fn is_valid(&self) -> bool {
        self.event_type.is_some() && self.timestamp_ms.is_some()
    }
}

struct EventHeadReader(EventHead);

impl<'de> Deserialize<'de> for EventHeadReader {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HeadVisitor { reading_data: false }).map(EventHeadReader)
    }
}

/// Visits the event object, or (with `reading_data`) its `data` object.
struct HeadVisitor {
    reading_data: bool,
}

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = EventHead;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an rrweb event")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EventHead, A::Error> {
        let mut head = EventHead::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match (self.reading_data, key.as_ref()) {
                (false, "type") => head.event_type = map.next_value::<LenientInteger>()?.0,
                (false, "timestamp") => head.timestamp_ms = map.next_value::<LenientInteger>()?.0,
                (false, "data") => {
                    let data = map.next_value::<DataReader>()?.0;
                    head.data_source = data.data_source;
                    head.data_type = data.data_type;
                    head.data_href = data.data_href;
                    head.data_tag = data.data_tag;
                }
                (true, "source") => head.data_source = map.next_value::<LenientInteger>()?.0,
                (true, "type") => head.data_type = map.next_value::<LenientInteger>()?.0,
                (true, "href") => head.data_href = map.next_value::<LenientString>()?.0,
                (true, "tag") => head.data_tag = map.next_value::<LenientString>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut sequence: A) -> Result<EventHead, A::Error> {
        while sequence.next_element::<IgnoredAny>()?.is_some() {}
        Ok(EventHead::default())
    }

    fn visit_str<E: serde::de::Error>(self, _value: &str) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }

    fn visit_i64<E: serde::de::Error>(self, _value: i64) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }

    fn visit_u64<E: serde::de::Error>(self, _value: u64) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }

    fn visit_f64<E: serde::de::Error>(self, _value: f64) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }

    fn visit_bool<E: serde::de::Error>(self, _value: bool) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<EventHead, E> {
        Ok(EventHead::default())
    }
}

struct DataReader(EventHead);

impl<'de> Deserialize<'de> for DataReader {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HeadVisitor { reading_data: true }).map(DataReader)
    }
}

/// An integer when the JSON value is one, otherwise nothing.
struct LenientInteger(Option<i64>);

impl<'de> Deserialize<'de> for LenientInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor).map(|value| LenientInteger(value.integer))
    }
}

/// A string when the JSON value is one, otherwise nothing.
struct LenientString(Option<String>);

impl<'de> Deserialize<'de> for LenientString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor).map(|value| LenientString(value.text))
    }
}

#[derive(Default)]
struct LenientValue {
    integer: Option<i64>,
    text: Option<String>,
}

struct LenientVisitor;

impl<'de> Visitor<'de> for LenientVisitor {
    type Value = LenientValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<LenientValue, E> {
        Ok(LenientValue { integer: Some(value), text: None })
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<LenientValue, E> {
        Ok(LenientValue { integer: i64::try_from(value).ok(), text: None })
    }

    fn visit_f64<E: serde::de::Error>(self, _value: f64) -> Result<LenientValue, E> {
        Ok(LenientValue::default())
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<LenientValue, E> {
        Ok(LenientValue { integer: None, text: Some(value.to_owned()) })
    }

    fn visit_bool<E: serde::de::Error>(self, _value: bool) -> Result<LenientValue, E> {
        Ok(LenientValue::default())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<LenientValue, E> {
        Ok(LenientValue::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LenientValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(LenientValue::default())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut sequence: A) -> Result<LenientValue, A::Error> {
        while sequence.next_element::<IgnoredAny>()?.is_some() {}
        Ok(LenientValue::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(json: &str) -> EventHead {
        let raw: Box<RawValue> = serde_json::from_str(json).unwrap();
        EventHead::read(&raw)
    }

    #[test]
    fn reads_the_fields_reel_needs() {
        let click = head(r#"{"type":3,"timestamp":17,"data":{"source":2,"type":2,"id":9,"x":1,"y":2}}"#);
        assert_eq!(
            (click.event_type, click.timestamp_ms, click.data_source, click.data_type),
            (Some(3), Some(17), Some(2), Some(2))
        );
        let meta = head(r#"{"data":{"href":"http://x/","width":3},"type":4,"timestamp":1}"#);
        assert_eq!(meta.data_href.as_deref(), Some("http://x/"));
        let custom = head(
            r#"{"type":5,"timestamp":1,"data":{"tag":"reel.error","payload":{"type":"x","nested":[1,{"a":null}]}}}"#,
        );
        assert_eq!(custom.data_tag.as_deref(), Some("reel.error"));
        assert_eq!(custom.data_type, None, "nested fields are not read");
    }

    #[test]
    fn unexpected_types_are_absent_not_errors() {
        let odd = head(r#"{"type":"3","timestamp":1.5,"data":{"type":"mouse","href":7}}"#);
        assert_eq!(odd, EventHead::default());
        assert!(!odd.is_valid());
        assert!(!head("[1,2]").is_valid());
        assert!(!head("7").is_valid());
        assert!(head(r#"{"type":2,"timestamp":1,"data":[{"x":1}]}"#).data_source.is_none());
        assert!(head(r#"{"type":2,"timestamp":1,"data":null}"#).is_valid());
    }
}
