"""Replaces pyinstaller-hooks-contrib's hook, which collects every submodule of phonenumbers
(its large geocoder/carrier/timezone databases). The app only parses, validates and formats
numbers: that needs the region metadata in ``phonenumbers.data`` and ``phonenumbers.shortdata``,
which phonenumbers loads with ``__import__`` by region code."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data")
hiddenimports += collect_submodules("phonenumbers.shortdata")
