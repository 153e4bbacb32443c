"""The web dashboard and REST API (FastAPI); `create_app` builds the application."""
from lagebild.web.app import create_app

__all__ = ["create_app"]
