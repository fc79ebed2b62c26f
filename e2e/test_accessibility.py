"""axe-core (through axe-playwright-python) on the pages each role uses: no serious or critical violation.

For every role the test opens the home page, every page of its navigation, and the first page of each
other kind linked from them (a period, an assessment, its appraisal, a result…), so that new pages are
checked without being listed here. Moderate and minor findings are printed, not failed.
"""
import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import login

ROLES = ["sonoivu", "snv.daumoi", "snv.thutruong", "thamdinh.stp", "chutich.hd", "lanhdao", "nhiemvu.vpub", "admin"]
# Downloads and actions are not pages.
SKIP = re.compile(r"\.(csv|pdf|xlsx|yaml|json)$|/evidence/|/logout|/language/|/files/")
ID = re.compile(r"/[0-9A-Fa-f-]{36}|/\d+(?=/|$)")
PER_ROLE = 14

_axe = Axe()


def audit(page, url, findings):
    result = _axe.run(page)
    for violation in result.response["violations"]:
        entry = (url, violation["id"], violation["impact"], len(violation["nodes"]),
                 [node["target"] for node in violation["nodes"][:3]])
        findings.setdefault(violation["impact"] or "unknown", []).append(entry)


def kind(path):
    """A path's kind: its shape with ids taken out (/assessments/:id/appraisal)."""
    return ID.sub("/:id", path)


def crawl(page, server, findings):
    """Visits up to PER_ROLE pages of distinct kinds; returns those audited and the links that were refused
    (a page must not link to what its reader may not open)."""
    seen_kinds, queue, visited, refused = set(), [("/", None)], [], []
    while queue and len(visited) < PER_ROLE:
        path, source = queue.pop(0)
        if kind(path) in seen_kinds:
            continue
        seen_kinds.add(kind(path))
        response = page.goto(server + path)
        if response is None or response.status != 200:
            refused.append((path, response.status if response else None, "linked from " + str(source)))
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        visited.append(path)
        audit(page, path, findings)
        nav = page.eval_on_selector_all("header nav a[href]", "links => links.map(a => a.getAttribute('href'))")
        hrefs = page.eval_on_selector_all("a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
        queued = {target for target, _ in queue}
        for href in nav + hrefs:
            target = urlparse(href).path
            if SKIP.search(target) or kind(target) in seen_kinds or target in queued:
                continue
            queued.add(target)
            queue.append((target, path))
    return visited, refused


def report(role, visited, findings):
    print(f"\naxe, {role}: {len(visited)} pages: {', '.join(visited)}")
    for impact, entries in findings.items():
        for entry in entries:
            print(f"  {impact}: {entry}")


@pytest.mark.parametrize("username", ROLES)
def test_no_serious_accessibility_violation(page, server, username):
    login(page, server, username)
    findings = {}
    visited, refused = crawl(page, server, findings)
    report(username, visited, findings)
    assert refused == [], f"links {username} may not follow: {refused}"
    assert len(visited) >= 4, f"too few pages reached for {username}: {visited}"
    serious = findings.get("serious", []) + findings.get("critical", [])
    assert serious == [], f"serious or critical accessibility violations for {username}: {serious}"


def test_public_pages_accessible(page, server):
    findings = {}
    visited = []
    for path in ["/login", "/public"]:
        page.goto(server + path)
        visited.append(path)
        audit(page, path, findings)
    report("anonymous", visited, findings)
    serious = findings.get("serious", []) + findings.get("critical", [])
    assert serious == [], serious
