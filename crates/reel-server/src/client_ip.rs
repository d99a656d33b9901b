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
mod tests {
    use super::*;

    fn address(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies(blocks: &[&str]) -> TrustedProxies {
        TrustedProxies(blocks.iter().map(|block| AddressBlock::parse(block).unwrap()).collect())
    }

    #[test]
    fn without_trusted_proxies_the_socket_peer_is_the_client() {
        let none = TrustedProxies::default();
        assert_eq!(resolve_client_ip(address("203.0.113.9"), &["8.8.8.8"], &none), address("203.0.113.9"));
    }

    #[test]
    fn forwarded_for_from_an_untrusted_peer_is_ignored() {
        let trusted = proxies(&["10.0.0.0/8"]);
        let spoofed = resolve_client_ip(address("198.51.100.7"), &["8.8.8.8"], &trusted);
        assert_eq!(spoofed, address("198.51.100.7"));
    }

    #[test]
    fn a_trusted_proxy_forwards_the_right_most_untrusted_entry() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.1"]);
        // The client wrote a fake first entry; the proxies appended what they saw.
        let headers = ["6.6.6.6, 8.8.8.8", "192.0.2.1"];
        assert_eq!(resolve_client_ip(address("10.1.2.3"), &headers, &trusted), address("8.8.8.8"));
    }

    #[test]
    fn only_trusted_hops_means_the_left_most_one() {
        let trusted = proxies(&["10.0.0.0/8"]);
        assert_eq!(resolve_client_ip(address("10.0.0.1"), &["10.0.0.2, 10.0.0.3"], &trusted), address("10.0.0.2"));
        assert_eq!(resolve_client_ip(address("10.0.0.1"), &[], &trusted), address("10.0.0.1"));
    }

    #[test]
    fn garbage_entries_stop_at_the_last_known_hop() {
        let trusted = proxies(&["10.0.0.0/8"]);
        assert_eq!(resolve_client_ip(address("10.0.0.1"), &["8.8.8.8, unknown"], &trusted), address("10.0.0.1"));
        assert_eq!(resolve_client_ip(address("10.0.0.1"), &["nonsense, 10.0.0.9"], &trusted), address("10.0.0.9"));
    }

    #[test]
    fn ipv6_blocks_ports_and_mapped_addresses() {
        let trusted = proxies(&["2001:db8::/32", "127.0.0.1/32"]);
        let client = resolve_client_ip(address("2001:db8:1::5"), &["[2001:4860:4860::8888]:443"], &trusted);
        assert_eq!(client, address("2001:4860:4860::8888"));
        // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
        let mapped = resolve_client_ip(address("::ffff:127.0.0.1"), &["193.99.144.80:5000"], &trusted);
        assert_eq!(mapped, address("193.99.144.80"));
        assert_eq!(canonical(address("::ffff:8.8.8.8")), address("8.8.8.8"));
        assert!(!proxies(&["2001:db8::/32"]).trusts(address("2001:db9::1")));
        assert!(proxies(&["::/0"]).trusts(address("2a00::1")));
        assert!(!proxies(&["::/0"]).trusts(address("8.8.8.8")), "an IPv6 block never holds IPv4 addresses");
    }

    #[test]
    fn blocks_are_checked_when_configured() {
        assert!(AddressBlock::parse("10.0.0.0/33").unwrap_err().contains("0 to 32"));
        assert!(AddressBlock::parse("proxy.local").unwrap_err().contains("CIDR"));
        let from_text: TrustedProxies = serde_json::from_value(serde_json::json!("10.0.0.0/8, 127.0.0.1")).unwrap();
        assert_eq!(from_text, proxies(&["10.0.0.0/8", "127.0.0.1/32"]));
        let from_list: TrustedProxies = serde_json::from_value(serde_json::json!(["::1"])).unwrap();
        assert!(from_list.trusts(address("::1")));
    }
}
