//! One statement per search: `SELECT uuid FROM sessions AS s WHERE <project,
//! date range, every filter> ORDER BY <sort>, start time, uuid LIMIT page + 1
//! OFFSET offset`. The extra row tells whether another page follows.
//!
//! Session-level facts are columns of `sessions`; the rest are `EXISTS`
//! subqueries: the session's analytics events (`events`, by project, device
//! id and session id), its pages (`session_pages`), and its user's current
//! properties (`user_profile_properties`) and events (by `user_number`).

use reel_types::{CompiledQuery, QueryRows, RowConsumer, SqlDialect, SqlValue};

use super::cohort::{CohortDefinition, PerformedEvent};
use super::query::{SessionSearchFilter, SessionSort, SortDirection, UrlOperator, ValidSessionSearch};
use crate::query::PropertyFilter;
use crate::sql::{Parameters, dialect_for, filter_condition};

const SESSION_USER_KEY: &str = "COALESCE(s.user_id, s.device_id)";

#[derive(Debug, Clone, PartialEq)]
pub struct SessionSearchPlan {
    /// Rows: one text column, the session uuid, in list order.
    pub query: CompiledQuery,
    /// Sessions in the page (the statement asks for one more).
    pub limit: u32,
}

pub fn plan_session_search(search: &ValidSessionSearch, dialect: SqlDialect) -> SessionSearchPlan {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let projects: Vec<String> = search.project_ids.iter().map(|id| parameters.push(SqlValue::Integer(*id))).collect();
    let mut conditions = vec![
        if projects.is_empty() { "0 = 1".to_owned() } else { format!("s.project_id IN ({})", projects.join(", ")) },
        format!("s.start_time_ms >= {}", parameters.push(SqlValue::Integer(search.start_ms))),
        format!("s.start_time_ms < {}", parameters.push(SqlValue::Integer(search.end_ms))),
    ];
    // Columns of the session first, subqueries last: SQLite tests the
    // conditions in order, so a cheap one that fails skips the rest.
    let mut filters: Vec<&SessionSearchFilter> = search.filters.iter().collect();
    filters.sort_by_key(|filter| needs_subquery(filter));
    for filter in filters {
        conditions.push(filter_sql(&mut parameters, search, filter));
    }
    let direction = match search.direction {
        SortDirection::Asc => "ASC",
        SortDirection::Desc => "DESC",
    };
    let order = match sort_expression(search.sort) {
        None => format!("s.start_time_ms {direction}, s.uuid {direction}"),
        Some(expression) => format!("{expression} {direction}, s.start_time_ms DESC, s.uuid DESC"),
    };
    let limit = parameters.push(SqlValue::Integer(i64::from(search.limit) + 1));
    let offset = parameters.push(SqlValue::Integer(i64::from(search.offset)));
    let sql = format!(
        "SELECT s.uuid FROM sessions AS s WHERE {} ORDER BY {order} LIMIT {limit} OFFSET {offset}",
        conditions.join(" AND ")
    );
    SessionSearchPlan { query: CompiledQuery { sql, parameters: parameters.values }, limit: search.limit }
}

fn needs_subquery(filter: &SessionSearchFilter) -> bool {
    matches!(
        filter,
        SessionSearchFilter::UrlVisited { .. }
            | SessionSearchFilter::EventPerformed { .. }
            | SessionSearchFilter::EventProperty { .. }
            | SessionSearchFilter::UserProperty { .. }
            | SessionSearchFilter::Cohort { .. }
    )
}

fn sort_expression(sort: SessionSort) -> Option<&'static str> {
    match sort {
        SessionSort::StartTime => None,
        SessionSort::Duration => Some("(s.end_time_ms - s.start_time_ms)"),
        SessionSort::Clicks => Some("s.click_count"),
        SessionSort::Errors => Some("(s.error_count + s.error_click_count)"),
        SessionSort::Frustration => {
            Some("(s.rage_click_count + s.dead_click_count + s.error_click_count + s.thrashed_cursor_count)")
        }
        SessionSort::User => Some(SESSION_USER_KEY),
    }
}

fn filter_sql(parameters: &mut Parameters<'_>, search: &ValidSessionSearch, filter: &SessionSearchFilter) -> String {
    match filter {
        SessionSearchFilter::HasError => "(s.error_count > 0 OR s.error_click_count > 0)".to_owned(),
        SessionSearchFilter::HasRageClick => "s.rage_click_count > 0".to_owned(),
        SessionSearchFilter::HasDeadClick => "s.dead_click_count > 0".to_owned(),
        SessionSearchFilter::Duration { min_ms, max_ms } => {
            let mut bounds = Vec::new();
            if let Some(min_ms) = min_ms {
                bounds.push(format!(
                    "s.end_time_ms - s.start_time_ms >= {}",
                    parameters.push(SqlValue::Integer(*min_ms))
                ));
            }
            if let Some(max_ms) = max_ms {
                bounds.push(format!(
                    "s.end_time_ms - s.start_time_ms <= {}",
                    parameters.push(SqlValue::Integer(*max_ms))
                ));
            }
            format!("({})", bounds.join(" AND "))
        }
        SessionSearchFilter::Country { countries } => {
            let codes: Vec<String> =
                countries.iter().map(|code| parameters.push(SqlValue::Text(code.to_ascii_uppercase()))).collect();
            format!("s.country IN ({})", codes.join(", "))
        }
        SessionSearchFilter::UrlVisited { operator, value } => {
            let value = parameters.push(SqlValue::Text(value.clone()));
            let matches = match operator {
                UrlOperator::Is => format!("url = {value}"),
                UrlOperator::Contains => parameters.dialect().contains_text("url", &value),
            };
            format!("EXISTS (SELECT 1 FROM session_pages WHERE session_uuid = s.uuid AND {matches})")
        }
        SessionSearchFilter::EventPerformed { event_type, filters } => {
            session_events_exist(parameters, Some(event_type), filters)
        }
        SessionSearchFilter::EventProperty { filter } => {
            session_events_exist(parameters, None, std::slice::from_ref(filter))
        }
        SessionSearchFilter::UserProperty { filter } => user_properties_match(parameters, std::slice::from_ref(filter)),
        SessionSearchFilter::Cohort { cohort_id } => match search.cohorts.get(cohort_id) {
            Some((project_id, definition)) => cohort_sql(parameters, *project_id, definition),
            None => "0 = 1".to_owned(), // validation resolves every cohort; never reached
        },
    }
}

/// The session holds an event (of this type) passing every filter.
fn session_events_exist(
    parameters: &mut Parameters<'_>,
    event_type: Option<&String>,
    filters: &[PropertyFilter],
) -> String {
    let mut conditions = vec![
        "project_id = s.project_id".to_owned(),
        "device_id = s.device_id".to_owned(),
        "session_id = s.session_id".to_owned(),
    ];
    if let Some(event_type) = event_type {
        conditions.push(format!("event_type = {}", parameters.push(SqlValue::Text(event_type.clone()))));
    }
    conditions.extend(filters.iter().map(|filter| filter_condition(parameters, filter)));
    format!("EXISTS (SELECT 1 FROM events WHERE {})", conditions.join(" AND "))
}

/// The session's user's current properties pass every filter.
fn user_properties_match(parameters: &mut Parameters<'_>, filters: &[PropertyFilter]) -> String {
    let mut conditions = vec!["project_id = s.project_id".to_owned(), format!("user_key = {SESSION_USER_KEY}")];
    conditions.extend(filters.iter().map(|filter| filter_condition(parameters, filter)));
    format!("EXISTS (SELECT 1 FROM user_profile_properties WHERE {})", conditions.join(" AND "))
}

/// The session's user performed this event (with its filters) at any time.
fn user_performed(parameters: &mut Parameters<'_>, performed: &PerformedEvent) -> String {
    let mut conditions = vec![
        "project_id = s.project_id".to_owned(),
        format!(
            "user_number = (SELECT user_number FROM analytics_users WHERE project_id = s.project_id AND user_key = {SESSION_USER_KEY})"
        ),
        format!("event_type = {}", parameters.push(SqlValue::Text(performed.event_type.clone()))),
    ];
    conditions.extend(performed.filters.iter().map(|filter| filter_condition(parameters, filter)));
    format!("EXISTS (SELECT 1 FROM events WHERE {})", conditions.join(" AND "))
}

fn cohort_sql(parameters: &mut Parameters<'_>, project_id: i64, definition: &CohortDefinition) -> String {
    let mut conditions = vec![format!("s.project_id = {}", parameters.push(SqlValue::Integer(project_id)))];
    if !definition.user_properties.is_empty() {
        conditions.push(user_properties_match(parameters, &definition.user_properties));
    }
    for performed in &definition.performed {
        conditions.push(user_performed(parameters, performed));
    }
    format!("({})", conditions.join(" AND "))
}

/// Collects the session uuids of the plan's statement, in row order.
#[derive(Debug, Default)]
pub struct SessionUuidCollector {
    uuids: Vec<String>,
}

impl SessionUuidCollector {
    /// The uuids of the page, and whether another page follows.
    pub fn page(rows: QueryRows, limit: u32) -> (Vec<String>, bool) {
        let mut uuids: Vec<String> = rows
            .into_iter()
            .filter_map(|row| match row.into_iter().next() {
                Some(SqlValue::Text(uuid)) => Some(uuid),
                _ => None,
            })
            .collect();
        let has_more = uuids.len() > limit as usize;
        uuids.truncate(limit as usize);
        (uuids, has_more)
    }
}

impl RowConsumer for SessionUuidCollector {
    fn accept(&mut self, row: &[SqlValue]) {
        if let Some(SqlValue::Text(uuid)) = row.first() {
            self.uuids.push(uuid.clone());
        }
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<SessionUuidCollector>() else { return false };
        self.uuids.extend(other.uuids);
        true
    }

    fn finish(self: Box<Self>) -> QueryRows {
        self.uuids.into_iter().map(|uuid| vec![SqlValue::Text(uuid)]).collect()
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}
