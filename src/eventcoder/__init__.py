"""eventcoder: German and English news to PLOVER political-event data, with evidence."""

__version__ = "0.1.0"
