"""Starts `chiso demo` on a fresh data folder and a free port, and a real
Chromium (Debian's package, through its executable path) for the tests.

Environment: CHISO_BIN (default .build/debug/chiso), CHROMIUM (default
/usr/bin/chromium), E2E_ARTIFACTS (screenshots; default e2e/artifacts),
DATABASE_URL (optional: run against PostgreSQL instead of SQLite).
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "ChiSo@2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def artifacts():
    folder = os.environ.get("E2E_ARTIFACTS", os.path.join(ROOT, "e2e", "artifacts"))
    os.makedirs(folder, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("CHISO_BIN", os.path.join(ROOT, ".build", "debug", "chiso"))
    data = tempfile.mkdtemp(prefix="chiso-e2e-")
    port = free_port()
    env = dict(os.environ, CHISO_DATA_DIR=data, CHISO_ENV="production")
    os.environ["CHISO_E2E_DATA"] = data  # for age_sessions()
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([binary, "demo", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            process.kill()
            log.close()
            raise RuntimeError("chiso demo did not start:\n" + open(os.path.join(data, "server.log")).read())
        time.sleep(0.5)
    # The database the server really uses, as the database itself names it in the demo's banner.
    with open(os.path.join(data, "server.log"), encoding="utf-8", errors="replace") as server_log:
        text = server_log.read()
    wanted = "Cơ sở dữ liệu: PostgreSQL" if os.environ.get("DATABASE_URL") else "Cơ sở dữ liệu: SQLite"
    if wanted not in text:
        process.kill()
        raise RuntimeError("the server did not use the database asked for (%s):\n%s" % (wanted, text[-2000:]))
    yield base
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
    if not os.environ.get("E2E_KEEP_DATA"):
        shutil.rmtree(data, ignore_errors=True)
    else:
        print("e2e data kept in", data)


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


class ConsoleWatch:
    """Collects every console error and uncaught page error (CSP violations included)."""

    def __init__(self, page):
        self.errors = []
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def expect(self, fragment):
        """Takes back exactly one error the test caused on purpose."""
        matching = [error for error in self.errors if fragment in error]
        assert matching, f"expected a console error containing {fragment!r}, got {self.errors}"
        self.errors.remove(matching[0])


@pytest.fixture
def page(browser, artifacts, request):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    watch = ConsoleWatch(page)
    page.console_watch = watch
    yield page
    page.screenshot(path=os.path.join(artifacts, f"{request.node.name}-end.png"), full_page=True)
    context.close()
    assert watch.errors == [], f"browser console errors: {watch.errors}"


def login(page, base, username, password=PASSWORD):
    page.goto(base + "/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("button", name="Đăng nhập").click()


def age_sessions(seconds=3600):
    """Makes every session look idle for `seconds`, as if the user had left the page open (SQLite or
    PostgreSQL, whichever the server uses)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        subprocess.run(["psql", url, "--quiet", "--command",
                        f"UPDATE sessions SET last_seen_at = last_seen_at - interval '{int(seconds)} seconds'"], check=True)
    else:
        import sqlite3
        with sqlite3.connect(os.path.join(os.environ["CHISO_E2E_DATA"], "chiso.sqlite")) as db:
            db.execute("UPDATE sessions SET last_seen_at = last_seen_at - ?", (seconds,))
