//! A minimal zip reader for .docx: central directory, stored and deflated entries,
//! CRC check, and limits against zip bombs.
//!
//! Kept hand-written rather than the `zip` crate (weighed for issue 14): a .docx needs only
//! stored and deflated entries, and the bomb limits (per entry, in total, expansion ratio,
//! sizes that lie) sit inside the inflate call (`decompress_to_vec_with_limit`), so no entry
//! is ever inflated past them. With `zip` they would be a wrapper around a reader that trusts
//! the declared sizes, plus its optional codecs (bzip2, zstd, AES) to switch off; the reading
//! part here is about 200 lines and fuzzed (`fuzz/fuzz_targets/formats_docx.rs`).

use crate::bytes::{u16_at, u32_at, u64_at};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// Largest uncompressed size accepted for one entry.
pub(crate) const MAX_ENTRY: u64 = 200 * 1024 * 1024;
/// Largest uncompressed size accepted for all entries read from one archive.
pub(crate) const MAX_TOTAL: u64 = 200 * 1024 * 1024;
/// Entries above this size must not expand more than `MAX_RATIO` times.
const RATIO_FLOOR: u64 = 1024 * 1024;
const MAX_RATIO: u64 = 200;

/// Why an entry or the archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ZipError {
    /// Not a readable zip archive (the reason says what is wrong).
    Damaged(String),
    /// Sizes past the limits: a zip bomb or an absurd entry.
    Bomb(String),
    /// The entry is encrypted.
    Encrypted,
}

/// One entry of the central directory.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: u64,
    uncompressed: u64,
    local_offset: u64,
}

/// A zip archive in memory.
pub(crate) struct Archive<'a> {
    data: &'a [u8],
    pub(crate) entries: Vec<Entry>,
    total_read: u64,
}

fn damaged(msg: &str) -> ZipError {
    ZipError::Damaged(msg.to_string())
}

impl<'a> Archive<'a> {
    /// Read the central directory.
    pub(crate) fn new(data: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        // End of central directory: signature PK\5\6, within the last 64 KiB + 22 bytes.
        let search_from = data.len().saturating_sub(22 + 65535);
        let eocd = (search_from..=data.len().saturating_sub(22))
            .rev()
            .find(|&i| data.get(i..i + 4) == Some(b"PK\x05\x06"))
            .ok_or_else(|| damaged("truncated or not a zip archive (no central directory)"))?;
        let mut count = u16_at(data, eocd + 10).unwrap_or(0) as u64;
        let mut cd_size = u32_at(data, eocd + 12).unwrap_or(0) as u64;
        let mut cd_offset = u32_at(data, eocd + 16).unwrap_or(0) as u64;
        if count == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_offset == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the EOCD record.
            let loc = eocd
                .checked_sub(20)
                .filter(|&l| data.get(l..l + 4) == Some(b"PK\x06\x07"))
                .ok_or_else(|| damaged("zip64 locator missing"))?;
            let rec = u64_at(data, loc + 8).ok_or_else(|| damaged("zip64 locator cut"))? as usize;
            if data.get(rec..rec + 4) != Some(b"PK\x06\x06") {
                return Err(damaged("zip64 directory record missing"));
            }
            count = u64_at(data, rec + 32).ok_or_else(|| damaged("zip64 record cut"))?;
            cd_size = u64_at(data, rec + 40).ok_or_else(|| damaged("zip64 record cut"))?;
            cd_offset = u64_at(data, rec + 48).ok_or_else(|| damaged("zip64 record cut"))?;
        }
        let cd_start = usize::try_from(cd_offset).map_err(|_| damaged("bad directory offset"))?;
        let cd_end = cd_start
            .checked_add(usize::try_from(cd_size).map_err(|_| damaged("bad directory size"))?)
            .filter(|&e| e <= data.len())
            .ok_or_else(|| damaged("truncated (central directory past the end of the file)"))?;
        if count > 100_000 {
            return Err(ZipError::Bomb(format!("{count} entries in the archive")));
        }
        let mut entries = Vec::with_capacity(count as usize);
        let mut at = cd_start;
        while at + 46 <= cd_end && data.get(at..at + 4) == Some(b"PK\x01\x02") {
            let flags = u16_at(data, at + 8).unwrap_or(0);
            let method = u16_at(data, at + 10).unwrap_or(0);
            let crc = u32_at(data, at + 16).unwrap_or(0);
            let mut compressed = u32_at(data, at + 20).unwrap_or(0) as u64;
            let mut uncompressed = u32_at(data, at + 24).unwrap_or(0) as u64;
            let name_len = u16_at(data, at + 28).unwrap_or(0) as usize;
            let extra_len = u16_at(data, at + 30).unwrap_or(0) as usize;
            let comment_len = u16_at(data, at + 32).unwrap_or(0) as usize;
            let mut local_offset = u32_at(data, at + 42).unwrap_or(0) as u64;
            let name_start = at + 46;
            let name_bytes = data
                .get(name_start..name_start + name_len)
                .ok_or_else(|| damaged("central directory cut"))?;
            let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
            let extra = data
                .get(name_start + name_len..name_start + name_len + extra_len)
                .unwrap_or(&[]);
            // Zip64 extra field: the 64-bit values present are those whose 32-bit field is all ones.
            let mut e = 0;
            while e + 4 <= extra.len() {
                let id = u16_at(extra, e).unwrap_or(0);
                let len = u16_at(extra, e + 2).unwrap_or(0) as usize;
                let body = extra.get(e + 4..e + 4 + len).unwrap_or(&[]);
                if id == 1 {
                    let mut p = 0;
                    if uncompressed == 0xFFFF_FFFF {
                        uncompressed = u64_at(body, p).unwrap_or(u64::MAX);
                        p += 8;
                    }
                    if compressed == 0xFFFF_FFFF {
                        compressed = u64_at(body, p).unwrap_or(u64::MAX);
                        p += 8;
                    }
                    if local_offset == 0xFFFF_FFFF {
                        local_offset = u64_at(body, p).unwrap_or(u64::MAX);
                    }
                }
                e += 4 + len;
            }
            entries.push(Entry {
                name,
                method,
                flags,
                crc,
                compressed,
                uncompressed,
                local_offset,
            });
            at = name_start + name_len + extra_len + comment_len;
        }
        if entries.is_empty() {
            return Err(damaged("empty or unreadable central directory"));
        }
        Ok(Archive {
            data,
            entries,
            total_read: 0,
        })
    }

    /// The entry named `name` (ASCII case-insensitive, as Office is).
    pub(crate) fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
    }

    /// Read and check one entry.
    pub(crate) fn read(&mut self, entry: &Entry) -> Result<Vec<u8>, ZipError> {
        if entry.flags & 1 != 0 {
            return Err(ZipError::Encrypted);
        }
        if entry.uncompressed > MAX_ENTRY {
            return Err(ZipError::Bomb(format!(
                "entry {} declares {} bytes uncompressed (limit {} MB)",
                entry.name,
                entry.uncompressed,
                MAX_ENTRY >> 20
            )));
        }
        if entry.uncompressed > RATIO_FLOOR
            && entry.uncompressed / entry.compressed.max(1) > MAX_RATIO
        {
            return Err(ZipError::Bomb(format!(
                "entry {} expands {} times (limit {MAX_RATIO})",
                entry.name,
                entry.uncompressed / entry.compressed.max(1)
            )));
        }
        if self.total_read + entry.uncompressed > MAX_TOTAL {
            return Err(ZipError::Bomb(format!(
                "more than {} MB uncompressed in total",
                MAX_TOTAL >> 20
            )));
        }
        let lo = usize::try_from(entry.local_offset).map_err(|_| damaged("bad entry offset"))?;
        let d = self.data;
        if d.get(lo..lo + 4) != Some(b"PK\x03\x04") {
            return Err(ZipError::Damaged(format!(
                "entry {} not found where the directory says",
                entry.name
            )));
        }
        let name_len = u16_at(d, lo + 26).unwrap_or(0) as usize;
        let extra_len = u16_at(d, lo + 28).unwrap_or(0) as usize;
        let start = lo + 30 + name_len + extra_len;
        let end = usize::try_from(entry.compressed)
            .ok()
            .and_then(|c| start.checked_add(c))
            .filter(|&e| e <= d.len())
            .ok_or_else(|| ZipError::Damaged(format!("entry {} is cut short", entry.name)))?;
        let raw = &d[start..end];
        // The declared size bounds the output: anything past it is a lie (bomb or damage).
        let limit = entry.uncompressed as usize;
        let out = match entry.method {
            0 => raw.to_vec(),
            8 => match decompress_to_vec_with_limit(raw, limit) {
                Ok(v) => v,
                Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                    return Err(ZipError::Bomb(format!(
                        "entry {} expands past its declared size",
                        entry.name
                    )))
                }
                Err(_) => {
                    return Err(ZipError::Damaged(format!(
                        "entry {} has corrupt compressed data",
                        entry.name
                    )))
                }
            },
            m => {
                return Err(ZipError::Damaged(format!(
                    "entry {} uses compression method {m}, which Word does not write",
                    entry.name
                )))
            }
        };
        if out.len() as u64 != entry.uncompressed {
            return Err(ZipError::Damaged(format!(
                "entry {} has {} bytes instead of {}",
                entry.name,
                out.len(),
                entry.uncompressed
            )));
        }
        if crc32(&out) != entry.crc {
            return Err(ZipError::Damaged(format!(
                "entry {} fails its checksum",
                entry.name
            )));
        }
        self.total_read += out.len() as u64;
        Ok(out)
    }
}

/// CRC-32 (IEEE), as zip uses.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// Build a zip archive in memory (deflated entries), for tests and fuzz seeds.
#[doc(hidden)]
pub fn write_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let comp = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32(data);
        let offset = out.len() as u32;
        let header = |sig: &[u8], central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(sig);
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            h.extend_from_slice(&8u16.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0x21, 0]);
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(comp.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 10]);
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend_from_slice(&comp);
        central.extend(header(b"PK\x01\x02", true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_known_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trip() {
        let z = write_zip(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")]);
        let mut a = Archive::new(&z).unwrap();
        let e = a.find("DIR/B.XML").unwrap().clone();
        assert_eq!(a.read(&e).unwrap(), b"<x/>");
        let e = a.find("a.txt").unwrap().clone();
        assert_eq!(a.read(&e).unwrap(), b"hello");
    }

    #[test]
    fn lying_sizes_are_refused() {
        let big = vec![b'a'; 3 * 1024 * 1024];
        let mut z = write_zip(&[("big.xml", &big)]);
        let mut a = Archive::new(&z).unwrap();
        let e = a.find("big.xml").unwrap().clone();
        assert!(matches!(a.read(&e), Err(ZipError::Bomb(_))), "ratio");
        // Declare a small size in the central directory: the inflater stops at it.
        let cd = z.len() - 22 - (46 + 7);
        z[cd + 24..cd + 28].copy_from_slice(&1000u32.to_le_bytes());
        let mut a = Archive::new(&z).unwrap();
        let e = a.find("big.xml").unwrap().clone();
        assert!(
            matches!(a.read(&e), Err(ZipError::Bomb(_))),
            "past declared size"
        );
    }

    #[test]
    fn damage_is_reported() {
        let z = write_zip(&[("a.txt", b"hello hello hello")]);
        assert!(matches!(
            Archive::new(&z[..z.len() - 5]),
            Err(ZipError::Damaged(_))
        ));
        let mut bad = z.clone();
        bad[37] ^= 0xFF; // inside the compressed data
        let mut a = Archive::new(&bad).unwrap();
        let e = a.find("a.txt").unwrap().clone();
        assert!(a.read(&e).is_err());
    }
}
