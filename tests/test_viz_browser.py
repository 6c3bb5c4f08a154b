"""kg viz in a real headless browser: it draws offline and runs no injected code.

Needs Debian's ``chromium`` package (``/usr/bin/chromium``, or ``KG_CHROMIUM``)
and the ``playwright`` Python package; no browser download. Without them the
tests skip locally and fail when the ``CI`` environment variable is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_viz import EVIL_EVIDENCE, SCRIPT_LABEL, make_dataset

from kg.viz import write_html

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"


def _missing(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; the browser tests must run in CI")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).is_file():
        _missing(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class Opened:
    """A page opened offline, with what it tried to fetch, alerted and logged."""

    def __init__(self, browser, path, *, bypass_csp=False):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.requests, self.dialogs, self.errors = [], [], []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.add_init_script("window.__xss = false;")
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=60_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            self.requests.append(url)
            route.continue_()
        else:  # the page must not need the network: anything else is refused
            self.requests.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def drawn(self):
        return self.js("kgNetwork.body.nodeIndices.length"), self.js("kgNetwork.body.edgeIndices.length")

    def hover(self, node_id):
        point = self.js("id => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])", node_id)
        box = self.page.locator("#kg-graph canvas").bounding_box()
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        return self.page.locator("div.vis-tooltip")

    def close(self):
        self.context.close()


def _ink(opened):
    """How many canvas pixels differ from the background: 0 means nothing was drawn."""
    return opened.js("""() => {
        const c = document.querySelector('#kg-graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
        return n;
    }""")


@pytest.fixture(scope="module")
def graph_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "graph.html"
    summary = write_html(make_dataset(), path, title="kg: Putin visits India")
    return path, summary


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_draws_offline_and_runs_no_injected_code(browser, graph_page, bypass_csp):
    """Without the CSP too: the escaping alone must stop the payloads."""
    path, summary = graph_page
    opened = Opened(browser, path, bypass_csp=bypass_csp)
    try:
        assert opened.drawn() == (summary.nodes, summary.edges) == (12, 17)
        assert opened.js("kgNetwork.body.data.nodes.length") == 12
        assert _ink(opened) > 2_000
        assert opened.requests == [path.as_uri()]  # one file, nothing fetched
        assert opened.dialogs == [] and opened.js("window.__xss") is False
        assert opened.js("document.querySelectorAll('img, a, iframe, object, embed').length") == 0
        assert opened.errors == []  # includes CSP violations: vis-network runs under the policy
        labels = opened.js("Array.from(document.querySelectorAll('#kg-labels option'), o => o.value)")
        assert SCRIPT_LABEL in labels
        tip = opened.hover("https://w3id.org/kg-news/id/organization/evil")
        assert SCRIPT_LABEL in tip.inner_text() and tip.locator("script, img").count() == 0
        if not bypass_csp:
            ARTIFACTS.mkdir(exist_ok=True)
            opened.page.mouse.move(1270, 790)
            opened.page.wait_for_timeout(300)
            opened.page.screenshot(path=str(ARTIFACTS / "viz.png"))
    finally:
        opened.close()


def test_tooltip_shows_evidence_as_text(browser, graph_page):
    opened = Opened(browser, graph_page[0])
    try:
        tip = opened.hover("https://w3id.org/kg-news/id/event/e1e1").inner_text()
        assert EVIL_EVIDENCE.replace("\u2028", "").split(" at ")[0] in tip.replace("\u2028", "")
        assert "Document: 004_acbfd2107952de65" in tip and "Status: occurred" in tip
        assert opened.dialogs == [] and opened.js("window.__xss") is False
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "viz-tooltip.png"))
    finally:
        opened.close()


def test_filters_and_search(browser, graph_page):
    opened = Opened(browser, graph_page[0])
    page = opened.page
    try:
        legend = page.locator("#kg-legend label")
        assert legend.count() == 9
        page.locator("#kg-legend label", has_text="Person").locator("input").uncheck()
        assert opened.drawn()[0] == 12 - 2
        page.locator("#kg-legend label", has_text="Person").locator("input").check()
        page.fill("#kg-from", "2025")  # hides the 2021 call and the 2000 agreement
        assert opened.drawn()[0] == 12 - 2
        page.fill("#kg-to", "2025-01")  # and the December visit
        assert opened.drawn()[0] == 12 - 3
        page.fill("#kg-to", "20x")
        assert page.locator("#kg-to.kg-bad").count() == 1 and opened.drawn()[0] == 12 - 2
        page.fill("#kg-from", "")
        page.fill("#kg-to", "")
        assert opened.drawn()[0] == 12
        page.fill("#kg-search", "putin")
        page.press("#kg-search", "Enter")
        assert opened.js("kgNetwork.getSelectedNodes()") == ["https://w3id.org/kg-news/id/person/vladimir-putin"]
        assert "Vladimir Putin" in page.inner_text("#kg-details")
        page.fill("#kg-search", "nobody at all")
        page.press("#kg-search", "Enter")
        assert "Nothing matches" in page.inner_text("#kg-status")
    finally:
        opened.close()


def test_large_graph_draws_with_a_fixed_layout(browser, tmp_path):
    path = tmp_path / "large.html"
    summary = write_html(make_dataset(extra_people=250), path, max_nodes=400)
    assert summary.notice == "showing 400 of 512 nodes (most connected)"
    opened = Opened(browser, path)
    try:
        assert opened.js("kgNetwork.physics.physicsEnabled") is False
        assert opened.drawn()[0] == 400
        assert _ink(opened) > 2_000
        assert "showing 400 of 512 nodes (most connected)" in opened.page.inner_text("#kg-notice")
        assert opened.errors == [] and opened.requests == [path.as_uri()]
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "viz-large.png"))
    finally:
        opened.close()
