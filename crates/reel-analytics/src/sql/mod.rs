//! Compiling query parts to SQL: the `Dialect` trait (one implementation
//! per backend dialect) and the expressions every chart shares.

mod sqlite;

use reel_types::{SqlDialect, SqlValue};

use crate::query::{FilterOperator, Interval, PropertyFilter, PropertyRef, PropertyScope};

pub use sqlite::SqliteDialect;

/// What differs between SQL dialects. Everything is an expression over the
/// `events` table (columns as in the SQLite backend's migration 0003).
pub trait Dialect {
    /// The placeholder of the `index`-th parameter (1-based).
    fn placeholder(&self, index: usize) -> String;
    /// The start (epoch ms, UTC) of the bucket that holds `time_ms`.
    fn bucket_start_ms(&self, interval: Interval) -> String;
    /// The value at JSON path `path` (a placeholder) in a JSON text column.
    fn json_value(&self, column: &str, path: &str) -> String;
    /// The JSON path of a top-level key.
    fn json_path(&self, key: &str) -> String;
    fn as_text(&self, expression: &str) -> String;
    fn as_real(&self, expression: &str) -> String;
    /// Case-insensitive "contains" of a placeholder's text.
    fn contains_text(&self, expression: &str, needle: &str) -> String;
    /// The user an event counts for (an integer per user id, else device id).
    fn user_number(&self) -> String;
}

pub fn dialect_for(dialect: SqlDialect) -> &'static dyn Dialect {
    match dialect {
        SqlDialect::Sqlite => &SqliteDialect,
    }
}

/// Parameters collected while a statement is written.
pub struct Parameters<'dialect> {
    dialect: &'dialect dyn Dialect,
    pub values: Vec<SqlValue>,
}

impl<'dialect> Parameters<'dialect> {
    pub fn new(dialect: &'dialect dyn Dialect) -> Self {
        Self { dialect, values: Vec::new() }
    }

    /// Adds a parameter and returns its placeholder.
    pub fn push(&mut self, value: SqlValue) -> String {
        self.values.push(value);
        self.dialect.placeholder(self.values.len())
    }

    pub fn dialect(&self) -> &'dialect dyn Dialect {
        self.dialect
    }
}

/// The SQL expression of a property.
pub fn property_expression(parameters: &mut Parameters<'_>, property: &PropertyRef) -> String {
    let dialect = parameters.dialect();
    let column = match property.scope {
        PropertyScope::Event => "event_properties",
        PropertyScope::User => "user_properties",
        PropertyScope::Builtin => match property.name.as_str() {
            // Validation allows only the built-in names; these three are columns.
            name @ ("user_id" | "device_id" | "session_id") => return name.to_owned(),
            _ => "context",
        },
    };
    let path = parameters.push(SqlValue::Text(dialect.json_path(&property.name)));
    dialect.json_value(column, &path)
}

/// The SQL condition of a filter.
pub fn filter_condition(parameters: &mut Parameters<'_>, filter: &PropertyFilter) -> String {
    let dialect = parameters.dialect();
    let value = property_expression(parameters, &filter.property);
    let text_placeholders = |parameters: &mut Parameters<'_>| -> Vec<String> {
        filter.values.iter().map(|text| parameters.push(SqlValue::Text(text.clone()))).collect()
    };
    match filter.operator {
        FilterOperator::Is => format!("{} IN ({})", dialect.as_text(&value), text_placeholders(parameters).join(", ")),
        FilterOperator::IsNot => {
            format!(
                "({value} IS NULL OR {} NOT IN ({}))",
                dialect.as_text(&value),
                text_placeholders(parameters).join(", ")
            )
        }
        FilterOperator::Contains => {
            let any: Vec<String> =
                text_placeholders(parameters).iter().map(|needle| dialect.contains_text(&value, needle)).collect();
            format!("({})", any.join(" OR "))
        }
        FilterOperator::DoesNotContain => {
            let any: Vec<String> =
                text_placeholders(parameters).iter().map(|needle| dialect.contains_text(&value, needle)).collect();
            format!("({value} IS NULL OR NOT ({}))", any.join(" OR "))
        }
        FilterOperator::GreaterThan | FilterOperator::LessThan => {
            let number = filter.values.first().and_then(|text| text.trim().parse::<f64>().ok()).unwrap_or(0.0);
            let placeholder = parameters.push(SqlValue::Real(number));
            let comparison = if filter.operator == FilterOperator::GreaterThan { ">" } else { "<" };
            format!("{} {comparison} {placeholder}", dialect.as_real(&value))
        }
        FilterOperator::IsSet => format!("{value} IS NOT NULL"),
        FilterOperator::IsNotSet => format!("{value} IS NULL"),
    }
}

/// The conditions every scan starts with: the project and a time range.
pub fn project_and_time_conditions(
    parameters: &mut Parameters<'_>,
    project_id: i64,
    time_range: &std::ops::Range<i64>,
) -> Vec<String> {
    vec![
        format!("project_id = {}", parameters.push(SqlValue::Integer(project_id))),
        format!("time_ms >= {}", parameters.push(SqlValue::Integer(time_range.start))),
        format!("time_ms < {}", parameters.push(SqlValue::Integer(time_range.end))),
    ]
}

/// The parts of a scan of session events (`session_id` set) over
/// `time_range`: `SELECT <user_number AS user_number>, <columns> FROM events
/// WHERE <project, slice, session> AND <more_conditions>`, one per time slice.
pub fn session_scan_parts(
    dialect: SqlDialect,
    project_id: i64,
    time_range: std::ops::Range<i64>,
    scan_parts: usize,
    columns: &str,
    more_conditions: &dyn Fn(&mut Parameters<'_>) -> Vec<String>,
) -> Vec<reel_types::CompiledQuery> {
    crate::query::time_slices(time_range, scan_parts)
        .iter()
        .map(|slice| {
            let mut parameters = Parameters::new(dialect_for(dialect));
            let user_number = parameters.dialect().user_number();
            let mut conditions = project_and_time_conditions(&mut parameters, project_id, slice);
            conditions.push("session_id IS NOT NULL".to_owned());
            conditions.extend(more_conditions(&mut parameters));
            let sql = format!(
                "SELECT {user_number} AS user_number, {columns} FROM events WHERE {}",
                conditions.join(" AND ")
            );
            reel_types::CompiledQuery { sql, parameters: parameters.values }
        })
        .collect()
}
