//! What a clicked element is: its tag, selector, text, and whether it looks
//! clickable, from the DOM mirror and the SDK's click hints.

use crate::dom_mirror::DomMirror;

/// A clicked element as signals describe it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ElementDescription {
    /// The node the click hit, or its nearest interactive ancestor.
    pub node_id: Option<i64>,
    pub tag: Option<String>,
    pub selector: Option<String>,
    pub text: Option<String>,
    pub looks_clickable: bool,
    /// Clicks on these never count as dead: new-tab or download links, text fields.
    pub excluded_from_dead_click: bool,
}

const INTERACTIVE_ROLES: [&str; 11] = [
    "button",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "tab",
    "treeitem",
    "checkbox",
    "radio",
    "switch",
];
const INTERACTIVE_INPUT_TYPES: [&str; 7] = ["button", "submit", "reset", "checkbox", "radio", "image", "file"];
const ANCESTORS_SEARCHED_MAX: usize = 5;

fn is_interactive(mirror: &DomMirror, id: i64) -> bool {
    let Some(node) = mirror.node(id) else { return false };
    let attribute = |name: &str| node.attributes.get(name).map(|value| value.to_ascii_lowercase());
    let interactive_tag = match node.tag.as_str() {
        "a" => node.attributes.contains_key("href"),
        "button" | "summary" | "select" => true,
        "input" => INTERACTIVE_INPUT_TYPES.contains(&attribute("type").unwrap_or_default().as_str()),
        _ => false,
    };
    interactive_tag || attribute("role").is_some_and(|role| INTERACTIVE_ROLES.contains(&role.as_str()))
}

/// Styling that makes an element look like a button (the seed's example is
/// an image styled as a button): a pointer cursor or button-like classes.
fn looks_styled_as_button(mirror: &DomMirror, id: i64) -> bool {
    let Some(node) = mirror.node(id) else { return false };
    let style =
        node.attributes.get("style").map(|style| style.replace(' ', "").to_ascii_lowercase()).unwrap_or_default();
    let classes = node.attributes.get("class").map(|class| class.to_ascii_lowercase()).unwrap_or_default();
    style.contains("cursor:pointer")
        || classes.split_whitespace().any(|class| class.contains("btn") || class.contains("button"))
}

fn selector_part(mirror: &DomMirror, id: i64) -> Option<String> {
    let node = mirror.node(id)?;
    if node.tag.is_empty() {
        return None;
    }
    if let Some(element_id) = node.attributes.get("id").filter(|value| !value.is_empty()) {
        return Some(format!("{}#{element_id}", node.tag));
    }
    let classes: Vec<&str> =
        node.attributes.get("class").map(|class| class.split_whitespace().take(2).collect()).unwrap_or_default();
    Some(if classes.is_empty() { node.tag.clone() } else { format!("{}.{}", node.tag, classes.join(".")) })
}

/// A short CSS path: up to three levels, stopping at an element with an id.
fn selector(mirror: &DomMirror, id: i64) -> Option<String> {
    let mut parts = Vec::new();
    let mut current = Some(id);
    while let Some(current_id) = current {
        let Some(part) = selector_part(mirror, current_id) else { break };
        let has_id = part.contains('#');
        parts.push(part);
        if has_id || parts.len() == 3 {
            break;
        }
        current = mirror.node(current_id).and_then(|node| node.parent_id);
    }
    parts.reverse();
    (!parts.is_empty()).then(|| parts.join(" > "))
}

/// Describes the element a click hit. `hinted_clickable` is the SDK's hint
/// (computed `cursor: pointer` or natively interactive) for that node.
pub fn describe_clicked_element(mirror: &DomMirror, clicked_id: i64, hinted_clickable: bool) -> ElementDescription {
    let mut element_id = clicked_id;
    if mirror.node(clicked_id).is_some_and(|node| node.tag.is_empty()) {
        element_id = mirror.node(clicked_id).and_then(|node| node.parent_id).unwrap_or(clicked_id);
    }
    let mut target_id = element_id;
    let mut candidate = Some(element_id);
    for _ in 0..=ANCESTORS_SEARCHED_MAX {
        let Some(candidate_id) = candidate else { break };
        if is_interactive(mirror, candidate_id) {
            target_id = candidate_id;
            break;
        }
        candidate = mirror.node(candidate_id).and_then(|node| node.parent_id);
    }
    let Some(node) = mirror.node(target_id) else {
        return ElementDescription { node_id: Some(clicked_id), ..ElementDescription::default() };
    };
    let input_type = node.attributes.get("type").map(|value| value.to_ascii_lowercase()).unwrap_or_default();
    let is_text_field =
        node.tag == "textarea" || (node.tag == "input" && !INTERACTIVE_INPUT_TYPES.contains(&input_type.as_str()));
    let opens_elsewhere = node.tag == "a"
        && (node.attributes.get("target").is_some_and(|target| target == "_blank")
            || node.attributes.contains_key("download"));
    let text = mirror.text_below(target_id, 100);
    ElementDescription {
        node_id: Some(target_id),
        tag: Some(node.tag.clone()),
        selector: selector(mirror, target_id),
        text: (!text.is_empty()).then_some(text),
        looks_clickable: hinted_clickable
            || is_interactive(mirror, target_id)
            || looks_styled_as_button(mirror, target_id),
        excluded_from_dead_click: is_text_field || opens_elsewhere,
    }
}
