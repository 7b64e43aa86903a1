//! Memos keyed by a short token's bytes: running text repeats a few thousand
//! syllables, so what is computed from a token's bytes alone (its kind in the
//! scanner, its key and shape in the segmenter) is remembered in a direct-mapped
//! table of [`SLOTS`] slots. A token of up to 16 bytes is read as one 128-bit
//! word ([`BytesKey`]); a hit compares the word and the length, a miss recomputes and
//! overwrites the slot. Longer tokens are never memoized.

/// Slots of a memo table (a power of two).
pub(crate) const SLOTS: usize = 1 << 12;

/// Up to 16 bytes packed into a little-endian word (zero-padded) with their length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct BytesKey {
    bytes: u128,
    /// Byte length (0: empty slot).
    len: u32,
}

impl BytesKey {
    /// The key of `b[start..end]`, `None` when it is empty or longer than 16 bytes.
    #[inline(always)]
    pub(crate) fn of(b: &[u8], start: usize, end: usize) -> Option<BytesKey> {
        let len = end.checked_sub(start)?;
        if len > 16 || len == 0 {
            return None;
        }
        let bytes = if let Some(w) = b.get(start..start + 16) {
            // the 16 bytes from `start`, those past `end` cleared
            u128::from_le_bytes(w.try_into().unwrap()) & (u128::MAX >> (128 - 8 * len))
        } else {
            let mut w = [0u8; 16];
            w[..len].copy_from_slice(&b[start..end]);
            u128::from_le_bytes(w)
        };
        Some(BytesKey {
            bytes,
            len: len as u32,
        })
    }

    /// The slot of this key in a table of [`SLOTS`].
    #[inline(always)]
    pub(crate) fn slot(&self) -> usize {
        let (lo, hi) = (self.bytes as u64, (self.bytes >> 64) as u64);
        let h = (lo ^ hi.rotate_left(31) ^ u64::from(self.len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 52) as usize & (SLOTS - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_byte_strings_apart() {
        let text = "ab\0a\0b\0\0bộ bộ nghiễng_nghiễng_1234567890123456789";
        let b = text.as_bytes();
        let mut seen = std::collections::HashMap::new();
        for s in 0..b.len() {
            for e in s..=b.len() {
                let k = BytesKey::of(b, s, e);
                assert_eq!(k.is_some(), (1..=16).contains(&(e - s)));
                if let Some(k) = k {
                    assert!(k.slot() < SLOTS);
                    // same bytes, same key; other bytes, other key
                    if let Some(prev) = seen.insert(k, &b[s..e]) {
                        assert_eq!(prev, &b[s..e]);
                    }
                    // at the very end of a buffer too
                    assert_eq!(BytesKey::of(&b[s..e], 0, e - s), Some(k));
                }
            }
        }
    }
}
