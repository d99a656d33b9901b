//! Friendly names for events, shown in event streams: "Clicked 'Add to cart'
//! button", "Viewed Checkout".

use serde_json::{Map, Value};

fn text_property<'a>(properties: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    properties.get(name).and_then(Value::as_str).map(str::trim).filter(|text| !text.is_empty())
}

fn shortened(text: &str) -> String {
    const MAXIMUM_CHARS: usize = 40;
    let single_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= MAXIMUM_CHARS {
        return single_line;
    }
    let cut: String = single_line.chars().take(MAXIMUM_CHARS - 1).collect();
    format!("{cut}…")
}

/// What an element is called in a display name, from its tag.
fn element_kind(properties: &Map<String, Value>) -> &'static str {
    match text_property(properties, "[Amplitude] Element Tag").map(str::to_ascii_lowercase).as_deref() {
        Some("a") => "link",
        Some("button") => "button",
        Some("input") => "input",
        Some("select") => "dropdown",
        Some("textarea") => "text area",
        Some("img") => "image",
        Some("label") => "label",
        _ => "element",
    }
}

/// The best human label of the element an event is about.
fn element_label(properties: &Map<String, Value>) -> Option<String> {
    const LABEL_PROPERTIES: [&str; 4] = [
        "[Amplitude] Element Text",
        "[Amplitude] Element Aria Label",
        "[Amplitude] Element Parent Label",
        "[Amplitude] Element ID",
    ];
    LABEL_PROPERTIES.iter().find_map(|name| text_property(properties, name)).map(shortened)
}

fn about_element(verb: &str, properties: &Map<String, Value>) -> String {
    let kind = element_kind(properties);
    match element_label(properties) {
        Some(label) => format!("{verb} '{label}' {kind}"),
        None => format!("{verb} {kind}"),
    }
}

fn page_name(properties: &Map<String, Value>) -> String {
    const PAGE_PROPERTIES: [&str; 3] = ["[Amplitude] Page Title", "[Amplitude] Page Path", "[Amplitude] Page URL"];
    PAGE_PROPERTIES
        .iter()
        .find_map(|name| text_property(properties, name))
        .map_or_else(|| "a page".to_owned(), shortened)
}

fn form_name(properties: &Map<String, Value>) -> String {
    ["[Amplitude] Form Name", "[Amplitude] Form ID"]
        .iter()
        .find_map(|name| text_property(properties, name))
        .map_or_else(|| "form".to_owned(), |name| format!("form '{}'", shortened(name)))
}

/// The display name of one event.
pub fn display_name(event_type: &str, properties: &Map<String, Value>) -> String {
    match event_type {
        "[Amplitude] Page Viewed" => format!("Viewed {}", page_name(properties)),
        "[Amplitude] Element Clicked" => about_element("Clicked", properties),
        "[Amplitude] Element Changed" => about_element("Changed", properties),
        "[Amplitude] Form Started" => format!("Started {}", form_name(properties)),
        "[Amplitude] Form Submitted" => format!("Submitted {}", form_name(properties)),
        "[Amplitude] Rage Click" => about_element("Rage clicked", properties),
        "[Amplitude] Dead Click" => about_element("Dead click on", properties),
        "[Amplitude] Error Click" => about_element("Error after clicking", properties),
        "[Amplitude] Thrashed Cursor" => "Thrashed cursor".to_owned(),
        "[Amplitude] File Downloaded" => {
            format!(
                "Downloaded {}",
                text_property(properties, "[Amplitude] File Name").map_or_else(|| "a file".to_owned(), shortened)
            )
        }
        "[Amplitude] Network Request" => {
            let method = text_property(properties, "[Amplitude] Request Method").unwrap_or("GET");
            let url = text_property(properties, "[Amplitude] URL").map_or_else(|| "a URL".to_owned(), shortened);
            let status = properties.get("[Amplitude] Status Code").and_then(Value::as_i64).unwrap_or(0);
            if status == 0 {
                format!("Request failed: {method} {url}")
            } else {
                format!("Request failed: {method} {url} ({status})")
            }
        }
        "[Reel] Runtime Error" => {
            format!(
                "Error: {}",
                text_property(properties, "Message").map_or_else(|| "unknown error".to_owned(), shortened)
            )
        }
        "[Amplitude] Replay Captured" => "Replay captured".to_owned(),
        "session_start" => "Session started".to_owned(),
        "session_end" => "Session ended".to_owned(),
        "$identify" => "Identified user".to_owned(),
        "$groupidentify" => "Identified group".to_owned(),
        "revenue_amount" => "Revenue".to_owned(),
        other => other.strip_prefix("[Amplitude] ").unwrap_or(other).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn name(event_type: &str, properties: Value) -> String {
        display_name(event_type, properties.as_object().unwrap())
    }

    #[test]
    fn autocaptured_events_get_friendly_names() {
        let clicked = json!({"[Amplitude] Element Tag": "button", "[Amplitude] Element Text": "Add to cart"});
        assert_eq!(name("[Amplitude] Element Clicked", clicked), "Clicked 'Add to cart' button");
        assert_eq!(name("[Amplitude] Page Viewed", json!({"[Amplitude] Page Title": "Checkout"})), "Viewed Checkout");
        assert_eq!(name("[Amplitude] Page Viewed", json!({"[Amplitude] Page Path": "/cart"})), "Viewed /cart");
        assert_eq!(
            name(
                "[Amplitude] Element Changed",
                json!({"[Amplitude] Element Tag": "input", "[Amplitude] Element ID": "email"})
            ),
            "Changed 'email' input"
        );
        assert_eq!(
            name("[Amplitude] Form Submitted", json!({"[Amplitude] Form ID": "checkout"})),
            "Submitted form 'checkout'"
        );
        let failed = json!({"[Amplitude] Request Method": "POST", "[Amplitude] URL": "http://shop/api/pay", "[Amplitude] Status Code": 502});
        assert_eq!(name("[Amplitude] Network Request", failed), "Request failed: POST http://shop/api/pay (502)");
        assert_eq!(name("[Reel] Runtime Error", json!({"Message": "boom"})), "Error: boom");
        assert_eq!(name("Checkout Started", json!({})), "Checkout Started");
        assert_eq!(name("[Amplitude] Web Vitals", json!({})), "Web Vitals");
    }

    #[test]
    fn long_labels_are_shortened_to_one_line() {
        let long = json!({"[Amplitude] Element Tag": "a", "[Amplitude] Element Text": "Read   the\nwhole story about our autumn collection today"});
        assert_eq!(
            name("[Amplitude] Element Clicked", long),
            "Clicked 'Read the whole story about our autumn c…' link"
        );
    }
}
