from __future__ import annotations

import pytest

from entente.config import get_settings
from entente.errors import InputError
from entente.ingest import IngestFailure, read_one, read_paths

from ..conftest import DATA, SAMPLES


def test_reads_every_sample_article():  # type: ignore[no-untyped-def]
    items = list(read_paths([str(SAMPLES)]))
    assert [i.doc_id for i in items] == sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert all(not isinstance(i, IngestFailure) for i in items)


@pytest.mark.parametrize("name,problem", [
    ("empty.txt", "empty file"),
    ("binary.txt", "ZIP archive, not a format entente reads"),
])
def test_bad_files_fail_with_a_message_naming_the_file(name, problem):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as exc:
        read_one(DATA / "bad" / name, get_settings())
    assert name in str(exc.value) and problem in str(exc.value)


def test_non_utf8_file_is_decoded_with_a_warning():  # type: ignore[no-untyped-def]
    raw = read_one(DATA / "bad" / "latin1.txt", get_settings())
    assert "Luiz Inácio Lula da Silva" in raw.text
    assert raw.warnings and "latin1.txt" in raw.warnings[0] and "not UTF-8" in raw.warnings[0]


def test_a_bad_file_does_not_stop_the_batch():  # type: ignore[no-untyped-def]
    items = list(read_paths([str(DATA / "bad" / "empty.txt"), str(SAMPLES / "000_25cf438f34d7ad8b.txt"),
                             str(DATA / "bad" / "missing.txt")]))
    assert [type(i).__name__ for i in items] == ["IngestFailure", "RawArticle", "IngestFailure"]
    assert "no such file" in str(items[2])
