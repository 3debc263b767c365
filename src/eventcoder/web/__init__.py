"""Web dashboard and REST API on the store: ``create_app`` builds the FastAPI application.

Modules: ``app`` (factory), ``api`` (REST routes), ``pages`` (server-rendered pages),
``filters`` (query string -> Store filters), ``intake`` (posted article -> coded, stored),
``highlight`` (evidence/actor markup from offsets), ``timeline`` (day/week/month buckets),
``security`` (token, size limit). Static files and the vendored basemap are in ``static/``.
"""

from eventcoder.web.app import create_app

__all__ = ["create_app"]
