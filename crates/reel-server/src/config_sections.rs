//! Config sections of issue #9: the network edge (trusted proxies), the
//! country database, replay search and user lookup limits.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::client_ip::TrustedProxies;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkConfig {
    /// Proxies whose `X-Forwarded-For` is believed (CIDR blocks or addresses;
    /// a list, or a comma-separated string in `REEL_NETWORK__TRUSTED_PROXIES`).
    pub trusted_proxies: TrustedProxies,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GeoConfig {
    /// MMDB file mapping addresses to countries; by default the
    /// `@ip-location-db/geo-whois-asn-country-mmdb` package installed by `npm ci`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_database_path: Option<PathBuf>,
}

/// Bounds on the Session Replays list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchConfig {
    /// Filters in one search.
    pub filters_max: usize,
    /// Values in one filter (countries, property values).
    pub filter_values_max: usize,
    /// Sessions in one page.
    pub page_sessions_max: u32,
    /// How deep paging may go.
    pub offset_max: u32,
    /// Days a date range may span.
    pub range_days_max: i64,
}

impl Default for SearchConfig {
    fn default() -> Self {
        let limits = reel_analytics::SearchLimits::default();
        Self {
            filters_max: limits.filters_max,
            filter_values_max: limits.filter_values_max,
            page_sessions_max: limits.page_sessions_max,
            offset_max: limits.offset_max,
            range_days_max: limits.range_days_max,
        }
    }
}

impl SearchConfig {
    pub fn search_limits(&self) -> reel_analytics::SearchLimits {
        reel_analytics::SearchLimits {
            filters_max: self.filters_max,
            filter_values_max: self.filter_values_max,
            page_sessions_max: self.page_sessions_max,
            offset_max: self.offset_max,
            range_days_max: self.range_days_max,
        }
    }
}

/// Bounds on User Lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LookupConfig {
    /// Users one search returns.
    pub matches_max: usize,
    /// A profile's newest events, across its sessions.
    pub events_max: usize,
}

impl Default for LookupConfig {
    fn default() -> Self {
        Self { matches_max: 50, events_max: 1_000 }
    }
}
