use crate::StorageResult;
use reel_types::{EventContext, NewAnalyticsEvent};
use serde_json::{Map, Value, json};

use crate::EventStore;

fn event(insert_id: &str, event_type: &str, time_ms: i64, user_properties: Option<Value>) -> NewAnalyticsEvent {
    NewAnalyticsEvent {
        project_id: 1,
        insert_id: Some(insert_id.into()),
        event_type: event_type.into(),
        display_name: format!("name of {event_type}"),
        time_ms,
        received_at_ms: time_ms + 5,
        user_id: None,
        device_id: Some("device-1".into()),
        session_id: Some(100),
        replay_id: Some("device-1/100".into()),
        event_properties: json!({"step": time_ms}).as_object().cloned().unwrap_or_default(),
        user_property_operations: user_properties.and_then(|value| value.as_object().cloned()),
        context: EventContext { browser_name: Some("Chrome".into()), ..EventContext::default() },
    }
}

/// Events are stored once per insert_id, read back by session in time
/// order, and identify operations build the user's profile.
pub async fn check_event_store(store: &dyn EventStore) -> StorageResult<()> {
    let counts = store
        .insert_events(vec![
            event("b", "second", 20, Some(json!({"$set": {"plan": "pro"}, "$add": {"logins": 1}}))),
            event("a", "first", 10, Some(json!({"$setOnce": {"plan": "free"}}))),
            event("a", "first again", 10, None),
        ])
        .await?;
    assert_eq!((counts.inserted, counts.duplicates), (2, 1), "a repeated insert_id in one request is stored once");
    let counts = store.insert_events(vec![event("b", "retried", 20, Some(json!({"$add": {"logins": 1}})))]).await?;
    assert_eq!((counts.inserted, counts.duplicates), (0, 1), "a retried insert_id is stored once");
    let mut other_session = event("c", "elsewhere", 15, None);
    other_session.session_id = Some(200);
    store.insert_events(vec![other_session]).await?;

    let events = store.list_session_events(1, "device-1", 100, 100).await?;
    let types: Vec<&str> = events.iter().map(|event| event.event_type.as_str()).collect();
    assert_eq!(types, ["first", "second"]);
    assert_eq!(events[0].display_name, "name of first");
    assert_eq!(events[1].event_properties.get("step"), Some(&json!(20)));
    assert_eq!(events[1].context.browser_name.as_deref(), Some("Chrome"));
    assert_eq!(events[1].replay_id.as_deref(), Some("device-1/100"));
    // Operations apply in the order the events were given: "second" ran first.
    assert_eq!(Value::Object(events[1].user_properties.clone()), json!({"plan": "pro", "logins": 1}));
    let profile = store.find_user_properties(1, "device-1").await?.unwrap_or_else(Map::new);
    assert_eq!(
        Value::Object(profile),
        json!({"plan": "pro", "logins": 1}),
        "$setOnce does not overwrite; the retry did not add"
    );
    assert!(store.find_user_properties(1, "nobody").await?.is_none());
    assert!(store.list_session_events(2, "device-1", 100, 100).await?.is_empty(), "other projects see nothing");
    check_deleting_by_library(store).await?;
    Ok(())
}

/// Deleting by library removes only the events that library wrote.
pub async fn check_deleting_by_library(store: &dyn EventStore) -> StorageResult<()> {
    let mut computed = event("computed", "[Amplitude] Rage Click", 30, None);
    computed.context.library = Some("reel-signals/v1".into());
    let mut sent_by_sdk = event("sent", "[Amplitude] Rage Click", 31, None);
    sent_by_sdk.context.library = Some("amplitude-ts/2.48.1".into());
    store.insert_events(vec![computed, sent_by_sdk]).await?;
    let deleted = store
        .delete_session_events_from_library(1, "device-1", 100, &["[Amplitude] Rage Click"], "reel-signals/v1")
        .await?;
    assert_eq!(deleted, 1);
    let remaining: Vec<String> = store
        .list_session_events(1, "device-1", 100, 100)
        .await?
        .into_iter()
        .filter(|event| event.event_type == "[Amplitude] Rage Click")
        .filter_map(|event| event.insert_id)
        .collect();
    assert_eq!(remaining, ["sent"]);
    Ok(())
}
