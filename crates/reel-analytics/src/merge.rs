//! Merging the consumers of the parts of one scan into one result.

use reel_types::{QueryRows, RowConsumer};

use crate::error::{AnalyticsError, AnalyticsResult};

/// Merges consumers that were fed the parts of one scan and finishes them.
pub fn merge_scan_parts(consumers: Vec<Box<dyn RowConsumer>>) -> AnalyticsResult<QueryRows> {
    let mut merged: Option<Box<dyn RowConsumer>> = None;
    for consumer in consumers {
        match merged.as_mut() {
            None => merged = Some(consumer),
            Some(merged) => {
                if !merged.absorb(consumer) {
                    return Err(AnalyticsError::UnexpectedRows(
                        "the parts of one scan have different consumers".into(),
                    ));
                }
            }
        }
    }
    Ok(merged.map(|consumer| consumer.finish()).unwrap_or_default())
}
