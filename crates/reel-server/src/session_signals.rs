//! Running the frustration detectors over a stored session and storing what
//! they find as analytics events (`[Amplitude] Rage Click`, …), with the
//! counts in the session index. Signal insert ids are derived from the
//! session, kind, time and node, so running twice stores nothing twice.

use std::collections::{HashMap, HashSet};

use reel_ingest::amplitude::display_name::display_name;
use reel_signals::{Signal, SignalKind, detect_signals};
use reel_types::analytics::SESSION_REPLAY_ID_PROPERTY;
use reel_types::{
    EventContext, NewAnalyticsEvent, SessionSummary, SignalCounts, StoredAnalyticsEvent, format_epoch_ms_rfc3339,
};
use serde_json::{Map, Value, json};

use crate::error::{ApiError, ApiResult};
use crate::recording_reader::read_recording_window;
use crate::state::{AppState, now_ms};

/// The `library` of signal events Reel computed.
pub const SIGNALS_LIBRARY: &str = "reel-signals/v1";
/// How far before new data detection restarts, so windows that span batches are seen whole.
const LOOKBACK_MS: i64 = 10_000;
/// The most recording read before new data for DOM context (the Reel SDK
/// takes a full snapshot every 5 minutes).
const CONTEXT_MS_MAX: i64 = 330_000;
/// An SDK-sent signal this close to Reel's is the same signal.
const SAME_SIGNAL_DISTANCE_MS: i64 = 1_500;

fn signal_properties(signal: &Signal, session: &SessionSummary) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut put = |name: &str, value: Value| {
        if !value.is_null() {
            properties.insert(name.to_owned(), value);
        }
    };
    put(SESSION_REPLAY_ID_PROPERTY, json!(session.replay_id));
    put("[Reel] Rule Set", json!(reel_signals::RULE_SET));
    put("[Amplitude] Page URL", json!(signal.page_url));
    put("[Amplitude] Element Tag", json!(signal.element_tag));
    put("[Amplitude] Element Text", json!(signal.element_text));
    put("[Amplitude] Element Path", json!(signal.selector));
    put("[Reel] Node ID", json!(signal.node_id));
    match signal.kind {
        SignalKind::RageClick | SignalKind::ThrashedCursor => {
            put("[Amplitude] Begin Time", json!(format_epoch_ms_rfc3339(signal.time_ms)));
            put("[Amplitude] End Time", json!(format_epoch_ms_rfc3339(signal.end_time_ms)));
            put("[Amplitude] Duration", json!(signal.end_time_ms - signal.time_ms));
            put("[Amplitude] Click Count", json!(signal.click_count));
        }
        SignalKind::DeadClick => {
            put("[Amplitude] X", json!(signal.x));
            put("[Amplitude] Y", json!(signal.y));
        }
        SignalKind::ErrorClick => {
            put("[Amplitude] Kind", json!("error"));
            put("[Amplitude] Message", json!(signal.error_message));
        }
    }
    properties
}

fn signal_event(signal: &Signal, session: &SessionSummary) -> NewAnalyticsEvent {
    let event_type = signal.kind.event_type();
    let event_properties = signal_properties(signal, session);
    NewAnalyticsEvent {
        project_id: session.project_id,
        insert_id: Some(format!(
            "reel-signal:{}:{}:{}:{}",
            session.id,
            signal.kind.id(),
            signal.time_ms,
            signal.node_id.unwrap_or(0)
        )),
        event_type: event_type.to_owned(),
        display_name: display_name(event_type, &event_properties),
        time_ms: signal.time_ms,
        received_at_ms: now_ms(),
        user_id: session.user_id.clone(),
        device_id: Some(session.device_id.clone()),
        session_id: Some(session.session_id),
        replay_id: Some(session.replay_id.clone()),
        event_properties,
        user_property_operations: None,
        context: EventContext { library: Some(SIGNALS_LIBRARY.into()), ..EventContext::default() },
    }
}

fn is_signal_event(event: &StoredAnalyticsEvent) -> Option<SignalKind> {
    SignalKind::ALL.into_iter().find(|kind| kind.event_type() == event.event_type)
}

fn count_signal(counts: &mut SignalCounts, kind: SignalKind) {
    match kind {
        SignalKind::RageClick => counts.rage_clicks += 1,
        SignalKind::DeadClick => counts.dead_clicks += 1,
        SignalKind::ErrorClick => counts.error_clicks += 1,
        SignalKind::ThrashedCursor => counts.thrashed_cursors += 1,
    }
}

/// Detects signals from `since_ms` (minus a lookback, from the keyframe
/// before it) or over the whole recording, and stores the new ones.
pub async fn refresh_session_signals(
    state: &AppState,
    session: &SessionSummary,
    since_ms: Option<i64>,
) -> ApiResult<usize> {
    let projects = state.stores.accounts.list_projects().await?;
    let project =
        projects.iter().find(|project| project.id == session.project_id).ok_or(ApiError::NotFound("project"))?;
    let from_ms = match since_ms {
        Some(since_ms) => {
            // Start at the keyframe before the new data, for the DOM context,
            // but never read more than CONTEXT_MS_MAX back.
            let window_start_ms = since_ms - LOOKBACK_MS;
            let keyframe_ms = state.stores.recordings.find_keyframe_at_or_before(&session.id, window_start_ms).await?;
            keyframe_ms
                .filter(|keyframe_ms| *keyframe_ms <= window_start_ms)
                .unwrap_or(window_start_ms)
                .max(since_ms - CONTEXT_MS_MAX)
        }
        None => i64::MIN,
    };
    let window = read_recording_window(&state.stores, &session.id, from_ms, i64::MAX).await?;
    let thresholds = project.settings.signals.clone();
    let detect = move || {
        let events: Vec<Value> = window.events.iter().filter_map(|raw| serde_json::from_str(raw.get()).ok()).collect();
        detect_signals(&events, &thresholds)
    };
    let signals = state.background.run(detect).await.map_err(reel_storage::StorageError::from)?;
    let existing = state
        .stores
        .events
        .list_session_events(session.project_id, &session.device_id, session.session_id, 100_000)
        .await?;
    let mut sdk_signal_times: HashMap<SignalKind, Vec<i64>> = HashMap::new();
    for event in existing.iter().filter(|event| event.context.library.as_deref() != Some(SIGNALS_LIBRARY)) {
        if let Some(kind) = is_signal_event(event) {
            sdk_signal_times.entry(kind).or_default().push(event.time_ms);
        }
    }
    let stored_insert_ids: HashSet<&str> = existing.iter().filter_map(|event| event.insert_id.as_deref()).collect();
    let new_signals: Vec<&Signal> = signals
        .iter()
        .filter(|signal| {
            let sent_by_sdk = sdk_signal_times.get(&signal.kind).into_iter().flatten();
            !sent_by_sdk.into_iter().any(|time_ms| (time_ms - signal.time_ms).abs() <= SAME_SIGNAL_DISTANCE_MS)
        })
        .collect();
    let new_events: Vec<NewAnalyticsEvent> = new_signals
        .iter()
        .map(|signal| signal_event(signal, session))
        .filter(|event| event.insert_id.as_deref().is_none_or(|insert_id| !stored_insert_ids.contains(insert_id)))
        .collect();
    // The counts follow from what was stored before plus what is stored now.
    let mut counts = SignalCounts::default();
    for kind in existing.iter().filter_map(is_signal_event) {
        count_signal(&mut counts, kind);
    }
    for event in &new_events {
        if let Some(kind) = SignalKind::ALL.into_iter().find(|kind| kind.event_type() == event.event_type) {
            count_signal(&mut counts, kind);
        }
    }
    let stored = state.stores.events.insert_events(new_events).await?.inserted as usize;
    state.stores.recordings.set_signal_counts(&session.id, counts).await?;
    Ok(stored)
}

/// Deletes the signals Reel computed for a session and detects them again
/// over the whole recording (after a rule or threshold change).
pub async fn recompute_session_signals(state: &AppState, session: &SessionSummary) -> ApiResult<usize> {
    let event_types: Vec<&str> = SignalKind::ALL.iter().map(|kind| kind.event_type()).collect();
    state
        .stores
        .events
        .delete_session_events_from_library(
            session.project_id,
            &session.device_id,
            session.session_id,
            &event_types,
            SIGNALS_LIBRARY,
        )
        .await?;
    refresh_session_signals(state, session, None).await
}

/// The session's signals for the player's markers, from its events.
pub fn signal_markers(events: &[StoredAnalyticsEvent]) -> Vec<Value> {
    events
        .iter()
        .filter_map(|event| {
            let kind = is_signal_event(event)?;
            Some(json!({
                "kind": kind.id(),
                "time_ms": event.time_ms,
                "display_name": event.display_name,
                "selector": event.event_properties.get("[Amplitude] Element Path"),
                "element_text": event.event_properties.get("[Amplitude] Element Text"),
                "click_count": event.event_properties.get("[Amplitude] Click Count"),
                "message": event.event_properties.get("[Amplitude] Message"),
                "source": if event.context.library.as_deref() == Some(SIGNALS_LIBRARY) { "reel" } else { "sdk" },
            }))
        })
        .collect()
}
