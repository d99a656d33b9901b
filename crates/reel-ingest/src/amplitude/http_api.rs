//! `POST /2/httpapi` (and `/batch`): Amplitude's HTTP API v2 body, checked
//! event by event so an answer can name every invalid index, as the SDK expects.

use std::collections::BTreeMap;

use reel_types::analytics::SESSION_REPLAY_ID_PROPERTY;
use reel_types::{EventContext, NewAnalyticsEvent};
use serde_json::{Map, Value};

use super::display_name::display_name;
use super::user_agent::fill_from_user_agent;
use crate::{IngestLimits, IngestRejection, RejectionKind};

/// Amplitude's default minimum length of user and device ids.
const DEFAULT_MIN_ID_LENGTH: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct HttpApiRequest {
    pub api_key: Option<String>,
    pub events: Vec<Value>,
    pub min_id_length: usize,
    /// The client's clock when it sent (`client_upload_time`), for skew correction.
    pub client_upload_ms: Option<i64>,
}

/// Which events are wrong, by field name then event index, in Amplitude's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvalidEventReport {
    pub missing_fields: BTreeMap<String, Vec<usize>>,
    pub invalid_fields: BTreeMap<String, Vec<usize>>,
    pub invalid_id_lengths: BTreeMap<String, Vec<usize>>,
}

impl InvalidEventReport {
    pub fn is_empty(&self) -> bool {
        self.missing_fields.is_empty() && self.invalid_fields.is_empty() && self.invalid_id_lengths.is_empty()
    }
}

/// What the request knows beyond its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestContext {
    pub project_id: i64,
    pub received_at_ms: i64,
    /// A client clock further off than this is corrected.
    pub clock_skew_threshold_ms: i64,
    /// The client's address, used where the SDK sent `ip: "$remote"`.
    pub client_ip: Option<String>,
}

/// Decompresses and parses the body; any JSON object is accepted here.
pub fn parse_http_api_body(
    body: &[u8],
    declared_gzip: bool,
    limits: &IngestLimits,
) -> Result<HttpApiRequest, IngestRejection> {
    let json_bytes = crate::steps::decompress::decompress_body(body, declared_gzip, limits)?;
    let parsed: Value = serde_json::from_slice(&json_bytes).map_err(|error| {
        IngestRejection::new(
            RejectionKind::MalformedJson,
            "parse_http_api_body",
            format!("invalid JSON request body: {error}"),
        )
    })?;
    let Value::Object(mut object) = parsed else {
        return Err(IngestRejection::new(
            RejectionKind::InvalidField,
            "parse_http_api_body",
            "the body must be a JSON object",
        ));
    };
    let api_key = object.get("api_key").and_then(Value::as_str).map(str::to_owned).filter(|key| !key.is_empty());
    let events = match object.remove("events") {
        Some(Value::Array(events)) => events,
        Some(_) => {
            return Err(IngestRejection::new(
                RejectionKind::InvalidField,
                "parse_http_api_body",
                "events must be an array",
            ));
        }
        None => Vec::new(),
    };
    if events.len() > limits.batch_events_max {
        return Err(IngestRejection::new(
            RejectionKind::BatchTooLong,
            "parse_http_api_body",
            format!(
                "{} events is more than the limit of {} (ingest.batch_events_max)",
                events.len(),
                limits.batch_events_max
            ),
        ));
    }
    let min_id_length = object
        .get("options")
        .and_then(|options| options.get("min_id_length"))
        .and_then(Value::as_u64)
        .map_or(DEFAULT_MIN_ID_LENGTH, |length| length as usize);
    let client_upload_ms =
        object.get("client_upload_time").and_then(Value::as_str).and_then(reel_types::parse_rfc3339_utc_to_epoch_ms);
    Ok(HttpApiRequest { api_key, events, min_id_length, client_upload_ms })
}

fn note(report: &mut BTreeMap<String, Vec<usize>>, field: &str, index: usize) {
    report.entry(field.to_owned()).or_default().push(index);
}

fn optional_string(
    event: &Map<String, Value>,
    field: &str,
    index: usize,
    report: &mut InvalidEventReport,
) -> Option<String> {
    match event.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()).filter(|text| !text.is_empty()),
        Some(_) => {
            note(&mut report.invalid_fields, field, index);
            None
        }
    }
}

fn optional_object(
    event: &Map<String, Value>,
    field: &str,
    index: usize,
    report: &mut InvalidEventReport,
) -> Option<Map<String, Value>> {
    match event.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::Object(object)) => Some(object.clone()),
        Some(_) => {
            note(&mut report.invalid_fields, field, index);
            None
        }
    }
}

fn optional_integer(
    event: &Map<String, Value>,
    field: &str,
    index: usize,
    report: &mut InvalidEventReport,
) -> Option<i64> {
    match event.get(field) {
        None | Some(Value::Null) => None,
        Some(value) => value.as_i64().or_else(|| {
            note(&mut report.invalid_fields, field, index);
            None
        }),
    }
}

/// Checks every event and builds the storable events; any invalid event
/// rejects the whole request (nothing is stored), naming each bad index.
pub fn build_events(
    request: &HttpApiRequest,
    context: &RequestContext,
) -> Result<Vec<NewAnalyticsEvent>, InvalidEventReport> {
    let mut report = InvalidEventReport::default();
    let mut events = Vec::with_capacity(request.events.len());
    let clock_offset_ms = request
        .client_upload_ms
        .map(|client_upload_ms| context.received_at_ms - client_upload_ms)
        .filter(|offset_ms| offset_ms.abs() > context.clock_skew_threshold_ms)
        .unwrap_or(0);
    for (index, value) in request.events.iter().enumerate() {
        let Some(event) = value.as_object() else {
            note(&mut report.invalid_fields, "event", index);
            continue;
        };
        if let Some(mut built) = build_one_event(event, index, request.min_id_length, context, &mut report) {
            if event.contains_key("time") {
                built.time_ms += clock_offset_ms;
            }
            events.push(built);
        }
    }
    if report.is_empty() { Ok(events) } else { Err(report) }
}

fn build_one_event(
    event: &Map<String, Value>,
    index: usize,
    min_id_length: usize,
    context: &RequestContext,
    report: &mut InvalidEventReport,
) -> Option<NewAnalyticsEvent> {
    let errors_before = report.clone();
    let event_type = match event.get("event_type") {
        None | Some(Value::Null) => {
            note(&mut report.missing_fields, "event_type", index);
            None
        }
        Some(Value::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(_) => {
            note(&mut report.invalid_fields, "event_type", index);
            None
        }
    };
    let user_id = optional_string(event, "user_id", index, report);
    let device_id = optional_string(event, "device_id", index, report);
    if user_id.is_none() && device_id.is_none() && !event.contains_key("user_id") && !event.contains_key("device_id") {
        note(&mut report.missing_fields, "user_id or device_id", index);
    }
    for (field, id) in [("user_id", &user_id), ("device_id", &device_id)] {
        if id.as_ref().is_some_and(|id| id.chars().count() < min_id_length) {
            note(&mut report.invalid_id_lengths, field, index);
        }
    }
    let time_ms = optional_integer(event, "time", index, report).unwrap_or(context.received_at_ms);
    let session_id = optional_integer(event, "session_id", index, report).filter(|session_id| *session_id > 0);
    let event_properties = optional_object(event, "event_properties", index, report).unwrap_or_default();
    let user_property_operations = optional_object(event, "user_properties", index, report);
    let insert_id = optional_string(event, "insert_id", index, report);
    let mut event_context = EventContext {
        library: optional_string(event, "library", index, report),
        platform: optional_string(event, "platform", index, report),
        language: optional_string(event, "language", index, report),
        ip: optional_string(event, "ip", index, report),
        ..EventContext::default()
    };
    if event_context.ip.as_deref().is_none_or(|ip| ip == "$remote") {
        event_context.ip = context.client_ip.clone();
    }
    if let Some(user_agent) = optional_string(event, "user_agent", index, report) {
        fill_from_user_agent(&mut event_context, &user_agent);
    }
    if *report != errors_before {
        return None;
    }
    let event_type = event_type?;
    let replay_id = event_properties.get(SESSION_REPLAY_ID_PROPERTY).and_then(Value::as_str).map(str::to_owned);
    Some(NewAnalyticsEvent {
        project_id: context.project_id,
        insert_id,
        display_name: display_name(&event_type, &event_properties),
        event_type,
        time_ms,
        received_at_ms: context.received_at_ms,
        user_id,
        device_id,
        session_id,
        replay_id,
        event_properties,
        user_property_operations,
        context: event_context,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn context() -> RequestContext {
        RequestContext {
            project_id: 7,
            received_at_ms: 1_000,
            clock_skew_threshold_ms: 2_000,
            client_ip: Some("127.0.0.1".into()),
        }
    }

    fn request(events: Value) -> HttpApiRequest {
        HttpApiRequest {
            api_key: Some("k".into()),
            events: events.as_array().unwrap().clone(),
            min_id_length: 5,
            client_upload_ms: None,
        }
    }

    #[test]
    fn builds_events_with_amplitude_semantics() {
        let events = build_events(
            &request(json!([{
                "event_type": "[Amplitude] Element Clicked", "device_id": "device-12345", "session_id": 900, "time": 950,
                "insert_id": "abc", "ip": "$remote", "library": "amplitude-ts/2.48.1",
                "user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
                "event_properties": {"[Amplitude] Element Text": "Buy", "[Amplitude] Element Tag": "button", "[Amplitude] Session Replay ID": "device-12345/900"}
            }])),
            &context(),
        )
        .unwrap();
        let event = &events[0];
        assert_eq!((event.time_ms, event.session_id, event.project_id), (950, Some(900), 7));
        assert_eq!(event.display_name, "Clicked 'Buy' button");
        assert_eq!(event.replay_id.as_deref(), Some("device-12345/900"));
        assert_eq!(event.context.ip.as_deref(), Some("127.0.0.1"));
        assert_eq!(event.context.browser_name.as_deref(), Some("Chrome"));
    }

    #[test]
    fn a_skewed_client_clock_is_corrected() {
        let mut skewed = request(json!([{"event_type": "a", "device_id": "device-12345", "time": 500}]));
        // The client believed it was 10 s earlier than the server did.
        skewed.client_upload_ms = Some(-9_000);
        assert_eq!(build_events(&skewed, &context()).unwrap()[0].time_ms, 10_500);
        skewed.client_upload_ms = Some(0);
        assert_eq!(build_events(&skewed, &context()).unwrap()[0].time_ms, 500, "1 s is within the threshold");
    }

    #[test]
    fn names_every_invalid_index() {
        let report = build_events(
            &request(json!([
                {"event_type": "ok", "device_id": "device-12345"},
                {"device_id": "device-12345"},
                {"event_type": 5, "device_id": "device-12345"},
                {"event_type": "short id", "user_id": "abc"},
                {"event_type": "no id"},
                {"event_type": "bad props", "device_id": "device-12345", "event_properties": [1]},
                "not an object"
            ])),
            &context(),
        )
        .unwrap_err();
        assert_eq!(report.missing_fields.get("event_type"), Some(&vec![1]));
        assert_eq!(report.invalid_fields.get("event_type"), Some(&vec![2]));
        assert_eq!(report.invalid_id_lengths.get("user_id"), Some(&vec![3]));
        assert_eq!(report.missing_fields.get("user_id or device_id"), Some(&vec![4]));
        assert_eq!(report.invalid_fields.get("event_properties"), Some(&vec![5]));
        assert_eq!(report.invalid_fields.get("event"), Some(&vec![6]));
    }

    #[test]
    fn body_parsing_reads_key_events_and_options() {
        let body = br#"{"api_key":"key","events":[{"event_type":"a"}],"options":{"min_id_length":1}}"#;
        let parsed = parse_http_api_body(body, false, &IngestLimits::default()).unwrap();
        assert_eq!((parsed.api_key.as_deref(), parsed.events.len(), parsed.min_id_length), (Some("key"), 1, 1));
        assert_eq!(
            parse_http_api_body(b"OK", false, &IngestLimits::default()).unwrap_err().kind,
            RejectionKind::MalformedJson
        );
        let no_events = parse_http_api_body(br#"{"api_key":"key"}"#, false, &IngestLimits::default()).unwrap();
        assert!(no_events.events.is_empty());
    }
}
