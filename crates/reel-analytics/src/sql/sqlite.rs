//! The SQLite dialect.

use super::Dialect;
use crate::calendar::{DAY_MS, HOUR_MS};
use crate::query::Interval;

pub struct SqliteDialect;

impl Dialect for SqliteDialect {
    fn placeholder(&self, index: usize) -> String {
        format!("?{index}")
    }

    fn bucket_start_ms(&self, interval: Interval) -> String {
        match interval {
            Interval::Hour => format!("(time_ms / {HOUR_MS}) * {HOUR_MS}"),
            Interval::Day => format!("(time_ms / {DAY_MS}) * {DAY_MS}"),
            // 1970-01-01 was a Thursday, four days after a Sunday.
            Interval::Week => format!("((time_ms / {DAY_MS}) - ((time_ms / {DAY_MS}) + 4) % 7) * {DAY_MS}"),
            Interval::Month => {
                "CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000".to_owned()
            }
        }
    }

    fn json_value(&self, column: &str, path: &str) -> String {
        format!("json_extract({column}, {path})")
    }

    fn json_path(&self, key: &str) -> String {
        format!("$.\"{key}\"")
    }

    fn as_text(&self, expression: &str) -> String {
        format!("CAST({expression} AS TEXT)")
    }

    fn as_real(&self, expression: &str) -> String {
        format!("CAST({expression} AS REAL)")
    }

    fn contains_text(&self, expression: &str, needle: &str) -> String {
        format!("instr(lower(CAST({expression} AS TEXT)), lower({needle})) > 0")
    }

    fn user_number(&self) -> String {
        "user_number".to_owned()
    }
}
