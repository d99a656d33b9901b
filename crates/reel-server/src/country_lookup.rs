//! Country of an IP address, from a MaxMind-format (MMDB) database file
//! whose records carry `country_code` (the ip-location-db files) or
//! `country.iso_code` (GeoLite2/GeoIP2 Country).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use maxminddb::Reader;
use serde::Deserialize;

use crate::client_ip::canonical;

/// The database the build installs from npm (CC0 data, IPv4 and IPv6).
pub const BUNDLED_DATABASE_RELATIVE_PATH: &str =
    "node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb";

#[derive(Debug, thiserror::Error)]
#[error("cannot open the country database {path}: {message}; set geo.country_database_path to an MMDB file")]
pub struct CountryDatabaseError {
    pub path: PathBuf,
    pub message: String,
}

pub struct CountryLookup {
    reader: Option<Reader<Vec<u8>>>,
}

#[derive(Deserialize)]
struct CountryRecord<'a> {
    country_code: Option<&'a str>,
    country: Option<IsoCountry<'a>>,
}

#[derive(Deserialize)]
struct IsoCountry<'a> {
    iso_code: Option<&'a str>,
}

impl CountryLookup {
    /// No database: every address has an unknown country.
    pub fn disabled() -> Self {
        Self { reader: None }
    }

    pub fn open(path: &Path) -> Result<Self, CountryDatabaseError> {
        let reader = Reader::open_readfile(path)
            .map_err(|error| CountryDatabaseError { path: path.to_path_buf(), message: error.to_string() })?;
        Ok(Self { reader: Some(reader) })
    }

    pub fn is_enabled(&self) -> bool {
        self.reader.is_some()
    }

    /// The ISO 3166-1 alpha-2 code, upper case; `None` for private,
    /// loopback and unknown addresses.
    pub fn country_of(&self, address: IpAddr) -> Option<String> {
        let reader = self.reader.as_ref()?;
        let address = canonical(address);
        if !is_public(address) {
            return None;
        }
        let result = reader.lookup(address).ok()?;
        let record: CountryRecord<'_> = result.decode().ok()??;
        let code = record.country_code.or(record.country.and_then(|country| country.iso_code))?;
        (code.len() == 2).then(|| code.to_ascii_uppercase())
    }
}

fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => !(v4.is_private() || v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()),
        IpAddr::V6(v6) => {
            let first_segment = v6.segments()[0];
            let unique_local = first_segment & 0xfe00 == 0xfc00;
            let link_local = first_segment & 0xffc0 == 0xfe80;
            !(v6.is_loopback() || v6.is_unspecified() || unique_local || link_local)
        }
    }
}

/// Where the bundled database is: the configured path, else
/// `node_modules/...` under the working directory or an ancestor of the
/// executable (a `target/*/reel` inside the repository).
pub fn find_country_database(configured: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = configured {
        return Some(path.to_path_buf());
    }
    let mut roots: Vec<PathBuf> = std::env::current_dir().into_iter().collect();
    if let Ok(executable) = std::env::current_exe() {
        roots.extend(executable.ancestors().skip(1).map(Path::to_path_buf));
    }
    roots.into_iter().map(|root| root.join(BUNDLED_DATABASE_RELATIVE_PATH)).find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> CountryLookup {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        CountryLookup::open(&root.join(BUNDLED_DATABASE_RELATIVE_PATH)).expect("npm ci installs the country database")
    }

    #[test]
    fn public_addresses_have_countries_in_ipv4_and_ipv6() {
        let lookup = bundled();
        assert_eq!(lookup.country_of("8.8.8.8".parse().unwrap()).as_deref(), Some("US"));
        assert_eq!(lookup.country_of("193.99.144.80".parse().unwrap()).as_deref(), Some("DE"));
        assert_eq!(lookup.country_of("::ffff:193.99.144.80".parse().unwrap()).as_deref(), Some("DE"));
        assert_eq!(lookup.country_of("2001:4860:4860::8888".parse().unwrap()).as_deref(), Some("US"));
    }

    #[test]
    fn private_and_loopback_addresses_have_none() {
        let lookup = bundled();
        for private in ["127.0.0.1", "10.1.2.3", "192.168.0.1", "::1", "fd00::1", "fe80::1"] {
            assert_eq!(lookup.country_of(private.parse().unwrap()), None, "{private}");
        }
        assert_eq!(CountryLookup::disabled().country_of("8.8.8.8".parse().unwrap()), None);
    }

    #[test]
    fn a_bad_file_names_the_setting() {
        let error = CountryLookup::open(Path::new("/nonexistent.mmdb")).err().unwrap().to_string();
        assert!(error.contains("/nonexistent.mmdb") && error.contains("geo.country_database_path"), "{error}");
    }
}
