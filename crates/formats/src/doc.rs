//! Word 97–2003 `.doc` → text: the compound file's `WordDocument` stream, its FIB,
//! and the piece table (CLX) in the table stream give the main document's characters.
//!
//! Word's control characters are mapped: paragraph end and line break give a line,
//! field codes are dropped (their results kept), a cell mark joins cells with ` | `
//! (or ends the line for cells of several paragraphs), a doubled cell mark ends the row.
use crate::bytes::{u16_at, u32_at};

/// Why the text could not be read (the caller turns this into a `FormatError`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DocError {
    Damaged(String),
    Encrypted,
    /// Not a Word document stream (e.g. Excel or an unknown compound file).
    NotWord,
    /// Word 6/95 or older, whose layout differs.
    TooOld,
}

fn damaged(s: &str) -> DocError {
    DocError::Damaged(s.to_string())
}

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams larger than this are refused (Word documents are far smaller).
const MAX_STREAM: usize = 256 * 1024 * 1024;

/// A parsed compound file.
struct Cfb<'a> {
    data: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    mini_cutoff: u32,
    /// (name, start sector, size) of each stream.
    streams: Vec<(String, u32, u64)>,
}

impl<'a> Cfb<'a> {
    fn parse(data: &'a [u8]) -> Result<Cfb<'a>, DocError> {
        if !data.starts_with(crate::cfb::MAGIC) || data.len() < 512 {
            return Err(damaged("not a compound file"));
        }
        let shift = u16_at(data, 0x1E).unwrap_or(9);
        if shift != 9 && shift != 12 {
            return Err(damaged("bad sector size"));
        }
        let sector_size = 1usize << shift;
        let mut cfb = Cfb {
            data,
            sector_size,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            mini_cutoff: u32_at(data, 0x38).unwrap_or(4096),
            streams: Vec::new(),
        };
        // FAT sectors are listed in the header's DIFAT (109 entries) and DIFAT sectors.
        let n_fat = u32_at(data, 0x2C).unwrap_or(0) as usize;
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(data, 0x4C + 4 * i))
            .filter(|&s| s < 0xFFFF_FFFA)
            .collect();
        let mut difat = u32_at(data, 0x44).unwrap_or(END_OF_CHAIN);
        let mut guard = 0;
        while difat < 0xFFFF_FFFA && guard < 10_000 {
            guard += 1;
            let Some(sec) = cfb.sector(difat) else { break };
            let per = sector_size / 4 - 1;
            fat_sectors.extend(
                (0..per)
                    .filter_map(|i| u32_at(sec, 4 * i))
                    .filter(|&s| s < 0xFFFF_FFFA),
            );
            difat = u32_at(sec, 4 * per).unwrap_or(END_OF_CHAIN);
        }
        fat_sectors.truncate(n_fat.max(1));
        for s in fat_sectors {
            let sec = cfb
                .sector(s)
                .ok_or_else(|| damaged("FAT sector past the end"))?;
            cfb.fat
                .extend((0..sector_size / 4).filter_map(|i| u32_at(sec, 4 * i)));
        }
        // Directory.
        let dir = cfb.chain(u32_at(data, 0x30).unwrap_or(END_OF_CHAIN), usize::MAX)?;
        let mut root_start = END_OF_CHAIN;
        let mut root_size = 0u64;
        for entry in dir.chunks_exact(128) {
            let name_len = (u16_at(entry, 64).unwrap_or(0) as usize).min(64);
            let units: Vec<u16> = (0..name_len.saturating_sub(2) / 2)
                .filter_map(|i| u16_at(entry, 2 * i))
                .collect();
            let name = String::from_utf16_lossy(&units);
            let kind = entry[66];
            let start = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
            let size = u32_at(entry, 120).unwrap_or(0) as u64;
            match kind {
                5 => {
                    root_start = start;
                    root_size = size;
                }
                2 => cfb.streams.push((name, start, size)),
                _ => {}
            }
        }
        let mini_fat_start = u32_at(data, 0x3C).unwrap_or(END_OF_CHAIN);
        if mini_fat_start < 0xFFFF_FFFA {
            let mf = cfb.chain(mini_fat_start, usize::MAX)?;
            cfb.mini_fat = (0..mf.len() / 4)
                .filter_map(|i| u32_at(&mf, 4 * i))
                .collect();
            cfb.mini_stream = cfb.chain(root_start, root_size as usize)?;
        }
        Ok(cfb)
    }

    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(self.sector_size)?;
        self.data.get(start..start.checked_add(self.sector_size)?)
    }

    /// Follow a FAT chain, up to `limit` bytes.
    fn chain(&self, start: u32, limit: usize) -> Result<Vec<u8>, DocError> {
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0usize;
        while s < 0xFFFF_FFFA && out.len() < limit {
            steps += 1;
            if steps > self.fat.len() + 1 || out.len() > MAX_STREAM {
                return Err(damaged("sector chain loops"));
            }
            let sec = self
                .sector(s)
                .ok_or_else(|| damaged("sector past the end of the file"))?;
            out.extend_from_slice(sec);
            s = *self.fat.get(s as usize).unwrap_or(&END_OF_CHAIN);
        }
        if limit != usize::MAX {
            out.truncate(limit);
        }
        Ok(out)
    }

    fn mini_chain(&self, start: u32, size: usize) -> Result<Vec<u8>, DocError> {
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0usize;
        while s < 0xFFFF_FFFA && out.len() < size {
            steps += 1;
            if steps > self.mini_fat.len() + 1 {
                return Err(damaged("mini sector chain loops"));
            }
            let at = s as usize * 64;
            let sec = self
                .mini_stream
                .get(at..at + 64)
                .ok_or_else(|| damaged("mini sector past the end"))?;
            out.extend_from_slice(sec);
            s = *self.mini_fat.get(s as usize).unwrap_or(&END_OF_CHAIN);
        }
        out.truncate(size);
        Ok(out)
    }

    fn stream(&self, name: &str) -> Option<Result<Vec<u8>, DocError>> {
        let (_, start, size) = self.streams.iter().find(|(n, _, _)| n == name)?;
        let size = *size as usize;
        if size > MAX_STREAM {
            return Some(Err(damaged("stream size absurd")));
        }
        Some(if (size as u64) < self.mini_cutoff as u64 {
            self.mini_chain(*start, size)
        } else {
            self.chain(*start, size)
        })
    }
}

/// Extract the main text of a Word 97–2003 document.
pub(crate) fn doc_to_text(data: &[u8]) -> Result<String, DocError> {
    let cfb = Cfb::parse(data)?;
    let word = cfb.stream("WordDocument").ok_or(DocError::NotWord)??;
    if matches!(u16_at(&word, 0), Some(0xA5DC | 0xA699 | 0xA697)) {
        return Err(DocError::TooOld);
    }
    if u16_at(&word, 0) != Some(0xA5EC) {
        return Err(damaged("WordDocument stream has no Word signature"));
    }
    let flags = u16_at(&word, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err(DocError::Encrypted);
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = cfb
        .stream(table_name)
        .ok_or_else(|| damaged("table stream missing"))??;
    // FIB: base (32 bytes), then csw u16 words, cslw u32 longs, cbRgFcLcb pairs.
    let csw = u16_at(&word, 32).ok_or_else(|| damaged("FIB cut"))? as usize;
    let lw_start = 34 + 2 * csw;
    let cslw = u16_at(&word, lw_start).ok_or_else(|| damaged("FIB cut"))? as usize;
    let ccp_text = u32_at(&word, lw_start + 2 + 12).ok_or_else(|| damaged("FIB cut"))? as usize;
    let fc_start = lw_start + 2 + 4 * cslw + 2;
    let fc_clx = u32_at(&word, fc_start + 8 * 33).ok_or_else(|| damaged("FIB cut"))? as usize;
    let lcb_clx = u32_at(&word, fc_start + 8 * 33 + 4).ok_or_else(|| damaged("FIB cut"))? as usize;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| damaged("piece table past the end of the table stream"))?;
    // Skip Prc entries (0x01) to the Pcdt (0x02).
    let mut i = 0;
    let plc = loop {
        match clx.get(i) {
            Some(1) => {
                let cb = u16_at(clx, i + 1).ok_or_else(|| damaged("CLX cut"))? as usize;
                i += 3 + cb;
            }
            Some(2) => {
                let lcb = u32_at(clx, i + 1).ok_or_else(|| damaged("CLX cut"))? as usize;
                break clx
                    .get(i + 5..(i + 5).saturating_add(lcb))
                    .ok_or_else(|| damaged("piece table cut"))?;
            }
            _ => return Err(damaged("no piece table")),
        }
    };
    if plc.len() < 16 {
        return Err(damaged("empty piece table"));
    }
    let n = (plc.len() - 4) / 12;
    let mut chars: Vec<u16> = Vec::new();
    for k in 0..n {
        let cp0 = u32_at(plc, 4 * k).unwrap_or(0) as usize;
        let cp1 = u32_at(plc, 4 * (k + 1)).unwrap_or(0) as usize;
        if cp0 >= ccp_text || cp1 <= cp0 {
            continue;
        }
        let len = cp1.min(ccp_text) - cp0;
        if chars.len() + len > MAX_STREAM / 2 {
            return Err(damaged("piece table absurd"));
        }
        let pcd = 4 * (n + 1) + 8 * k;
        let fc = u32_at(plc, pcd + 2).ok_or_else(|| damaged("piece cut"))?;
        if fc & 0x4000_0000 != 0 {
            let off = ((fc & 0x3FFF_FFFF) / 2) as usize;
            let bytes = word
                .get(off..off + len)
                .ok_or_else(|| damaged("text piece past the end of the stream"))?;
            chars.extend(bytes.iter().map(|&b| tomtat_text::cp1252_char(b) as u16));
        } else {
            let off = fc as usize;
            let bytes = word
                .get(off..off + 2 * len)
                .ok_or_else(|| damaged("text piece past the end of the stream"))?;
            chars.extend(
                bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            );
        }
    }
    Ok(render(&String::from_utf16_lossy(&chars)))
}

/// Word's text with its control characters → plain lines.
pub(crate) fn render(raw: &str) -> String {
    let mut out = String::new();
    // Field nesting: for each open field, whether we are past its separator (result).
    let mut fields: Vec<bool> = Vec::new();
    // Where the current cell's text starts, once a cell of this row has ended.
    let mut cell_start: Option<usize> = None;
    // Where the current row started (after the previous row's end).
    let mut row_floor = 0usize;
    let mut prev_cell_mark = false;
    for c in raw.chars() {
        match c {
            '\u{13}' => {
                fields.push(false);
                continue;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ if fields.last().is_some_and(|&result| !result) => continue,
            _ => {}
        }
        let cell_mark = c == '\u{7}';
        match c {
            '\r' | '\u{B}' | '\u{C}' | '\u{E}' => {
                trim_end_spaces(&mut out);
                out.push('\n');
            }
            '\u{7}' if prev_cell_mark => {
                // Row end: drop the separator just written, end the line.
                if out.ends_with(" | ") {
                    out.truncate(out.len() - 3);
                }
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                cell_start = None;
                row_floor = out.len();
            }
            '\u{7}' => {
                // Empty paragraphs at the end of a cell are dropped.
                let floor = cell_start.unwrap_or(row_floor);
                trim_end_spaces(&mut out);
                while out.len() > floor && out.ends_with('\n') {
                    out.pop();
                    trim_end_spaces(&mut out);
                }
                // The first cell of a row is taken to start on the current line.
                let start = cell_start
                    .unwrap_or_else(|| out.rfind('\n').map_or(0, |p| p + 1).max(row_floor));
                if out[start.min(out.len())..].contains('\n') {
                    // A cell of several paragraphs: a layout table; one line each.
                    if start >= 3 && out.get(start - 3..start) == Some(" | ") {
                        out.replace_range(start - 3..start, "\n");
                    }
                    if !out.ends_with('\n') {
                        out.push('\n');
                    }
                } else {
                    out.push_str(" | ");
                }
                cell_start = Some(out.len());
            }
            '\t' => out.push('\t'),
            '\u{1E}' => out.push('-'),
            '\u{A0}' => out.push(' '),
            // Optional hyphens, pictures, footnote marks, drawn objects.
            c if (c as u32) < 0x20 || c == '\u{FEFF}' => {}
            c => out.push(c),
        }
        prev_cell_mark = cell_mark;
    }
    out.lines()
        .map(|l| l.trim().trim_start_matches("| ").trim_end_matches(" |"))
        .filter(|l| !l.is_empty() && *l != "|")
        .collect::<Vec<_>>()
        .join("\n")
}

fn trim_end_spaces(s: &mut String) {
    while s.ends_with(' ') && !s.ends_with(" | ") {
        s.pop();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn control_characters() {
        let raw = "A\u{13} PAGE \u{14}3\u{15}B\rC\u{B}D\u{7}E\u{7}\u{7}x\u{1F}y\u{1E}z\u{1}\r";
        assert_eq!(render(raw), "A3B\nC\nD | E\nxy-z");
        assert_eq!(render("a\u{7}b\u{7}\u{7}c\u{7}d\u{7}\u{7}"), "a | b\nc | d");
        // A letterhead row: cells of several paragraphs give one line per paragraph.
        assert_eq!(
            render("Intro\rUBND\rTỈNH\u{7}CỘNG HÒA\rĐộc lập\u{7}\u{7}Body\r"),
            "Intro\nUBND\nTỈNH\nCỘNG HÒA\nĐộc lập\nBody"
        );
        // A cell ending in an empty paragraph stays on its row.
        assert_eq!(render("Số: 12\r\u{7}Hà Nội\u{7}\u{7}"), "Số: 12 | Hà Nội");
    }

    /// A version-3 compound file holding `streams`; those under 4096 bytes go to the
    /// mini stream, as Word puts them.
    pub(crate) fn build_cfb(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
        const FREE: u32 = 0xFFFF_FFFF;
        const END: u32 = 0xFFFF_FFFE;
        const FATSECT: u32 = 0xFFFF_FFFD;
        let mut mini = Vec::new();
        let mut mini_fat: Vec<u32> = Vec::new();
        let mut placed = Vec::new(); // (is_mini, start (mini) sector or big index, size)
        let mut big: Vec<&[u8]> = Vec::new();
        for (_, data) in streams {
            if data.len() < 4096 {
                let start = mini_fat.len() as u32;
                let n = data.len().div_ceil(64).max(1);
                for k in 0..n {
                    mini_fat.push(if k + 1 == n {
                        END
                    } else {
                        start + k as u32 + 1
                    });
                }
                mini.extend_from_slice(data);
                mini.resize(mini_fat.len() * 64, 0);
                placed.push((true, start, data.len()));
            } else {
                placed.push((false, big.len() as u32, data.len()));
                big.push(data);
            }
        }
        let secs = |len: usize| len.div_ceil(512);
        let n_dir = secs((streams.len() + 1) * 128);
        let n_minifat = secs(mini_fat.len() * 4);
        let n_mini = secs(mini.len());
        let n_big: usize = big.iter().map(|d| secs(d.len())).sum();
        let other = n_dir + n_minifat + n_mini + n_big;
        let n_fat = (other + 1).div_ceil(127);
        let total = n_fat + other;
        let mut fat = vec![FREE; n_fat * 128];
        let mut next = n_fat;
        let mut chain = |fat: &mut Vec<u32>, n: usize| -> u32 {
            let start = next as u32;
            for k in 0..n {
                fat[next + k] = if k + 1 == n {
                    END
                } else {
                    (next + k + 1) as u32
                };
            }
            next += n;
            if n == 0 {
                END
            } else {
                start
            }
        };
        for f in fat.iter_mut().take(n_fat) {
            *f = FATSECT;
        }
        let dir_start = chain(&mut fat, n_dir);
        let minifat_start = chain(&mut fat, n_minifat);
        let mini_start = chain(&mut fat, n_mini);
        let big_starts: Vec<u32> = big.iter().map(|d| chain(&mut fat, secs(d.len()))).collect();
        assert_eq!(next, total);
        // Directory.
        let entry = |name: &str, kind: u8, start: u32, size: usize, child: u32, right: u32| {
            let mut e = vec![0u8; 128];
            let units: Vec<u16> = name.encode_utf16().collect();
            for (i, u) in units.iter().enumerate() {
                e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
            }
            e[64..66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
            e[66] = kind;
            e[67] = 1;
            e[68..72].copy_from_slice(&FREE.to_le_bytes());
            e[72..76].copy_from_slice(&right.to_le_bytes());
            e[76..80].copy_from_slice(&child.to_le_bytes());
            e[116..120].copy_from_slice(&start.to_le_bytes());
            e[120..124].copy_from_slice(&(size as u32).to_le_bytes());
            e
        };
        let mut dir = entry("Root Entry", 5, mini_start, mini.len(), 1, FREE);
        for (i, ((name, _), (is_mini, start, size))) in streams.iter().zip(&placed).enumerate() {
            let right = if i + 2 <= streams.len() {
                i as u32 + 2
            } else {
                FREE
            };
            let start = if *is_mini {
                *start
            } else {
                big_starts[*start as usize]
            };
            dir.extend(entry(name, 2, start, *size, FREE, right));
        }
        // Header.
        let mut out = vec![0u8; 512];
        out[..8].copy_from_slice(crate::cfb::MAGIC);
        out[0x18..0x1A].copy_from_slice(&0x3Eu16.to_le_bytes());
        out[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
        out[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
        out[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        out[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        out[0x2C..0x30].copy_from_slice(&(n_fat as u32).to_le_bytes());
        out[0x30..0x34].copy_from_slice(&dir_start.to_le_bytes());
        out[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
        out[0x3C..0x40].copy_from_slice(&minifat_start.to_le_bytes());
        out[0x40..0x44].copy_from_slice(&(n_minifat as u32).to_le_bytes());
        out[0x44..0x48].copy_from_slice(&END.to_le_bytes());
        for i in 0..109 {
            let v = if i < n_fat { i as u32 } else { FREE };
            out[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let mut put = |bytes: &[u8], n: usize| {
            let mut b = bytes.to_vec();
            b.resize(n * 512, 0);
            out.extend_from_slice(&b);
        };
        let fat_bytes: Vec<u8> = fat.iter().flat_map(|v| v.to_le_bytes()).collect();
        put(&fat_bytes, n_fat);
        put(&dir, n_dir);
        let mf: Vec<u8> = mini_fat.iter().flat_map(|v| v.to_le_bytes()).collect();
        put(&mf, n_minifat);
        put(&mini, n_mini);
        for d in &big {
            put(d, secs(d.len()));
        }
        out
    }

    /// A Word 97 document: FIB, then a compressed (cp1252) piece and a UTF-16 piece.
    pub(crate) fn build_doc(pad_to: usize, encrypted: bool) -> Vec<u8> {
        let mut word = vec![0u8; 1024];
        word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        let flags: u16 = 0x0200 | if encrypted { 0x0100 } else { 0 };
        word[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        word[32..34].copy_from_slice(&14u16.to_le_bytes());
        word[62..64].copy_from_slice(&22u16.to_le_bytes());
        word[152..154].copy_from_slice(&93u16.to_le_bytes());
        let piece1 = b"B\xe1o c\xe1o: ";
        let piece2: Vec<u8> = "Việt Nam\r\u{13} PAGE \u{14}1\u{15}\r"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let fc1 = word.len();
        word.extend_from_slice(piece1);
        let fc2 = word.len();
        word.extend_from_slice(&piece2);
        word.resize(word.len().max(pad_to), 0);
        let cp1 = piece1.len() as u32;
        let cp2 = cp1 + piece2.len() as u32 / 2;
        word[0x4C..0x50].copy_from_slice(&cp2.to_le_bytes()); // ccpText
        let mut plc = Vec::new();
        for cp in [0, cp1, cp2] {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        for fc in [(fc1 as u32 * 2) | 0x4000_0000, fc2 as u32] {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        let mut table = vec![0u8; 16];
        let fc_clx = table.len() as u32;
        table.extend_from_slice(&[1, 2, 0, 0xAA, 0xBB]); // a Prc to skip
        table.push(2);
        table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        table.extend_from_slice(&plc);
        let lcb = table.len() as u32 - fc_clx;
        let at = 154 + 8 * 33;
        word[at..at + 4].copy_from_slice(&fc_clx.to_le_bytes());
        word[at + 4..at + 8].copy_from_slice(&lcb.to_le_bytes());
        build_cfb(&[("WordDocument", word), ("1Table", table)])
    }

    #[test]
    fn synthetic_documents_in_mini_and_regular_streams() {
        for pad in [0, 10_000] {
            let doc = build_doc(pad, false);
            assert_eq!(
                doc_to_text(&doc).unwrap(),
                "Báo cáo: Việt Nam\n1",
                "pad {pad}"
            );
        }
        assert_eq!(doc_to_text(&build_doc(0, true)), Err(DocError::Encrypted));
    }

    #[test]
    fn truncated_and_corrupted_documents() {
        let doc = build_doc(10_000, false);
        for cut in [600, 1500, doc.len() / 2, doc.len() - 100] {
            assert!(doc_to_text(&doc[..cut]).is_err(), "cut {cut}");
        }
        for i in (0..doc.len()).step_by(37) {
            let mut bad = doc.clone();
            bad[i] ^= 0xFF;
            let _ = doc_to_text(&bad);
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(doc_to_text(b"not a compound file").is_err());
        let mut fake = crate::cfb::MAGIC.to_vec();
        fake.resize(4096, 0xFF);
        assert!(doc_to_text(&fake).is_err());
    }
}
