"""tomtat: Vietnamese text, sentences, words and report briefings, from a Rust core.

>>> import tomtat
>>> tomtat.word_tokenize("Ban Chấp hành Đảng bộ huyện", format="text")
'Ban_Chấp_hành Đảng_bộ huyện'

Functions: `text_normalize`, `decode`, `read_file`, `sent_tokenize`, `split`,
`word_tokenize`, `summarize`, `summarize_many`; errors are `TomtatError`.
Everything runs offline: the models are compiled into the extension.
"""

from ._tomtat import (
    Summaries,
    TomtatError,
    __version__,
    decode,
    read_file,
    sent_tokenize,
    split,
    summarize,
    summarize_many,
    text_normalize,
    word_tokenize,
)

__all__ = [
    "Summaries",
    "TomtatError",
    "__version__",
    "decode",
    "read_file",
    "sent_tokenize",
    "split",
    "summarize",
    "summarize_many",
    "text_normalize",
    "word_tokenize",
]
