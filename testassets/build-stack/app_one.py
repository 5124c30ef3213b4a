"""Imports something from every lower layer, including machine code that needs a lower layer's shared library."""
import sys

import cext_demo  # framework "native": a C extension
import greeting  # this layer: pure Python
import setuptools  # the runtime layer: a real wheel
import versionedlib_consumer  # this layer: links libbar.so.1 of framework "libs" without RPATH

print(greeting.hello("one"))
print(f"cext_demo.add(2, 3) = {cext_demo.add(2, 3)}")
print(f"libbar answer = {versionedlib_consumer.answer()}")
print(f"setuptools from the runtime layer: {'cpython-3.11' in setuptools.__file__}")
print(f"python {sys.version_info[0]}.{sys.version_info[1]}")
