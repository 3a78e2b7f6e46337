"""The web room: an HTTP API mirroring the CLI, and pages for the browser.

Front door::

    from indivisible.web import create_app
    app = create_app(db_url="sqlite:///statements.db")   # serve with uvicorn

The room is thin: every handler parses its parameters, calls one library function and
renders the answer. Errors are JSON with the CLI's message. Pages are hand-written HTML,
vanilla JavaScript and SVG, all served by this app (no CDN, no map tiles).
"""

from indivisible.web._app import PAGES, Limits, create_app
from indivisible.web._jobs import Job, JobContext, JobManager, JobStopped

__all__ = ["PAGES", "Job", "JobContext", "JobManager", "JobStopped", "Limits", "create_app"]
