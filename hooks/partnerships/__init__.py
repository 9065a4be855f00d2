"""NATO partnerships data: load, validate and render data/ into Markdown pages. No MkDocs here."""

from .export import Download, build_downloads
from .pipeline import build_pages, load_dataset
from .problems import DataError, Problem
from .render import Page

__all__ = ["DataError", "Download", "Page", "Problem", "build_downloads", "build_pages", "load_dataset"]
