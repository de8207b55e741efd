"""The first-names rules file: built from nomquamgender's name table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.errors import InputError
from unspin.training.first_names import first_names, write_first_names


def test_only_names_common_and_clear_enough_are_kept(tmp_path: Path) -> None:
    table = {
        "laura": [34, 1501112, 0.992, 3],
        "donald": [30, 1501951, 0.0, 3],
        "robin": [30, 200000, 0.55, 3],  # both
        "zyx": [1, 12, 1.0, 3],  # too rare
        "jos\u00e9": [3, 9000, 0.0, 3],  # not folded: the data's keys are ASCII
    }
    data = tmp_path / "name_data.json"
    data.write_text(json.dumps(table), encoding="utf-8")
    assert first_names(data) == {"f": ["laura"], "m": ["donald"]}
    out = tmp_path / "first_names.json"
    assert write_first_names(data, out) == 2
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["f"] == ["laura"] and "MIT" in written["source"]


def test_a_file_that_is_no_name_table_is_named_in_the_error(tmp_path: Path) -> None:
    data = tmp_path / "broken.json"
    data.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json"):
        first_names(data)
