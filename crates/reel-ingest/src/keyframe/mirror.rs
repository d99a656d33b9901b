//! The serialized-node mirror behind server-built keyframes.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::style_attribute::apply_style_changes;

/// One node as rrweb serializes it, minus `childNodes` (kept as ids).
#[derive(Debug, Clone)]
struct MirrorNode {
    fields: Map<String, Value>,
    child_ids: Vec<i64>,
    parent_id: Option<i64>,
}

/// Follows a recording and can serialize the DOM it describes at any point.
#[derive(Debug, Default)]
pub struct KeyframeMirror {
    nodes: HashMap<i64, MirrorNode>,
    root_id: Option<i64>,
    href: String,
    viewport_width: i64,
    viewport_height: i64,
    page_scroll: (f64, f64),
    /// Time of the last event applied.
    pub last_event_ms: i64,
}

impl KeyframeMirror {
    /// Whether a page snapshot has been seen (only then can it serialize).
    pub fn has_document(&self) -> bool {
        self.root_id.is_some()
    }

    /// Applies one rrweb event; shapes it does not know are ignored.
    pub fn apply(&mut self, event: &Value) {
        let Some(timestamp_ms) = event.get("timestamp").and_then(Value::as_i64) else { return };
        self.last_event_ms = self.last_event_ms.max(timestamp_ms);
        let data = &event["data"];
        match event.get("type").and_then(Value::as_i64) {
            Some(4) => {
                self.href = data["href"].as_str().unwrap_or_default().to_owned();
                self.viewport_width = data["width"].as_i64().unwrap_or(self.viewport_width);
                self.viewport_height = data["height"].as_i64().unwrap_or(self.viewport_height);
            }
            Some(2) => self.load_full_snapshot(data),
            Some(3) => self.apply_incremental(data),
            _ => {}
        }
    }

    fn load_full_snapshot(&mut self, data: &Value) {
        self.nodes.clear();
        self.root_id = data["node"]["id"].as_i64();
        self.insert_tree(&data["node"], None, None);
        self.page_scroll = (
            data["initialOffset"]["left"].as_f64().unwrap_or(0.0),
            data["initialOffset"]["top"].as_f64().unwrap_or(0.0),
        );
    }

    fn insert_tree(&mut self, serialized: &Value, parent_id: Option<i64>, before_id: Option<i64>) {
        let Some(object) = serialized.as_object() else { return };
        let Some(id) = object.get("id").and_then(Value::as_i64) else { return };
        if self.nodes.contains_key(&id) {
            self.remove_subtree(id);
        }
        let mut fields = object.clone();
        let children = fields.remove("childNodes");
        self.nodes.insert(id, MirrorNode { fields, child_ids: Vec::new(), parent_id });
        if let Some(parent) = parent_id.and_then(|parent_id| self.nodes.get_mut(&parent_id)) {
            let position =
                before_id.and_then(|before_id| parent.child_ids.iter().position(|child_id| *child_id == before_id));
            match position {
                Some(index) => parent.child_ids.insert(index, id),
                None => parent.child_ids.push(id),
            }
        }
        for child in children.as_ref().and_then(Value::as_array).into_iter().flatten() {
            self.insert_tree(child, Some(id), None);
        }
    }

    fn remove_subtree(&mut self, id: i64) {
        let Some(node) = self.nodes.remove(&id) else { return };
        if let Some(parent) = node.parent_id.and_then(|parent_id| self.nodes.get_mut(&parent_id)) {
            parent.child_ids.retain(|child_id| *child_id != id);
        }
        for child_id in node.child_ids {
            self.remove_subtree(child_id);
        }
    }

    fn apply_incremental(&mut self, data: &Value) {
        match data["source"].as_i64() {
            Some(0) => self.apply_mutation(data),
            Some(3) => self.apply_scroll(data),
            Some(4) => {
                self.viewport_width = data["width"].as_i64().unwrap_or(self.viewport_width);
                self.viewport_height = data["height"].as_i64().unwrap_or(self.viewport_height);
            }
            Some(5) => self.apply_input(data),
            _ => {}
        }
    }

    fn apply_mutation(&mut self, data: &Value) {
        for removal in data["removes"].as_array().into_iter().flatten() {
            if let Some(id) = removal["id"].as_i64() {
                self.remove_subtree(id);
            }
        }
        // An addition can name a parent or next sibling that another addition
        // of the same mutation creates: insert what can be placed, retry the
        // rest, and append whatever still waits (as rrweb's replayer does).
        let mut pending: Vec<&Value> = data["adds"].as_array().into_iter().flatten().collect();
        while !pending.is_empty() {
            let mut waiting = Vec::new();
            for addition in &pending {
                let parent_known =
                    addition["parentId"].as_i64().is_some_and(|parent_id| self.nodes.contains_key(&parent_id));
                let next_id = addition["nextId"].as_i64();
                if parent_known && next_id.is_none_or(|next_id| self.nodes.contains_key(&next_id)) {
                    self.insert_tree(&addition["node"], addition["parentId"].as_i64(), next_id);
                } else {
                    waiting.push(*addition);
                }
            }
            if waiting.len() == pending.len() {
                for addition in waiting {
                    let parent_id =
                        addition["parentId"].as_i64().filter(|parent_id| self.nodes.contains_key(parent_id));
                    if parent_id.is_some() {
                        self.insert_tree(&addition["node"], parent_id, None);
                    }
                }
                break;
            }
            pending = waiting;
        }
        for change in data["texts"].as_array().into_iter().flatten() {
            let node = change["id"].as_i64().and_then(|id| self.nodes.get_mut(&id));
            if let Some(node) = node {
                node.fields.insert("textContent".into(), change["value"].clone());
            }
        }
        for change in data["attributes"].as_array().into_iter().flatten() {
            let node = change["id"].as_i64().and_then(|id| self.nodes.get_mut(&id));
            let Some(node) = node else { continue };
            let attributes = node.fields.entry("attributes").or_insert_with(|| json!({}));
            let Some(attributes) = attributes.as_object_mut() else { continue };
            for (name, value) in change["attributes"].as_object().into_iter().flatten() {
                match value {
                    Value::Null => {
                        attributes.remove(name);
                    }
                    Value::Object(style_changes) if name == "style" => {
                        let current = attributes.get("style").and_then(Value::as_str).unwrap_or_default().to_owned();
                        attributes.insert(name.clone(), Value::String(apply_style_changes(&current, style_changes)));
                    }
                    other => {
                        attributes.insert(name.clone(), other.clone());
                    }
                }
            }
        }
    }

    fn apply_scroll(&mut self, data: &Value) {
        let (Some(id), Some(x), Some(y)) = (data["id"].as_i64(), data["x"].as_f64(), data["y"].as_f64()) else {
            return;
        };
        let is_page = Some(id) == self.root_id
            || self.nodes.get(&id).is_some_and(|node| {
                matches!(node.fields.get("tagName").and_then(Value::as_str), Some("html" | "body"))
            });
        if is_page {
            self.page_scroll = (x, y);
            return;
        }
        if let Some(attributes) =
            self.nodes.get_mut(&id).and_then(|node| node.fields.get_mut("attributes")).and_then(Value::as_object_mut)
        {
            attributes.insert("rr_scrollLeft".into(), json!(x));
            attributes.insert("rr_scrollTop".into(), json!(y));
        }
    }

    fn apply_input(&mut self, data: &Value) {
        let Some(node) = data["id"].as_i64().and_then(|id| self.nodes.get_mut(&id)) else { return };
        let Some(attributes) = node.fields.entry("attributes").or_insert_with(|| json!({})).as_object_mut() else {
            return;
        };
        if let Some(text) = data["text"].as_str() {
            attributes.insert("value".into(), json!(text));
        }
        match data["isChecked"].as_bool() {
            Some(true) => {
                attributes.insert("checked".into(), json!(true));
            }
            Some(false) => {
                attributes.remove("checked");
            }
            None => {}
        }
    }

    fn serialize_node(&self, id: i64, depth: usize) -> Option<Value> {
        const DEPTH_MAX: usize = 512;
        let node = self.nodes.get(&id)?;
        let mut serialized = node.fields.clone();
        if depth < DEPTH_MAX {
            let children: Vec<Value> =
                node.child_ids.iter().filter_map(|child_id| self.serialize_node(*child_id, depth + 1)).collect();
            let is_parent_type = matches!(serialized.get("type").and_then(Value::as_i64), Some(0 | 2));
            if is_parent_type {
                serialized.insert("childNodes".into(), Value::Array(children));
            }
        }
        Some(Value::Object(serialized))
    }

    /// The Meta and FullSnapshot events of the current DOM, stamped `timestamp_ms`.
    pub fn keyframe_events(&self, timestamp_ms: i64) -> Option<[Value; 2]> {
        let root = self.serialize_node(self.root_id?, 0)?;
        let meta = json!({"type": 4, "timestamp": timestamp_ms,
            "data": {"href": self.href, "width": self.viewport_width, "height": self.viewport_height}});
        let full_snapshot = json!({"type": 2, "timestamp": timestamp_ms,
            "data": {"node": root, "initialOffset": {"left": self.page_scroll.0, "top": self.page_scroll.1}}});
        Some([meta, full_snapshot])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Vec<Value> {
        vec![
            json!({"type": 4, "timestamp": 1, "data": {"href": "http://shop/", "width": 800, "height": 600}}),
            json!({"type": 2, "timestamp": 2, "data": {"initialOffset": {"left": 0, "top": 0}, "node": {"type": 0, "id": 1, "childNodes": [
                {"type": 2, "id": 2, "tagName": "html", "attributes": {}, "childNodes": [
                    {"type": 2, "id": 3, "tagName": "body", "attributes": {}, "childNodes": [
                        {"type": 2, "id": 4, "tagName": "ul", "attributes": {}, "childNodes": [
                            {"type": 2, "id": 5, "tagName": "li", "attributes": {}, "childNodes": [{"type": 3, "id": 6, "textContent": "first"}]}
                        ]},
                        {"type": 2, "id": 7, "tagName": "input", "attributes": {"type": "text"}, "childNodes": []}
                    ]}
                ]}
            ]}}}),
        ]
    }

    fn texts(node: &Value, found: &mut Vec<String>) {
        if let Some(text) = node["textContent"].as_str() {
            found.push(text.to_owned());
        }
        for child in node["childNodes"].as_array().into_iter().flatten() {
            texts(child, found);
        }
    }

    #[test]
    fn a_keyframe_reflects_every_change_since_the_page_snapshot() {
        let mut mirror = KeyframeMirror::default();
        let mut events = page();
        events.extend([
            // Two items added before the first: adds come with nextId.
            json!({"type": 3, "timestamp": 10, "data": {"source": 0, "removes": [], "texts": [], "attributes": [], "adds": [
                {"parentId": 4, "nextId": 5, "node": {"type": 2, "id": 8, "tagName": "li", "attributes": {}, "childNodes": [{"type": 3, "id": 9, "textContent": "zero"}]}},
            ]}}),
            json!({"type": 3, "timestamp": 11, "data": {"source": 0, "removes": [], "adds": [],
                "texts": [{"id": 6, "value": "first, edited"}],
                "attributes": [{"id": 4, "attributes": {"class": "list", "style": {"color": "red"}}}]}}),
            json!({"type": 3, "timestamp": 12, "data": {"source": 5, "id": 7, "text": "*****", "isChecked": false}}),
            json!({"type": 3, "timestamp": 13, "data": {"source": 3, "id": 1, "x": 0, "y": 240}}),
            json!({"type": 3, "timestamp": 14, "data": {"source": 0, "adds": [], "texts": [], "attributes": [], "removes": [{"parentId": 4, "id": 5}]}}),
            json!({"type": 3, "timestamp": 15, "data": {"source": 4, "width": 1024, "height": 700}}),
        ]);
        for event in &events {
            mirror.apply(event);
        }
        let [meta, full_snapshot] = mirror.keyframe_events(20).unwrap();
        assert_eq!(meta["data"], json!({"href": "http://shop/", "width": 1024, "height": 700}));
        assert_eq!(full_snapshot["data"]["initialOffset"]["top"], 240.0);
        let mut found = Vec::new();
        texts(&full_snapshot["data"]["node"], &mut found);
        assert_eq!(found, ["zero"], "the first item was removed after its text changed");
        let list = &full_snapshot["data"]["node"]["childNodes"][0]["childNodes"][0]["childNodes"][0];
        assert_eq!(list["attributes"], json!({"class": "list", "style": "color: red;"}));
        let input = &full_snapshot["data"]["node"]["childNodes"][0]["childNodes"][0]["childNodes"][1];
        assert_eq!(input["attributes"]["value"], "*****");
    }

    #[test]
    fn sibling_order_follows_next_ids() {
        let mut mirror = KeyframeMirror::default();
        for event in page() {
            mirror.apply(&event);
        }
        // rrweb sends a batch of adds where later siblings come first.
        mirror.apply(&json!({"type": 3, "timestamp": 5, "data": {"source": 0, "removes": [], "texts": [], "attributes": [], "adds": [
            {"parentId": 4, "nextId": null, "node": {"type": 3, "id": 21, "textContent": "c"}},
            {"parentId": 4, "nextId": 21, "node": {"type": 3, "id": 20, "textContent": "b"}},
        ]}}));
        let [_, full_snapshot] = mirror.keyframe_events(6).unwrap();
        let list = &full_snapshot["data"]["node"]["childNodes"][0]["childNodes"][0]["childNodes"][0];
        let ids: Vec<i64> =
            list["childNodes"].as_array().unwrap().iter().map(|child| child["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [5, 20, 21]);
    }

    #[test]
    fn nothing_to_serialize_before_a_page_snapshot_and_garbage_is_ignored() {
        let mut mirror = KeyframeMirror::default();
        mirror
            .apply(&json!({"type": 3, "timestamp": 1, "data": {"source": 0, "adds": [{"parentId": 1, "node": "x"}]}}));
        mirror.apply(&json!("garbage"));
        assert!(!mirror.has_document());
        assert!(mirror.keyframe_events(2).is_none());
    }
}
