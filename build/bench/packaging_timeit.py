"""Times pypa/packaging on the operations of the .NET packaging benchmarks, for docs/benchmarks.md.

Usage:
    python3 build/bench/packaging_timeit.py                      # `packaging`, else pip's vendored copy
    python3 build/bench/packaging_timeit.py --packaging-path DIR  # DIR contains the `packaging` package (e.g. a checkout's src/)

Prints one line per operation with the time per operation and the rate. The inputs mirror
tests/VenvStacks.Benchmarks/Packaging (same strings, same kind of generated version list).
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import timeit

TYPICAL = [
    "1.2.3", "2.0.0rc1", "1!2.0.post1.dev3+local.7", "v1.0", "23.1.0",
    "0.10.0", "3.11.7", "1.26.4", "2024.1", "1.0.0a5",
]
MARKERS = [
    'python_version >= "3.8"',
    'sys_platform == "win32" and platform_machine == "AMD64"',
    'python_version < "3.11" or extra == "test"',
    "platform_python_implementation == 'CPython' and python_full_version >= '3.9.1'",
]
REQUIREMENTS = [
    "requests>=2.31",
    'numpy>=1.22,<2.0; python_version >= "3.9"',
    'pytest[testing]>=7 ; extra == "test"',
    'typing-extensions>=4.6; python_version < "3.12" and platform_system != "Windows"',
]
ENVIRONMENT = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.7",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "platform_release": "6.5.0-1025-azure",
    "platform_system": "Linux",
    "platform_version": "#26~22.04.1-Ubuntu SMP",
    "python_full_version": "3.11.7",
    "platform_python_implementation": "CPython",
    "python_version": "3.11",
    "sys_platform": "linux",
    # packaging < 22 requires `extra`; later versions default it to "" in the metadata context.
    "extra": "",
}


def index_like(count: int) -> list[str]:
    rng = random.Random(20260101)
    versions = []
    for _ in range(count):
        text = f"{rng.randrange(0, 4)}.{rng.randrange(0, 30)}.{rng.randrange(0, 12)}"
        kind = rng.randrange(10)
        if kind == 0:
            text += f"rc{rng.randrange(1, 3)}"
        elif kind == 1:
            text += f"b{rng.randrange(1, 4)}"
        elif kind == 2:
            text += f".post{rng.randrange(1, 3)}"
        elif kind == 3:
            text += f".dev{rng.randrange(0, 5)}"
        versions.append(text)
    return versions


def load(path: str | None):
    if path:
        sys.path.insert(0, path)
    for name in ("packaging", "pip._vendor.packaging"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        version = importlib.import_module(name + ".version")
        specifiers = importlib.import_module(name + ".specifiers")
        markers = importlib.import_module(name + ".markers")
        requirements = importlib.import_module(name + ".requirements")
        return name, module.__version__, version, specifiers, markers, requirements
    raise SystemExit("neither packaging nor pip._vendor.packaging is importable")


def measure(label: str, operations: int, statement) -> None:
    timer = timeit.Timer(statement)
    loops, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=loops)) / loops / operations
    print(f"{label:<44} {best * 1e9:12.1f} ns/op {1 / best / 1e6:10.3f} M ops/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packaging-path")
    arguments = parser.parse_args()
    name, module_version, version, specifiers, markers, requirements = load(arguments.packaging_path)
    print(f"# {name} {module_version} on Python {sys.version.split()[0]}")

    Version = version.Version
    measure("Version parse", len(TYPICAL), lambda: [Version(text) for text in TYPICAL])

    texts = index_like(1000)
    parsed = [Version(text) for text in texts]
    pairs = list(zip(parsed, parsed[1:]))
    measure("Version compare (<)", len(pairs), lambda: [left < right for left, right in pairs])
    measure("Version equality (==)", len(pairs), lambda: [left == right for left, right in pairs])
    measure("Sort 1,000 versions", 1, lambda: sorted(parsed))

    specifier_set = specifiers.SpecifierSet(">=1.2,!=1.5.*,<3.0")
    measure("SpecifierSet filter, 1,000 Version objects", 1, lambda: list(specifier_set.filter(parsed)))
    measure("SpecifierSet filter, 1,000 strings", 1, lambda: list(specifier_set.filter(texts)))
    measure("SpecifierSet contains, 1,000 Version objects", 1, lambda: [specifier_set.contains(item) for item in parsed])

    parsed_markers = [markers.Marker(text) for text in MARKERS]
    measure("Marker evaluate", len(parsed_markers), lambda: [marker.evaluate(ENVIRONMENT) for marker in parsed_markers])
    measure("Marker parse", len(MARKERS), lambda: [markers.Marker(text) for text in MARKERS])
    measure("Requirement parse", len(REQUIREMENTS), lambda: [requirements.Requirement(text) for text in REQUIREMENTS])


if __name__ == "__main__":
    main()
