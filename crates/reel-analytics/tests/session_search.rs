//! The Session Replays search: validation and the compiled statement.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use reel_types::{SqlDialect, SqlValue};
use serde_json::json;

use reel_analytics::calendar::DAY_MS;
use reel_analytics::session_search::*;

const TODAY_MS: i64 = 20_000 * DAY_MS;

fn search(value: serde_json::Value) -> SessionSearch {
    serde_json::from_value(value).unwrap()
}

fn cohorts() -> HashMap<i64, (i64, CohortDefinition)> {
    let definition: CohortDefinition = serde_json::from_value(json!({
        "user_properties": [{"property": {"scope": "user", "name": "plan"}, "operator": "is", "values": ["pro"]}],
        "performed": [{"event_type": "Purchase Completed"}],
    }))
    .unwrap();
    HashMap::from([(5, (1, definition))])
}

fn validate(value: serde_json::Value) -> Result<ValidSessionSearch, String> {
    search(value).validate(&SearchLimits::default(), &[1, 2], &cohorts(), TODAY_MS).map_err(|error| error.to_string())
}

#[test]
fn defaults_are_the_last_30_days_of_every_readable_project_newest_first() {
    let valid = validate(json!({})).unwrap();
    assert_eq!(valid.project_ids, vec![1, 2]);
    assert_eq!((valid.end_ms - valid.start_ms) / DAY_MS, 30);
    assert_eq!(valid.end_ms, TODAY_MS + DAY_MS, "today is included");
    assert_eq!(
        (valid.limit, valid.offset, valid.sort, valid.direction),
        (50, 0, SessionSort::StartTime, SortDirection::Desc)
    );
    let plan = plan_session_search(&valid, SqlDialect::Sqlite);
    assert!(
        plan.query.sql.ends_with("ORDER BY s.start_time_ms DESC, s.uuid DESC LIMIT ?5 OFFSET ?6"),
        "{}",
        plan.query.sql
    );
    assert_eq!(plan.query.parameters[4], SqlValue::Integer(51), "one more row than the page tells if another follows");
}

#[test]
fn invalid_searches_name_the_field() {
    let cases = [
        (json!({"project_ids": [3]}), "project_ids"),
        (json!({"start_date": "2026-01-01"}), "start_date"),
        (json!({"start_date": "2024-01-01", "end_date": "2026-01-01"}), "at most 400 days"),
        (json!({"filters": [{"kind": "duration"}]}), "filters[0]"),
        (json!({"filters": [{"kind": "duration", "min_ms": 10, "max_ms": 5}]}), "filters[0].max_ms"),
        (json!({"filters": [{"kind": "country", "countries": ["Germany"]}]}), "two-letter"),
        (json!({"filters": [{"kind": "url_visited", "operator": "contains", "value": " "}]}), "filters[0].value"),
        (json!({"filters": [{"kind": "event_performed", "event_type": ""}]}), "filters[0].event_type"),
        (json!({"filters": [{"kind": "cohort", "cohort_id": 9}]}), "no cohort 9"),
        (json!({"project_ids": [2], "filters": [{"kind": "cohort", "cohort_id": 5}]}), "no cohort 5"),
        (
            json!({"filters": [{"kind": "user_property", "filter": {"property": {"scope": "event", "name": "x"}, "operator": "is_set"}}]}),
            "scope",
        ),
        (json!({"limit": 0}), "limit"),
        (json!({"offset": 10_001}), "offset"),
    ];
    for (value, expected) in cases {
        let error = validate(value.clone()).unwrap_err();
        assert!(error.contains(expected), "{value}: {error}");
    }
    assert!(serde_json::from_value::<SessionSearch>(json!({"filters": [{"kind": "has_magic"}]})).is_err());
}

#[test]
fn every_filter_becomes_one_condition_with_its_values_bound() {
    let valid = validate(json!({
        "project_ids": [1], "start_date": "2026-11-01", "end_date": "2026-11-27",
        "filters": [
            {"kind": "has_error"}, {"kind": "has_rage_click"}, {"kind": "has_dead_click"},
            {"kind": "duration", "min_ms": 60000},
            {"kind": "country", "countries": ["de", "FR"]},
            {"kind": "url_visited", "operator": "contains", "value": "/checkout"},
            {"kind": "event_performed", "event_type": "Add to Cart",
             "filters": [{"property": {"scope": "event", "name": "sku"}, "operator": "is", "values": ["A-1"]}]},
            {"kind": "event_property", "filter": {"property": {"scope": "builtin", "name": "browser_name"}, "operator": "is", "values": ["Chrome"]}},
            {"kind": "user_property", "filter": {"property": {"scope": "user", "name": "plan"}, "operator": "is", "values": ["pro"]}},
            {"kind": "cohort", "cohort_id": 5},
        ],
        "sort": "frustration", "direction": "asc", "limit": 20, "offset": 40,
    }))
    .unwrap();
    let plan = plan_session_search(&valid, SqlDialect::Sqlite);
    let sql = &plan.query.sql;
    for expected in [
        "(s.error_count > 0 OR s.error_click_count > 0)",
        "s.rage_click_count > 0",
        "s.dead_click_count > 0",
        "s.end_time_ms - s.start_time_ms >=",
        "s.country IN (",
        "FROM session_pages WHERE session_uuid = s.uuid",
        "device_id = s.device_id AND session_id = s.session_id AND event_type =",
        "FROM user_profile_properties WHERE project_id = s.project_id",
        "SELECT user_number FROM analytics_users",
        "ORDER BY (s.rage_click_count + s.dead_click_count + s.error_click_count + s.thrashed_cursor_count) ASC",
    ] {
        assert!(sql.contains(expected), "missing {expected} in {sql}");
    }
    let texts: Vec<&SqlValue> =
        plan.query.parameters.iter().filter(|value| matches!(value, SqlValue::Text(_))).collect();
    for expected in ["DE", "FR", "/checkout", "Add to Cart", "A-1", "Chrome", "pro", "Purchase Completed"] {
        assert!(texts.contains(&&SqlValue::Text(expected.into())), "{expected} is bound, not inlined");
    }
    assert!(!sql.contains("Add to Cart") && !sql.contains("/checkout"));
    assert_eq!(plan.query.parameters.last(), Some(&SqlValue::Integer(40)));
}

#[test]
fn session_columns_are_tested_before_subqueries() {
    let valid = validate(json!({
        "filters": [{"kind": "url_visited", "operator": "contains", "value": "/checkout"}, {"kind": "has_error"}],
    }))
    .unwrap();
    let sql = plan_session_search(&valid, SqlDialect::Sqlite).query.sql;
    let column_at = sql.find("s.error_count > 0").unwrap();
    let subquery_at = sql.find("FROM session_pages").unwrap();
    assert!(column_at < subquery_at, "{sql}");
}
