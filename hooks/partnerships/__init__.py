"""NATO partnerships data: load, validate and render data/ into Markdown pages. No MkDocs here."""

from .export import Download, build_downloads
from .pipeline import (
    Prepared,
    Project,
    Site,
    build_pages,
    build_site,
    load_dataset,
    paused_gc,
    placeholder_site,
    prepare_site,
)
from .problems import DataError, Problem
from .render import make_environment
from .views import Page

__all__ = [
    "DataError",
    "Download",
    "Page",
    "Prepared",
    "Problem",
    "Project",
    "Site",
    "build_downloads",
    "build_pages",
    "build_site",
    "load_dataset",
    "make_environment",
    "paused_gc",
    "placeholder_site",
    "prepare_site",
]
