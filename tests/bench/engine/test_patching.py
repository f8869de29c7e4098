"""Sweeps set an engine constant wherever the engine reads it, in a process of their own."""

from multiprocessing import get_context

import pytest

from bench.engine.patching import parse_value, patch_constant


def _patched_reads(value):
    from tracker.rules import baseline, clinical, red_flags, trends

    places = patch_constant("tracker.rules.clinical.SEVERE_STRENGTH_DROP", value)
    floor_places = patch_constant("tracker.rules.baseline.NOISE_FLOOR", value)
    return (
        places,
        clinical.SEVERE_STRENGTH_DROP,
        red_flags.SEVERE_STRENGTH_DROP,
        floor_places,
        baseline.level_of.__defaults__,
        trends._shift.__defaults__[-1],
    )


def test_a_constant_is_set_in_its_module_in_every_importer_and_in_defaults():
    with get_context("fork").Pool(1) as pool:
        places, home, importer, floor_places, level_default, shift_default = pool.apply(_patched_reads, (2.5,))
    assert (home, importer) == (2.5, 2.5)
    assert places >= 2
    assert level_default == (2.5,) and shift_default == 2.5
    assert floor_places >= 3


def test_only_engine_constants_can_be_swept():
    with pytest.raises(ValueError, match=r"only constants of tracker\.rules"):
        patch_constant("tracker.settings.DEBUG", True)
    with pytest.raises(ValueError, match="has no"):
        patch_constant("tracker.rules.clinical.NO_SUCH_THRESHOLD", 1)


def test_values_are_read_as_python_literals():
    assert parse_value("3.5") == 3.5
    assert parse_value("(1, 2)") == (1, 2)
    assert parse_value("soon") == "soon"
