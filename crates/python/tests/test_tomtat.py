"""The Python package against the `tomtat` CLI on the bundled corpus/ (and the shared dev data
when it is beside the checkout).

The CLI binary: $TOMTAT_CLI, else target/release/tomtat, else target/debug/tomtat. Without one
the CLI comparisons skip with a message, unless $TOMTAT_REQUIRE_CLI=1 (CI) makes them fail.
"""

import json
import os
import pathlib
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import tomtat

ROOT = pathlib.Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "data"


def _cli():
    for candidate in (
        os.environ.get("TOMTAT_CLI"),
        ROOT / "target" / "release" / "tomtat",
        ROOT / "target" / "debug" / "tomtat",
    ):
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    return None


CLI = _cli()


def cli(*args, stdin=None, ok=(0,)):
    """Run the CLI; its stdout as str."""
    return cli_run(*args, stdin=stdin, ok=ok)[1]


def cli_run(*args, stdin=None, ok=(0,)):
    """Run the CLI: (exit code, stdout, stderr)."""
    if CLI is None:
        if os.environ.get("TOMTAT_REQUIRE_CLI") == "1":
            pytest.fail("no tomtat binary: run `cargo build --release -p tomtat-cli`")
        pytest.skip("skipped: no tomtat binary (cargo build --release -p tomtat-cli)")
    p = subprocess.run(
        [CLI, *map(str, args)], input=stdin, capture_output=True, cwd=ROOT
    )
    assert p.returncode in ok, p.stderr.decode("utf-8", "replace")
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def read(path):
    return pathlib.Path(path).read_text(encoding="utf-8")


def shared(name):
    d = SHARED / name
    if not d.is_dir():
        print(f"skipped: {d} is absent")
        pytest.skip(f"skipped: {d} is absent")
    return d


def test_corpus_is_there():
    assert len(CORPUS) >= 40


# ---- words ------------------------------------------------------------------------------------


def test_word_tokenize_bar_sentence():
    text = "Ban Chấp hành Đảng bộ huyện"
    assert tomtat.word_tokenize(text, format="text") == "Ban_Chấp_hành Đảng_bộ huyện"
    assert tomtat.word_tokenize(text) == ["Ban_Chấp_hành", "Đảng_bộ", "huyện"]
    assert cli("tokenize", stdin=text.encode()).strip() == "Ban_Chấp_hành Đảng_bộ huyện"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_word_tokenize_equals_cli_tokenize(path):
    text = read(path)
    words = tomtat.word_tokenize(text)
    assert words == cli("tokenize", path).split()
    assert tomtat.word_tokenize(text, format="text") == " ".join(words)


def test_user_words_equal_cli_dict(tmp_path):
    dict_file = tmp_path / "words.txt"
    dict_file.write_text("phát triển kinh tế\nsơ kết\n", encoding="utf-8")
    text = read(CORPUS[0]) + "\nTiếp tục phát triển kinh tế, sơ kết 6 tháng."
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    expected = cli("tokenize", "--dict", dict_file, tmp_path / "in.txt").split()
    assert "phát_triển_kinh_tế" in expected
    assert tomtat.word_tokenize(text, dict=dict_file) == expected
    assert tomtat.word_tokenize(text, dict=str(dict_file)) == expected
    fixed = tomtat.word_tokenize(text, fixed_words=["phát triển kinh tế", "sơ_kết"])
    assert fixed == expected
    assert tomtat.word_tokenize(text) != expected


def test_word_tokenize_arguments():
    with pytest.raises(ValueError, match="unknown format"):
        tomtat.word_tokenize("a b", format="conll")
    with pytest.raises(TypeError):
        tomtat.word_tokenize(b"bytes are not text")
    with pytest.raises(tomtat.TomtatError, match="cannot read the user dictionary"):
        tomtat.word_tokenize("a b", dict="/nonexistent/words.txt")
    assert tomtat.word_tokenize("") == []
    assert tomtat.word_tokenize("", format="text") == ""


def test_word_tokenize_in_threads():
    text = "\n".join(read(p) for p in CORPUS[:10])
    expected = tomtat.word_tokenize(text)
    with ThreadPoolExecutor(4) as pool:
        for words in pool.map(lambda _: tomtat.word_tokenize(text), range(8)):
            assert words == expected


# ---- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS[:15], ids=lambda p: p.name)
def test_sent_tokenize_and_split_equal_cli_split(path):
    text = read(path)
    assert tomtat.sent_tokenize(text) == cli("split", path).splitlines()
    expected = json.loads(cli("split", "--format", "jsonl", path))["sentences"]
    units = tomtat.split(text)
    assert len(units) == len(expected)
    for u, e in zip(units, expected):
        assert (u["text"], u["kind"]) == (e["text"], e["kind"])
        # Python offsets are characters; the CLI's are UTF-8 bytes.
        assert len(text[: u["start"]].encode()) == e["start"]
        assert len(text[: u["end"]].encode()) == e["end"]
        # "text" is normalized (NFC, Ð to Đ, ...): the source range normalizes to it
        assert tomtat.text_normalize(text[u["start"] : u["end"]], "keep") == u["text"]
        assert [c["text"] for c in u["clauses"]] == [c["text"] for c in e["clauses"]]
        for c, ce in zip(u["clauses"], e["clauses"]):
            assert len(text[: c["start"]].encode()) == ce["start"]
            assert tomtat.text_normalize(text[c["start"] : c["end"]], "keep") == c["text"]


def test_split_kinds_and_clauses():
    text = "I. KẾT QUẢ ĐẠT ĐƯỢC\nTổng thu đạt 832.270.966.973 đồng. Đồng chí nêu: tăng thu; giảm chi."
    units = tomtat.split(text)
    assert [u["kind"] for u in units] == ["heading", "sentence", "sentence"]
    assert [c["text"] for c in units[2]["clauses"]] == ["tăng thu", "giảm chi."]


# ---- text -------------------------------------------------------------------------------------


def test_text_normalize_tone_styles():
    assert tomtat.text_normalize("Thủy lợi hòa bình") == "Thuỷ lợi hoà bình"
    assert tomtat.text_normalize("Thuỷ lợi hoà bình", tone_style="old") == "Thủy lợi hòa bình"
    assert tomtat.text_normalize("Thủy\u00a0lợi\r\n", tone_style="keep") == "Thủy lợi\n"
    # NFD in, NFC out
    assert tomtat.text_normalize("Vie\u0302\u0323t Nam") == "Việt Nam"
    with pytest.raises(ValueError, match="unknown tone style"):
        tomtat.text_normalize("x", tone_style="mới")


@pytest.mark.parametrize("tone", ["new", "old", "keep"])
def test_text_normalize_equals_cli_normalize(tone, tmp_path):
    text = "Hòa bình, thuỷ lợi, khỏe\u00a0mạnh.\r\nỦy ban nhân dân tỉnh " + read(CORPUS[1])
    f = tmp_path / "in.txt"
    f.write_bytes(text.encode())
    assert tomtat.text_normalize(text, tone_style=tone) == cli("normalize", "--tone-style", tone, f)


def test_decode_legacy_encodings():
    assert tomtat.decode("Hoà bình".encode()) == "Hoà bình"
    assert tomtat.decode(b"Vie^.t Nam ho`a bi`nh", encoding="viqr", tone_style="new") == "Việt Nam hoà bình"
    assert tomtat.decode("Việt Nam".encode("utf-16")) == "Việt Nam"
    assert tomtat.decode(b"") == ""
    with pytest.raises(tomtat.TomtatError):
        tomtat.decode(b"PK\x03\x04\x00\x00 not really a zip")
    with pytest.raises(ValueError, match="unknown encoding"):
        tomtat.decode(b"x", encoding="latin9")


def test_decode_equals_cli_on_encodings_dev():
    d = shared("encodings-dev")
    files = sorted(f for f in d.glob("*.txt") if ".expected." not in f.name)[:25]
    assert files
    for f in files:
        data = f.read_bytes()
        assert tomtat.decode(data) == cli("normalize", f), f.name
        expected = f.with_name(f.name.replace(".txt", ".expected.txt"))
        if expected.exists():
            assert tomtat.decode(data) == cli("normalize", "-", stdin=data), f.name


def test_read_file_equals_cli_text():
    d = shared("files-dev")
    files = sorted(f for f in d.iterdir() if f.suffix in (".docx", ".doc", ".pdf", ".html", ".rtf", ".odt"))
    assert files
    for f in files:
        code, out, err = cli_run("text", f, ok=(0, 1))
        if code == 0:
            assert tomtat.read_file(f) == out, f.name
        else:  # `tomtat: error: PATH: REASON`: the same reason in the exception
            with pytest.raises(tomtat.TomtatError) as e:
                tomtat.read_file(f)
            assert err.strip() == f"tomtat: error: {e.value}", f.name
    with pytest.raises(tomtat.TomtatError) as e:
        tomtat.read_file(d / "missing.docx")
    assert e.value.reason == "not found"


# ---- summaries --------------------------------------------------------------------------------

PARTS = ("results", "shortcomings", "directives", "indicators", "tasks")


def test_summarize_bar():
    record = tomtat.summarize(open(ROOT / "corpus" / "000.txt", encoding="utf-8").read())
    for key in PARTS:
        assert key in record, key
    assert record["results"] and record["indicators"]
    assert record["indicators"][0]["raw"] == "832.270.966.973 đồng"


def test_summarize_paths_equal_cli_summarize():
    lines = cli("summarize", "-q", "--format", "jsonl", *CORPUS).splitlines()
    expected = [json.loads(line) for line in lines]
    assert len(expected) == len(CORPUS)
    for path, e in zip(CORPUS, expected):
        assert tomtat.summarize(path) == e  # os.PathLike
        assert tomtat.summarize(str(path)) == e  # a one-line str naming a file
    many = list(tomtat.summarize_many(CORPUS, jobs=2))
    assert many == expected
    assert list(tomtat.summarize_many(iter(CORPUS), jobs=1)) == expected


def test_summarize_text_equals_cli_jsonl():
    docs = [{"id": p.stem, "text": read(p)} for p in CORPUS[:12]]
    stdin = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    expected = [json.loads(line) for line in cli("summarize", "-q", "--jsonl", "-", stdin=stdin).splitlines()]
    for d, e in zip(docs, expected):
        got = tomtat.summarize(d["text"], id=d["id"])
        assert got["source"] == "-" and e["source"].startswith("stdin:")
        got.pop("source"), e.pop("source")
        assert got == e
    many = list(tomtat.summarize_many(docs))
    for m, e in zip(many, expected):
        m.pop("source")
        assert m == e


def test_summarize_options_equal_cli():
    path = CORPUS[3]
    for args, kwargs in (
        (["--method", "lexrank"], {"method": "lexrank"}),
        (["--max-per-part", "2"], {"max_per_part": 2}),
        (["--tone-style", "new"], {"tone_style": "new"}),
    ):
        e = json.loads(cli("summarize", "-q", *args, path))
        assert tomtat.summarize(path, **kwargs) == e, args
    # pipelines are cached per option set: the default one is still the default
    assert tomtat.summarize(path) == json.loads(cli("summarize", "-q", path))
    with pytest.raises(ValueError, match="unknown method"):
        tomtat.summarize("x", method="textrank")


def test_summarize_bytes_and_formats():
    text = read(CORPUS[0])
    from_bytes = tomtat.summarize(text.encode("utf-16"))
    assert from_bytes["encoding"] == "UTF-16LE" or from_bytes["encoding"].lower().startswith("utf")
    assert [p["text"] for p in from_bytes["results"]] == [p["text"] for p in tomtat.summarize(text)["results"]]
    d = SHARED / "files-dev"
    if d.is_dir():
        for f in sorted(d.glob("*.docx"))[:2]:
            assert tomtat.summarize(f) == json.loads(cli("summarize", "-q", f))
    else:
        print(f"skipped: {d} is absent")


def test_errors_are_exceptions_with_the_cli_reason(tmp_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    for path in (missing, empty, binary):
        e = json.loads(cli("summarize", "-q", path, ok=(1,)))
        with pytest.raises(tomtat.TomtatError) as err:
            tomtat.summarize(path)
        assert (err.value.id, err.value.source, err.value.reason) == (e["id"], e["source"], e["error"])
        assert str(err.value) == f"{e['source']}: {e['error']}"
    records = list(tomtat.summarize_many([CORPUS[0], missing, empty, CORPUS[1]], errors="record"))
    assert [("error" in r) for r in records] == [False, True, True, False]
    assert records[1] == json.loads(cli("summarize", "-q", missing, ok=(1,)))
    # errors="raise": the failed input raises, and the iterator goes on after it
    it = tomtat.summarize_many([CORPUS[0], missing, CORPUS[1]], jobs=2)
    assert next(it)["id"] == CORPUS[0].name
    with pytest.raises(tomtat.TomtatError, match="not found"):
        next(it)
    assert next(it)["id"] == CORPUS[1].name
    with pytest.raises(StopIteration):
        next(it)


def test_summarize_many_rejects_wrong_items():
    with pytest.raises(TypeError, match="cannot summarize"):
        list(tomtat.summarize_many([1, 2]))
    with pytest.raises(ValueError):
        tomtat.summarize_many([], jobs=0)
    with pytest.raises(ValueError, match="errors"):
        tomtat.summarize_many([], errors="ignore")
    with pytest.raises(ValueError, match="needs"):
        tomtat.summarize({"id": "x"})
    assert list(tomtat.summarize_many([])) == []


def test_summarize_many_is_lazy_and_ordered():
    pulled = 0
    texts = [read(p) for p in CORPUS]

    def gen():
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield texts[i % len(texts)]

    it = tomtat.summarize_many(gen(), jobs=1)
    first = next(it)
    assert first["id"] == "0"
    assert pulled <= 16  # one chunk read, not the whole generator
    rest = list(it)
    assert [r["id"] for r in [first, *rest]] == [str(i) for i in range(200)]
    singles = {i: tomtat.summarize(texts[i], id=str(i)) for i in range(len(texts))}
    for r in rest[: len(texts)]:
        assert r == singles[int(r["id"]) % len(texts)] | {"id": r["id"]}


def test_summarize_many_releases_the_gil():
    """Another Python thread runs while a chunk is summarized, inside one call of next()."""
    big = "\n".join(read(p) for p in CORPUS)
    docs = [big] * 6  # one chunk with jobs=1
    stamps = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
            if n % 200 == 0:
                stamps.append(time.perf_counter())

    it = tomtat.summarize_many(docs, jobs=1)
    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.02)
        t0 = time.perf_counter()
        first = next(it)  # summarizes the whole chunk
        t1 = time.perf_counter()
    finally:
        stop.set()
        t.join()
    assert first["id"] == "0" and len(list(it)) == 5
    assert t1 - t0 > 0.05, "the chunk was too quick to tell"
    # Holding the GIL, the counter could run only at the edges of the call (a switch interval).
    margin = 0.2 * (t1 - t0)
    inside = [s for s in stamps if t0 + margin < s < t1 - margin]
    assert inside, (len(stamps), t1 - t0)


def test_type_hints_and_docstrings_cover_the_api():
    import ast

    stub = pathlib.Path(tomtat.__file__).with_name("__init__.pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    public = set(tomtat.__all__) - {"__version__"}
    assert public <= defined, public - defined
    for name in public:
        assert getattr(tomtat, name).__doc__, name
    assert (stub.parent / "py.typed").exists()
    assert tomtat.__version__.count(".") == 2
