//! Platform, OS and browser from a user-agent string (Amplitude sends only
//! the raw string; the server parses it).

use reel_types::EventContext;

/// Fills the OS, browser and device fields of `context` from `user_agent`.
pub fn fill_from_user_agent(context: &mut EventContext, user_agent: &str) {
    let (browser_name, browser_version) = browser(user_agent);
    context.browser_name = browser_name.map(str::to_owned);
    context.browser_version = browser_version;
    let (os_name, os_version) = operating_system(user_agent);
    context.os_name = os_name.map(str::to_owned);
    context.os_version = os_version;
    context.device_type = Some(device_type(user_agent).to_owned());
}

/// The version right after `token` (e.g. `Chrome/` → `156.0`), major.minor.
fn version_after(user_agent: &str, token: &str) -> Option<String> {
    let start = user_agent.find(token)? + token.len();
    let version: String = user_agent[start..]
        .chars()
        .take_while(|character| character.is_ascii_digit() || *character == '.' || *character == '_')
        .collect();
    let parts: Vec<&str> = version.split(['.', '_']).filter(|part| !part.is_empty()).take(2).collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

fn browser(user_agent: &str) -> (Option<&'static str>, Option<String>) {
    const BROWSERS: [(&str, &str); 8] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("HeadlessChrome/", "Chrome Headless"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
    ];
    for (token, name) in BROWSERS {
        if user_agent.contains(token) {
            return (Some(name), version_after(user_agent, token));
        }
    }
    if user_agent.contains("Safari/") {
        return (
            Some(if user_agent.contains("Mobile") { "Mobile Safari" } else { "Safari" }),
            version_after(user_agent, "Version/"),
        );
    }
    (None, None)
}

fn operating_system(user_agent: &str) -> (Option<&'static str>, Option<String>) {
    if user_agent.contains("iPhone") || user_agent.contains("iPad") {
        return (Some("iOS"), version_after(user_agent, "OS "));
    }
    if user_agent.contains("Android") {
        return (Some("Android"), version_after(user_agent, "Android "));
    }
    if user_agent.contains("Windows NT") {
        let version = version_after(user_agent, "Windows NT ")
            .map(|version| if version == "10.0" { "10".to_owned() } else { version });
        return (Some("Windows"), version);
    }
    if user_agent.contains("Mac OS X") {
        return (Some("Mac OS X"), version_after(user_agent, "Mac OS X "));
    }
    if user_agent.contains("CrOS") {
        return (Some("Chrome OS"), None);
    }
    if user_agent.contains("Linux") {
        return (Some("Linux"), None);
    }
    (None, None)
}

fn device_type(user_agent: &str) -> &'static str {
    if user_agent.contains("iPad") || (user_agent.contains("Android") && !user_agent.contains("Mobile")) {
        return "Tablet";
    }
    if user_agent.contains("Mobile") || user_agent.contains("iPhone") {
        return "Mobile";
    }
    "Desktop"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(user_agent: &str) -> EventContext {
        let mut context = EventContext::default();
        fill_from_user_agent(&mut context, user_agent);
        context
    }

    #[test]
    fn parses_common_user_agents() {
        let headless = parse(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
        );
        assert_eq!(
            (headless.browser_name.as_deref(), headless.browser_version.as_deref()),
            (Some("Chrome Headless"), Some("156.0"))
        );
        assert_eq!((headless.os_name.as_deref(), headless.device_type.as_deref()), (Some("Linux"), Some("Desktop")));
        let iphone = parse(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        );
        assert_eq!((iphone.os_name.as_deref(), iphone.os_version.as_deref()), (Some("iOS"), Some("17.4")));
        assert_eq!(
            (iphone.browser_name.as_deref(), iphone.device_type.as_deref()),
            (Some("Mobile Safari"), Some("Mobile"))
        );
        let edge = parse(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        );
        assert_eq!(
            (edge.browser_name.as_deref(), edge.os_name.as_deref(), edge.os_version.as_deref()),
            (Some("Edge"), Some("Windows"), Some("10"))
        );
        let firefox = parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0");
        assert_eq!(
            (firefox.browser_name.as_deref(), firefox.os_name.as_deref(), firefox.os_version.as_deref()),
            (Some("Firefox"), Some("Mac OS X"), Some("10.15"))
        );
        let tablet = parse(
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        );
        assert_eq!((tablet.os_name.as_deref(), tablet.device_type.as_deref()), (Some("Android"), Some("Tablet")));
        assert_eq!(parse("curl/8.0").browser_name, None);
    }
}
