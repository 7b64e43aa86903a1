//! The gazetteer of Vietnamese administrative units, before (2024: province, district, commune)
//! and after (2025: province, commune) the 1 July 2025 reorganisation, embedded from
//! `models/gazetteer.tsv` (built from `vn-admin-units`, MIT; see `models/README.md`).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../models/gazetteer.tsv");

/// Which list a unit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// A province (2024 or 2025 list).
    Province,
    /// A 2024 district (quận, huyện, thị xã, thành phố thuộc tỉnh).
    District,
    /// A 2024 commune (xã, phường, thị trấn).
    Commune2024,
    /// A 2025 commune (xã, phường, đặc khu).
    Commune2025,
}

/// One province (2024 or 2025 list).
#[derive(Debug, Clone)]
pub struct Province {
    pub code: String,
    pub name: String,
    /// `tỉnh` or `thành phố` (trực thuộc trung ương).
    pub kind: String,
    /// Whether this is a province of the 2025 list.
    pub is_2025: bool,
    /// Code of the 2025 province it went into (itself for 2025 provinces).
    pub new_code: String,
}

/// One district or commune: its type and its province before and after 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tier: Tier,
    /// Index into the type names (`huyện`, `xã`, ...), see [`Gazetteer::type_name`].
    pub kind: u8,
    /// Index of the 2024 province in [`Gazetteer::provinces`] (None for 2025 communes).
    pub province_2024: Option<u16>,
    /// Index of the 2025 province.
    pub province_2025: u16,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    pub provinces: Vec<Province>,
    types: Vec<String>,
    /// Folded name (see [`fold`]) of districts and communes to the units so named.
    places: FxHashMap<String, Vec<Place>>,
    /// Folded province name to province indices (2024 and 2025 entries).
    province_names: FxHashMap<String, Vec<u16>>,
    /// The first words of the folded province names: a word outside it starts none.
    province_first_words: FxHashSet<String>,
    /// The same words of at most 8 bytes, packed (`rules::pack`), sorted.
    province_first_packed: Vec<u64>,
}

/// A lookup key: lower case, tone marks removed (so `Hoà`/`Hòa` and `Thủy`/`Thuỷ` meet),
/// vowel shapes and `đ` kept, spaces and hyphens collapsed to one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, usize::MAX);
    out
}

/// [`fold`] appended to `out`, stopping once `out` has grown by `limit` bytes or more: what it
/// appends is always a prefix of `fold(s)` (a pending space is written only before a letter).
pub(crate) fn fold_into(s: &str, out: &mut String, limit: usize) {
    let base = out.len();
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            // The common case, as below: a letter or digit is lowered.
            if out.len() - base >= limit {
                return;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '–' {
            space = out.len() > base;
            continue;
        }
        if out.len() - base >= limit {
            return;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_folded(c, out);
    }
}

/// One character of [`fold`] (lower case, tone removed), appended to `out`.
#[inline]
pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(f) = latin(c).and_then(|i| i.folded) {
        out.push(f);
    } else {
        c.to_lowercase().for_each(|l| out.push(untoned(l)));
    }
}

/// What the word scan needs of a non-ASCII Latin letter, computed once per letter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Latin {
    /// Its one-character fold (None when lower case gives several characters).
    pub folded: Option<char>,
    pub alphanumeric: bool,
    pub upper: bool,
}

/// The blocks that hold the Vietnamese letters: Latin-1 Supplement to Latin Extended-B
/// (`à`, `ă`, `đ`, `ơ`, `ư`, ...) and Latin Extended Additional (`ạ`, `ả`, `ấ`, ..., `ỹ`).
const LATIN_BLOCKS: [(u32, u32); 2] = [(0x80, 0x250), (0x1E00, 0x1F00)];

/// The table entry of `c`, None outside [`LATIN_BLOCKS`] (ASCII included).
#[inline]
pub(crate) fn latin(c: char) -> Option<Latin> {
    LatinTable::get().entry(c)
}

/// [`Latin`] of every letter of [`LATIN_BLOCKS`], block after block.
#[derive(Debug)]
pub(crate) struct LatinTable(Vec<Latin>);

impl LatinTable {
    /// The table, built once.
    pub fn get() -> &'static LatinTable {
        static TABLE: OnceLock<LatinTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let entries = LATIN_BLOCKS
                .iter()
                .flat_map(|&(a, b)| a..b)
                .map(|u| {
                    let c = char::from_u32(u).unwrap_or('\0');
                    let mut lower = c.to_lowercase();
                    let folded = match (lower.next(), lower.next()) {
                        (Some(l), None) => Some(untoned(l)),
                        _ => None,
                    };
                    Latin {
                        folded,
                        alphanumeric: c.is_alphanumeric(),
                        upper: c.is_uppercase(),
                    }
                })
                .collect();
            LatinTable(entries)
        })
    }

    /// The entry of `c`, None outside [`LATIN_BLOCKS`].
    #[inline]
    pub fn entry(&self, c: char) -> Option<Latin> {
        let u = c as u32;
        let mut offset = 0;
        for (a, b) in LATIN_BLOCKS {
            if (a..b).contains(&u) {
                return Some(self.0[offset + (u - a) as usize]);
            }
            offset += (b - a) as usize;
        }
        None
    }
}

/// A letter without its tone mark (grave, acute, tilde, hook above, dot below), keeping its
/// vowel shape (`ệ` → `ê`, `ở` → `ơ`); the per-letter form of NFD, drop, NFC (this runs on
/// every word of every document, so it allocates nothing).
fn untoned(c: char) -> char {
    let mut base = None;
    let mut shape = None;
    let mut other = false;
    unicode_normalization::char::decompose_canonical(c, |d| match d {
        '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {}
        d if base.is_none() => base = Some(d),
        d if shape.is_none() => shape = Some(d),
        _ => other = true,
    });
    match (base, shape) {
        _ if other => c,
        (Some(b), None) => b,
        (Some(b), Some(m)) => unicode_normalization::char::compose(b, m).unwrap_or(c),
        (None, _) => c,
    }
}

impl Gazetteer {
    /// The embedded gazetteer, parsed once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(DATA))
    }

    fn parse(data: &str) -> Gazetteer {
        let mut g = Gazetteer {
            provinces: Vec::new(),
            types: Vec::new(),
            places: FxHashMap::default(),
            province_names: FxHashMap::default(),
            province_first_words: FxHashSet::default(),
            province_first_packed: Vec::new(),
        };
        // The tab-separated fields of each line (at most 6 are read).
        let rows = |first: fn(&str) -> bool| {
            data.lines()
                .filter(move |l| !l.starts_with('#') && !l.is_empty() && first(l))
                .map(|l| {
                    let mut f = [""; 6];
                    let mut n = 0;
                    for (k, x) in l.split('\t').enumerate() {
                        if k < 6 {
                            f[k] = x;
                        }
                        n = k + 1;
                    }
                    (f, n)
                })
        };
        let mut by_code: FxHashMap<(&str, bool), u16> = FxHashMap::default();
        let province = |l: &str| l.starts_with("P\t");
        for (f, _) in rows(province).filter(|(f, n)| f[0] == "P" && *n == 6) {
            let is_2025 = f[4] == "2025";
            let i = g.provinces.len() as u16;
            g.provinces.push(Province {
                code: f[1].into(),
                name: f[2].into(),
                kind: f[3].into(),
                is_2025,
                new_code: f[5].into(),
            });
            by_code.insert((f[1], is_2025), i);
            let name = fold(f[2]);
            let first = name.split(' ').next().unwrap_or("").to_string();
            let packed = crate::rules::pack(&first);
            if packed != 0 && !g.province_first_packed.contains(&packed) {
                g.province_first_packed.push(packed);
            }
            g.province_first_words.insert(first);
            g.province_names.entry(name).or_default().push(i);
        }
        g.province_first_packed.sort_unstable();
        g.places.reserve(data.len() / 40);
        let mut name = String::new();
        for (f, _) in rows(|l| !l.starts_with("P\t")).filter(|(f, _)| f[0] != "P") {
            let kind = g.type_index(f[2]);
            let (tier, p24, p25) = match f[0] {
                "D" => (Tier::District, Some(f[3]), f[4]),
                "C" => (Tier::Commune2024, Some(f[3]), f[4]),
                _ => (Tier::Commune2025, None, f[3]),
            };
            let place = Place {
                tier,
                kind,
                province_2024: p24.and_then(|c| by_code.get(&(c, false)).copied()),
                province_2025: by_code[&(p25, true)],
            };
            name.clear();
            fold_into(f[1], &mut name, usize::MAX);
            let list = match g.places.get_mut(name.as_str()) {
                Some(list) => list,
                None => g.places.entry(name.clone()).or_default(),
            };
            if !list.contains(&place) {
                list.push(place);
            }
        }
        g
    }

    fn type_index(&mut self, t: &str) -> u8 {
        match self.types.iter().position(|x| x == t) {
            Some(i) => i as u8,
            None => {
                self.types.push(t.to_string());
                (self.types.len() - 1) as u8
            }
        }
    }

    /// The type name (`huyện`, `xã`, ...) of a place.
    pub fn type_name(&self, place: &Place) -> &str {
        &self.types[place.kind as usize]
    }

    /// Districts and communes with this (folded) name.
    pub fn places(&self, folded: &str) -> &[Place] {
        self.places.get(folded).map_or(&[], |v| v.as_slice())
    }

    /// Provinces with this (folded) name, 2024 and 2025 entries.
    pub fn provinces_named(&self, folded: &str) -> &[u16] {
        self.province_names
            .get(folded)
            .map_or(&[], |v| v.as_slice())
    }

    /// Whether some province's folded name starts with this folded word.
    pub fn starts_a_province(&self, word: &str) -> bool {
        self.province_first_words.contains(word)
    }

    /// [`Gazetteer::starts_a_province`] of a word by its packed key (`rules::pack`), its text
    /// asked for only when it is longer than 8 bytes.
    pub(crate) fn starts_a_province_packed<'k>(
        &self,
        packed: u64,
        key: impl FnOnce() -> &'k str,
    ) -> bool {
        if packed == 0 {
            return self.starts_a_province(key());
        }
        self.province_first_packed.binary_search(&packed).is_ok()
    }

    /// The 2024 entry of a province name if there is one, else the 2025 entry.
    pub fn province_index(&self, folded: &str) -> Option<u16> {
        let v = self.provinces_named(folded);
        v.iter()
            .copied()
            .find(|&i| !self.provinces[i as usize].is_2025)
            .or_else(|| v.first().copied())
    }

    /// Index of the 2025 province a province went into.
    pub fn successor(&self, i: u16) -> u16 {
        let p = &self.provinces[i as usize];
        if p.is_2025 {
            return i;
        }
        self.provinces
            .iter()
            .position(|q| q.is_2025 && q.code == p.new_code)
            .map_or(i, |j| j as u16)
    }

    /// The display name of a province: `TP Hồ Chí Minh` for the city, else the bare name.
    pub fn display(&self, i: u16) -> String {
        let p = &self.provinces[i as usize];
        if p.code == "79" {
            "TP Hồ Chí Minh".into()
        } else {
            p.name.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_both_systems() {
        let g = Gazetteer::get();
        assert_eq!(g.provinces.iter().filter(|p| !p.is_2025).count(), 63);
        assert_eq!(g.provinces.iter().filter(|p| p.is_2025).count(), 34);
        let chu_prong = g.places(&fold("Chư Prông"));
        assert!(chu_prong.iter().any(|p| p.tier == Tier::District
            && g.provinces[p.province_2024.unwrap() as usize].name == "Gia Lai"));
        // Hà Giang went into Tuyên Quang.
        let hg = g.province_index(&fold("Hà Giang")).unwrap();
        assert_eq!(g.provinces[g.successor(hg) as usize].name, "Tuyên Quang");
    }

    #[test]
    fn fold_meets_tone_placements() {
        assert_eq!(fold("Hoà Bình"), fold("Hòa  Bình"));
        assert_eq!(fold("Thừa Thiên-Huế"), "thưa thiên huê");
        assert_eq!(fold("ĐẮK LẮK  Quảng Trị"), "đăk lăk quang tri");
        assert_eq!(fold("Ô Môn – Cần Thơ"), "ô môn cân thơ");
    }
}
