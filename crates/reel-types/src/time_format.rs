//! RFC 3339 formatting of epoch milliseconds, without a date library.

/// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC).
pub fn format_epoch_ms_rfc3339(epoch_ms: i64) -> String {
    let days_since_epoch = epoch_ms.div_euclid(86_400_000);
    let ms_of_day = epoch_ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_date_from_days(days_since_epoch);
    let hours = ms_of_day / 3_600_000;
    let minutes = (ms_of_day / 60_000) % 60;
    let seconds = (ms_of_day / 1000) % 60;
    let milliseconds = ms_of_day % 1000;
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{milliseconds:03}Z")
}

/// Parses `YYYY-MM-DD` (UTC midnight) into epoch milliseconds.
pub fn parse_date_to_epoch_ms(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let shifted_year = if month <= 2 { year - 1 } else { year };
    let era = shifted_year.div_euclid(400);
    let year_of_era = shifted_year - era * 400;
    let month_index = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days_since_epoch = era * 146_097 + day_of_era - 719_468;
    let epoch_ms = days_since_epoch * 86_400_000;
    // Reject days past the month's end (e.g. 2026-02-30).
    (format_epoch_ms_rfc3339(epoch_ms)[..10] == *text.trim()).then_some(epoch_ms)
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (UTC) into epoch milliseconds.
pub fn parse_rfc3339_utc_to_epoch_ms(text: &str) -> Option<i64> {
    let (date, time) = text.trim().split_once('T')?;
    let day_ms = parse_date_to_epoch_ms(date)?;
    let time = time.strip_suffix('Z')?;
    let (clock, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let mut parts = clock.splitn(3, ':');
    let hours: i64 = parts.next()?.parse().ok()?;
    let minutes: i64 = parts.next()?.parse().ok()?;
    let seconds: i64 = parts.next()?.parse().ok()?;
    let milliseconds: i64 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    if hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    Some(day_ms + ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds)
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_date_from_days(days_since_epoch: i64) -> (i64, i64, i64) {
    let shifted_days = days_since_epoch + 719_468;
    let era = shifted_days.div_euclid(146_097);
    let day_of_era = shifted_days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{format_epoch_ms_rfc3339, parse_date_to_epoch_ms};

    #[test]
    fn parses_utc_timestamps() {
        assert_eq!(super::parse_rfc3339_utc_to_epoch_ms("2025-11-27T14:00:00.000Z"), Some(1_764_252_000_000));
        assert_eq!(super::parse_rfc3339_utc_to_epoch_ms("1970-01-01T00:00:01.5Z"), Some(1_500));
        assert_eq!(super::parse_rfc3339_utc_to_epoch_ms("1970-01-01T00:00:01Z"), Some(1_000));
        assert_eq!(super::parse_rfc3339_utc_to_epoch_ms("2025-11-27 14:00:00"), None);
        assert_eq!(super::parse_rfc3339_utc_to_epoch_ms("2025-11-27T25:00:00Z"), None);
    }

    #[test]
    fn parses_dates_and_rejects_impossible_ones() {
        assert_eq!(parse_date_to_epoch_ms("1970-01-01"), Some(0));
        assert_eq!(parse_date_to_epoch_ms("2000-02-29"), Some(951_782_400_000));
        assert_eq!(parse_date_to_epoch_ms("2025-11-27"), Some(1_764_201_600_000));
        assert_eq!(parse_date_to_epoch_ms("2026-02-30"), None);
        assert_eq!(parse_date_to_epoch_ms("yesterday"), None);
        assert_eq!(parse_date_to_epoch_ms("2026-13-01"), None);
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_epoch_ms_rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_epoch_ms_rfc3339(951_782_400_123), "2000-02-29T00:00:00.123Z");
        assert_eq!(format_epoch_ms_rfc3339(1_764_252_000_000), "2025-11-27T14:00:00.000Z");
        assert_eq!(format_epoch_ms_rfc3339(-1), "1969-12-31T23:59:59.999Z");
    }
}
