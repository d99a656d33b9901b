//! A result cell that can be a hash key (groups, distinct values).

use reel_types::SqlValue;

/// A cell that can be a hash key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyValue {
    Null,
    Integer(i64),
    Real(u64),
    Text(String),
}

impl KeyValue {
    pub fn of(cell: Option<&SqlValue>) -> KeyValue {
        match cell {
            None | Some(SqlValue::Null) => KeyValue::Null,
            Some(SqlValue::Integer(value)) => KeyValue::Integer(*value),
            Some(SqlValue::Real(value)) => KeyValue::Real(value.to_bits()),
            Some(SqlValue::Text(text)) => KeyValue::Text(text.clone()),
        }
    }

    /// Whether this key is the given cell, without allocating.
    pub fn matches(&self, cell: Option<&SqlValue>) -> bool {
        match (self, cell) {
            (KeyValue::Null, None | Some(SqlValue::Null)) => true,
            (KeyValue::Integer(key), Some(SqlValue::Integer(value))) => key == value,
            (KeyValue::Real(bits), Some(SqlValue::Real(value))) => *bits == value.to_bits(),
            (KeyValue::Text(key), Some(SqlValue::Text(value))) => key == value,
            _ => false,
        }
    }

    pub fn into_cell(self) -> SqlValue {
        match self {
            KeyValue::Null => SqlValue::Null,
            KeyValue::Integer(value) => SqlValue::Integer(value),
            KeyValue::Real(bits) => SqlValue::Real(f64::from_bits(bits)),
            KeyValue::Text(text) => SqlValue::Text(text),
        }
    }
}
