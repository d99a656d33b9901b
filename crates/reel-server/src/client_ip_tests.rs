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
