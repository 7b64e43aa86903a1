//! Centrality over segmented words (TF-IDF cosine, LexRank) and the selection of key
//! units per part with redundancy removed (MMR).

use std::collections::HashMap;

use tomtat_splitter::Unit;
use tomtat_tokenizer::{Segmenter, Token, TokenKind, Word};

/// A unit-length sparse TF-IDF vector, sorted by term id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Units longer than this window compare only with neighbours (keeps long documents linear).
const WINDOW: usize = 150;

/// TF-IDF vectors of the units, with words from the segmenter.
pub(crate) fn vectors(text: &str, units: &[Unit], segmenter: &Segmenter) -> Vec<Vector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut toks: Vec<Token> = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut bags: Vec<Vec<(u32, f32)>> = Vec::with_capacity(units.len());
    let mut df: Vec<u32> = Vec::new();
    for u in units {
        let s = &text[u.start..u.end];
        toks.clear();
        words.clear();
        tomtat_tokenizer::tokenize_into(s, &mut toks);
        segmenter.segment(s, &toks, &mut words);
        let mut bag: Vec<(u32, f32)> = Vec::new();
        for w in &words {
            if !matches!(w.kind, TokenKind::Syllable | TokenKind::Foreign) {
                continue;
            }
            let Some(ws) = s.get(w.start..w.end) else {
                continue;
            };
            let key = tomtat_text::match_key(ws);
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            bag.push((id, 1.0));
        }
        bag.sort_by_key(|x| x.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(bag.len());
        for (id, c) in bag {
            match merged.last_mut() {
                Some(last) if last.0 == id => last.1 += c,
                _ => merged.push((id, c)),
            }
        }
        for &(id, _) in &merged {
            if df.len() <= id as usize {
                df.resize(id as usize + 1, 0);
            }
            df[id as usize] += 1;
        }
        bags.push(merged);
    }
    let n = units.len().max(1) as f32;
    for bag in &mut bags {
        let mut norm = 0.0;
        for (id, c) in bag.iter_mut() {
            let idf = (n / df[*id as usize] as f32).ln() + 0.1;
            *c = (1.0 + c.ln()) * idf;
            norm += *c * *c;
        }
        let norm = norm.sqrt();
        if norm > 0.0 {
            for x in bag.iter_mut() {
                x.1 /= norm;
            }
        }
    }
    bags
}

/// Cosine of two unit vectors.
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// LexRank scores of the vectors of `members` (indices into `vecs`), in that order.
/// `threshold`: `None` for the weighted graph, `Some(t)` for the thresholded one.
pub(crate) fn lexrank(vecs: &[Vector], members: &[usize], threshold: Option<f32>) -> Vec<f32> {
    let m = members.len();
    if m == 0 {
        return Vec::new();
    }
    // sparse rows of the similarity graph
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); m];
    for a in 0..m {
        let hi = (a + WINDOW).min(m);
        for b in a + 1..hi {
            let s = cosine(&vecs[members[a]], &vecs[members[b]]);
            let w = match threshold {
                Some(t) if s > t => 1.0,
                Some(_) => 0.0,
                None => s,
            };
            if w > 0.0 {
                rows[a].push((b, w));
                rows[b].push((a, w));
            }
        }
    }
    let deg: Vec<f32> = rows.iter().map(|r| r.iter().map(|x| x.1).sum()).collect();
    let d = 0.85f32;
    let mut p = vec![1.0 / m as f32; m];
    let mut next = vec![0f32; m];
    for _ in 0..50 {
        let mut dangling = 0.0;
        for (a, r) in rows.iter().enumerate() {
            if deg[a] == 0.0 {
                dangling += p[a];
            }
            let _ = r;
        }
        for x in next.iter_mut() {
            *x = (1.0 - d) / m as f32 + d * dangling / m as f32;
        }
        for (a, r) in rows.iter().enumerate() {
            if deg[a] > 0.0 {
                let share = d * p[a] / deg[a];
                for &(b, w) in r {
                    next[b] += share * w;
                }
            }
        }
        let delta: f32 = p.iter().zip(&next).map(|(x, y)| (x - y).abs()).sum();
        std::mem::swap(&mut p, &mut next);
        if delta < 1e-6 {
            break;
        }
    }
    p
}

/// Maximal marginal relevance: pick `k` of `cands` (with their scores) in score order,
/// each time discounting similarity to what was already picked.
pub(crate) fn mmr(vecs: &[Vector], cands: &[(usize, f32)], k: usize, lambda: f32) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::new();
    let mut left: Vec<(usize, f32)> = cands.to_vec();
    while picked.len() < k && !left.is_empty() {
        let mut best = (0, f32::NEG_INFINITY);
        for (li, &(u, s)) in left.iter().enumerate() {
            let red = picked
                .iter()
                .map(|&p| cosine(&vecs[u], &vecs[p]))
                .fold(0.0f32, f32::max);
            let v = s - lambda * red;
            if v > best.1 || (v == best.1 && u < left[best.0].0) {
                best = (li, v);
            }
        }
        picked.push(left.remove(best.0).0);
    }
    picked
}
