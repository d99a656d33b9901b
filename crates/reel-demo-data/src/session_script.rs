//! The script of one generated visit: page loads, mouse movement, clicks,
//! scrolling and DOM changes, cut into SDK-sized batches.

use reel_types::IngestBatch;
use serde_json::{Value, json};

use crate::page_tree::TreeBuilder;
use crate::random::DeterministicRandom;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSessionPlan {
    pub device_id: String,
    pub user_id: Option<String>,
    /// Session start in epoch ms; also the session id.
    pub session_start_ms: i64,
    pub duration_ms: i64,
    /// Origin of the recorded pages, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    /// A new page (Meta + FullSnapshot) is loaded this often.
    pub page_interval_ms: i64,
    /// Events are cut into batches covering this much time.
    pub batch_interval_ms: i64,
    pub seed: u64,
}

const PRODUCTS: [(&str, &str); 4] =
    [("Aurora Lamp", "$49.00"), ("Nimbus Chair", "$189.00"), ("Tidal Mug", "$14.50"), ("Orbit Clock", "$72.00")];
const PAGES: [(&str, &str); 3] =
    [("/demo/", "All products"), ("/demo/product.html?id=2", "Nimbus Chair"), ("/demo/cart.html", "Your cart")];

/// Generates the batches of one session, in sequence order.
pub fn generate_session_batches(plan: &DemoSessionPlan) -> Vec<IngestBatch> {
    let events = generate_events(plan);
    let mut batches: Vec<IngestBatch> = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut batch_end_ms = plan.session_start_ms + plan.batch_interval_ms;
    for event in events {
        let timestamp_ms = event.get("timestamp").and_then(Value::as_i64).unwrap_or(0);
        if timestamp_ms >= batch_end_ms && !current.is_empty() {
            batches.push(make_batch(plan, batches.len() as u64, std::mem::take(&mut current)));
            while batch_end_ms <= timestamp_ms {
                batch_end_ms += plan.batch_interval_ms;
            }
        }
        current.push(event);
    }
    if !current.is_empty() {
        batches.push(make_batch(plan, batches.len() as u64, current));
    }
    batches
}

fn make_batch(plan: &DemoSessionPlan, sequence: u64, events: Vec<Value>) -> IngestBatch {
    IngestBatch {
        session_id: plan.session_start_ms,
        device_id: plan.device_id.clone(),
        user_id: plan.user_id.clone(),
        sequence,
        // Generated sessions lie in the past on purpose: no clock to correct.
        sent_at_ms: None,
        api_key: None,
        events: events.iter().filter_map(|event| serde_json::value::to_raw_value(event).ok()).collect(),
    }
}

fn generate_events(plan: &DemoSessionPlan) -> Vec<Value> {
    let mut random = DeterministicRandom::new(plan.seed);
    let mut events = Vec::new();
    let session_end_ms = plan.session_start_ms + plan.duration_ms;
    let mut page_start_ms = plan.session_start_ms;
    let mut page_number = 0;
    while page_start_ms < session_end_ms {
        let page_end_ms = (page_start_ms + plan.page_interval_ms).min(session_end_ms);
        let (path, heading) = PAGES[page_number % PAGES.len()];
        append_page_visit(&mut events, &mut random, plan, (path, heading), page_start_ms, page_end_ms);
        page_start_ms = page_end_ms;
        page_number += 1;
    }
    events
}

fn append_page_visit(
    events: &mut Vec<Value>,
    random: &mut DeterministicRandom,
    plan: &DemoSessionPlan,
    (path, heading): (&str, &str),
    start_ms: i64,
    end_ms: i64,
) {
    let mut tree = TreeBuilder::new();
    let document = tree.shop_page(heading, &PRODUCTS);
    let href = format!("{}{}", plan.base_url, path);
    events.push(json!({"type": 4, "timestamp": start_ms, "data": {"href": href, "width": 1280, "height": 720}}));
    events.push(json!({"type": 2, "timestamp": start_ms + 1, "data": {"node": document, "initialOffset": {"left": 0, "top": 0}}}));
    let mut next_node_id = tree.next_free_id();
    let (mut mouse_x, mut mouse_y) = (640_i64, 360_i64);
    let mut time_ms = start_ms + 200;
    // Each interaction below spans at most 1.3 s; stop early enough that
    // every event stays before the next page load.
    while time_ms + 1_400 < end_ms {
        let target_index = random.between(0, tree.clickable_targets.len() as i64) as usize;
        let Some(&(target_id, target_x, target_y)) = tree.clickable_targets.get(target_index) else { break };
        let mut positions = Vec::new();
        for step in 1..=10_i64 {
            let x = mouse_x + (target_x - mouse_x) * step / 10 + random.between(-4, 5);
            let y = mouse_y + (target_y - mouse_y) * step / 10 + random.between(-4, 5);
            positions.push(json!({"x": x, "y": y, "id": target_id, "timeOffset": (step - 10) * 50}));
        }
        time_ms += 500;
        events.push(json!({"type": 3, "timestamp": time_ms, "data": {"source": 1, "positions": positions}}));
        (mouse_x, mouse_y) = (target_x, target_y);
        events.push(json!({"type": 3, "timestamp": time_ms + 20, "data": {"source": 2, "type": 1, "id": target_id, "x": mouse_x, "y": mouse_y}}));
        events.push(json!({"type": 3, "timestamp": time_ms + 90, "data": {"source": 2, "type": 0, "id": target_id, "x": mouse_x, "y": mouse_y}}));
        events.push(json!({"type": 3, "timestamp": time_ms + 100, "data": {"source": 2, "type": 2, "id": target_id, "x": mouse_x, "y": mouse_y}}));
        let toast_id = next_node_id;
        next_node_id += 2;
        let toast = json!({"type": 2, "tagName": "p", "attributes": {"style": "margin:24px;color:#047857;font-family:sans-serif"},
            "childNodes": [], "id": toast_id});
        let toast_text = json!({"type": 3, "textContent": "Added to cart", "id": toast_id + 1});
        events.push(json!({"type": 3, "timestamp": time_ms + 150, "data": {"source": 0, "texts": [], "attributes": [], "removes": [],
            "adds": [{"parentId": tree.main_container_id, "nextId": null, "node": toast}, {"parentId": toast_id, "nextId": null, "node": toast_text}]}}));
        let scroll_y = random.between(0, 400);
        events.push(
            json!({"type": 3, "timestamp": time_ms + 800, "data": {"source": 3, "id": 1, "x": 0, "y": scroll_y}}),
        );
        time_ms += random.between(1_500, 4_000);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(duration_ms: i64) -> DemoSessionPlan {
        DemoSessionPlan {
            device_id: "device".into(),
            user_id: Some("user".into()),
            session_start_ms: 1_000_000,
            duration_ms,
            base_url: "http://127.0.0.1:8080".into(),
            page_interval_ms: 30_000,
            batch_interval_ms: 5_000,
            seed: 7,
        }
    }

    #[test]
    fn batches_are_sequential_and_ordered_in_time() {
        let batches = generate_session_batches(&plan(600_000));
        assert!(batches.len() > 10);
        let mut previous_timestamp = i64::MIN;
        for (index, batch) in batches.iter().enumerate() {
            assert_eq!(batch.sequence, index as u64);
            for raw_event in &batch.events {
                let event: serde_json::Value = serde_json::from_str(raw_event.get()).unwrap();
                let timestamp = event["timestamp"].as_i64().unwrap();
                assert!(timestamp >= previous_timestamp);
                assert!(timestamp < 1_600_000);
                previous_timestamp = timestamp;
            }
        }
        let metas = batches
            .iter()
            .flat_map(|batch| &batch.events)
            .filter(|event| reel_types::EventHead::read(event).event_type == Some(4))
            .count();
        assert_eq!(metas, 20, "one page load per 30 s");
    }

    #[test]
    fn output_depends_only_on_the_seed() {
        let as_json = |plan: &DemoSessionPlan| serde_json::to_string(&generate_session_batches(plan)).unwrap();
        assert_eq!(as_json(&plan(20_000)), as_json(&plan(20_000)));
        let mut other = plan(20_000);
        other.seed = 8;
        assert_ne!(as_json(&plan(20_000)), as_json(&other));
    }
}
