//! Sparse maps from positions in a produced text back to positions in its input.
//!
//! A stage (decoding, normalization) writes its output as a sequence of *pieces*:
//! either a **copy** (the output bytes correspond one to one, or one to `slope` for
//! UTF-16, to input bytes) or a **change** (an opaque piece: `out_len` output bytes
//! made from `src_len` input bytes, e.g. one TCVN3 byte becoming `ấ`).
//!
//! The map stores one [`Anchor`] per change, so text that went through unchanged
//! costs a single anchor, and a legacy text costs about 12 bytes per non-ASCII letter.
//! Positions inside a copy map linearly; positions inside a change map to its start
//! ([`SourceMap::floor`]) or its end ([`SourceMap::ceil`]), so a mapped range always
//! covers what produced it and lands on piece boundaries of the input.

/// From `out` (a position in the output), `copy` output bytes are copies; the output up
/// to the next anchor is one opaque change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    out: u32,
    src: u32,
    copy: u32,
}

/// A monotone map from output byte positions to input byte positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceMap {
    anchors: Vec<Anchor>,
    /// Input bytes per output byte inside copies (1, or 2 for UTF-16 ASCII).
    slope: u32,
    out_len: u32,
    src_len: u32,
}

impl SourceMap {
    /// The map of a text that is its own source.
    #[cfg(test)]
    pub(crate) fn identity(len: usize) -> SourceMap {
        let len = len as u32;
        SourceMap {
            anchors: vec![Anchor {
                out: 0,
                src: 0,
                copy: len,
            }],
            slope: 1,
            out_len: len,
            src_len: len,
        }
    }

    /// True for the map of an unchanged text.
    #[cfg(test)]
    pub(crate) fn is_identity(&self) -> bool {
        self.anchors.len() == 1 && self.anchors[0].src == 0 && self.slope == 1
    }

    fn locate(&self, p: usize) -> (usize, u32) {
        let p = (p as u64).min(self.out_len as u64) as u32;
        let idx = self.anchors.partition_point(|a| a.out <= p) - 1;
        (idx, p - self.anchors[idx].out)
    }

    /// The input position of output position `p`, rounding down inside a change.
    pub(crate) fn floor(&self, p: usize) -> usize {
        let (idx, off) = self.locate(p);
        let a = self.anchors[idx];
        (a.src + self.slope * off.min(a.copy)) as usize
    }

    /// The input position of output position `p`, rounding up inside a change.
    pub(crate) fn ceil(&self, p: usize) -> usize {
        let (idx, off) = self.locate(p);
        let a = self.anchors[idx];
        if off <= a.copy {
            (a.src + self.slope * off) as usize
        } else {
            self.anchors.get(idx + 1).map_or(self.src_len, |n| n.src) as usize
        }
    }

    /// Length of the input this map points into.
    #[cfg(test)]
    pub(crate) fn src_len(&self) -> usize {
        self.src_len as usize
    }

    /// Number of anchors (memory use is 12 bytes each).
    pub(crate) fn anchors(&self) -> usize {
        self.anchors.len()
    }
}

/// Builds a [`SourceMap`] piece by piece.
#[derive(Debug)]
pub(crate) struct MapBuilder {
    anchors: Vec<Anchor>,
    slope: u32,
    out: u32,
    src: u32,
}

impl MapBuilder {
    pub(crate) fn new(slope: u32) -> MapBuilder {
        MapBuilder {
            anchors: vec![Anchor {
                out: 0,
                src: 0,
                copy: 0,
            }],
            slope,
            out: 0,
            src: 0,
        }
    }

    /// `out_len` output bytes copied from `out_len * slope` input bytes.
    #[inline]
    pub(crate) fn copy(&mut self, out_len: usize) {
        // The last anchor always ends where the output ends (a change closes with an
        // anchor of empty copy), so a copy extends it.
        self.anchors.last_mut().expect("one anchor").copy += out_len as u32;
        self.out += out_len as u32;
        self.src += self.slope * out_len as u32;
    }

    /// One character of `out_len` bytes made from `src_len` input bytes: a copy when the
    /// lengths agree (only its boundaries matter), else a change.
    #[inline]
    pub(crate) fn char_from(&mut self, out_len: usize, src_len: usize) {
        if out_len as u64 * self.slope as u64 == src_len as u64 {
            self.copy(out_len);
        } else {
            self.change(out_len, src_len);
        }
    }

    /// `out_len` output bytes made from `src_len` input bytes as one opaque piece.
    #[inline]
    pub(crate) fn change(&mut self, out_len: usize, src_len: usize) {
        self.out += out_len as u32;
        self.src += src_len as u32;
        let last = self.anchors.last_mut().expect("one anchor");
        if out_len == 0 && last.copy == 0 {
            // Input dropped right at an anchor: move the anchor past it.
            last.src = self.src;
            return;
        }
        self.anchors.push(Anchor {
            out: self.out,
            src: self.src,
            copy: 0,
        });
    }

    pub(crate) fn finish(self) -> SourceMap {
        SourceMap {
            anchors: self.anchors,
            slope: self.slope,
            out_len: self.out,
            src_len: self.src,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let m = SourceMap::identity(10);
        for p in 0..=10 {
            assert_eq!(m.floor(p), p);
            assert_eq!(m.ceil(p), p);
        }
        assert_eq!(m.floor(20), 10);
        assert!(m.is_identity());
    }

    #[test]
    fn changes_round_outward() {
        // "x" copied, one byte becoming 3 bytes, "yz" copied.
        let mut b = MapBuilder::new(1);
        b.copy(1);
        b.change(3, 1);
        b.copy(2);
        let m = b.finish();
        assert_eq!(m.floor(0), 0);
        assert_eq!(m.floor(1), 1);
        assert_eq!(m.floor(2), 1);
        assert_eq!(m.ceil(2), 2);
        assert_eq!(m.floor(4), 2);
        assert_eq!(m.ceil(6), 4);
        assert_eq!(m.src_len(), 4);
    }

    #[test]
    fn consecutive_changes_and_drops() {
        let mut b = MapBuilder::new(1);
        b.change(0, 3); // BOM
        b.change(2, 1);
        b.change(3, 1);
        b.change(0, 2); // dropped
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.floor(0), 3);
        assert_eq!(m.ceil(1), 4);
        assert_eq!(m.floor(2), 4);
        assert_eq!(m.ceil(3), 7);
        assert_eq!(m.floor(5), 7);
        assert_eq!(m.ceil(6), 8);
        let mut prev = 0;
        for p in 0..=6 {
            assert!(m.floor(p) >= prev);
            assert!(m.ceil(p) >= m.floor(p));
            prev = m.floor(p);
        }
    }

    #[test]
    fn utf16_slope() {
        let mut b = MapBuilder::new(2);
        b.change(0, 2); // BOM
        b.copy(3); // 3 ASCII chars
        b.change(3, 2); // one BMP letter
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.floor(0), 2);
        assert_eq!(m.floor(3), 8);
        assert_eq!(m.ceil(4), 10);
        assert_eq!(m.floor(6), 10);
        assert_eq!(m.floor(7), 12);
        assert_eq!(m.src_len(), 12);
    }
}
