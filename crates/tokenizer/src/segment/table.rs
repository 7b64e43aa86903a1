//! Open-addressing hash table keyed by 64-bit hashes (the keys are already mixed).

/// Map from non-zero `u64` hashes to small copyable values.
#[derive(Debug, Clone)]
pub struct KeyTable<V> {
    keys: Vec<u64>,
    vals: Vec<V>,
    len: usize,
}

impl<V: Copy + Default> Default for KeyTable<V> {
    fn default() -> Self {
        KeyTable::with_capacity(0)
    }
}

impl<V: Copy + Default> KeyTable<V> {
    /// A table holding `n` entries without growing.
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n * 2).next_power_of_two().max(16);
        KeyTable {
            keys: vec![0; cap],
            vals: vec![V::default(); cap],
            len: 0,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let k = self.keys[i];
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, if present.
    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let key = key.max(1);
        let i = self.slot(key);
        (self.keys[i] == key).then(|| self.vals[i])
    }

    /// Mutable value of `key`, inserted as `V::default()` if absent.
    pub fn entry(&mut self, key: u64) -> &mut V {
        let key = key.max(1);
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let i = self.slot(key);
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.vals[i]
    }

    fn grow(&mut self) {
        let old_keys = std::mem::take(&mut self.keys);
        let old_vals = std::mem::take(&mut self.vals);
        let cap = (old_keys.len() * 2).max(16);
        self.keys = vec![0; cap];
        self.vals = vec![V::default(); cap];
        for (k, v) in old_keys.into_iter().zip(old_vals) {
            if k != 0 {
                let i = self.slot(k);
                self.keys[i] = k;
                self.vals[i] = v;
            }
        }
    }

    /// All entries sorted by key.
    pub fn sorted(&self) -> Vec<(u64, V)> {
        let mut v: Vec<(u64, V)> = self
            .keys
            .iter()
            .zip(&self.vals)
            .filter(|(k, _)| **k != 0)
            .map(|(k, v)| (*k, *v))
            .collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut t: KeyTable<u32> = KeyTable::default();
        for i in 0..1000u64 {
            *t.entry(i.wrapping_mul(0x9E37_79B9_7F4A_7C15)) = i as u32;
        }
        assert_eq!(t.len(), 1000);
        for i in 0..1000u64 {
            assert_eq!(t.get(i.wrapping_mul(0x9E37_79B9_7F4A_7C15)), Some(i as u32));
        }
        assert_eq!(t.get(12345), None);
        assert_eq!(t.sorted().len(), 1000);
    }
}
