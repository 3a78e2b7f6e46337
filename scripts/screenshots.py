"""Take a screenshot of each page into ``docs/screenshots/`` with Debian's headless Chromium.

Starts the app with uvicorn on 127.0.0.1 on a free port in a thread (with a temporary
statement store seeded from ``tests/web/fixtures/``), drives ``/usr/bin/chromium`` through
Playwright (never a downloaded browser), and writes ``map.png``, ``timeline.png``,
``scenario.png``, ``assess.png`` (the scenario page's "assess an action" section),
``packages.png``, ``statements.png``, ``docs.png`` (the API docs) and ``map-phone.png`` (the
map at 390 x 844). No network is used.

Usage::

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is absent: install Debian's chromium (make system-deps)")
        return 1
    import uvicorn
    from playwright.sync_api import sync_playwright

    from indivisible.ingest import ingest
    from indivisible.web import create_app

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="indivisible-shots-") as tmp:
        db = f"sqlite:///{tmp}/store.db"
        ingest(sorted((ROOT / "tests" / "web" / "fixtures").glob("*.txt")), db)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(db_url=db), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=ARGS
                )
                phone = browser.new_page(viewport={"width": 390, "height": 844})
                phone.set_default_timeout(30_000)
                phone.goto(base + "/map?date=1999-03-12")
                phone.wait_for_selector("[data-testid=map-svg][data-ready=true]")
                phone.click("[data-testid=country-POL]", force=True)
                phone.screenshot(path=str(OUT / "map-phone.png"), full_page=True)
                phone.close()

                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.set_default_timeout(30_000)

                page.goto(base + "/map?date=2022-02-14&scenario=europe-2022-02")
                page.wait_for_selector("[data-testid=map-svg][data-ready=true]")
                page.click("[data-testid=deployment-9m729-kapustin-yar]")
                page.wait_for_selector("[data-testid=reach-ring][data-reading=faz-2019]")
                page.click("[data-testid=country-FIN]", force=True)
                page.screenshot(path=str(OUT / "map.png"))

                page.goto(base + "/docs")
                page.wait_for_selector(".opblock")
                page.screenshot(path=str(OUT / "docs.png"))

                page.goto(base + "/timeline?a=RUS&b=USA&from=1985")
                page.wait_for_selector("[data-testid=timeline-chart][data-ready=true]")
                page.screenshot(path=str(OUT / "timeline.png"))

                page.goto(base + "/scenario?scenario=europe-2022-02")
                page.wait_for_selector("[data-testid=check-summary][data-ready=true]")
                page.locator("[data-testid=finding-row] summary").first.click()
                page.screenshot(path=str(OUT / "scenario.png"))

                page.goto(base + "/scenario?action=iskander-kaliningrad-2018")
                page.wait_for_selector("[data-testid=assess-result][data-ready=true]")
                section = page.locator("[data-testid=assess-section]")
                section.screenshot(path=str(OUT / "assess.png"))

                page.goto(base + "/packages?menu=2020-2022-proposals&parties=RUS+BLR")
                page.wait_for_selector("#negotiate-form[data-ready=true]")
                for m in (
                    "no-glm-abroad",
                    "no-glm-in-reach",
                    "exercise-pullback",
                    "ukraine-posture-restraint",
                    "new-start-follow-on",
                    "vienna-document-modernised",
                    "no-further-enlargement",
                ):
                    page.uncheck(f"[data-testid=measure-tick-{m}]")
                page.click("[data-testid=negotiate-go]")
                page.wait_for_selector("[data-testid=negotiate-summary][data-ready=true]")
                page.locator("[data-testid=bundle-why] summary").first.click()
                page.screenshot(path=str(OUT / "packages.png"), full_page=True)

                page.goto(base + "/statements?speaker=Lavrov")
                page.wait_for_selector("#results[data-ready=true]")
                page.click("[data-testid=statement-link]")
                page.wait_for_selector("[data-testid=statement-in-document]")
                page.screenshot(path=str(OUT / "statements.png"), full_page=True)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    for p in sorted(OUT.glob("*.png")):
        print(f"wrote {p.relative_to(ROOT)} ({p.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
