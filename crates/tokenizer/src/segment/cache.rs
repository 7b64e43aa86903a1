//! A per-thread memo of syllable keys: [`key_shape`] folds a syllable char by char;
//! running text repeats a few thousand syllables, so the key and shape of each are
//! remembered by the syllable's bytes ([`crate::memo`]) in the
//! [`super::features::Scratch`], with whether the key is a Sino-Vietnamese syllable
//! ([`is_sino`]). The memo holds only what those return, so it changes no key.

use super::features::is_sino;
use super::fold::key_shape;
use crate::memo::{BytesKey, SLOTS};

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    bytes: BytesKey,
    shape: u8,
    sino: bool,
    key: u64,
}

/// Memo of [`key_shape`] by the syllable's bytes.
#[derive(Debug, Clone, Default)]
pub struct KeyCache {
    slots: Vec<Slot>,
}

impl KeyCache {
    /// [`key_shape`] of `text[start..end]`.
    #[inline(always)]
    pub fn key_shape(&mut self, text: &str, start: usize, end: usize) -> (u64, u8) {
        let (key, shape, _) = self.key_shape_sino(text, start, end);
        (key, shape)
    }

    /// [`key_shape`] of `text[start..end]`, and [`is_sino`] of its key.
    #[inline(always)]
    pub fn key_shape_sino(&mut self, text: &str, start: usize, end: usize) -> (u64, u8, bool) {
        if let Some(bytes) = BytesKey::of(text.as_bytes(), start, end) {
            if let Some(slot) = self.slots.get(bytes.slot()) {
                if slot.bytes == bytes {
                    return (slot.key, slot.shape, slot.sino);
                }
            }
        }
        self.miss(text, start, end)
    }

    /// [`KeyCache::key_shape`] folding the syllable, remembered in its slot.
    #[cold]
    #[inline(never)]
    fn miss(&mut self, text: &str, start: usize, end: usize) -> (u64, u8, bool) {
        let (key, shape) = key_shape(&text[start..end]);
        let sino = is_sino(key);
        if let Some(bytes) = BytesKey::of(text.as_bytes(), start, end) {
            if self.slots.is_empty() {
                self.slots = vec![Slot::default(); SLOTS];
            }
            self.slots[bytes.slot()] = Slot {
                bytes,
                shape,
                sino,
                key,
            };
        }
        (key, shape, sino)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_key_shape() {
        let text = "Ban Chấp hành Đảng bộ huyện ĐẢNG nghiêng Nghiễng khuyếch \
                    ho\u{300}a hoà a\u{0}b a b\u{0} xxxxxxxxxxxxxxxxxx Ωμέγα 中文 \
                    Ban Chấp hành bộ bộ";
        let mut c = KeyCache::default();
        let mut seen = 0;
        for _ in 0..2 {
            // every substring on char boundaries, up to 20 chars
            for (s, _) in text.char_indices() {
                for (e, ch) in text[s..].char_indices().take(20) {
                    let e = s + e + ch.len_utf8();
                    assert_eq!(
                        c.key_shape(text, s, e),
                        key_shape(&text[s..e]),
                        "{:?}",
                        &text[s..e]
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 1000);
        let short = "bộ";
        assert_eq!(c.key_shape(short, 0, short.len()), key_shape(short));
        let (k, _, sino) = c.key_shape_sino(short, 0, short.len());
        assert!(sino && is_sino(k));
        let native = "người";
        assert!(!c.key_shape_sino(native, 0, native.len()).2);
    }
}
