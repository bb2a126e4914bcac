"""keymon's package data: icons (SVG), the desktop entry and the AppStream metainfo.

Read these only through ``importlib.resources.files("keymon.resources")``; the file
names carry the application id ``keymon.APP_ID``.
"""
