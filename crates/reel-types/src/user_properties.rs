//! Amplitude's identify operations applied to a user's properties.

use serde_json::{Map, Value};

/// Applies identify operations (`$set`, `$setOnce`, `$add`, `$append`,
/// `$prepend`, `$unset`, `$clearAll`, …) to `profile`, in Amplitude's order:
/// `$clearAll` first, then the others. Unknown operations are ignored.
pub fn apply_user_property_operations(profile: &mut Map<String, Value>, operations: &Map<String, Value>) {
    if operations.contains_key("$clearAll") {
        profile.clear();
    }
    for (operation, fields) in operations {
        let Some(fields) = fields.as_object() else { continue };
        for (property, value) in fields {
            apply_one(profile, operation, property, value);
        }
    }
    // A plain property without an operation key means `$set` (HTTP API v2).
    for (property, value) in operations.iter().filter(|(key, _)| !key.starts_with('$')) {
        profile.insert(property.clone(), value.clone());
    }
}

fn apply_one(profile: &mut Map<String, Value>, operation: &str, property: &str, value: &Value) {
    match operation {
        "$set" => {
            profile.insert(property.to_owned(), value.clone());
        }
        "$setOnce" => {
            profile.entry(property.to_owned()).or_insert_with(|| value.clone());
        }
        "$add" => {
            let current = profile.get(property).and_then(Value::as_f64).unwrap_or(0.0);
            let increment = value.as_f64().unwrap_or(0.0);
            profile.insert(property.to_owned(), number(current + increment));
        }
        "$append" | "$postInsert" => extend_list(profile, property, value, false, operation == "$postInsert"),
        "$prepend" | "$preInsert" => extend_list(profile, property, value, true, operation == "$preInsert"),
        "$remove" => {
            if let Some(Value::Array(items)) = profile.get_mut(property) {
                let removed: Vec<Value> = as_list(value);
                items.retain(|item| !removed.contains(item));
            }
        }
        "$unset" => {
            profile.remove(property);
        }
        _ => {}
    }
}

fn as_list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    }
}

fn extend_list(profile: &mut Map<String, Value>, property: &str, value: &Value, at_front: bool, only_if_absent: bool) {
    let mut items = match profile.remove(property) {
        Some(Value::Array(items)) => items,
        Some(Value::Null) | None => Vec::new(),
        Some(scalar) => vec![scalar],
    };
    let mut additions = as_list(value);
    if only_if_absent {
        additions.retain(|addition| !items.contains(addition));
    }
    if at_front {
        additions.extend(items);
        items = additions;
    } else {
        items.extend(additions);
    }
    profile.insert(property.to_owned(), Value::Array(items));
}

fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn apply(profile: Value, operations: Value) -> Value {
        let mut profile = profile.as_object().cloned().unwrap();
        apply_user_property_operations(&mut profile, operations.as_object().unwrap());
        Value::Object(profile)
    }

    #[test]
    fn each_operation_behaves_like_amplitude() {
        let start = json!({"plan": "free", "logins": 2, "tags": ["a"], "first_seen": "2024"});
        let result = apply(
            start,
            json!({
                "$set": {"plan": "pro"},
                "$setOnce": {"first_seen": "2026", "country": "FR"},
                "$add": {"logins": 1, "credits": 2.5},
                "$append": {"tags": "b"},
                "$prepend": {"history": ["z"]},
                "$unset": {"obsolete": "-"}
            }),
        );
        assert_eq!(
            result,
            json!({"plan": "pro", "logins": 3, "tags": ["a", "b"], "first_seen": "2024", "country": "FR", "credits": 2.5, "history": ["z"]})
        );
    }

    #[test]
    fn clear_all_runs_first_and_unset_removes() {
        let result = apply(json!({"a": 1, "b": 2}), json!({"$clearAll": "-", "$set": {"c": 3}}));
        assert_eq!(result, json!({"c": 3}));
        let result = apply(json!({"a": 1, "b": 2}), json!({"$unset": {"a": "-"}}));
        assert_eq!(result, json!({"b": 2}));
    }

    #[test]
    fn inserts_skip_existing_items_and_remove_drops_them() {
        let result =
            apply(json!({"t": ["x", "y"]}), json!({"$postInsert": {"t": ["y", "z"]}, "$preInsert": {"u": "w"}}));
        assert_eq!(result, json!({"t": ["x", "y", "z"], "u": ["w"]}));
        let result = apply(json!({"t": ["x", "y", "x"]}), json!({"$remove": {"t": "x"}}));
        assert_eq!(result, json!({"t": ["y"]}));
    }
}
