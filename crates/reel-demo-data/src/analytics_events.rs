//! Generates realistic product-analytics events for many users (sessions of
//! page views and clicks, a shop funnel, replays, errors and frustration
//! signals), deterministic from a seed, one user at a time so that millions
//! of events never sit in memory at once.

use reel_types::analytics::{REPLAY_CAPTURED_EVENT_TYPE, SESSION_REPLAY_ID_PROPERTY};
use reel_types::{EventContext, NewAnalyticsEvent};
use serde_json::{Map, Value, json};

use crate::random::DeterministicRandom;

/// The shop funnel, in order.
pub const FUNNEL_EVENT_TYPES: [&str; 4] =
    ["[Amplitude] Page Viewed", "Add to Cart", "Checkout Started", "Purchase Completed"];
const PAGE_PATHS: [&str; 8] = ["/", "/shoes", "/shirts", "/hats", "/sale", "/cart", "/checkout", "/account"];
const BROWSERS: [&str; 4] = ["Chrome", "Safari", "Firefox", "Edge"];
const PLANS: [&str; 3] = ["free", "plus", "pro"];
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone)]
pub struct AnalyticsDemoPlan {
    pub project_id: i64,
    pub users: u64,
    /// About how many events each user has over the whole range.
    pub events_per_user: u64,
    pub start_ms: i64,
    pub days: i64,
    pub seed: u64,
}

struct UserContext<'plan> {
    plan: &'plan AnalyticsDemoPlan,
    user_id: String,
    device_id: String,
    browser_name: &'static str,
    events: Vec<NewAnalyticsEvent>,
}

impl UserContext<'_> {
    fn push(&mut self, event_type: &str, time_ms: i64, session_id: i64, mut properties: Map<String, Value>) {
        let replay_id = format!("{}/{session_id}", self.device_id);
        properties.insert(SESSION_REPLAY_ID_PROPERTY.into(), Value::String(replay_id.clone()));
        self.events.push(NewAnalyticsEvent {
            project_id: self.plan.project_id,
            insert_id: Some(format!("{}-{}", self.device_id, self.events.len())),
            event_type: event_type.into(),
            display_name: event_type.into(),
            time_ms,
            received_at_ms: time_ms,
            user_id: Some(self.user_id.clone()),
            device_id: Some(self.device_id.clone()),
            session_id: Some(session_id),
            replay_id: Some(replay_id),
            event_properties: properties,
            user_property_operations: None,
            context: EventContext {
                library: Some("reel-demo".into()),
                platform: Some("Web".into()),
                browser_name: Some(self.browser_name.into()),
                ..EventContext::default()
            },
        });
    }
}

fn properties(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// The events of user `user_index` (0-based), in time order.
pub fn generate_user_events(plan: &AnalyticsDemoPlan, user_index: u64) -> Vec<NewAnalyticsEvent> {
    let mut random = DeterministicRandom::new(plan.seed ^ user_index.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let browser_name = BROWSERS[(random.next_u64() % BROWSERS.len() as u64) as usize];
    let mut user = UserContext {
        plan,
        user_id: format!("user-{user_index:06}"),
        device_id: format!("device-{user_index:06}"),
        browser_name,
        events: Vec::with_capacity(plan.events_per_user as usize + 16),
    };
    let mut day_starts: Vec<i64> = Vec::new();
    while (user.events.len() as u64) < plan.events_per_user {
        let day = random.between(0, plan.days.max(1));
        let session_id = plan.start_ms + day * DAY_MS + random.between(0, DAY_MS - 3_600_000);
        day_starts.push(session_id);
        let mut time_ms = session_id;
        user.push(REPLAY_CAPTURED_EVENT_TYPE, time_ms, session_id, Map::new());
        let page_views = random.between(2, 12);
        for _ in 0..page_views {
            time_ms += random.between(5_000, 90_000);
            let path = PAGE_PATHS[(random.next_u64() % PAGE_PATHS.len() as u64) as usize];
            user.push(FUNNEL_EVENT_TYPES[0], time_ms, session_id, properties(json!({"[Amplitude] Page Path": path})));
            if random.between(0, 100) < 60 {
                time_ms += random.between(1_000, 20_000);
                user.push(
                    "[Amplitude] Element Clicked",
                    time_ms,
                    session_id,
                    properties(json!({"[Amplitude] Page Path": path})),
                );
            }
            if random.between(0, 100) < 3 {
                user.push(
                    "[Amplitude] Dead Click",
                    time_ms + 500,
                    session_id,
                    properties(json!({"[Amplitude] Page Path": path})),
                );
            }
        }
        for (step, percent) in [(1, 35), (2, 55), (3, 65)] {
            if random.between(0, 100) >= percent {
                break;
            }
            time_ms += random.between(10_000, 300_000);
            let amount = random.between(5, 300);
            user.push(FUNNEL_EVENT_TYPES[step], time_ms, session_id, properties(json!({"amount": amount})));
        }
        if random.between(0, 100) < 4 {
            user.push(
                "[Reel] Runtime Error",
                time_ms + 1_000,
                session_id,
                properties(json!({"Message": "TypeError: x is undefined"})),
            );
        }
    }
    user.events.sort_by_key(|event| event.time_ms);
    if let Some(first) = user.events.first_mut() {
        let plan_name = PLANS[(user_index % PLANS.len() as u64) as usize];
        first.user_property_operations = Some(properties(json!({"$set": {"plan": plan_name}})));
    }
    user.events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_deterministic_time_ordered_and_near_the_asked_size() {
        let plan = AnalyticsDemoPlan { project_id: 1, users: 10, events_per_user: 100, start_ms: 0, days: 30, seed: 7 };
        let first = generate_user_events(&plan, 3);
        assert_eq!(first, generate_user_events(&plan, 3));
        assert_ne!(first, generate_user_events(&plan, 4));
        assert!((100..150).contains(&first.len()), "{}", first.len());
        assert!(first.windows(2).all(|pair| pair[0].time_ms <= pair[1].time_ms));
        assert!(first.iter().all(|event| (0..30 * DAY_MS).contains(&event.time_ms)));
        assert!(first.iter().any(|event| event.event_type == REPLAY_CAPTURED_EVENT_TYPE));
    }
}
