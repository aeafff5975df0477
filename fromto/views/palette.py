"""Colour-vision checks for the figures' qualitative palettes.

A palette is usable by readers with a colour-vision deficiency when every two of its colours stay apart under
each common dichromacy. :func:`simulate` applies the severity-1.0 matrices of Machado, Oliveira & Fernandes (2009,
"A physiologically-based model for simulation of color vision deficiency", IEEE TVCG 15(6), 1291–1298) to linear
sRGB, for protanopia, deuteranopia and tritanopia; :func:`to_lab` converts sRGB (D65) to CIELAB; and
:func:`min_distance` is the smallest CIE 1976 ΔE*ab between any two colours of a palette under normal vision and the
three simulations. numpy only.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

#: Machado et al. (2009), severity 1.0, applied to linear RGB.
CVD_MATRICES = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
#: The visions a palette is checked under.
VISIONS = ("normal", *CVD_MATRICES)

_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE_D65 = np.array([0.95047, 1.0, 1.08883])


def to_rgb(colours: Sequence[str]) -> np.ndarray:
    """``"#RRGGBB"`` strings as an (n, 3) array of sRGB values in 0–1."""
    return np.array([[int(c.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)] for c in colours], dtype=float)


def _linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def simulate(rgb: np.ndarray, vision: str) -> np.ndarray:
    """sRGB colours (n, 3) as a reader with ``vision`` (``"normal"`` or a key of :data:`CVD_MATRICES`) sees them,
    returned as *linear* RGB clipped to 0–1."""
    lin = _linear(np.asarray(rgb, dtype=float))
    if vision == "normal":
        return lin
    return np.clip(lin @ CVD_MATRICES[vision].T, 0.0, 1.0)


def to_lab(linear_rgb: np.ndarray) -> np.ndarray:
    """Linear sRGB (n, 3) to CIELAB (D65 white)."""
    xyz = linear_rgb @ _SRGB_TO_XYZ.T / _WHITE_D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def distances(colours: Sequence[str], vision: str = "normal") -> np.ndarray:
    """The matrix of CIE76 ΔE*ab between every two of ``colours`` as seen with ``vision``."""
    lab = to_lab(simulate(to_rgb(colours), vision))
    return np.sqrt(((lab[:, None, :] - lab[None, :, :]) ** 2).sum(axis=2))


def min_distance(colours: Sequence[str]) -> tuple[float, str, tuple[str, str]]:
    """The smallest ΔE*ab between two of ``colours`` under any of :data:`VISIONS`: ``(distance, vision, pair)``."""
    worst = (float("inf"), "", ("", ""))
    for vision in VISIONS:
        d = distances(colours, vision)
        np.fill_diagonal(d, np.inf)
        i, j = np.unravel_index(np.argmin(d), d.shape)
        if d[i, j] < worst[0]:
            worst = (float(d[i, j]), vision, (colours[i], colours[j]))
    return worst
