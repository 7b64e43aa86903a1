//! Centrality over segmented words (TF-IDF cosine, LexRank) and the selection of key
//! units per part with redundancy removed (MMR).

use std::collections::HashMap;

use tomtat_splitter::Unit;
use tomtat_tokenizer::{Segmenter, Token, TokenKind, Word};

use crate::lex::{FnvMap, Tk};
use crate::parts::Analysis;

/// A unit-length sparse TF-IDF vector, sorted by term id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Units compare only with the units at most this far away: 150 for documents of up to
/// 200 units, narrowing to 20 for very long ones (keeps the graph near-linear).
fn window(m: usize) -> usize {
    (30_000 / m.max(1)).clamp(20, 150)
}

/// TF-IDF vectors of the units, with words from the segmenter.
pub(crate) fn vectors(text: &str, units: &[Unit], segmenter: &Segmenter) -> Vec<Vector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut toks: Vec<Token> = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut bags: Vec<Vec<(u32, f32)>> = Vec::with_capacity(units.len());
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
        bags.push(bag);
    }
    weigh(bags)
}

/// TF-IDF vectors of the units over syllables and pairs of adjacent syllables
/// (a cheap stand-in for words), from the keys the labeller computed.
pub(crate) fn syllable_vectors(an: &[Analysis]) -> Vec<Vector> {
    let mut ids: FnvMap<&str, u32> = FnvMap::default();
    let mut pairs: FnvMap<u64, u32> = FnvMap::default();
    let mut bags: Vec<Vec<(u32, f32)>> = Vec::with_capacity(an.len());
    for a in an {
        let mut bag: Vec<(u32, f32)> = Vec::with_capacity(a.toks.len() * 2);
        let mut prev: Option<u32> = None;
        for (i, t) in a.toks.iter().enumerate() {
            if t.kind != Tk::Word {
                prev = None;
                continue;
            }
            let next = ids.len() as u32;
            let id = *ids.entry(a.keys.key(i)).or_insert(next);
            bag.push((id * 2, 1.0));
            if let Some(p) = prev {
                let next = pairs.len() as u32;
                let pid = *pairs.entry(((p as u64) << 32) | id as u64).or_insert(next);
                bag.push((pid * 2 + 1, 1.0));
            }
            prev = Some(id);
        }
        bags.push(bag);
    }
    weigh(bags)
}

/// Merge counts, weigh by IDF over the units, normalize.
fn weigh(mut raw: Vec<Vec<(u32, f32)>>) -> Vec<Vector> {
    let mut df: Vec<u32> = Vec::new();
    for bag in &mut raw {
        bag.sort_by_key(|x| x.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(bag.len());
        for &(id, c) in bag.iter() {
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
        *bag = merged;
    }
    let n = raw.len().max(1) as f32;
    for bag in &mut raw {
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
    raw
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
    // sparse rows of the similarity graph; dot products through a dense scatter of
    // one vector at a time
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); m];
    let vocab = members
        .iter()
        .flat_map(|&u| vecs[u].last().map(|x| x.0 as usize + 1))
        .max()
        .unwrap_or(0);
    let mut dense = vec![0f32; vocab];
    let win = window(m);
    for a in 0..m {
        let va = &vecs[members[a]];
        for &(id, w) in va {
            dense[id as usize] = w;
        }
        let hi = (a + win).min(m);
        for b in a + 1..hi {
            let s: f32 = vecs[members[b]]
                .iter()
                .map(|&(id, w)| dense[id as usize] * w)
                .sum();
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
        for &(id, _) in va {
            dense[id as usize] = 0.0;
        }
    }
    let deg: Vec<f32> = rows.iter().map(|r| r.iter().map(|x| x.1).sum()).collect();
    let d = 0.85f32;
    let mut p = vec![1.0 / m as f32; m];
    let mut next = vec![0f32; m];
    for _ in 0..40 {
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
        if delta < 1e-5 {
            break;
        }
    }
    p
}

/// Candidates looked at per pick, at most.
const MMR_DEPTH: usize = 64;
/// Picks a candidate is compared with when its redundancy is brought up to date, at most.
const MMR_MEMORY: usize = 32;

/// Maximal marginal relevance: pick `k` of `cands` (with their scores), each time the
/// one with the best score less `lambda` times its highest similarity to a picked one.
/// Lazy: a candidate's redundancy is brought up to date only when its score could still
/// win, so long parts stay near-linear.
pub(crate) fn mmr(vecs: &[Vector], cands: &[(usize, f32)], k: usize, lambda: f32) -> Vec<usize> {
    let n = cands.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        cands[b]
            .1
            .total_cmp(&cands[a].1)
            .then(cands[a].0.cmp(&cands[b].0))
    });
    let mut red = vec![0f32; n];
    let mut seen = vec![0usize; n];
    let mut taken = vec![false; n];
    let mut picked: Vec<usize> = Vec::with_capacity(k);
    while picked.len() < k.min(n) {
        let mut best: Option<(usize, f32)> = None;
        let mut looked = 0;
        for &c in &order {
            if taken[c] {
                continue;
            }
            if let Some((_, bv)) = best {
                // bounded work per pick on very long parts
                if cands[c].1 <= bv || looked >= MMR_DEPTH {
                    break;
                }
            }
            looked += 1;
            let from = seen[c].max(picked.len().saturating_sub(MMR_MEMORY));
            for &p in &picked[from..] {
                red[c] = red[c].max(cosine(&vecs[cands[c].0], &vecs[cands[p].0]));
            }
            seen[c] = picked.len();
            let v = cands[c].1 - lambda * red[c];
            if best.is_none_or_lower(v) {
                best = Some((c, v));
            }
        }
        let Some((b, _)) = best else { break };
        taken[b] = true;
        picked.push(b);
    }
    picked.into_iter().map(|c| cands[c].0).collect()
}

trait Lower {
    fn is_none_or_lower(&self, v: f32) -> bool;
}

impl Lower for Option<(usize, f32)> {
    fn is_none_or_lower(&self, v: f32) -> bool {
        match self {
            None => true,
            Some((_, bv)) => v > *bv,
        }
    }
}
