//! A minimal mirror of the recorded DOM: enough to know, for any node id,
//! its tag, attributes, parent and text. Built from FullSnapshots and kept
//! up to date with mutations. Unknown shapes are ignored, never an error.

use std::collections::HashMap;

use serde_json::{Map, Value};

#[derive(Debug, Clone, Default)]
pub struct MirrorNode {
    /// Lower-case tag for elements; empty for other node types.
    pub tag: String,
    pub attributes: HashMap<String, String>,
    pub parent_id: Option<i64>,
    pub child_ids: Vec<i64>,
    /// Text content, for text nodes.
    pub text: Option<String>,
}

#[derive(Debug, Default)]
pub struct DomMirror {
    nodes: HashMap<i64, MirrorNode>,
}

const ELEMENT_NODE_TYPE: i64 = 2;
const TEXT_NODE_TYPE: i64 = 3;

impl DomMirror {
    pub fn node(&self, id: i64) -> Option<&MirrorNode> {
        self.nodes.get(&id)
    }

    /// Replaces the mirror with a FullSnapshot's tree (`data.node`).
    pub fn load_full_snapshot(&mut self, data: &Value) {
        self.nodes.clear();
        if let Some(root) = data.get("node") {
            self.add_tree(root, None);
        }
    }

    fn add_tree(&mut self, serialized: &Value, parent_id: Option<i64>) {
        let Some(id) = serialized.get("id").and_then(Value::as_i64) else { return };
        let node_type = serialized.get("type").and_then(Value::as_i64).unwrap_or(-1);
        let mut node = MirrorNode { parent_id, ..MirrorNode::default() };
        if node_type == ELEMENT_NODE_TYPE {
            node.tag = serialized.get("tagName").and_then(Value::as_str).unwrap_or_default().to_ascii_lowercase();
            node.attributes = string_attributes(serialized.get("attributes").and_then(Value::as_object));
        } else if node_type == TEXT_NODE_TYPE {
            node.text = serialized.get("textContent").and_then(Value::as_str).map(str::to_owned);
        }
        self.nodes.insert(id, node);
        if let Some(parent) = parent_id.and_then(|parent_id| self.nodes.get_mut(&parent_id)) {
            parent.child_ids.push(id);
        }
        for child in serialized.get("childNodes").and_then(Value::as_array).into_iter().flatten() {
            self.add_tree(child, Some(id));
        }
    }

    /// Applies an incremental mutation (`data` of source 0).
    pub fn apply_mutation(&mut self, data: &Value) {
        for removal in data.get("removes").and_then(Value::as_array).into_iter().flatten() {
            if let Some(id) = removal.get("id").and_then(Value::as_i64) {
                self.remove_subtree(id);
            }
        }
        for addition in data.get("adds").and_then(Value::as_array).into_iter().flatten() {
            let parent_id = addition.get("parentId").and_then(Value::as_i64);
            if let Some(serialized) = addition.get("node") {
                self.add_tree(serialized, parent_id);
            }
        }
        for change in data.get("texts").and_then(Value::as_array).into_iter().flatten() {
            let id = change.get("id").and_then(Value::as_i64);
            if let Some(node) = id.and_then(|id| self.nodes.get_mut(&id)) {
                node.text = change.get("value").and_then(Value::as_str).map(str::to_owned);
            }
        }
        for change in data.get("attributes").and_then(Value::as_array).into_iter().flatten() {
            let id = change.get("id").and_then(Value::as_i64);
            let Some(node) = id.and_then(|id| self.nodes.get_mut(&id)) else { continue };
            for (name, value) in change.get("attributes").and_then(Value::as_object).into_iter().flatten() {
                match value.as_str() {
                    Some(text) => {
                        node.attributes.insert(name.clone(), text.to_owned());
                    }
                    None if value.is_null() => {
                        node.attributes.remove(name);
                    }
                    None => {}
                }
            }
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

    /// The concatenated text below a node, whitespace folded, at most `chars_max`.
    pub fn text_below(&self, id: i64, chars_max: usize) -> String {
        let mut pieces = Vec::new();
        self.collect_text(id, &mut pieces, 0);
        let folded = pieces.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
        folded.chars().take(chars_max).collect()
    }

    fn collect_text(&self, id: i64, pieces: &mut Vec<String>, depth: usize) {
        const DEPTH_MAX: usize = 12;
        let Some(node) = self.nodes.get(&id) else { return };
        if matches!(node.tag.as_str(), "script" | "style") || depth > DEPTH_MAX {
            return;
        }
        if let Some(text) = &node.text {
            pieces.push(text.clone());
        }
        for child_id in &node.child_ids {
            self.collect_text(*child_id, pieces, depth + 1);
        }
    }
}

fn string_attributes(attributes: Option<&Map<String, Value>>) -> HashMap<String, String> {
    let mut result = HashMap::new();
    for (name, value) in attributes.into_iter().flatten() {
        match value {
            Value::String(text) => {
                result.insert(name.clone(), text.clone());
            }
            Value::Bool(true) => {
                result.insert(name.clone(), String::new());
            }
            Value::Number(number) => {
                result.insert(name.clone(), number.to_string());
            }
            _ => {}
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn follows_snapshots_and_mutations() {
        let mut mirror = DomMirror::default();
        mirror.load_full_snapshot(&json!({"node": {"type": 0, "id": 1, "childNodes": [
            {"type": 2, "id": 2, "tagName": "BUTTON", "attributes": {"class": "btn", "disabled": true}, "childNodes": [
                {"type": 3, "id": 3, "textContent": " Add  to cart "}
            ]}
        ]}}));
        assert_eq!(mirror.node(2).unwrap().tag, "button");
        assert_eq!(mirror.text_below(2, 100), "Add to cart");
        mirror.apply_mutation(&json!({
            "adds": [{"parentId": 1, "node": {"type": 2, "id": 4, "tagName": "p", "attributes": {}, "childNodes": []}}],
            "texts": [{"id": 3, "value": "Added"}],
            "attributes": [{"id": 2, "attributes": {"class": null, "aria-busy": "true"}}],
            "removes": []
        }));
        assert_eq!(mirror.node(4).unwrap().parent_id, Some(1));
        assert_eq!(mirror.text_below(2, 100), "Added");
        assert!(!mirror.node(2).unwrap().attributes.contains_key("class"));
        mirror.apply_mutation(&json!({"removes": [{"parentId": 1, "id": 2}]}));
        assert!(mirror.node(3).is_none(), "the subtree is gone");
        mirror.apply_mutation(&json!({"adds": "garbage", "texts": [{"id": 99, "value": "x"}]}));
    }
}
