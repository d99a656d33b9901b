//! Keyframes built on the server, for recordings whose SDK never takes a new
//! full snapshot (Amplitude's snapshots only on page load): the recorded DOM
//! is replayed into a mirror, and at any point the mirror is serialized back
//! into an rrweb Meta + FullSnapshot pair. A viewer can then seek without
//! loading the recording from the page load.
//!
//! What the mirror follows: the node tree (adds with sibling order, removes),
//! text and attribute changes (style objects included), input values and
//! checked state, element and page scroll, viewport size. What it does not:
//! style sheet rule changes made through the CSSOM, canvas, fonts and shadow
//! DOM adoption — those replay from the page's own keyframe only.

mod mirror;
mod style_attribute;

pub use mirror::KeyframeMirror;
