#!/usr/bin/env python3
"""A 100,000-row task import, end to end, against the release `chiso`.

  python3 bench/import/run.py                       # builds the release binary, 100,000 rows, SQLite
  python3 bench/import/run.py --rows 20000 --binary .build/release/chiso
  python3 bench/import/run.py --database postgres://postgres:pw@127.0.0.1:5432/postgres

It makes a fresh database (SQLite in a temporary folder, or a new PostgreSQL
database next to the one named), a task-office account and a CSV export of
--rows tasks, starts `chiso serve` with CHISO_IMPORT_MAX_ROWS at --rows, then
as a browser would: logs in, uploads the file, previews it, imports it, and
imports it again (every row unchanged). While each step runs, a second
client asks /health every 100 ms and a third opens the task list's first
page every 500 ms. It prints, per step, the time taken, the server's resident
memory before, at its peak and after, and the slowest /health and task-list
answers during the step; then the task list's first page, a page deep in
the list and a status filter, once the register holds every task. It also
checks that a file over the default limit (20,000 rows) is refused.
Figures go to bench/out/import.json.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "bench", "out")
PASSWORD = "Cay-Lua-Tren-Dong-9"


def start_server(binary, env, log):
    """`chiso serve` on a free port, once it answers /health: (process, base address)."""
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d" % port
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    return server, base


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            text = f.read()
        return {k: int(re.search(r"%s:\s+(\d+)" % k, text).group(1)) for k in ("VmRSS", "VmHWM")}
    except (OSError, AttributeError):
        return {"VmRSS": 0, "VmHWM": 0}


class Client:
    """A browser: cookies, the CSRF token of the last page, no redirects followed."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, content_type=None, timeout=600):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(req, timeout=timeout)
            status, data, head = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, data, head = error.code, error.read(), error.headers
        for value in head.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            cookie = rest.split(";")[0]
            if cookie and "Max-Age=0" not in value:
                self.cookies[name] = cookie
            else:
                self.cookies.pop(name, None)
        text = data.decode("utf-8", "replace")
        found = re.search(r'name="_csrf" value="([^"]+)"', text)
        if found:
            self.csrf = found.group(1)
        return status, text, head

    def post_form(self, path, fields):
        fields = list(fields) + [("_csrf", self.csrf)]
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def upload(self, path, name, data):
        boundary = "bench" + uuid.uuid4().hex
        parts = [b"--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n" % (boundary.encode(), self.csrf.encode()),
                 b"--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: text/csv\r\n\r\n"
                 % (boundary.encode(), name.encode()), data, b"\r\n--%s--\r\n" % boundary.encode()]
        return self.request("POST", path, b"".join(parts), "multipart/form-data; boundary=" + boundary)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def export(rows):
    """A tracking system's export: Vietnamese headers, dd/mm/yyyy dates, a third completed."""
    lines = ["Mã nhiệm vụ,Số văn bản,Ngày văn bản,Cơ quan ban hành,Đơn vị được giao,Nội dung,Hạn xử lý,Ngày hoàn thành"]
    for n in range(rows):
        month, day = 1 + n % 12, 1 + n % 28
        done = "%02d/%02d/2026" % (day, month) if n % 3 == 0 else ""
        lines.append('NV-%06d,%d/UBND-TH,%02d/%02d/2026,UBND tỉnh,VPUB,"Triển khai nhiệm vụ số %d về cải cách hành chính, báo cáo kết quả",%02d/%02d/2026,%s'
                     % (n, 1000 + n, day, month, n, day, month, done))
    return ("\n".join(lines) + "\n").encode()


def watch(base, stop, slowest, path, every):
    """Asks `path` every `every` seconds until `stop`; keeps the slowest answer."""
    watcher = Client(base)
    while not stop.is_set():
        start = time.monotonic()
        try:
            watcher.request("GET", path, timeout=120)
        except Exception:
            pass
        slowest[0] = max(slowest[0], time.monotonic() - start)
        time.sleep(every)


def step(name, pid, base, cookies, action):
    """Runs `action` while /health and the task list are watched; returns its figures."""
    before = rss_kb(pid)["VmRSS"]
    stop = threading.Event()
    health, page = [0.0], [0.0]
    threads = [threading.Thread(target=watch, args=(base, stop, health, "/health", 0.1))]
    lister = Client(base)
    lister.cookies = dict(cookies)
    threads.append(threading.Thread(target=lambda: watch_list(lister, stop, page)))
    peak = [before]
    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kb(pid)["VmRSS"])
            time.sleep(0.05)
    threads.append(threading.Thread(target=sample))
    for t in threads:
        t.start()
    start = time.monotonic()
    status, text = action()
    seconds = time.monotonic() - start
    stop.set()
    for t in threads:
        t.join()
    time.sleep(1)
    after = rss_kb(pid)["VmRSS"]
    figures = {"step": name, "status": status, "seconds": round(seconds, 2), "rss_before_mb": round(before / 1024),
               "rss_peak_mb": round(peak[0] / 1024), "rss_after_mb": round(after / 1024),
               "slowest_health_ms": round(health[0] * 1000), "slowest_task_page_ms": round(page[0] * 1000)}
    print("  %-22s %3d  %7.2f s   memory %4d → peak %4d → %4d MB   slowest /health %5d ms, task list %5d ms"
          % (name, status, seconds, figures["rss_before_mb"], figures["rss_peak_mb"], figures["rss_after_mb"],
             figures["slowest_health_ms"], figures["slowest_task_page_ms"]))
    return figures, text


def watch_list(client, stop, slowest):
    while not stop.is_set():
        start = time.monotonic()
        try:
            client.request("GET", "/tasks", timeout=120)
        except Exception:
            pass
        slowest[0] = max(slowest[0], time.monotonic() - start)
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--binary", help="a chiso binary instead of building the release one")
    parser.add_argument("--database", help="a PostgreSQL server's URL (a new database is made there); default SQLite")
    args = parser.parse_args()
    if not args.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True)
    binary = args.binary or os.path.join(ROOT, ".build", "release", "chiso")
    folder = tempfile.mkdtemp(prefix="chiso-import-")
    env = dict(os.environ, CHISO_DATA_DIR=folder, CHISO_IMPORT_MAX_ROWS=str(args.rows), DATABASE_URL="")
    database_name = None
    if args.database:
        database_name = "chiso_import_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", args.database, "-q", "-c", "CREATE DATABASE %s" % database_name], check=True)
        parsed = urllib.parse.urlsplit(args.database)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parsed._replace(path="/" + database_name))
    subprocess.run([binary, "migrate"], env=env, check=True, capture_output=True)
    added = subprocess.run([binary, "user", "add", "--username", "nhiemvu", "--name", "Theo dõi nhiệm vụ", "--agency", "VPUB",
                            "--agency-name", "Văn phòng UBND tỉnh", "--group", "so", "--role", "taskOfficer"],
                           env=env, check=True, capture_output=True, text=True).stdout
    temporary = added.split()[-1]
    data = export(args.rows)
    print("ChiSo task import: %s rows, %.1f MB of CSV, %s, %s" % (format(args.rows, ","), len(data) / 1e6,
                                                                 "PostgreSQL" if args.database else "SQLite", binary))
    log = open(os.path.join(folder, "server.log"), "w")
    server, base = start_server(binary, env, log)
    results = {"rows": args.rows, "bytes": len(data), "database": "postgresql" if args.database else "sqlite", "steps": []}
    try:
        browser = Client(base)
        browser.request("GET", "/login")
        status, _, _ = browser.post_form("/login", [("username", "nhiemvu"), ("password", temporary)])
        assert status == 303, status
        browser.request("GET", "/account/password")
        status, text, _ = browser.post_form("/account/password", [("current", temporary), ("new", PASSWORD), ("repeated", PASSWORD)])
        assert status == 303, (status, text[:500])
        browser.request("GET", "/tasks/import")
        idle = rss_kb(server.pid)["VmRSS"]
        print("  server idle: %d MB" % round(idle / 1024))
        results["rss_idle_mb"] = round(idle / 1024)

        location = {}
        def upload():
            status, text, head = browser.upload("/tasks/import", "nhiem-vu.csv", data)
            location["path"] = head.get("Location")
            return status, text
        figures, _ = step("upload", server.pid, base, browser.cookies, upload)
        results["steps"].append(figures)
        path = location["path"]
        assert path, "the upload was refused"
        figures, text = step("preview", server.pid, base, browser.cookies, lambda: browser.request("GET", path)[:2])
        results["steps"].append(figures)
        mapping = dict(re.findall(r'<input type="hidden" name="(col-[a-zA-Z]+)" value="(\d+)"', text))
        figures, text = step("import (all new)", server.pid, base, browser.cookies, lambda: browser.post_form(path, mapping.items())[:2])
        results["steps"].append(figures)
        assert figures["status"] == 303, text[:800]
        browser.request("GET", "/tasks/import")
        status, text, head = browser.upload("/tasks/import", "nhiem-vu.csv", data)
        again = head.get("Location")
        browser.request("GET", again)
        figures, text = step("import again (unchanged)", server.pid, base, browser.cookies, lambda: browser.post_form(again, mapping.items())[:2])
        results["steps"].append(figures)

        print("  the task list with %s tasks:" % format(args.rows, ","))
        for name, query in [("first page", "/tasks"), ("page 1,000", "/tasks?page=1000"), ("overdue, page 1", "/tasks?status=openOverdue"),
                            ("search", "/tasks?q=s%E1%BB%91%2099999")]:
            times = []
            for _ in range(5):
                start = time.monotonic()
                status, _, _ = browser.request("GET", query)
                times.append(time.monotonic() - start)
            times.sort()
            print("    %-18s %3d  median %5d ms" % (name, status, round(times[2] * 1000)))
            results["list_" + name.replace(" ", "_").replace(",", "")] = round(times[2] * 1000)
        results["rss_end_mb"] = round(rss_kb(server.pid)["VmRSS"] / 1024)
        results["rss_peak_mb"] = round(rss_kb(server.pid)["VmHWM"] / 1024)
    finally:
        server.terminate()
        server.wait()
        if database_name:
            subprocess.run(["psql", args.database, "-q", "-c", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database_name])

    # Over the default limit: refused, with the limit in words.
    if args.rows > 20_000 and not args.database:
        env["CHISO_IMPORT_MAX_ROWS"] = ""
        server, base = start_server(binary, env, log)
        try:
            browser = Client(base)
            browser.request("GET", "/login")
            browser.post_form("/login", [("username", "nhiemvu"), ("password", PASSWORD)])
            browser.request("GET", "/tasks/import")
            status, text, _ = browser.upload("/tasks/import", "nhiem-vu.csv", data)
            message = re.search(r"Tệp có [^<]*", text)
            print("  with the default limit: %d, %s" % (status, message.group(0) if message else text[:200]))
            results["default_limit_status"] = status
        finally:
            server.terminate()
            server.wait()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "import.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    print("figures: bench/out/import.json; server log: %s" % os.path.join(folder, "server.log"))


if __name__ == "__main__":
    sys.exit(main())
