//! `[Amplitude] Replay Captured`: one analytics event per recorded session,
//! so the replay-count recipe of Amplitude's docs works on Reel.

use reel_types::analytics::{REPLAY_CAPTURED_EVENT_TYPE, SESSION_REPLAY_ID_PROPERTY};
use reel_types::{EventContext, NewAnalyticsEvent, SessionKey};
use serde_json::{Map, Value};

use crate::state::now_ms;

/// The event stored when a session's first recorded batch creates it; its
/// insert id is derived from the session, so it can never be stored twice.
pub fn replay_captured_event(key: &SessionKey, user_id: Option<String>, first_event_ms: i64) -> NewAnalyticsEvent {
    let replay_id = key.replay_id();
    let mut event_properties = Map::new();
    event_properties.insert(SESSION_REPLAY_ID_PROPERTY.to_owned(), Value::String(replay_id.clone()));
    NewAnalyticsEvent {
        project_id: key.project_id,
        insert_id: Some(format!("reel-replay-captured-{}", key.uuid())),
        event_type: REPLAY_CAPTURED_EVENT_TYPE.to_owned(),
        display_name: "Replay captured".to_owned(),
        time_ms: first_event_ms,
        received_at_ms: now_ms(),
        user_id,
        device_id: Some(key.device_id.clone()),
        session_id: Some(key.session_id),
        replay_id: Some(replay_id),
        event_properties,
        user_property_operations: None,
        context: EventContext { library: Some("reel-server".into()), ..EventContext::default() },
    }
}
