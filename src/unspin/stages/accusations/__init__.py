"""The accusations stage: who accuses whom of what, on what evidence, and who denies it.

    parse (a Title Case headline again, written as a sentence: "Stacey Abrams to sue Georgia
    over ...") -> frames (accuse/blame/charge/call ... claim that X did wrong, allegations that)
    -> actors (entity mentions, pronouns, the speaker of a quotation for "we")
    -> evidence and counter-evidence nearby -> denials linked to the accusation they answer

Reported accusations count: "X accused Y of Z" inside W's quotation is still X -> Y.
An accusation whose accuser and accused are the same actor is dropped.
"""

from __future__ import annotations

from typing import Any, ClassVar

from unspin import nlp as nlp_loader
from unspin.article import Article, Span
from unspin.options import Options
from unspin.pipeline import Stage
from unspin.rules.accusations import AccusationRules, accusation_rules
from unspin.stages.accusations.actors import ActorIndex
from unspin.stages.accusations.answers import Denial, answers, denials, evidence
from unspin.stages.accusations.frames import CLAIMING, CONFIDENCE, Frame, author, frames
from unspin.stages.casing import title_docs
from unspin.stages.entities.posts import Post

SOURCE = "rules/accusations"


class AccusationsStage(Stage):
    name: ClassVar[str] = "accusations"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "entities"})
    provides: ClassVar[frozenset[str]] = frozenset({"accusations"})

    def __init__(self, *, options: Options) -> None:
        self.rules: AccusationRules = accusation_rules()
        self.spacy_model = options.spacy_model

    def __call__(self, article: Article) -> Article:
        doc = article.cache["doc"]
        actors = ActorIndex(article)
        found: list[tuple[Frame, str | None, str]] = []
        seen: set[tuple[int, str | None, str | None]] = set()
        for frame in self._frames(doc, article):
            accuser = self._accuser(frame.accuser, actors)
            accused = actors.actor(frame.accused)
            if accused is not None and accused == accuser:
                accused = actors.other(frame.accused, accuser)
            if accused is None and frame.shape == CLAIMING:
                accused = actors.owner(frame.accused)  # "said the defendants' home served as"
            key = (frame.cue.idx, accuser, accused)
            if accused is None or accused == accuser or key in seen:
                continue
            seen.add(key)
            found.append((frame, accuser, accused))
        found.sort(key=lambda f: f[0].cue.idx)
        answered = self._denials(doc, actors, found)
        for k, (frame, accuser, accused) in enumerate(found):
            allegation = _unsigned(frame.allegation, article.text, actors.posts)
            article.add(
                "accusations",
                self._span(doc, frame, allegation, accuser, accused, answered.get(k, [])),
            )
        return article

    def _frames(self, doc: Any, article: Article) -> list[Frame]:
        """The frames of the article; those of a Title Case line from a parse of the line
        written as a sentence (the parse of "Stacey Abrams to Sue Georgia Over ..." has no
        verb "sue"), which keeps the article's offsets."""
        titles = title_docs(article, nlp_loader.load(self.spacy_model))
        found = [
            f
            for f in frames(doc, self.rules, _loaded(doc, article, self.rules))
            if titles.at(f.cue.idx) is None
        ]
        for line in titles.lines:
            loaded = _loaded(line.doc, article, self.rules)
            found += frames(line.tokens(), self.rules, loaded)
        return found

    def _accuser(self, token: Any | None, actors: ActorIndex) -> str | None:
        """The actor the accuser's word stands for; for a document that accuses ("Saucier's
        lawsuit alleges"), its author."""
        if token is None:
            return None
        found = actors.actor(token)
        if found is None and token.lemma_.lower() in self.rules.documents:
            writer = author(token)
            found = actors.actor(writer) if writer is not None else None
        return found

    def _denials(
        self, doc: Any, actors: ActorIndex, found: list[tuple[Frame, str | None, str]]
    ) -> dict[int, list[Span]]:
        before = [(f.cue.idx, accused, accuser) for f, accuser, accused in found]
        linked: dict[int, list[Span]] = {}
        for denial in denials(doc, self.rules):
            denier = actors.actor(denial.denier)
            index = answers(denial, before, denier, self.rules)
            if index is not None:
                linked.setdefault(index, []).append(_denial_span(denial, denier))
        return linked

    def _span(
        self,
        doc: Any,
        frame: Frame,
        allegation: tuple[int, int],
        accuser: str | None,
        accused: str,
        denied: list[Span],
    ) -> Span:
        cue = frame.cue
        words = [cue, frame.accused, *([frame.accuser] if frame.accuser is not None else [])]
        start = min(min(t.idx for t in words), allegation[0])
        end = max(max(t.idx + len(t.text) for t in words), allegation[1])
        sentence = cue.sent
        start, end = max(start, sentence.start_char), min(end, sentence.end_char)
        found = evidence(cue.doc, start, end, self.rules)
        attrs = {
            "accuser": accuser,
            "accused": accused,
            "cue": Span(cue.idx, cue.idx + len(cue.text), None, {"lemma": cue.lemma_.lower()}),
            "allegation": Span(*allegation),
            "shape": frame.shape,
            "evidence": [Span(a, b, None, {"kind": kind}) for a, b, kind in found],
            "denials": denied,
            "confidence": CONFIDENCE[frame.shape],
            "source": SOURCE,
        }
        return Span(start, end, None, attrs)


def _unsigned(allegation: tuple[int, int], text: str, signed: list[Post]) -> tuple[int, int]:
    """An allegation up to the signature of the post it is in, where the parse ran on into it
    ("my son is lying — Karen Monahan (@KarenMonahan01) August 12, 2018")."""
    start, end = allegation
    for post in signed:
        if start < post.end < end:
            cut = len(text[start : post.end].rstrip(" \u2014\u2013-"))
            return (start, start + cut) if cut > 0 else allegation
    return allegation


def _loaded(doc: Any, article: Article, rules: AccusationRules) -> frozenset[int]:
    """The tokens inside the spans of the techniques that say something is bad (loaded
    language, name calling), where the techniques stage ran."""
    found: set[int] = set()
    for span in article.groups["techniques"]:
        if span.label in rules.loaded_techniques:
            words = doc.char_span(span.start, span.end, alignment_mode="expand") or []
            found.update(t.i for t in words)
    return frozenset(found)


def _denial_span(denial: Denial, denier: str | None) -> Span:
    cue = denial.cue
    return Span(
        cue.idx,
        cue.idx + len(cue.text),
        None,
        {"by": denier, "lemma": cue.lemma_.lower(), "source": SOURCE},
    )
