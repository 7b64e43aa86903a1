//! Centrality over segmented words (TF-IDF cosine, LexRank) and the selection of key
//! units per part with redundancy removed (MMR).

use std::collections::HashMap;

use tomtat_splitter::Unit;
use tomtat_tokenizer::{Segmenter, Token, TokenKind, Word};

use crate::lex::{FnvMap, Tk};
use crate::lexicon::CuePart;
use crate::parts::{idx, Analysis};
use crate::{Part, Pick, Scorer, SummaryOptions};

/// A unit-length sparse TF-IDF vector, sorted by term id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Units compare only with the units at most this far away: 150 for documents of up to
/// 200 units, narrowing to 20 for very long ones (keeps the graph near-linear).
fn window(m: usize) -> usize {
    (30_000 / m.max(1)).clamp(20, 150)
}

/// The terms of every unit, one entry per occurrence, in one list: unit `u`'s are
/// `terms[ends[u - 1]..ends[u]]`.
#[derive(Default)]
struct Bags {
    terms: Vec<u32>,
    ends: Vec<u32>,
}

impl Bags {
    /// Close the current unit's bag.
    fn close(&mut self) {
        self.ends.push(self.terms.len() as u32);
    }
}

/// TF-IDF vectors of the units, with words from the segmenter.
pub(crate) fn vectors(text: &str, units: &[Unit], segmenter: &Segmenter) -> Vec<Vector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut toks: Vec<Token> = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut bags = Bags::default();
    for u in units {
        let s = &text[u.start..u.end];
        toks.clear();
        words.clear();
        tomtat_tokenizer::tokenize_into(s, &mut toks);
        segmenter.segment(s, &toks, &mut words);
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
            bags.terms.push(id);
        }
        bags.close();
    }
    weigh(&bags, ids.len())
}

/// TF-IDF vectors of the units over syllables and pairs of adjacent syllables
/// (a cheap stand-in for words), from the keys the labeller computed.
pub(crate) fn syllable_vectors(an: &[Analysis]) -> Vec<Vector> {
    // Term ids in order of first appearance. The keys' document-wide ids (from the
    // analysis' key cache) are renumbered in that order, which gives the ids a map from
    // the key strings would; without them, the map.
    let by_ids = an.iter().all(|a| a.keys.ids().is_some());
    let words: usize = an.iter().map(|a| a.nwords).sum();
    let mut ids: FnvMap<&str, u32> = FnvMap::default();
    let mut remap: Vec<u32> = Vec::new();
    let mut nterms = 0u32;
    // at most one pair per word: no rehashing
    let mut pairs: FnvMap<u64, u32> = FnvMap::default();
    pairs.reserve(words);
    let mut bags = Bags {
        terms: Vec::with_capacity(2 * words),
        ends: Vec::with_capacity(an.len()),
    };
    for a in an {
        let mut prev: Option<u32> = None;
        let cached = a.keys.ids().filter(|_| by_ids);
        for (i, t) in a.toks.iter().enumerate() {
            if t.kind != Tk::Word {
                prev = None;
                continue;
            }
            let id = match cached {
                Some(c) => {
                    let k = c[i] as usize;
                    if remap.len() <= k {
                        remap.resize(k + 1, u32::MAX);
                    }
                    if remap[k] == u32::MAX {
                        remap[k] = nterms;
                        nterms += 1;
                    }
                    remap[k]
                }
                None => {
                    let next = ids.len() as u32;
                    *ids.entry(a.keys.key(i)).or_insert(next)
                }
            };
            bags.terms.push(id * 2);
            if let Some(p) = prev {
                let next = pairs.len() as u32;
                let pid = *pairs.entry(((p as u64) << 32) | id as u64).or_insert(next);
                bags.terms.push(pid * 2 + 1);
            }
            prev = Some(id);
        }
        bags.close();
    }
    // one more than the largest term id: words are even, pairs odd
    let distinct = if by_ids { nterms } else { ids.len() as u32 };
    let vocab = (2 * distinct).saturating_sub(1).max(2 * pairs.len() as u32);
    weigh(&bags, vocab as usize)
}

/// Merge counts, weigh by IDF over the units, normalize. The terms of each unit come out
/// in term order through one counting sort of all the occurrences by term (stable, so
/// each term's occurrences stay in unit order and a unit's repeats are neighbours).
/// `vocab`: one more than the largest term id (0 without terms).
fn weigh(bags: &Bags, vocab: usize) -> Vec<Vector> {
    let terms = &bags.terms;
    debug_assert_eq!(vocab, terms.iter().max().map_or(0, |&t| t as usize + 1));
    // `start[t]..start[t + 1]`: the occurrences of term `t` in `unit_of`
    let mut start = vec![0u32; vocab + 1];
    for &t in terms {
        start[t as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut fill = start[..vocab].to_vec();
    let mut unit_of = vec![0u32; terms.len()];
    let mut lo = 0;
    for (u, &hi) in bags.ends.iter().enumerate() {
        for &t in &terms[lo..hi as usize] {
            let f = &mut fill[t as usize];
            unit_of[*f as usize] = u as u32;
            *f += 1;
        }
        lo = hi as usize;
    }
    // each unit's terms with their counts (a count of n ones adds up to exactly n), and
    // the units each term is in
    let mut raw: Vec<Vector> = Vec::with_capacity(bags.ends.len());
    let mut lo = 0;
    for &hi in &bags.ends {
        raw.push(Vec::with_capacity(hi as usize - lo));
        lo = hi as usize;
    }
    let mut df = vec![0u32; vocab];
    for t in 0..vocab {
        let occ = &unit_of[start[t] as usize..start[t + 1] as usize];
        let mut k = 0;
        while k < occ.len() {
            let u = occ[k];
            let mut e = k + 1;
            while e < occ.len() && occ[e] == u {
                e += 1;
            }
            raw[u as usize].push((t as u32, (e - k) as f32));
            df[t] += 1;
            k = e;
        }
    }
    let n = raw.len().max(1) as f32;
    // the IDF of each term, once (the same f32 as computing it at each use), with the
    // logarithm once per document frequency
    let mut by_df: Vec<f32> = Vec::new();
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| *memo(&mut by_df, d, |d| (n / d as f32).ln() + 0.1))
        .collect();
    // `1 + ln(count)` once per count
    let mut by_count: Vec<f32> = Vec::new();
    for bag in &mut raw {
        let mut norm = 0.0;
        for (id, c) in bag.iter_mut() {
            let idf = idf[*id as usize];
            // most terms occur once: ln(1) is exactly 0
            *c = if *c == 1.0 {
                idf
            } else {
                *memo(&mut by_count, *c as u32, |c| 1.0 + (c as f32).ln()) * idf
            };
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

/// `f(k)`, computed once per `k` (small counts) and kept in `table` (NaN: not yet).
fn memo(table: &mut Vec<f32>, k: u32, f: impl Fn(u32) -> f32) -> &f32 {
    let k = k as usize;
    if table.len() <= k {
        table.resize(k + 1, f32::NAN);
    }
    if table[k].is_nan() {
        table[k] = f(k as u32);
    }
    &table[k]
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

/// Where each term occurs: for each term id, the members (in order) whose vectors hold
/// it, with its weight there.
struct Postings {
    /// `entries[start[id]..start[id + 1]]` are the postings of term `id`.
    start: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new(vecs: &[Vector], members: &[usize]) -> Postings {
        let vocab = members
            .iter()
            .flat_map(|&u| vecs[u].last().map(|x| x.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut start = vec![0u32; vocab + 1];
        for &u in members {
            for &(id, _) in &vecs[u] {
                start[id as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut entries = vec![(0u32, 0f32); start[vocab] as usize];
        for (k, &u) in members.iter().enumerate() {
            for &(id, w) in &vecs[u] {
                entries[fill[id as usize] as usize] = (k as u32, w);
                fill[id as usize] += 1;
            }
        }
        Postings { start, entries }
    }
}

/// The similarity graph of `members`, its rows in one flat array: row `a` holds the
/// members joined to `a` in increasing order, each with the weight of the edge,
/// `adj[start[a]..start[a + 1]]`.
struct Graph {
    start: Vec<u32>,
    adj: Vec<(u32, f32)>,
}

impl Graph {
    /// The graph with `edges` `(a, b, w)`, `a < b`, in increasing order of `(a, b)`: each
    /// row lists the members before it, then those after it.
    fn new(m: usize, edges: &[(u32, u32, f32)]) -> Graph {
        let mut start = vec![0u32; m + 1];
        for &(a, b, _) in edges {
            start[a as usize + 1] += 1;
            start[b as usize + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start[..m].to_vec();
        let mut adj = vec![(0u32, 0f32); 2 * edges.len()];
        for &(a, b, x) in edges {
            for (from, to) in [(a, b), (b, a)] {
                let f = &mut fill[from as usize];
                adj[*f as usize] = (to, x);
                *f += 1;
            }
        }
        Graph { start, adj }
    }

    /// Row `a`.
    #[inline]
    fn row(&self, a: usize) -> &[(u32, f32)] {
        &self.adj[self.start[a] as usize..self.start[a + 1] as usize]
    }
}

/// The similarity graph of `members`: each member with the later ones at most `win - 1`
/// away. The dot products go through the postings of the terms, so only the terms two
/// units share are multiplied; each sum adds the products in term order, as walking both
/// vectors would (the products are positive: the terms they skip would add zeros).
fn similarity_rows(
    vecs: &[Vector],
    members: &[usize],
    win: usize,
    threshold: Option<f32>,
) -> Graph {
    let m = members.len();
    let mut edges: Vec<(u32, u32, f32)> = Vec::with_capacity(m * win.min(m));
    let post = Postings::new(vecs, members);
    // per term, the posting of the member being compared (members come in order)
    let mut cur: Vec<u32> = post.start[..post.start.len() - 1].to_vec();
    let mut dot = vec![0f32; m];
    for a in 0..m {
        let hi = (a + win).min(m);
        for &(id, wa) in &vecs[members[a]] {
            let id = id as usize;
            let own = cur[id] as usize;
            cur[id] += 1;
            let end = post.start[id + 1] as usize;
            for &(b, wb) in &post.entries[own + 1..end] {
                if b as usize >= hi {
                    break;
                }
                dot[b as usize] += wa * wb;
            }
        }
        for (b, d) in dot.iter_mut().enumerate().take(hi).skip(a + 1) {
            let w = edge_weight(std::mem::take(d), threshold);
            if w > 0.0 {
                edges.push((a as u32, b as u32, w));
            }
        }
    }
    Graph::new(m, &edges)
}

/// The weight of the edge between two members of similarity `s` (none when not
/// positive): `s`, or 1 above `threshold` (LexRank's unweighted graph).
#[inline]
fn edge_weight(s: f32, threshold: Option<f32>) -> f32 {
    match threshold {
        Some(t) if s > t => 1.0,
        Some(_) => 0.0,
        None => s,
    }
}

/// LexRank scores of the vectors of `members` (indices into `vecs`), in that order.
/// `threshold`: `None` for the weighted graph, `Some(t)` for the thresholded one.
pub(crate) fn lexrank(vecs: &[Vector], members: &[usize], threshold: Option<f32>) -> Vec<f32> {
    let m = members.len();
    if m == 0 {
        return Vec::new();
    }
    let win = window(m);
    let g = similarity_rows(vecs, members, win, threshold);
    let deg: Vec<f32> = (0..m).map(|a| g.row(a).iter().map(|x| x.1).sum()).collect();
    let d = 0.85f32;
    let mut p = vec![1.0 / m as f32; m];
    let mut next = vec![0f32; m];
    let mut share = vec![0f32; m];
    for _ in 0..40 {
        let mut dangling = 0.0;
        for a in 0..m {
            if deg[a] == 0.0 {
                dangling += p[a];
            }
        }
        let base = (1.0 - d) / m as f32 + d * dangling / m as f32;
        // a member's neighbours all have edges: their shares are all set
        for a in 0..m {
            if deg[a] > 0.0 {
                share[a] = d * p[a] / deg[a];
            }
        }
        // each member gathers its neighbours' shares in increasing order of neighbour, the
        // order in which scattering them member by member would add them
        for (b, x) in next.iter_mut().enumerate() {
            let mut s = base;
            for &(a, w) in g.row(b) {
                s += share[a as usize] * w;
            }
            *x = s;
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

/// Similarity to a picked unit, at least [`REPEAT_GAP`] units away, from which a candidate
/// is a repeat, never picked (a web page or a news item that quotes the same text twice;
/// nearer units this alike are parallel list items: `Đến năm 2015 có 1.000 ha ...` /
/// `Đến năm 2020 có 12.000 ha ...`).
const REPEAT: f32 = 0.9;
const REPEAT_GAP: usize = 10;

/// Maximal marginal relevance: pick `k` of `cands` (with their scores), each time the
/// one with the best score less `lambda` times its highest similarity to a picked one;
/// a repeat of a picked one ([`REPEAT`]) is left out.
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
            let mut repeat = false;
            for &p in &picked[from..] {
                let sim = cosine(&vecs[cands[c].0], &vecs[cands[p].0]);
                red[c] = red[c].max(sim);
                repeat |= sim >= REPEAT && cands[c].0.abs_diff(cands[p].0) >= REPEAT_GAP;
            }
            seen[c] = picked.len();
            if repeat {
                taken[c] = true;
                continue;
            }
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

/// How far unit `a`'s score for part `p` is above its best other part's, in 0..=1.
fn margin(a: &Analysis, p: usize) -> f32 {
    let other = (0..4)
        .filter(|&q| q != p)
        .map(|q| a.emis[q])
        .fold(f32::NEG_INFINITY, f32::max);
    ((a.emis[p] - other) / 3.0).clamp(0.0, 1.0)
}

/// 1 for the first member of a part (`mi == 0`), 0.5 for a member (unit `i`) that opens a
/// run of the part, else 0.
fn opening(parts: &[Part], part: Part, i: usize, mi: usize) -> f32 {
    if mi == 0 {
        1.0
    } else if i > 0 && parts[i - 1] != part {
        0.5
    } else {
        0.0
    }
}

/// By unit index: the rank of each member by centrality `cent` (ties by unit), and its
/// place among `members`.
fn ranks(members: &[usize], cent: &[f32]) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|&a, &b| cent[b].total_cmp(&cent[a]).then(a.cmp(&b)));
    let mut rank_of = vec![0usize; cent.len()];
    let mut member_of = vec![0usize; cent.len()];
    for (r, &i) in order.iter().enumerate() {
        rank_of[i] = r;
    }
    for (mi, &i) in members.iter().enumerate() {
        member_of[i] = mi;
    }
    (rank_of, member_of)
}

impl Scorer {
    fn budget(&self, size: usize, options: &SummaryOptions) -> usize {
        if size == 0 {
            return 0;
        }
        let k = options.max_per_part.unwrap_or_else(|| {
            (size as f32 * self.tuning.budget + self.tuning.budget_add - 1e-4).ceil() as usize
        });
        k.clamp(1, size)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn pick(
        &self,
        an: &[Analysis],
        parts: &[Part],
        vecs: &[Vector],
        units: &[Unit],
        options: &SummaryOptions,
        kind: &'static str,
        mut train: Option<(&mut crate::KeySink, &[bool])>,
    ) -> Vec<Pick> {
        let t = &self.tuning;
        let layout = crate::rank::Layout::new(an, kind);
        // the key features of one member at a time
        let mut f = crate::model::Feats::new(train.is_some());
        let content: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i] != Part::Other)
            .collect();
        let cent_all = lexrank(vecs, &content, None);
        let mut cent = vec![0f32; parts.len()];
        for (k, &i) in content.iter().enumerate() {
            cent[i] = cent_all[k];
        }
        let mut picks = Vec::new();
        for part in [Part::Result, Part::Shortcoming, Part::Directive] {
            let members: Vec<usize> = content
                .iter()
                .copied()
                .filter(|&i| parts[i] == part)
                .collect();
            let k = self.budget(members.len(), options);
            if k == 0 {
                continue;
            }
            let p = idx(part);
            let max_c = members
                .iter()
                .map(|&i| cent[i])
                .fold(0f32, f32::max)
                .max(1e-9);
            let (rank_of, member_of) = ranks(&members, &cent);
            let mut scored = Vec::with_capacity(members.len());
            // what the reasons of a member are computed from (only the picks' are)
            let mut whys: Vec<(f32, usize, f32)> = Vec::with_capacity(members.len());
            for (mi, &i) in members.iter().enumerate() {
                let a = &an[i];
                let margin = margin(a, p);
                let c = cent[i] / max_c;
                let first = opening(parts, part, i, mi);
                let input = crate::rank::KeyInput {
                    cent: c,
                    margin,
                    member: mi,
                    members: members.len(),
                };
                if let Some((sink, keys)) = train.as_mut() {
                    crate::rank::features(&mut f, &self.lex, an, parts, &layout, part, i, &input);
                    sink.add(
                        std::mem::replace(&mut f, crate::model::Feats::new(true)),
                        keys[i],
                    );
                    continue;
                }
                if let Some(km) = &self.keys {
                    let mut e = km.emit();
                    crate::rank::features(&mut e, &self.lex, an, parts, &layout, part, i, &input);
                    // a task's attribute line is ranked last and never picked
                    let score = if a.attribute { -1e9 } else { e.score() };
                    scored.push((i, score));
                    whys.push((c, rank_of[i] + 1, first));
                    continue;
                }
                let score = self.hand_score(a, part, parts, (i, mi), c, margin, first);
                scored.push((i, score));
                whys.push((c, rank_of[i] + 1, first));
            }
            if train.is_some() {
                continue;
            }
            for i in mmr(vecs, &scored, k, t.mmr) {
                if an[i].attribute {
                    continue;
                }
                let mi = member_of[i];
                let (c, rank, first) = whys[mi];
                picks.push(Pick {
                    part,
                    unit: i,
                    start: units[i].start,
                    end: units[i].end,
                    score: scored[mi].1,
                    why: self.why(&an[i], part, c, rank, members.len(), first),
                });
            }
        }
        picks.sort_by_key(|p| p.unit);
        picks
    }

    /// The hand-set key score of member `mi` (unit `i`) of `part`: centrality `c`, part
    /// margin, figures, place in the part's runs, cues, length and main-content cues.
    #[allow(clippy::too_many_arguments)]
    fn hand_score(
        &self,
        a: &Analysis,
        part: Part,
        parts: &[Part],
        (i, mi): (usize, usize),
        c: f32,
        margin: f32,
        first: f32,
    ) -> f32 {
        let t = &self.tuning;
        let p = idx(part);
        let cue: f32 = a
            .hits
            .iter()
            .filter(|h| matches!(self.lex.cues[h.0 as usize].part, CuePart::Part(q) if q == part))
            .map(|h| h.1)
            .sum();
        let cue_n = (cue / 3.0).min(1.0);
        let fig = if part == Part::Result {
            (a.figures.min(3) as f32) / 3.0
        } else {
            0.0
        };
        let pos = if mi == 0 {
            t.w_first
        } else if first > 0.0 {
            t.w_run
        } else {
            0.0
        };
        let closes = mi > 0 && parts.get(i + 1).is_none_or(|&q| q != part);
        let pos = pos - if closes { t.w_last } else { 0.0 };
        let short = if a.nwords < 8 { -0.3 } else { 0.0 };
        let len = (a.nwords as f32 / 40.0).min(1.0);
        let keyw = (a.key[p] / 2.0).min(1.0);
        t.w_cent * c
            + t.w_margin * margin
            + t.w_fig * fig
            + pos
            + t.w_cue * cue_n
            + t.w_len * len
            + t.w_key * keyw
            + short
    }

    fn why(
        &self,
        a: &Analysis,
        part: Part,
        c: f32,
        rank: usize,
        of: usize,
        first: f32,
    ) -> Vec<String> {
        let mut why = Vec::new();
        let mut hits: Vec<(u32, f32)> = a
            .hits
            .iter()
            .copied()
            .filter(|h| {
                h.1 > 0.0
                    && match self.lex.cues[h.0 as usize].part {
                        CuePart::Part(q) => q == part,
                        CuePart::Remedy => part == Part::Directive,
                        CuePart::None => false,
                    }
            })
            .collect();
        hits.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut shown: Vec<&str> = Vec::new();
        for h in &hits {
            let phrase = self.lex.cues[h.0 as usize].phrase.as_str();
            if shown.len() == 3 {
                break;
            }
            if !shown.contains(&phrase) {
                shown.push(phrase);
                why.push(["cue: ", phrase, " → ", part.name()].concat());
            }
        }
        for &k in &a.key_cues {
            let c = &self.lex.cues[k as usize];
            if matches!(c.part, CuePart::Part(q) if q == part) {
                why.push(["main content: ", &c.phrase].concat());
                break;
            }
        }
        if let Some((p, b, from)) = &a.context {
            if *p == part {
                why.push(format!("context: {from} (+{b:.2})"));
            }
        }
        if part == Part::Result && a.figures > 0 {
            why.push(format!("figures: {}", a.figures));
        }
        why.push(format!("centrality {c:.2} (rank {rank}/{of})"));
        if first >= 1.0 {
            why.push(["first ", part.name(), " unit"].concat());
        } else if first > 0.0 {
            why.push(["opens a run of ", part.name(), " units"].concat());
        }
        if hits.is_empty() && a.context.is_none() {
            why.push("neighbours: inside a run of the part".to_string());
        }
        why
    }

    /// Plain LexRank over the whole document; parts by position (thirds).
    pub(crate) fn lexrank_baseline(
        &self,
        parts: &[Part],
        vecs: &[Vector],
        units: &[Unit],
        valid: &[bool],
        options: &SummaryOptions,
    ) -> (Vec<Part>, Vec<Pick>) {
        let n = units.len();
        let mut total = 0;
        for part in [Part::Result, Part::Shortcoming, Part::Directive] {
            let size = parts.iter().filter(|&&p| p == part).count();
            total += self.budget(size, options);
        }
        let pos_part = |i: usize| {
            if 3 * i < n {
                Part::Result
            } else if 3 * i < 2 * n {
                Part::Shortcoming
            } else {
                Part::Directive
            }
        };
        let members: Vec<usize> = (0..n)
            .filter(|&i| valid[i] && !vecs[i].is_empty())
            .collect();
        let lr = lexrank(vecs, &members, Some(0.1));
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&a, &b| lr[b].total_cmp(&lr[a]).then(a.cmp(&b)));
        let mut picks: Vec<Pick> = order
            .iter()
            .take(total)
            .enumerate()
            .map(|(rank, &k)| {
                let i = members[k];
                Pick {
                    part: pos_part(i),
                    unit: i,
                    start: units[i].start,
                    end: units[i].end,
                    score: lr[k],
                    why: vec![format!(
                        "lexrank {:.3} (rank {}/{})",
                        lr[k],
                        rank + 1,
                        members.len()
                    )],
                }
            })
            .collect();
        picks.sort_by_key(|p| p.unit);
        ((0..n).map(pos_part).collect(), picks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mmr_leaves_out_a_distant_repeat_not_a_near_parallel_item() {
        let unit = |w: &[(u32, f32)]| -> Vector { w.to_vec() };
        let mut vecs = vec![unit(&[(9, 1.0)]); 30];
        vecs[0] = unit(&[(1, 0.6), (2, 0.8)]);
        vecs[2] = unit(&[(1, 0.6), (2, 0.8)]); // a parallel item right after
        vecs[20] = unit(&[(1, 0.6), (2, 0.8)]); // the same text quoted again
        vecs[25] = unit(&[(3, 1.0)]);
        let cands = [(0, 1.0), (20, 0.95), (2, 0.9), (25, 0.5)];
        let picked = mmr(&vecs, &cands, 3, 0.3);
        assert_eq!(picked, [0, 2, 25]);
    }

    /// The rows through a dense scatter of one vector at a time (the reference).
    fn rows_dense(
        vecs: &[Vector],
        members: &[usize],
        win: usize,
        threshold: Option<f32>,
    ) -> Vec<Vec<(usize, f32)>> {
        let m = members.len();
        let mut rows = vec![Vec::new(); m];
        let mut dense = vec![0f32; 64];
        for a in 0..m {
            for &(id, w) in &vecs[members[a]] {
                dense[id as usize] = w;
            }
            for b in a + 1..(a + win).min(m) {
                let s: f32 = vecs[members[b]]
                    .iter()
                    .map(|&(id, w)| dense[id as usize] * w)
                    .sum();
                let w = edge_weight(s, threshold);
                if w > 0.0 {
                    rows[a].push((b, w));
                    rows[b].push((a, w));
                }
            }
            for &(id, _) in &vecs[members[a]] {
                dense[id as usize] = 0.0;
            }
        }
        rows
    }

    fn vector() -> impl Strategy<Value = Vector> {
        proptest::collection::btree_map(0u32..64, 0.001f32..1.0, 0..12)
            .prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn postings_give_the_dense_rows_bit_for_bit(
            vecs in proptest::collection::vec(vector(), 0..14),
            win in 1usize..6,
            thresholded in any::<bool>(),
            skip in 0usize..3,
        ) {
            let members: Vec<usize> = (0..vecs.len()).filter(|i| i % 3 != skip).collect();
            let t = thresholded.then_some(0.1);
            let g = similarity_rows(&vecs, &members, win, t);
            let got: Vec<Vec<(usize, f32)>> = (0..members.len())
                .map(|a| g.row(a).iter().map(|&(b, w)| (b as usize, w)).collect())
                .collect();
            let want = rows_dense(&vecs, &members, win, t);
            let bits = |r: &Vec<Vec<(usize, f32)>>| -> Vec<Vec<(usize, u32)>> {
                r.iter().map(|x| x.iter().map(|&(b, w)| (b, w.to_bits())).collect()).collect()
            };
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }
}
