"""Colour-vision simulation and the distance between a palette's colours."""

import numpy as np

from fromto.views import palette


def test_white_and_black_look_the_same_under_every_simulated_colour_vision():
    rgb = palette.to_rgb(["#FFFFFF", "#000000"])
    for vision in palette.VISIONS:
        assert np.allclose(palette.simulate(rgb, vision), [[1, 1, 1], [0, 0, 0]], atol=1e-3)


def test_red_and_green_far_apart_in_normal_vision_come_close_under_deuteranopia():
    red_green = ["#D62728", "#2CA02C"]  # the red and green of matplotlib's default (tab10) cycle
    normal = palette.distances(red_green, "normal")[0, 1]
    deutan = palette.distances(red_green, "deuteranopia")[0, 1]
    assert normal > 100 and deutan < 10


def test_cielab_of_srgb_primaries_matches_the_published_values():
    lab = palette.to_lab(palette.simulate(palette.to_rgb(["#FF0000", "#FFFFFF"]), "normal"))
    assert np.allclose(lab[0], [53.24, 80.09, 67.20], atol=0.05)  # sRGB red, D65
    assert np.allclose(lab[1], [100, 0, 0], atol=0.01)


def test_min_distance_names_the_closest_pair_and_the_vision_it_is_closest_in():
    distance, vision, pair = palette.min_distance(["#000000", "#FFFFFF", "#010101"])
    assert pair == ("#000000", "#010101") and distance < 1 and vision in palette.VISIONS
