//! A journey builder for analytics tests: one user's events in time order,
//! written as steps rather than hand-made rows.

use reel_types::{EventContext, NewAnalyticsEvent, parse_rfc3339_utc_to_epoch_ms};
use serde_json::{Map, Value, json};

pub struct Journey {
    user_id: Option<String>,
    device_id: String,
    browser_name: Option<String>,
    session_id: Option<i64>,
    time_ms: i64,
    events: Vec<NewAnalyticsEvent>,
}

impl Journey {
    /// A logged-in user (device `<user>-device`).
    pub fn user(user_id: &str) -> Self {
        Self {
            user_id: Some(user_id.into()),
            device_id: format!("{user_id}-device"),
            browser_name: None,
            session_id: None,
            time_ms: 0,
            events: Vec::new(),
        }
    }

    /// A visitor known only by device id.
    pub fn anonymous(device_id: &str) -> Self {
        Self {
            user_id: None,
            device_id: device_id.into(),
            browser_name: None,
            session_id: None,
            time_ms: 0,
            events: Vec::new(),
        }
    }

    /// Uses another device id.
    pub fn device(mut self, device_id: &str) -> Self {
        self.device_id = device_id.into();
        self
    }

    /// Puts the following events in a recorded session (with a replay id).
    pub fn in_session(mut self, session_id: i64) -> Self {
        self.session_id = Some(session_id);
        self
    }

    pub fn browser(mut self, browser_name: &str) -> Self {
        self.browser_name = Some(browser_name.into());
        self
    }

    /// Moves the clock to an RFC 3339 UTC time.
    pub fn at(mut self, time: &str) -> Self {
        self.time_ms = parse_rfc3339_utc_to_epoch_ms(time).unwrap();
        self
    }

    pub fn after_minutes(mut self, minutes: i64) -> Self {
        self.time_ms += minutes * 60_000;
        self
    }

    pub fn event(self, event_type: &str) -> Self {
        self.event_with(event_type, json!({}))
    }

    pub fn event_with(mut self, event_type: &str, properties: Value) -> Self {
        let event_properties: Map<String, Value> = properties.as_object().cloned().unwrap_or_default();
        self.events.push(NewAnalyticsEvent {
            project_id: 1,
            insert_id: Some(format!("{}-{}-{}", self.device_id, self.time_ms, self.events.len())),
            event_type: event_type.into(),
            display_name: event_type.into(),
            time_ms: self.time_ms,
            received_at_ms: self.time_ms,
            user_id: self.user_id.clone(),
            device_id: Some(self.device_id.clone()),
            session_id: Some(self.session_id.unwrap_or(self.time_ms)),
            replay_id: self.session_id.map(|session_id| format!("{}/{session_id}", self.device_id)),
            event_properties,
            user_property_operations: None,
            context: EventContext { browser_name: self.browser_name.clone(), ..EventContext::default() },
        });
        self
    }

    /// Sets user properties (`$set`) from the last event on.
    pub fn set_user_properties(mut self, properties: Value) -> Self {
        if let Some(last) = self.events.last_mut() {
            last.user_property_operations = json!({"$set": properties}).as_object().cloned();
        }
        self
    }

    pub fn build(self) -> Vec<NewAnalyticsEvent> {
        self.events
    }
}
