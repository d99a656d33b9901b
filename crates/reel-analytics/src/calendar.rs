//! UTC calendar arithmetic for chart buckets (no time zone database).

use crate::query::Interval;

pub const HOUR_MS: i64 = 3_600_000;
pub const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The (year, month, day) of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The start of the bucket that holds `time_ms`.
pub fn bucket_start_ms(interval: Interval, time_ms: i64) -> i64 {
    let day = time_ms.div_euclid(DAY_MS);
    match interval {
        Interval::Hour => time_ms.div_euclid(HOUR_MS) * HOUR_MS,
        Interval::Day => day * DAY_MS,
        // 1970-01-01 was a Thursday: four days after a Sunday.
        Interval::Week => (day - (day + 4).rem_euclid(7)) * DAY_MS,
        Interval::Month => {
            let (year, month, _) = civil_from_days(day);
            days_from_civil(year, month, 1) * DAY_MS
        }
    }
}

/// The start of the bucket after the one starting at `bucket_ms`.
pub fn next_bucket_ms(interval: Interval, bucket_ms: i64) -> i64 {
    match interval {
        Interval::Hour => bucket_ms + HOUR_MS,
        Interval::Day => bucket_ms + DAY_MS,
        Interval::Week => bucket_ms + 7 * DAY_MS,
        Interval::Month => {
            let (year, month, _) = civil_from_days(bucket_ms.div_euclid(DAY_MS));
            let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            days_from_civil(next_year, next_month, 1) * DAY_MS
        }
    }
}

/// Every bucket start from the bucket of `start_ms` up to before `end_ms`.
pub fn bucket_starts(interval: Interval, start_ms: i64, end_ms: i64) -> Vec<i64> {
    let mut buckets = Vec::new();
    let mut bucket_ms = bucket_start_ms(interval, start_ms);
    while bucket_ms < end_ms {
        buckets.push(bucket_ms);
        bucket_ms = next_bucket_ms(interval, bucket_ms);
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for days in [-1_000_000, -1, 0, 1, 59, 365, 11_016, 20_000, 2_000_000] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
        assert_eq!(days_from_civil(2026, 11, 27), 20_784);
        assert_eq!(civil_from_days(20_784), (2026, 11, 27));
    }

    #[test]
    fn weeks_start_on_sunday_and_months_on_the_first() {
        // 2026-11-27 is a Friday; its week starts on Sunday 2026-11-22.
        let friday_noon = days_from_civil(2026, 11, 27) * DAY_MS + 12 * HOUR_MS;
        assert_eq!(bucket_start_ms(Interval::Week, friday_noon), days_from_civil(2026, 11, 22) * DAY_MS);
        assert_eq!(bucket_start_ms(Interval::Month, friday_noon), days_from_civil(2026, 11, 1) * DAY_MS);
        let december = next_bucket_ms(Interval::Month, days_from_civil(2026, 12, 1) * DAY_MS);
        assert_eq!(december, days_from_civil(2027, 1, 1) * DAY_MS);
        let start = days_from_civil(2026, 1, 30) * DAY_MS;
        let end = days_from_civil(2026, 4, 2) * DAY_MS;
        assert_eq!(bucket_starts(Interval::Month, start, end).len(), 4);
        assert_eq!(bucket_starts(Interval::Day, start, start + 3 * DAY_MS).len(), 3);
    }
}
