//! A tiny deterministic generator (SplitMix64), so output depends only on the seed.

pub struct DeterministicRandom {
    state: u64,
}

impl DeterministicRandom {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    /// A number in `[low, high)`; `high` must be greater than `low`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = (high - low).max(1) as u64;
        low + (self.next_u64() % span) as i64
    }
}
