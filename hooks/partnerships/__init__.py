"""NATO partnerships data: load, validate and render data/ into Markdown pages. No MkDocs here."""

from .export import Download, build_downloads
from .pipeline import Site, build_pages, build_site, load_dataset, paused_gc
from .problems import DataError, Problem
from .render import Page

__all__ = [
    "DataError",
    "Download",
    "Page",
    "Problem",
    "Site",
    "build_downloads",
    "build_pages",
    "build_site",
    "load_dataset",
    "paused_gc",
]
