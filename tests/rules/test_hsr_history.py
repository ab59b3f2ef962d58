"""HSR jurisdictional thresholds back to 1 February 2001 (issue 12): the value in force on a
closing date, the date it took effect and the Federal Register notice it comes from; a year
whose notice could not be read is unknown, never the previous year's figure."""

import datetime as dt

import pytest

from trustbench.rules.loader import builtin_dir, load_pack
from trustbench.rules.pack import resolve
from trustbench.rules.schema import Parameter

Params = dict[str, Parameter]

PRIMARY_HOSTS = ("https://www.govinfo.gov/", "https://www.federalregister.gov/")


@pytest.fixture(scope="module")
def us_params() -> Params:
    return dict(load_pack(builtin_dir() / "us").params)


@pytest.mark.parametrize(
    ("as_of", "value", "effective", "citation"),
    [
        (dt.date(2001, 6, 1), 50_000_000, dt.date(2001, 2, 1), "Pub. L. 106-553"),
        (dt.date(2005, 3, 15), 53_100_000, dt.date(2005, 3, 2), "70 FR 5020"),
        (dt.date(2010, 3, 1), 63_400_000, dt.date(2010, 2, 22), "75 FR 3468"),
        (dt.date(2015, 6, 1), 76_300_000, dt.date(2015, 2, 20), "80 FR 2934"),
    ],
)
def test_floor_in_force_on_a_closing_date(
    us_params: Params, as_of: dt.date, value: int, effective: dt.date, citation: str
) -> None:
    found = resolve(us_params["hsr_size_of_transaction_floor"], as_of)
    assert found is not None
    assert (found.value, found.effective) == (value, effective)
    assert citation in found.reference.title
    assert found.reference.href is not None
    assert found.reference.href.startswith(PRIMARY_HOSTS)
    assert found.reference.pinpoint and "50" in found.reference.pinpoint


def test_the_day_before_a_revision_keeps_the_old_figure(us_params: Params) -> None:
    floor = us_params["hsr_size_of_transaction_floor"]
    before = resolve(floor, dt.date(2005, 3, 1))
    assert before is not None and before.value == 50_000_000


def test_a_year_whose_table_was_not_read_is_unknown(us_params: Params) -> None:
    # 2006 notice found but not read: the 2005 floor must not carry over into it.
    for as_of in (dt.date(2006, 6, 1), dt.date(2013, 6, 1), dt.date(2018, 6, 1)):
        found = resolve(us_params["hsr_size_of_transaction_floor"], as_of)
        assert found is not None and found.value is None, as_of


def test_no_threshold_before_the_2000_amendments(us_params: Params) -> None:
    assert resolve(us_params["hsr_size_of_transaction_floor"], dt.date(2001, 1, 31)) is None


@pytest.mark.parametrize(
    ("name", "as_of", "value"),
    [
        ("hsr_size_of_person_ceiling", dt.date(2007, 6, 1), 239_200_000),
        ("hsr_size_of_person_larger", dt.date(2011, 6, 1), 131_900_000),
        ("hsr_size_of_person_smaller", dt.date(2014, 6, 1), 15_200_000),
        ("hsr_notification_500m_adjusted", dt.date(2009, 6, 1), 651_700_000),
        ("hsr_notification_1bn_adjusted", dt.date(2015, 6, 1), 1_525_300_000),
    ],
)
def test_other_series_read_from_the_notices(
    us_params: Params, name: str, as_of: dt.date, value: int
) -> None:
    found = resolve(us_params[name], as_of)
    assert found is not None and found.value == value
    assert found.reference.href and found.reference.href.startswith(PRIMARY_HOSTS)
