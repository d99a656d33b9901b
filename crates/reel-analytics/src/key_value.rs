//! A result cell that can be a hash key (groups, distinct values).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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

/// A fast hasher for user numbers (SipHash costs more than the rest of a
/// row's work; user numbers are not attacker-chosen).
#[derive(Default)]
pub(crate) struct UserNumberHasher(u64);

impl Hasher for UserNumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }

    fn write_i64(&mut self, value: i64) {
        self.0 = (value as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

pub(crate) type UserSet = HashSet<i64, BuildHasherDefault<UserNumberHasher>>;

pub(crate) type UserMap<V> = HashMap<i64, V, BuildHasherDefault<UserNumberHasher>>;
