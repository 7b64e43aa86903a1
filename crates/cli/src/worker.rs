//! Parsers that can crash or blow up run in a supervised worker process.
//!
//! The PDF library (`pdf-extract`/`lopdf`) recurses over the document's object graph: a form
//! XObject that draws itself or a `/Parent` chain that loops overflows the stack, which aborts
//! the whole process (no `catch_unwind` can stop that), and a small FlateDecode stream can
//! inflate to gigabytes. The Word 97–2003 `.doc` and RTF readers go the same way out of caution.
//! So, as Apache Tika's forked-parser mode does, those files are parsed by this same binary
//! re-executed as `tomtat __worker`, which first limits its own address space and CPU time
//! (`setrlimit`, applied by the worker to itself, so no `pre_exec` and no unsafe code), and no
//! core dump. A small pool of workers is reused across files. A worker that dies, overflows its
//! stack, runs out of memory or time becomes an error naming the reason ("PDF parser crashed
//! (stack overflow)", "PDF parser stopped: over the 1024 MB memory limit", "... over the 30 s
//! time limit") and is replaced; the batch goes on.
//!
//! Protocol (stdin/stdout of the worker, little-endian): a request is `u64 len, name bytes,
//! u64 len, file bytes`; the answer is `u8 tag (0 text, 1 error), u64 len, UTF-8 bytes`.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use tomtat::formats::Format;
use tomtat::text::{Options, Text, ToneStyle};

/// The hidden subcommand that runs a worker.
pub const WORKER_COMMAND: &str = "__worker";

/// Limits of one worker process.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Address space of the worker (RLIMIT_AS), in MB.
    pub memory_mb: u64,
    /// CPU time (RLIMIT_CPU) and wall-clock time for one file, in seconds.
    pub time_secs: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            memory_mb: 1024,
            time_secs: 30,
        }
    }
}

/// The name of the parser when `bytes` must be parsed in a worker.
/// Without a signature, extraction in process gives the "misnamed file" error at once.
pub fn isolated_kind(bytes: &[u8]) -> Option<&'static str> {
    match Format::sniff(bytes) {
        Some(Format::Pdf) => Some("PDF"),
        Some(Format::Doc) if bytes.starts_with(b"{\\rtf") => Some("RTF"),
        Some(Format::Doc) => Some("Word .doc"),
        _ => None,
    }
}

/// A pool of worker processes, shared by the batch threads.
pub struct Pool {
    exe: PathBuf,
    args: Vec<String>,
    limits: Limits,
    options: Options,
    idle: Mutex<Vec<Worker>>,
}

struct Worker {
    child: Arc<Mutex<Child>>,
    stdin: BufWriter<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    stderr: Option<std::thread::JoinHandle<Vec<u8>>>,
}

impl Pool {
    /// Workers are this program re-executed; they decode with `options`.
    pub fn new(options: Options, limits: Limits) -> std::io::Result<Pool> {
        let exe = std::env::current_exe()?;
        let tone = match options.tone_style {
            ToneStyle::New => "new",
            ToneStyle::Old => "old",
            ToneStyle::Keep => "keep",
        };
        let args = vec![
            WORKER_COMMAND.to_string(),
            options.encoding.map_or("auto", |e| e.name()).to_string(),
            tone.to_string(),
            limits.memory_mb.to_string(),
            limits.time_secs.to_string(),
        ];
        Ok(Pool {
            exe,
            args,
            limits,
            options,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Extract the text of `bytes` (named `name`, for its extension) in a worker.
    /// The error is the reason for the user.
    pub fn extract(&self, name: &Path, bytes: &[u8], kind: &str) -> Result<Text, String> {
        let popped = self.idle.lock().unwrap().pop();
        let mut worker = match popped {
            Some(w) => w,
            None => self
                .spawn()
                .map_err(|e| format!("cannot start the {kind} parser process: {e}"))?,
        };
        let timed_out = Arc::new(AtomicBool::new(false));
        let (done, wait) = mpsc::channel::<()>();
        let watchdog = {
            let child = Arc::clone(&worker.child);
            let timed_out = Arc::clone(&timed_out);
            // Some slack over the CPU limit, which usually fires first for a busy loop.
            let wall = Duration::from_secs(self.limits.time_secs) + Duration::from_millis(500);
            std::thread::spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(wall) {
                    timed_out.store(true, Ordering::SeqCst);
                    let _ = child.lock().unwrap().kill();
                }
            })
        };
        let answer = round_trip(&mut worker, name, bytes);
        drop(done);
        let _ = watchdog.join();
        match answer {
            Ok(answer) => {
                self.idle.lock().unwrap().push(worker);
                answer.map(|s| Text::from_str_with(&s, &self.options))
            }
            Err(_) => Err(self.reason(worker, kind, timed_out.load(Ordering::SeqCst))),
        }
    }

    fn spawn(&self) -> std::io::Result<Worker> {
        let mut child = Command::new(&self.exe)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = BufWriter::new(child.stdin.take().expect("piped"));
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        let mut stderr = child.stderr.take().expect("piped");
        // Keep the tail of what the worker says when it dies (Rust's abort messages).
        let stderr = std::thread::spawn(move || {
            let mut tail = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 16384 {
                    tail.drain(..tail.len() - 8192);
                }
            }
            tail
        });
        Ok(Worker {
            child: Arc::new(Mutex::new(child)),
            stdin,
            stdout,
            stderr: Some(stderr),
        })
    }

    /// Why a worker failed; it is ended and not reused.
    fn reason(&self, mut worker: Worker, kind: &str, timed_out: bool) -> String {
        let status = {
            let mut child = worker.child.lock().unwrap();
            let _ = child.kill();
            child.wait().ok()
        };
        drop(worker.stdin);
        let said = worker
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let said = String::from_utf8_lossy(&said);
        let signal = status.and_then(|s| {
            use std::os::unix::process::ExitStatusExt;
            s.signal()
        });
        let code = status.and_then(|s| s.code());
        death_reason(kind, self.limits, timed_out, signal, code, &said)
    }
}

/// Why a worker died, from what is known of its end: the watchdog fired, the signal or exit
/// code, and the last words Rust's runtime wrote on its stderr.
fn death_reason(
    kind: &str,
    limits: Limits,
    timed_out: bool,
    signal: Option<i32>,
    code: Option<i32>,
    said: &str,
) -> String {
    const SIGXCPU: i32 = 24;
    if timed_out || signal == Some(SIGXCPU) {
        format!(
            "{kind} parser stopped: over the {} s time limit (--parse-timeout)",
            limits.time_secs
        )
    } else if said.contains("memory allocation of") || said.contains("capacity overflow") {
        format!(
            "{kind} parser stopped: over the {} MB memory limit (--parse-memory-mb)",
            limits.memory_mb
        )
    } else if said.contains("overflowed its stack") {
        format!("{kind} parser crashed (stack overflow): the file is damaged or malicious")
    } else {
        let how = match (signal, code) {
            (Some(sig), _) => format!("signal {sig}"),
            (None, Some(code)) => format!("exit code {code}"),
            _ => "no answer".into(),
        };
        format!("{kind} parser crashed ({how}): the file is damaged or malicious")
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for w in self.idle.get_mut().unwrap().drain(..) {
            // Closing stdin ends a worker's loop.
            drop(w.stdin);
            let _ = w.child.lock().unwrap().wait();
        }
    }
}

fn round_trip(
    worker: &mut Worker,
    name: &Path,
    bytes: &[u8],
) -> std::io::Result<Result<String, String>> {
    use std::os::unix::ffi::OsStrExt;
    let name = name.as_os_str().as_bytes();
    let w = &mut worker.stdin;
    w.write_all(&(name.len() as u64).to_le_bytes())?;
    w.write_all(name)?;
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)?;
    w.flush()?;
    let r = &mut worker.stdout;
    let mut tag = [0u8; 1];
    r.read_exact(&mut tag)?;
    let payload = read_frame(r, u64::MAX)?;
    let s = String::from_utf8(payload)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8"))?;
    Ok(if tag[0] == 0 { Ok(s) } else { Err(s) })
}

fn read_frame(r: &mut impl Read, max: u64) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    r.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "frame too large",
        ));
    }
    let mut buf = Vec::new();
    r.take(len).read_to_end(&mut buf)?;
    if buf.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(buf)
}

/// `tomtat __worker ENCODING TONE MEMORY_MB SECONDS`: limit this process, then answer
/// requests until stdin closes. Returns the exit code.
pub fn worker_main(args: &[String]) -> i32 {
    let [encoding, tone, memory_mb, secs] = args else {
        eprintln!("tomtat: {WORKER_COMMAND} is internal: ENCODING TONE MEMORY_MB SECONDS");
        return 2;
    };
    let options = Options {
        encoding: encoding.parse().ok(),
        tone_style: tone.parse().unwrap_or_default(),
    };
    let memory: u64 = memory_mb.parse().unwrap_or(1024) << 20;
    let secs: u64 = secs.parse().unwrap_or(30);
    apply_limits(memory, secs);
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut output = BufWriter::new(std::io::stdout().lock());
    loop {
        let name = match read_frame(&mut input, 1 << 16) {
            Ok(n) => n,
            Err(_) => return 0, // stdin closed: the pool is done
        };
        let Ok(bytes) = read_frame(&mut input, u64::MAX) else {
            return 0;
        };
        let name = {
            use std::os::unix::ffi::OsStrExt;
            PathBuf::from(std::ffi::OsStr::from_bytes(&name))
        };
        let (tag, payload) = match tomtat::formats::extract(&name, &bytes, &options) {
            Ok(text) => (0u8, text.into_string()),
            Err(e) => (1u8, e.to_string()),
        };
        drop(bytes);
        let sent = output
            .write_all(&[tag])
            .and_then(|_| output.write_all(&(payload.len() as u64).to_le_bytes()))
            .and_then(|_| output.write_all(payload.as_bytes()))
            .and_then(|_| output.flush());
        if sent.is_err() {
            return 0;
        }
    }
}

/// Address space, CPU time and no core file, set by the worker on itself; never above the
/// limits it inherited.
fn apply_limits(memory: u64, secs: u64) {
    use rlimit::Resource;
    let lower = |res: Resource, soft: u64, hard: u64| {
        if let Ok((_, cur_hard)) = rlimit::getrlimit(res) {
            let hard = hard.min(cur_hard);
            let _ = rlimit::setrlimit(res, soft.min(hard), hard);
        }
    };
    lower(Resource::AS, memory, memory);
    // SIGXCPU at the soft limit, SIGKILL at the hard one.
    lower(Resource::CPU, secs, secs + 5);
    lower(Resource::CORE, 0, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_refuse_lies() {
        let mut buf = Vec::new();
        buf.extend_from_slice(&3u64.to_le_bytes());
        buf.extend_from_slice(b"abc");
        assert_eq!(read_frame(&mut &buf[..], 10).unwrap(), b"abc");
        assert!(read_frame(&mut &buf[..], 2).is_err(), "over the cap");
        assert!(read_frame(&mut &buf[..5], 10).is_err(), "truncated");
    }

    #[test]
    fn deaths_are_named() {
        let l = Limits::default();
        let r = |t, sig, code, said| death_reason("PDF", l, t, sig, code, said);
        assert!(r(true, Some(9), None, "").contains("over the 30 s time limit"));
        assert!(r(false, Some(24), None, "").contains("time limit"));
        assert!(r(
            false,
            Some(6),
            None,
            "memory allocation of 4096 bytes failed"
        )
        .contains("over the 1024 MB memory limit"));
        assert!(r(
            false,
            Some(6),
            None,
            "thread 'main' has overflowed its stack"
        )
        .starts_with("PDF parser crashed (stack overflow)"));
        assert!(r(false, Some(11), None, "").contains("crashed (signal 11)"));
        assert!(r(false, None, Some(101), "").contains("exit code 101"));
    }

    #[test]
    fn which_inputs_are_isolated() {
        assert_eq!(isolated_kind(b"%PDF-1.4\n"), Some("PDF"));
        assert_eq!(isolated_kind(b"{\\rtf1 x}"), Some("RTF"));
        assert_eq!(isolated_kind(b"PK\x03\x04"), None);
        assert_eq!(isolated_kind("Báo cáo".as_bytes()), None);
    }
}
