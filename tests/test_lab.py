"""A researcher downloads a chapter's notebook from the book and opens it in JupyterLab (the
pinned one, as ``make lab`` starts it): its charts are drawn there, as plotly figures, with
nothing fetched from off the machine."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.book


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(site, tmp_path_factory):
    """JupyterLab serving a folder that holds the book's downloaded notebooks and nothing else."""
    folder = tmp_path_factory.mktemp("downloads")
    for notebook in (site / "notebooks").glob("*.ipynb"):
        shutil.copyfile(notebook, folder / notebook.name)
    port = _free_port()
    jupyter = Path(sys.executable).parent / "jupyter"
    process = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         f"--ServerApp.root_dir={folder}", "--IdentityProvider.token=", "--ServerApp.password=",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "api", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("JupyterLab did not start")
    yield url
    process.terminate()
    process.wait(timeout=30)


def test_a_downloaded_chapter_opens_in_jupyterlab_with_its_charts_drawn(lab, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    offsite = []
    host = urlparse(lab).netloc

    def route(r):
        if urlparse(r.request.url).netloc in (host, "") or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            offsite.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(lab + "lab/tree/events.ipynb", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-OutputArea-output.js-plotly-plot .main-svg", timeout=90_000)
    page.wait_for_timeout(2000)
    drawn = page.locator(".jp-OutputArea-output.js-plotly-plot").count()
    traces = page.locator(".jp-OutputArea-output.js-plotly-plot .scatterlayer .trace").count()
    page.close()
    assert drawn == 2 and traces > 0           # the chapter's two charts, drawn by JupyterLab's plotly renderer
    assert offsite == []
