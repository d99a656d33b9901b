//! Running the statements reel-analytics compiles, on the read-only
//! analytics connection.

use reel_storage::StorageResult;
use reel_types::{CompiledQuery, RowConsumer, SqlValue};
use rusqlite::types::{Value as SqliteValue, ValueRef};
use rusqlite::{Connection, params_from_iter};

use crate::error::sqlite_error;

fn parameter(value: &SqlValue) -> SqliteValue {
    match value {
        SqlValue::Null => SqliteValue::Null,
        SqlValue::Integer(integer) => SqliteValue::Integer(*integer),
        SqlValue::Real(real) => SqliteValue::Real(*real),
        SqlValue::Text(text) => SqliteValue::Text(text.clone()),
    }
}

fn cell(value: ValueRef<'_>) -> SqlValue {
    match value {
        ValueRef::Null => SqlValue::Null,
        ValueRef::Integer(integer) => SqlValue::Integer(integer),
        ValueRef::Real(real) => SqlValue::Real(real),
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => SqlValue::Text(String::from_utf8_lossy(bytes).into_owned()),
    }
}

pub(crate) fn run_compiled_query(
    connection: &mut Connection,
    query: &CompiledQuery,
    mut consumer: Box<dyn RowConsumer>,
) -> StorageResult<Box<dyn RowConsumer>> {
    let mut statement =
        connection.prepare_cached(&query.sql).map_err(|error| sqlite_error("prepare an analytics query", error))?;
    let column_count = statement.column_count();
    let mut rows = statement
        .query(params_from_iter(query.parameters.iter().map(parameter)))
        .map_err(|error| sqlite_error("run an analytics query", error))?;
    let mut cells = Vec::with_capacity(column_count);
    while let Some(row) = rows.next().map_err(|error| sqlite_error("read an analytics row", error))? {
        cells.clear();
        for index in 0..column_count {
            cells.push(cell(row.get_ref(index).map_err(|error| sqlite_error("read an analytics cell", error))?));
        }
        consumer.accept(&cells);
    }
    Ok(consumer)
}
