//! Open-addressing hash table keyed by 64-bit hashes (the keys are already mixed).

/// Map from non-zero `u64` hashes to small copyable values.
#[derive(Debug, Clone)]
pub struct KeyTable<V> {
    /// Key and value side by side: one cache line per probe.
    slots: Vec<(u64, V)>,
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
            slots: vec![(0, V::default()); cap],
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
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let k = self.slots[i].0;
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
        let (k, v) = self.slots[i];
        (k == key).then_some(v)
    }

    /// Mutable value of `key`, inserted as `V::default()` if absent.
    pub fn entry(&mut self, key: u64) -> &mut V {
        let key = key.max(1);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.slot(key);
        if self.slots[i].0 == 0 {
            self.slots[i].0 = key;
            self.len += 1;
        }
        &mut self.slots[i].1
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let cap = (old.len() * 2).max(16);
        self.slots = vec![(0, V::default()); cap];
        for (k, v) in old {
            if k != 0 {
                let i = self.slot(k);
                self.slots[i] = (k, v);
            }
        }
    }

    /// All entries sorted by key.
    pub fn sorted(&self) -> Vec<(u64, V)> {
        let mut v: Vec<(u64, V)> = self
            .slots
            .iter()
            .filter(|(k, _)| *k != 0)
            .copied()
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

    /// The probe without the fingerprint filter.
    fn probe(slots: &[(u32, f32)], key: u64) -> f32 {
        let mask = slots.len() - 1;
        let fp = fingerprint(key);
        let mut i = (key as usize) & mask;
        loop {
            let (f, w) = slots[i];
            if f == fp {
                return w;
            }
            if f == 0 {
                return 0.0;
            }
            i = (i + 1) & mask;
        }
    }

    #[test]
    fn filter_changes_no_lookup() {
        let key = |i: u64| super::super::fold::mix(7, i);
        let entries: Vec<(u64, f32)> = (0..50_000u64).map(|i| (key(i), i as f32 + 0.5)).collect();
        let t = WeightTable::build(&entries);
        for &(k, w) in &entries {
            assert_eq!(t.get(k), w);
        }
        // absent keys, and keys sharing a fingerprint with an entry
        for i in 50_000..250_000u64 {
            assert_eq!(t.get(key(i)), probe(&t.slots, key(i)));
            let near = key(i - 50_000) ^ (i & 0xFFFF);
            assert_eq!(t.get(near), probe(&t.slots, near));
        }
        assert_eq!(WeightTable::default().get(5), 0.0);
        let mut dict = KeyTable::default();
        let mut assoc = KeyTable::default();
        for i in 0..20_000u64 {
            *dict.entry(key(i)) = (i % 7) as u8 + 1;
            *assoc.entry(key(i + 10_000)) = (i % 5) as u8 + 1;
        }
        let lex = LexTable::build(&dict, &assoc);
        for i in 0..40_000u64 {
            let want = (
                dict.get(key(i)).unwrap_or(0),
                assoc.get(key(i)).unwrap_or(0),
            );
            assert_eq!(lex.get(key(i)), want);
        }
        assert_eq!(LexTable::default().get(5), (0, 0));
    }
}

/// Read-only weight table for scoring: 32-bit key fingerprints beside `f32` weights
/// (8 bytes a slot) so that the table stays in cache. A missing feature matches
/// only if its fingerprint equals one in its probe chain (odds about 2^-32).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeightTable {
    slots: Vec<(u32, f32)>,
    /// Bit `fp % FILTER_BITS` set for the fingerprint `fp` of every entry: a clear
    /// bit means no slot can match (the lookup gives 0 without probing).
    filter: Vec<u64>,
}

/// Size of [`WeightTable`]'s fingerprint filter (32 KB).
const FILTER_BITS: usize = 1 << 18;

impl WeightTable {
    /// Build from (key, weight) entries.
    pub fn build(entries: &[(u64, f32)]) -> WeightTable {
        let cap = (entries.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0f32); cap];
        let mask = cap - 1;
        for &(k, w) in entries {
            let fp = fingerprint(k);
            let mut i = (k as usize) & mask;
            while slots[i].0 != 0 && slots[i].0 != fp {
                i = (i + 1) & mask;
            }
            slots[i] = (fp, w);
        }
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for &(fp, _) in &slots {
            if fp != 0 {
                let b = fp as usize % FILTER_BITS;
                filter[b / 64] |= 1 << (b % 64);
            }
        }
        WeightTable { slots, filter }
    }

    /// The weight of `key` (0 when absent).
    #[inline]
    pub fn get(&self, key: u64) -> f32 {
        if self.slots.is_empty() {
            return 0.0;
        }
        let fp = fingerprint(key);
        let b = fp as usize % FILTER_BITS;
        if self.filter[b / 64] >> (b % 64) & 1 == 0 {
            return 0.0;
        }
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let (f, w) = self.slots[i];
            if f == fp {
                return w;
            }
            if f == 0 {
                return 0.0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Read-only lookup of word keys for [`super::features::Scratch::prepare`]: the
/// dictionary bits and the bigram association class of a key in one 8-byte slot
/// (32-bit fingerprint), so one probe answers both.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LexTable {
    slots: Vec<(u32, u8, u8)>,
    /// Fingerprint filter as in [`WeightTable`].
    filter: Vec<u64>,
}

/// Size of [`LexTable`]'s fingerprint filter (64 KB).
const LEX_FILTER_BITS: usize = 1 << 19;

impl LexTable {
    /// Merge dictionary words (source bits) and bigram association classes.
    pub fn build(dict: &KeyTable<u8>, assoc: &KeyTable<u8>) -> LexTable {
        LexTable::build_sorted(&dict.sorted(), &assoc.sorted())
    }

    /// [`LexTable::build`] from the entries of the two tables, each sorted by key
    /// (strictly increasing, no key 0: as [`KeyTable::sorted`] gives them).
    pub fn build_sorted(dict: &[(u64, u8)], assoc: &[(u64, u8)]) -> LexTable {
        // merge by key: (dictionary bits, association class)
        let mut entries: Vec<(u64, (u8, u8))> = Vec::with_capacity(dict.len() + assoc.len());
        let (mut d, mut a) = (0, 0);
        while d < dict.len() || a < assoc.len() {
            let dk = dict.get(d).map_or(u64::MAX, |e| e.0);
            let ak = assoc.get(a).map_or(u64::MAX, |e| e.0);
            if d < dict.len() && (a == assoc.len() || dk < ak) {
                entries.push((dk, (dict[d].1, 0)));
                d += 1;
            } else if d == dict.len() || ak < dk {
                entries.push((ak, (0, assoc[a].1)));
                a += 1;
            } else {
                entries.push((dk, (dict[d].1, assoc[a].1)));
                d += 1;
                a += 1;
            }
        }
        let cap = (entries.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![(0u32, 0u8, 0u8); cap];
        for (k, (bits, a)) in entries {
            let fp = fingerprint(k);
            let mut i = (k as usize) & mask;
            while slots[i].0 != 0 && slots[i].0 != fp {
                i = (i + 1) & mask;
            }
            slots[i] = (fp, bits, a);
        }
        let mut filter = vec![0u64; LEX_FILTER_BITS / 64];
        for &(fp, _, _) in &slots {
            if fp != 0 {
                let b = fp as usize % LEX_FILTER_BITS;
                filter[b / 64] |= 1 << (b % 64);
            }
        }
        LexTable { slots, filter }
    }

    /// `(dictionary bits, association class)` of `key`, `(0, 0)` when absent.
    #[inline]
    pub fn get(&self, key: u64) -> (u8, u8) {
        if self.slots.is_empty() {
            return (0, 0);
        }
        let fp = fingerprint(key);
        let b = fp as usize % LEX_FILTER_BITS;
        if self.filter[b / 64] >> (b % 64) & 1 == 0 {
            return (0, 0);
        }
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let (f, d, a) = self.slots[i];
            if f == fp {
                return (d, a);
            }
            if f == 0 {
                return (0, 0);
            }
            i = (i + 1) & mask;
        }
    }
}

#[inline]
fn fingerprint(k: u64) -> u32 {
    ((k >> 32) as u32).max(1)
}
