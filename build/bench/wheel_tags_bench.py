"""Reference timings for docs/benchmarks.md, "Packaging: wheel names and tags".

Times pypa/packaging's parse_wheel_filename and a supported-tag rank lookup (the tag-set intersection pip and uv
do per candidate file) on the same wheel names and target as tests/VenvStacks.Benchmarks/WheelTagsBenchmarks.cs.
The names are read from that C# file so both sides always measure the same input.

Run with the Python whose pip-vendored packaging you want to measure, e.g.
    /root/.pyenv/versions/3.11.7/bin/python build/bench/wheel_tags_bench.py
"""

from __future__ import annotations

import pathlib
import platform
import re
import sys
import timeit

try:  # a standalone packaging install wins; otherwise use the copy pip vendors
    import packaging as packaging_module
    from packaging.tags import compatible_tags, cpython_tags
    from packaging.utils import parse_wheel_filename
    SOURCE = "packaging"
except ImportError:
    from pip._vendor import packaging as packaging_module
    from pip._vendor.packaging.tags import compatible_tags, cpython_tags
    from pip._vendor.packaging.utils import parse_wheel_filename
    SOURCE = "pip._vendor.packaging"

REPO = pathlib.Path(__file__).resolve().parents[2]
BENCHMARK_SOURCE = REPO / "tests" / "VenvStacks.Benchmarks" / "WheelTagsBenchmarks.cs"
NAMES = re.findall(r'"([^"\s]+\.whl)"', BENCHMARK_SOURCE.read_text(encoding="utf-8"))

# CPython 3.11 on linux_x86_64 with glibc 2.28: the platform list the C# side generates with PlatformTags.ForLinux.
LEGACY = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
PLATFORMS = ["linux_x86_64"]
for minor in range(28, 4, -1):
    PLATFORMS.append(f"manylinux_2_{minor}_x86_64")
    if minor in LEGACY:
        PLATFORMS.append(f"{LEGACY[minor]}_x86_64")


def build_supported():
    tags = list(cpython_tags((3, 11), ["cp311"], PLATFORMS)) + list(compatible_tags((3, 11), "cp311", PLATFORMS))
    ranks = {}
    for index, tag in enumerate(tags):
        ranks.setdefault(tag, index)
    return tags, ranks


SUPPORTED, RANKS = build_supported()
PARSED = [parse_wheel_filename(name)[3] for name in NAMES]


def rank_of(tags):
    return min((RANKS[tag] for tag in tags if tag in RANKS), default=None)


def parse_all():
    for name in NAMES:
        parse_wheel_filename(name)


def rank_all():
    for tags in PARSED:
        rank_of(tags)


def parse_and_rank_all():
    for name in NAMES:
        rank_of(parse_wheel_filename(name)[3])


def per_item_ns(function, items):
    timer = timeit.Timer(function)
    loops, _ = timer.autorange()
    best = min(timer.repeat(repeat=7, number=loops))
    return best / loops / items * 1e9


def main():
    print(f"Python {platform.python_version()} ({sys.executable}), {SOURCE} {packaging_module.__version__}")
    print(f"{len(NAMES)} wheel names, {len(SUPPORTED)} supported tags (cp311, linux_x86_64, glibc 2.28)")
    compatible = sum(rank_of(tags) is not None for tags in PARSED)
    print(f"compatible wheels: {compatible}")
    print(f"parse_wheel_filename             : {per_item_ns(parse_all, len(NAMES)):8.0f} ns per name")
    print(f"rank (supported-tag lookup)      : {per_item_ns(rank_all, len(NAMES)):8.0f} ns per name")
    print(f"parse + rank                     : {per_item_ns(parse_and_rank_all, len(NAMES)):8.0f} ns per name")
    print(f"build supported-tag list + index : {per_item_ns(build_supported, 1) / 1000:8.1f} us per list")


if __name__ == "__main__":
    main()
