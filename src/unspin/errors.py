"""The one error tree of unspin.

Every error knows the exit code the CLI returns for it and the HTTP status the web layer
answers with, so neither layer needs a table of its own::

    UnspinError                      exit 1   HTTP 500
    ├── InputError                   exit 10  HTTP 400   a bad article; names the input
    │   ├── InputNotFoundError       exit 11  HTTP 404
    │   ├── EmptyInputError          exit 12  HTTP 422
    │   ├── BinaryInputError         exit 13  HTTP 415
    │   ├── DecodeError              exit 14  HTTP 422
    │   ├── NoArticleTextError       exit 15  HTTP 422
    │   ├── MalformedRecordError     exit 16  HTTP 422   a JSONL line; names its number
    │   └── InputTooLargeError       exit 17  HTTP 413
    ├── ModelError                   exit 20  HTTP 503   a model is missing or broken
    ├── PipelineError                exit 21  HTTP 500   stages misordered or unknown
    ├── ReportError                  exit 22  HTTP 500   a report could not be read or written
    ├── RulesError                   exit 23  HTTP 500   a shipped rules file is broken
    └── StoreError                   exit 24  HTTP 500   a corpus store cannot be opened or used

The CLI adds two codes of its own: 2 for a usage error and 3 for a batch run in which some
articles were reported and others failed.
"""

from __future__ import annotations

from typing import Any, ClassVar


class UnspinError(Exception):
    """An unexpected internal error (the root of every unspin error)."""

    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of an error, shared by the CLI's error files and the web API."""
        return {"code": self.code, "message": str(self), "detail": self.detail()}

    def detail(self) -> dict[str, Any]:
        return {}


class InputError(UnspinError):
    """An article cannot be read; the message names the input and what is wrong."""

    exit_code = 10
    http_status = 400
    code = "bad_input"

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")

    def detail(self) -> dict[str, Any]:
        detail: dict[str, Any] = {"input": self.source}
        if self.line is not None:
            detail["line"] = self.line
        return detail


class InputNotFoundError(InputError):
    """The input does not exist or cannot be read."""

    exit_code = 11
    http_status = 404
    code = "input_not_found"


class EmptyInputError(InputError):
    """The input is empty or holds only whitespace."""

    exit_code = 12
    http_status = 422
    code = "empty_input"


class BinaryInputError(InputError):
    """The input is binary (a PDF, an image, an archive), not text."""

    exit_code = 13
    http_status = 415
    code = "binary_input"


class DecodeError(InputError):
    """The input's bytes fit no common text encoding."""

    exit_code = 14
    http_status = 422
    code = "undecodable_input"


class NoArticleTextError(InputError):
    """The HTML page has no article text to extract."""

    exit_code = 15
    http_status = 422
    code = "no_article_text"


class MalformedRecordError(InputError):
    """A JSONL line is not a valid article record."""

    exit_code = 16
    http_status = 422
    code = "malformed_record"


class InputTooLargeError(InputError):
    """The input is over the size limit (--max-size)."""

    exit_code = 17
    http_status = 413
    code = "input_too_large"


class ModelError(UnspinError):
    """A model is missing or cannot be loaded."""

    exit_code = 20
    http_status = 503
    code = "model_unavailable"


class PipelineError(UnspinError):
    """The stages are misordered or unknown, or a stage failed on an article."""

    exit_code = 21
    http_status = 500
    code = "pipeline_error"


class ReportError(UnspinError):
    """A report cannot be read or written."""

    exit_code = 22
    http_status = 500
    code = "report_error"


class RulesError(UnspinError):
    """A shipped rules file is broken."""

    exit_code = 23
    http_status = 500
    code = "rules_error"


class StoreError(UnspinError):
    """A corpus store cannot be opened, migrated or written; the message names the file."""

    exit_code = 24
    http_status = 500
    code = "store_error"


def all_errors() -> list[type[UnspinError]]:
    """Every error class, root first; the CLI documents their exit codes from this list."""
    found: list[type[UnspinError]] = []
    pending: list[type[UnspinError]] = [UnspinError]
    while pending:
        cls = pending.pop(0)
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found
