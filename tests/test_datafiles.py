import collections

import pytest

from lagebild.datafiles import DataFileError, data_files, read_table


def test_data_files_exist():
    assert "lang/de/abbreviations.tsv" in data_files()


@pytest.mark.parametrize("path", data_files())
def test_data_file_parses_with_header_and_unique_keys(path):
    from importlib import resources

    text = (resources.files("lagebild") / path).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{path} must start with a header saying what it holds and where from"
    rows = read_table(path)
    assert rows, f"{path} has no rows"
    keys = collections.Counter(row[0] for row in rows)
    duplicates = [key for key, count in keys.items() if count > 1]
    assert not duplicates, f"{path}: duplicate keys {duplicates}"


def test_read_table_checks_column_count():
    with pytest.raises(DataFileError, match="expected 9 tab-separated fields"):
        read_table("lang/de/abbreviations.tsv", columns=9)
