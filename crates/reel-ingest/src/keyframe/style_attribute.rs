//! rrweb records a `style` attribute change either as a string or as an
//! object of property changes (`{prop: value | [value, priority] | false}`).

use serde_json::{Map, Value};

/// Applies a style change object to an inline style string.
pub fn apply_style_changes(current_style: &str, changes: &Map<String, Value>) -> String {
    let mut declarations: Vec<(String, String)> = current_style
        .split(';')
        .filter_map(|declaration| declaration.split_once(':'))
        .map(|(property, value)| (property.trim().to_owned(), value.trim().to_owned()))
        .filter(|(property, _)| !property.is_empty())
        .collect();
    for (property, change) in changes {
        let new_value = match change {
            Value::String(value) => Some(value.clone()),
            Value::Array(parts) => {
                let value = parts.first().and_then(Value::as_str).unwrap_or_default();
                let priority = parts.get(1).and_then(Value::as_str).filter(|priority| !priority.is_empty());
                Some(priority.map_or_else(|| value.to_owned(), |priority| format!("{value} !{priority}")))
            }
            _ => None,
        };
        declarations.retain(|(existing, _)| existing != property);
        if let Some(value) = new_value {
            declarations.push((property.clone(), value));
        }
    }
    declarations.iter().map(|(property, value)| format!("{property}: {value};")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn sets_replaces_and_removes_properties() {
        let changes = json!({"color": "red", "display": false, "width": ["10px", "important"]});
        let style = apply_style_changes("display: none; margin: 0", changes.as_object().unwrap());
        assert_eq!(style, "margin: 0; color: red; width: 10px !important;");
    }
}
