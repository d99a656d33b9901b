//! Snapshots of the SQL each kind of segmentation query compiles to, per
//! dialect. A change in the generated SQL shows up as a diff here; review it
//! and rerun with `REEL_UPDATE_SNAPSHOTS=1` to accept it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::PathBuf;

use reel_analytics::{FunnelQuery, QueryLimits, SegmentationQuery, plan_funnel, plan_segmentation};
use reel_types::SqlDialect;
use serde_json::{Value, json};

fn query(series: Value, measure: Value, interval: &str) -> SegmentationQuery {
    serde_json::from_value(json!({
        "series": series, "measure": measure, "interval": interval,
        "start_date": "2026-11-01", "end_date": "2026-11-03"
    }))
    .unwrap()
}

fn cases() -> Vec<(&'static str, SegmentationQuery)> {
    let page = "[Amplitude] Page Viewed";
    vec![
        ("uniques_by_day", query(json!([{"event_type": page}]), json!({"kind": "uniques"}), "day")),
        (
            "filters_and_groups_by_week",
            query(
                json!([{
                    "event_type": page,
                    "filters": [
                        {"property": {"scope": "event", "name": "path"}, "operator": "is", "values": ["/a", "/b"]},
                        {"property": {"scope": "user", "name": "plan"}, "operator": "does_not_contain", "values": ["trial"]},
                        {"property": {"scope": "event", "name": "price"}, "operator": "greater_than", "values": ["9.5"]},
                        {"property": {"scope": "builtin", "name": "os_name"}, "operator": "is_set"}
                    ],
                    "group_by": [{"scope": "builtin", "name": "browser_name"}, {"scope": "builtin", "name": "user_id"}]
                }]),
                json!({"kind": "totals"}),
                "week",
            ),
        ),
        (
            "active_percent_by_month",
            query(json!([{"event_type": "_active"}]), json!({"kind": "active_percent"}), "month"),
        ),
        (
            "property_sum_by_hour",
            query(
                json!([{"event_type": "Purchase"}]),
                json!({"kind": "property_sum", "property": {"scope": "event", "name": "amount"}}),
                "hour",
            ),
        ),
        (
            "frequency",
            query(
                json!([{"event_type": page, "group_by": [{"scope": "event", "name": "path"}]}]),
                json!({"kind": "frequency"}),
                "day",
            ),
        ),
        (
            "replay_count_recipe",
            query(
                json!([{"event_type": "[Amplitude] Replay Captured", "group_by": [{"scope": "event", "name": "[Amplitude] Session Replay ID"}]}]),
                json!({"kind": "formula", "formula": "PROPCOUNT(A)"}),
                "day",
            ),
        ),
    ]
}

fn render(query: SegmentationQuery, dialect: SqlDialect) -> String {
    let valid = query.validate(&QueryLimits::default()).unwrap();
    let plan = plan_segmentation(&valid, 7, dialect, 2);
    let mut text = String::new();
    for planned in &plan.queries {
        for (index, part) in planned.parts.iter().enumerate() {
            writeln!(text, "-- {:?}, part {index}", planned.purpose).unwrap();
            writeln!(text, "{}", part.sql).unwrap();
            writeln!(text, "-- parameters: {}", serde_json::to_string(&part.parameters).unwrap()).unwrap();
        }
    }
    text
}

fn render_funnel(dialect: SqlDialect) -> String {
    let query: FunnelQuery = serde_json::from_value(json!({
        "steps": [
            {"event_type": "[Amplitude] Page Viewed"},
            {"event_type": "Add to Cart", "filters": [{"property": {"scope": "event", "name": "sku"}, "operator": "is_set"}]},
            {"event_type": "[Amplitude] Page Viewed", "filters": [{"property": {"scope": "event", "name": "path"}, "operator": "contains", "values": ["checkout"]}]}
        ],
        "group_by": {"scope": "user", "name": "plan"},
        "conversion_window_ms": 3_600_000,
        "start_date": "2026-11-01", "end_date": "2026-11-03"
    }))
    .unwrap();
    let plan = plan_funnel(&query.validate(&QueryLimits::default()).unwrap(), 7, dialect, 1);
    let mut text = String::new();
    for part in &plan.parts {
        writeln!(text, "{}\n-- parameters: {}", part.sql, serde_json::to_string(&part.parameters).unwrap()).unwrap();
    }
    text
}

#[test]
fn generated_sql_matches_the_reviewed_snapshots() {
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("REEL_UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    let mut rendered_cases: Vec<(String, String)> =
        cases().into_iter().map(|(name, query)| (name.to_owned(), render(query, SqlDialect::Sqlite))).collect();
    rendered_cases.push(("funnel".to_owned(), render_funnel(SqlDialect::Sqlite)));
    for (name, rendered) in rendered_cases {
        let path = directory.join(format!("sqlite_{name}.sql"));
        if update {
            std::fs::write(&path, &rendered).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != rendered {
            mismatches.push(format!("{}:\n--- expected\n{expected}\n--- generated\n{rendered}", path.display()));
        }
    }
    assert!(mismatches.is_empty(), "SQL changed (REEL_UPDATE_SNAPSHOTS=1 to accept):\n{}", mismatches.join("\n"));
}
