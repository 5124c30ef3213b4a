"""A launch module that is a package: `python -m app_two` runs this file."""
import cext_demo
import tinyhelper

print(tinyhelper.shout("two"), cext_demo.add(20, 22))
