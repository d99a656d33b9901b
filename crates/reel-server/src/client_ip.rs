//! Which address is the client's: the socket peer, or — only when the peer
//! is a trusted proxy — the right-most `X-Forwarded-For` entry that is not
//! itself a trusted proxy. IPv4-mapped IPv6 addresses count as IPv4.

use std::net::IpAddr;

use serde::{Deserialize, Deserializer};

/// An address block such as `10.0.0.0/8` or `2001:db8::/32` (a bare address is one host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressBlock {
    network: IpAddr,
    prefix_bits: u8,
}

impl AddressBlock {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (address_text, prefix_text) = text.split_once('/').map_or((text, None), |(a, p)| (a, Some(p)));
        let network: IpAddr = address_text
            .parse()
            .map(canonical)
            .map_err(|_| format!("{text:?} is not an IP address or CIDR block (e.g. 10.0.0.0/8)"))?;
        let width = if network.is_ipv4() { 32 } else { 128 };
        let prefix_bits = match prefix_text {
            None => width,
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|bits| *bits <= width)
                .ok_or_else(|| format!("{text:?}: the prefix length must be 0 to {width}"))?,
        };
        Ok(Self { network, prefix_bits })
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, canonical(address)) {
            (IpAddr::V4(network), IpAddr::V4(address)) => same_prefix(
                u128::from(u32::from(network)) << 96,
                u128::from(u32::from(address)) << 96,
                self.prefix_bits,
            ),
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                same_prefix(u128::from(network), u128::from(address), self.prefix_bits)
            }
            _ => false,
        }
    }
}

fn same_prefix(left: u128, right: u128, prefix_bits: u8) -> bool {
    if prefix_bits == 0 {
        return true;
    }
    let mask = u128::MAX << (128 - u32::from(prefix_bits));
    left & mask == right & mask
}

/// `::ffff:1.2.3.4` is `1.2.3.4`.
pub fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// The configured trusted proxies (`network.trusted_proxies`): a TOML list,
/// or a comma-separated string (handy in an environment variable).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<AddressBlock>);

impl TrustedProxies {
    pub fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|block| block.contains(address))
    }
}

impl<'de> Deserialize<'de> for TrustedProxies {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum ListOrText {
            List(Vec<String>),
            Text(String),
        }
        let entries = match ListOrText::deserialize(deserializer)? {
            ListOrText::List(list) => list,
            ListOrText::Text(text) => {
                text.split(',').map(str::to_owned).filter(|entry| !entry.trim().is_empty()).collect()
            }
        };
        let blocks = entries.iter().map(|entry| AddressBlock::parse(entry)).collect::<Result<Vec<_>, _>>();
        blocks.map(Self).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for TrustedProxies {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let texts: Vec<String> =
            self.0.iter().map(|block| format!("{}/{}", block.network, block.prefix_bits)).collect();
        texts.serialize(serializer)
    }
}

/// One `X-Forwarded-For` entry: an address, maybe with a port (`1.2.3.4:80`, `[2001:db8::1]:443`).
fn parse_forwarded_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    if let Ok(address) = entry.parse::<IpAddr>() {
        return Some(canonical(address));
    }
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split_once(']').and_then(|(address, _)| address.parse().ok()).map(canonical);
    }
    entry.rsplit_once(':').and_then(|(address, _)| address.parse::<std::net::Ipv4Addr>().ok()).map(IpAddr::V4)
}

/// The client's address for a request from `peer` with these `X-Forwarded-For` headers.
pub fn resolve_client_ip(peer: IpAddr, forwarded_for: &[&str], trusted: &TrustedProxies) -> IpAddr {
    let mut client = canonical(peer);
    if !trusted.trusts(client) {
        return client; // Anyone can write X-Forwarded-For; only a trusted proxy's is believed.
    }
    let entries = forwarded_for.iter().flat_map(|header| header.split(',')).collect::<Vec<_>>();
    for entry in entries.iter().rev() {
        let Some(address) = parse_forwarded_entry(entry) else {
            return client; // Garbage: stop at the last hop that is known.
        };
        client = address;
        if !trusted.trusts(address) {
            break;
        }
    }
    client
}

#[cfg(test)]
#[path = "client_ip_tests.rs"]
mod tests;
