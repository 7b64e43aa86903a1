"""Type hints of the `tomtat` package (the native module `tomtat._tomtat`)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Union, overload

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
#: A document: its text, a path, raw bytes (any encoding or format), or {"id", "text"|"bytes"|"path"}.
Document = Union[str, "os.PathLike[str]", bytes, bytearray, Dict[str, Any]]
ToneStyle = Literal["new", "old", "keep"]
#: "auto", "utf8", "utf16", "utf16be", "cp1258", "tcvn3", "vni", "viqr" (and aliases such as "windows-1258", "abc").
Encoding = str
Method = Literal["default", "lexrank"]

class TomtatError(ValueError):
    """An input tomtat could not read or summarize: `str(e)` is `source: reason`."""

    id: str
    source: str
    #: The reason, as in the CLI's error record ("not found", "file too large ...", ...).
    reason: str

def text_normalize(text: str, tone_style: ToneStyle = "new") -> str:
    """NFC, `Ð`→`Đ`, invisible characters dropped, odd spaces and CRLF normalized, tone
    marks on oa/oe/uy in one style ("new": hoà, thuỷ; "old": hòa, thủy; "keep")."""

def decode(data: Union[bytes, bytearray], encoding: Encoding = "auto", tone_style: ToneStyle = "keep") -> str:
    """Decode bytes (UTF-8/16, Windows-1258, TCVN3, VNI, VIQR; "auto" detects) and
    normalize them, as `tomtat normalize` does. Raises TomtatError when they are not text."""

def read_file(path: StrPath, encoding: Encoding = "auto", tone_style: ToneStyle = "keep") -> str:
    """The text of a .txt/.docx/.odt/.doc/.rtf/.html/.mht/.pdf file, decoded and normalized,
    as `tomtat text PATH` prints it. Raises TomtatError with the CLI's reason."""

def sent_tokenize(text: str) -> List[str]:
    """The units of `text` (sentences, headings, list items, captions, bylines), line
    breaks inside a unit turned into spaces: the lines of `tomtat split`."""

def split(text: str) -> List[Dict[str, Any]]:
    """Units with kind and clauses: [{"text", "kind", "start", "end", "clauses":
    [{"text", "start", "end"}]}]; start/end are character offsets into `text`."""

@overload
def word_tokenize(
    text: str,
    format: None = None,
    fixed_words: Optional[List[str]] = None,
    dict: Optional[StrPath] = None,
) -> List[str]: ...
@overload
def word_tokenize(
    text: str,
    format: Literal["text"],
    fixed_words: Optional[List[str]] = None,
    dict: Optional[StrPath] = None,
) -> str: ...
def word_tokenize(
    text: str,
    format: Optional[Literal["text"]] = None,
    fixed_words: Optional[List[str]] = None,
    dict: Optional[StrPath] = None,
) -> Union[List[str], str]:
    """Words with syllables joined by `_` (`Ban_Chấp_hành`): a list, or with format="text"
    one space-separated string (the words of `tomtat tokenize`). `fixed_words` and the file
    `dict` (one word a line) are user words, always kept whole."""

def summarize(
    source: Document,
    *,
    id: Optional[str] = None,
    method: Method = "default",
    max_per_part: Optional[int] = None,
    encoding: Encoding = "auto",
    tone_style: ToneStyle = "keep",
    fixed_words: Optional[List[str]] = None,
    dict: Optional[StrPath] = None,
    max_file_mb: int = 256,
) -> Dict[str, Any]:
    """The briefing record `tomtat summarize` writes: id, source, encoding, units,
    part_sizes, results, shortcomings, directives, indicators, tasks (byte offsets of the
    source). A one-line str naming an existing .txt/.docx/.pdf/... file is read as a path.
    Raises TomtatError with the CLI's reason when the input cannot be read."""

class Summaries(Iterator[Dict[str, Any]]):
    """Records of `summarize_many`, in input order."""

    def __iter__(self) -> "Summaries": ...
    def __next__(self) -> Dict[str, Any]: ...

def summarize_many(
    items: Iterable[Document],
    jobs: Optional[int] = None,
    *,
    errors: Literal["raise", "record"] = "raise",
    method: Method = "default",
    max_per_part: Optional[int] = None,
    encoding: Encoding = "auto",
    tone_style: ToneStyle = "keep",
    fixed_words: Optional[List[str]] = None,
    dict: Optional[StrPath] = None,
    max_file_mb: int = 256,
) -> Summaries:
    """Summarize on a Rust thread pool of `jobs` threads (default all cores) with the GIL
    released; records come in input order. errors="record" yields the CLI's error records
    {"id", "source", "error"} instead of raising TomtatError."""
