"""The learning curve's draw of train articles and its refusal of bad shares (no training here)."""

from __future__ import annotations

from click.testing import CliRunner

from tightrope.coder.curve import main, sample


def test_curve_draw_is_seeded_and_each_larger_share_holds_the_smaller():
    ids = [f"a{i}" for i in range(40)]
    quarter, half = sample(ids, 0.25), sample(ids, 0.5)
    assert len(quarter) == 10 and len(half) == 20
    assert set(quarter) <= set(half)
    assert sample(list(reversed(ids)), 0.25) == quarter  # the draw does not depend on the input order
    assert sample(ids, 0.25, seed=1) != quarter
    assert sample(ids, 1.0) == sorted(ids)


def test_curve_refuses_a_share_outside_zero_to_one():
    result = CliRunner().invoke(main, ["--shares", "0.5,2"])
    assert result.exit_code != 0
    assert "each share must be above 0 and at most 1" in result.output
    result = CliRunner().invoke(main, ["--shares", "half"])
    assert "give numbers between 0 and 1" in result.output
