"""Imports a package from each lower layer and says which layer folder it came from."""
from pathlib import Path

import pip
import setuptools


def layer_of(module) -> str:
    # <build or deploy folder>/<layer>/lib/pythonX.Y/site-packages/<package>/__init__.py
    return Path(module.__file__).resolve().parents[4].name


print(f"dashboard: pip {pip.__version__} from {layer_of(pip)}, setuptools {setuptools.__version__} from {layer_of(setuptools)}")
