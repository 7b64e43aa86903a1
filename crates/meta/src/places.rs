//! Places named in the text: provinces, districts and communes after unit-type words
//! (`tỉnh`, `huyện Chư Prông`, `Tỉnh ủy`), provinces named alone, and (in the head) districts
//! and communes named alone, looked up in the [`Gazetteer`].

use crate::gazetteer::{Gazetteer, Tier};
use crate::rules::{pack, seq_is, HEAD};
use crate::words::{after_upper, follows, Words, W};

/// What a unit-type word announces.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Expect {
    Province,
    /// `thành phố`, `TP`: a province-level city or a district-level one.
    City,
    District,
    Commune,
}

pub(crate) const TRIGGERS: &[(&[&str], Expect)] = &[
    (&["thi", "xa"], Expect::District),
    (&["thi", "trân"], Expect::Commune),
    (&["thanh", "phô"], Expect::City),
    (&["thanh", "uy"], Expect::City),
    (&["tinh", "uy"], Expect::Province),
    (&["huyên", "uy"], Expect::District),
    (&["quân", "uy"], Expect::District),
    (&["thi", "uy"], Expect::District),
    (&["đăc", "khu"], Expect::Commune),
    (&["tinh"], Expect::Province),
    (&["tp"], Expect::City),
    (&["huyên"], Expect::District),
    (&["quân"], Expect::District),
    (&["xa"], Expect::Commune),
    (&["phương"], Expect::Commune),
];

/// A place named in the text.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub tier: Tier,
    /// Candidate (province name 2024-or-2025, province name 2025) pairs.
    pub provinces: Vec<(String, String)>,
    /// `huyện Chư Prông`
    pub label: String,
    /// Named after a unit-type word (`tỉnh`, `huyện`, `Tỉnh ủy`), not alone.
    pub triggered: bool,
}

fn province_pair(g: &Gazetteer, i: u16) -> (String, String) {
    (g.display(i), g.display(g.successor(i)))
}

/// `TP.HCM` and `HCM` as packed keys.
pub(crate) const TPHCM: u64 = pack("tphcm");
pub(crate) const HCM: u64 = pack("hcm");

/// Every place named in the text, left to right, without the place of signature.
pub(crate) fn find_places(text: &str, ws: &Words, g: &Gazetteer) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // Most words are lower case and open no phrase: none of the steps below reads them.
        let w = &ws[i];
        if w.opener.is_none() && !w.upper && w.packed != TPHCM && w.packed != HCM {
            i += 1;
            continue;
        }
        // A trigger phrase that names no known unit is passed over, not read as a province.
        let step = match (hcm_at(ws, i, g), trigger_at(ws, i)) {
            (Some(hcm), _) => Some(hcm),
            (None, Some(&(phrase, expect))) => triggered_at(text, ws, i, phrase, expect, g),
            (None, None) => province_alone_at(ws, i, g),
        };
        match step {
            Some((next, m)) => {
                out.push(m);
                i = next;
            }
            None => i += 1,
        }
    }
    out.retain(|m| !is_signature_place(text, m));
    out
}

/// Ho Chi Minh City abbreviations (`TP.HCM`, `HCM`).
fn hcm_at(ws: &[W], i: usize, g: &Gazetteer) -> Option<(usize, Mention)> {
    if !(ws[i].packed == TPHCM || ws[i].packed == HCM) {
        return None;
    }
    let p = g.province_index(&crate::fold("Hồ Chí Minh")).unwrap_or(0);
    let m = Mention {
        start: ws[i].start,
        end: ws[i].end,
        tier: Tier::Province,
        provinces: vec![province_pair(g, p)],
        label: "TP Hồ Chí Minh".into(),
        triggered: true,
    };
    Some((i + 1, m))
}

/// A province named alone (two or more capitalised words, or `Huế`), at word `i`.
fn province_alone_at(ws: &Words, i: usize, g: &Gazetteer) -> Option<(usize, Mention)> {
    let opens = ws[i].upper && (!after_upper(ws, i) || ws[i].broken);
    if !opens || !g.starts_a_province_packed(ws[i].packed, || ws.key(i)) {
        return None;
    }
    let names = Names::at(ws, i, ws[i].num, 4);
    let (len, p) = (1..=4).rev().find_map(|n| {
        let name = names.get(n)?;
        let p = g.province_index(name)?;
        (n >= 2 || name == "huê").then_some((n, p))
    })?;
    let m = Mention {
        start: ws[i].start,
        end: ws[i + len - 1].end,
        tier: Tier::Province,
        provinces: vec![province_pair(g, p)],
        label: g.display(p),
        triggered: false,
    };
    Some((i + len, m))
}

/// The unit-type phrase at word `i` (`tỉnh`, `thị xã`, `Huyện ủy`).
fn trigger_at(ws: &[W], i: usize) -> Option<&'static (&'static [&'static str], Expect)> {
    let (_, t) = ws[i]
        .opener?
        .triggers
        .iter()
        .find(|(p, _)| seq_is(ws, i, p))?;
    Some(&TRIGGERS[*t])
}

/// The unit named after the unit-type phrase at `i` (`huyện Chư Prông`, `Tỉnh ủy Gia Lai`).
fn triggered_at(
    text: &str,
    ws: &Words,
    i: usize,
    phrase: &[&str],
    expect: Expect,
    g: &Gazetteer,
) -> Option<(usize, Mention)> {
    let j = i + phrase.len();
    let names = Names::at(ws, j, ws[i].num + phrase.len(), 4);
    let (n, tier, provinces, label) = (1..=4).rev().find_map(|n| {
        let name = names.get(n)?;
        let as_province = matches!(expect, Expect::Province | Expect::City)
            .then(|| g.province_index(name))
            .flatten();
        if let Some(p) = as_province {
            return Some((n, Tier::Province, vec![province_pair(g, p)], g.display(p)));
        }
        let places: Vec<_> = g
            .places(name)
            .iter()
            .filter(|p| fits(g, p, phrase, expect))
            .collect();
        let first = places.first()?;
        let mut provinces: Vec<(String, String)> = places
            .iter()
            .map(|p| match p.province_2024 {
                Some(i) => (g.display(i), g.display(p.province_2025)),
                None => (g.display(p.province_2025), g.display(p.province_2025)),
            })
            .collect();
        provinces.sort();
        provinces.dedup();
        let label = format!(
            "{} {}",
            g.type_name(first),
            &text[ws[j].start..ws[j + n - 1].end]
        );
        Some((n, first.tier, provinces, label))
    })?;
    let m = Mention {
        start: ws[i].start,
        end: ws[j + n - 1].end,
        tier,
        provinces,
        label,
        triggered: true,
    };
    Some((j + n, m))
}

/// Whether a district or commune is of the tier and type the trigger phrase announces.
fn fits(g: &Gazetteer, p: &crate::gazetteer::Place, phrase: &[&str], expect: Expect) -> bool {
    let tiers: &[Tier] = match expect {
        Expect::Province => &[],
        Expect::City | Expect::District => &[Tier::District],
        Expect::Commune => &[Tier::Commune2024, Tier::Commune2025],
    };
    if !tiers.contains(&p.tier) {
        return false;
    }
    let t = g.type_name(p);
    match phrase[0] {
        "tinh" => false,
        "huyên" => t == "huyện",
        "quân" => t == "quận",
        "xa" => t == "xã",
        "phương" => t == "phường",
        "thi" if phrase[1] == "xa" => t == "thị xã",
        "thi" if phrase[1] == "trân" => t == "thị trấn",
        "thanh" | "tp" => t == "thành phố",
        _ => true,
    }
}

/// `Hà Nội, ngày 22 tháng 11 năm 2025`: the place of signature, not the subject.
fn is_signature_place(text: &str, m: &Mention) -> bool {
    if m.tier != Tier::Province || m.triggered {
        return false;
    }
    let after = text[m.end..].trim_start_matches([',', ' ']);
    lower_starts_with(after, "ngày")
}

/// `s.to_lowercase().starts_with(prefix)` without lowering all of `s` (`prefix` is lower case
/// and has no `σ`/`ς`, the only letters whose lower case depends on what follows).
fn lower_starts_with(s: &str, prefix: &str) -> bool {
    let mut lower = s.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Districts and communes named alone (`Xanh, sạch, đẹp ở Ba Vì`) in the head, kept only when
/// one of their provinces is named explicitly.
pub(crate) fn bare_places(
    text: &str,
    ws: &Words,
    g: &Gazetteer,
    known: &[&str],
    taken: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() && ws[i].start < HEAD {
        let starts = ws[i].upper && (ws[i].broken || !after_upper(ws, i));
        let free = || {
            !taken
                .iter()
                .any(|m| ws[i].start >= m.start && ws[i].start < m.end)
        };
        let hit = (starts && free())
            .then(|| bare_place_at(ws, i, g, known))
            .flatten();
        match hit {
            Some((n, tier, pair)) => {
                out.push(Mention {
                    start: ws[i].start,
                    end: ws[i + n - 1].end,
                    tier,
                    provinces: vec![pair],
                    label: text[ws[i].start..ws[i + n - 1].end].to_string(),
                    triggered: false,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The broadest district or commune of a known province named by 2 to 4 words at `i`.
fn bare_place_at(
    ws: &Words,
    i: usize,
    g: &Gazetteer,
    known: &[&str],
) -> Option<(usize, Tier, (String, String))> {
    let names = Names::at(ws, i, ws[i].num, 4);
    (2..=4).rev().find_map(|n| {
        let name = names.get(n)?;
        if follows(ws, i, n) && ws[i + n].upper && !ws[i + n].broken {
            return None;
        }
        let places: Vec<_> = g
            .places(name)
            .iter()
            .filter(|p| {
                let a = p.province_2024.map(|x| g.display(x));
                let b = g.display(p.province_2025);
                known.iter().any(|k| a.as_deref() == Some(*k) || b == *k)
            })
            .copied()
            .collect();
        // The broadest unit so named: a district before a commune.
        let best = places.iter().min_by_key(|p| match p.tier {
            Tier::District => 0,
            _ => 1,
        })?;
        let prov = best
            .province_2024
            .map_or_else(|| g.display(best.province_2025), |x| g.display(x));
        Some((n, best.tier, (prov, g.display(best.province_2025))))
    })
}

/// The folded names of the first 1 to `max` capitalised (or numeric) words from kept word `j`,
/// which is word `num` of the text, unbroken by punctuation: `get(n)` is the name of the first
/// `n` (read from the keys of the words, no copy), None when a word among them is not
/// capitalised (or not kept), follows punctuation, or lies past the end.
struct Names<'w> {
    ws: &'w Words,
    j: usize,
    count: usize,
}

impl<'w> Names<'w> {
    fn at(ws: &'w Words, j: usize, num: usize, max: usize) -> Names<'w> {
        let mut count = 0;
        for (k, w) in ws.iter().skip(j).take(max.min(4)).enumerate() {
            if w.num != num + k || !(w.upper || w.digit) || (k > 0 && w.broken) {
                break;
            }
            count = k + 1;
        }
        Names { ws, j, count }
    }

    fn get(&self, n: usize) -> Option<&'w str> {
        (n >= 1 && n <= self.count).then(|| self.ws.keys_of(self.j, n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_prefix_matches_full_lowering() {
        for s in [
            "Ngày 5", "NGÀY", "ngay", "Ngà", "", "NGΣÀY", "İngày", "ngàyΣ",
        ] {
            assert_eq!(
                lower_starts_with(s, "ngày"),
                s.to_lowercase().starts_with("ngày"),
                "{s}"
            );
        }
    }
}
