"""NATO partnerships data: load, validate and render data/ into Markdown pages. No MkDocs here."""

from .pipeline import build_pages, load_dataset
from .problems import DataError, Problem
from .render import Page

__all__ = ["DataError", "Page", "Problem", "build_pages", "load_dataset"]
