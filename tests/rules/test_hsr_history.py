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


def test_a_figure_not_found_is_unknown_not_carried_over(us_params: Params) -> None:
    # The 2018 $500m (as adjusted) figure was not found: the 2017 figure must not carry over.
    found = resolve(us_params["hsr_notification_500m_adjusted"], dt.date(2018, 6, 1))
    assert found is not None and found.value is None
    assert found.reference.note and "not found" in found.reference.note


@pytest.mark.parametrize(
    ("as_of", "value", "effective"),
    [
        (dt.date(2006, 6, 1), 56_700_000, dt.date(2006, 2, 17)),
        (dt.date(2008, 6, 1), 63_100_000, dt.date(2008, 2, 28)),
        (dt.date(2012, 6, 1), 68_200_000, dt.date(2012, 2, 27)),
        (dt.date(2013, 6, 1), 70_900_000, dt.date(2013, 2, 11)),
        (dt.date(2016, 6, 1), 78_200_000, dt.date(2016, 2, 25)),
        (dt.date(2017, 6, 1), 80_800_000, dt.date(2017, 2, 27)),
        (dt.date(2018, 6, 1), 84_400_000, dt.date(2018, 2, 28)),
        (dt.date(2019, 6, 1), 90_000_000, dt.date(2019, 4, 3)),
    ],
)
def test_floor_from_secondary_copies_says_so(
    us_params: Params, as_of: dt.date, value: int, effective: dt.date
) -> None:
    found = resolve(us_params["hsr_size_of_transaction_floor"], as_of)
    assert found is not None and (found.value, found.effective) == (value, effective)
    assert found.reference.confidence == "recalled"  # read in law-firm copies, not the notice
    assert found.reference.note and "[R]" in found.reference.note


HSR_PARAMS = (
    "hsr_size_of_transaction_floor",
    "hsr_size_of_person_ceiling",
    "hsr_size_of_person_larger",
    "hsr_size_of_person_smaller",
    "hsr_notification_500m_adjusted",
    "hsr_notification_1bn_adjusted",
    "hsr_notification_25pct",
    "hsr_notification_50pct",
    "hsr_investment_exemption_max_voting",
    "hsr_filing_fee",
    "hsr_civil_penalty_per_day",
)


@pytest.mark.parametrize("name", HSR_PARAMS)
def test_every_hsr_parameter_has_a_value_or_a_written_reason_from_2001(
    us_params: Params, name: str
) -> None:
    """Every day from 1 February 2001 (checked on every date any HSR series changes, and
    the day before it) has a value, or a null whose reference says why (not found, not read)."""
    dates = {dt.date(2001, 2, 1), dt.date(2026, 12, 7)}
    for other in HSR_PARAMS:
        for d in us_params[other].values:
            dates |= {d, d - dt.timedelta(days=1)}
    gaps = []
    for day in sorted(d for d in dates if d >= dt.date(2001, 2, 1)):
        found = resolve(us_params[name], day)
        if found is not None and found.value is not None:
            continue
        note = found.reference.note if found is not None else None
        if not (note and ("not found" in note or "not read" in note)):
            gaps.append(day)
    assert not gaps, f"{name}: no value and no reason on {gaps[:5]}"


@pytest.mark.parametrize(
    "name",
    [n for n in HSR_PARAMS[:8]],
)
def test_the_thresholds_are_dated_by_the_acquisition(us_params: Params, name: str) -> None:
    assert us_params[name].dated_by == "hsr.acquisition.date"


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
