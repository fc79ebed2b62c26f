#!/usr/bin/env python3
"""HTTP-level fuzz campaign against the real `chiso` server binary.

Starts `chiso demo` on a free loopback port with a fresh data directory (so
every route has real ids), signs in (anonymous, a login CSRF cookie, sessions
of admin, sonoivu and snv.daumoi, API tokens of sonoivu and snv.daumoi), lists
every route with `chiso routes`, and sends malformed requests over raw sockets:
first the empty multipart boundaries (`boundary=`, `boundary=""`,
`boundary=;`) to every route and extreme `page=` values to every GET route,
then random cases: hostile Content-Type headers, broken multipart, urlencoded
and JSON bodies, bad framing (Content-Length, Transfer-Encoding), hostile
headers, odd paths, query strings, methods and request lines. After every
request it checks that the process is still alive, and after any connection
without an answer (and every --health-every requests) that GET /health answers.

  python3 bench/fuzz/http.py                              # 20,000 requests, seed 1
  python3 bench/fuzz/http.py --requests 2000 --seed 7
  python3 bench/fuzz/http.py --routes /assessments --requests 5000
  python3 bench/fuzz/http.py --replay 1234                # case 1234 alone: request, answer, server log
  python3 bench/fuzz/http.py --replay 1230-1234           # several cases in order
  python3 bench/fuzz/http.py --replay-file bench/out/fuzz-http/crash-case1234.bin

A dead process is a crash, no answer within --timeout a hang, a 5xx answer a
server error. Crashes (all), hangs and 5xx (at most --keep of each) are
written to bench/out/fuzz-http/ (--out), with the server's output in
server.log, one line per case in cases.jsonl and the figures in summary.json.
Exit status 1 on any crash or hang.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "bench", "out", "fuzz-http")
DEMO_PASSWORD = "ChiSo@2026"
SESSION_USERS = ["admin", "sonoivu", "snv.daumoi"]
TOKEN_USERS = ["sonoivu", "snv.daumoi"]
# Field names used when the sources cannot be read (the campaign also reads every Content struct of Sources/App).
FALLBACK_FIELDS = ["username", "password", "next", "current", "new", "repeated", "name", "code", "group", "status", "value",
                   "note", "comment", "reason", "deadline", "title", "agency", "role", "roles", "period", "index", "start",
                   "end", "kind", "score", "outcome", "file", "active", "email", "description", "year", "quarter"]
INTS = ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999999999999",
        "1e400", "-1e400", "1e-400", "1.7976931348623157e309", "NaN", "nan", "Infinity", "-Infinity", "0x10", "1_000",
        "+1", "--1", "1.", ".5", "-0", "0.1e1", "١٢٣", "１２３", "1,5", "1 000", "१"]
QUERY_KEYS = ["page", "period", "group", "agency", "status", "asOf", "q", "who", "action", "target", "from", "to",
              "expired", "next", "back", "lang", "format", "sort", "limit", "offset", "code", "id"]


# ---------------------------------------------------------------------------- raw HTTP


class Answer:
    """What came back for one request."""

    def __init__(self):
        self.status = None       # int, once a status line came
        self.reason = b""
        self.headers = []        # [(lower-case name str, value str)]
        self.body = b""
        self.elapsed = None      # seconds until the status line
        self.outcome = None      # answered | closed | timeout | incomplete | refused
        self.error = ""

    def header(self, name):
        return [value for key, value in self.headers if key == name]

    def head_text(self):
        if self.status is None:
            return f"(no answer: {self.outcome}{' ' + self.error if self.error else ''})"
        lines = [f"{self.status} {self.reason.decode('latin-1')}"] + [f"{k}: {v}" for k, v in self.headers]
        return "\n".join(lines)


def exchange(port, data, timeout, incomplete=False, head=False, incomplete_wait=1.5):
    """Sends `data` as is on a new connection and reads one answer (skipping 1xx interim answers)."""
    answer = Answer()
    started = time.monotonic()
    deadline = started + (min(timeout, incomplete_wait) if incomplete else timeout)
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError as error:
        answer.outcome, answer.error = "refused", str(error)
        return answer
    buffer = b""
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            sock.sendall(data)
        except socket.timeout:
            answer.error = "send timed out"
        except OSError as error:  # the server may answer and close before reading everything
            answer.error = f"send: {error.__class__.__name__}"
        # The head.
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end >= 0:
                head_bytes, rest = buffer[:end], buffer[end + 4:]
                match = re.match(rb"HTTP/\d\.\d (\d{3})(?: ([^\r\n]*))?", head_bytes)
                if match and match.group(1).startswith(b"1") and match.group(1) != b"101":
                    buffer = rest  # 100 Continue and other interim answers
                    continue
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                answer.outcome = "incomplete" if incomplete else "timeout"
                return answer
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                answer.outcome = "incomplete" if incomplete else "timeout"
                return answer
            except OSError as error:
                answer.outcome, answer.error = "closed", f"recv: {error.__class__.__name__}"
                return answer
            if not chunk:
                answer.outcome = "closed"
                if buffer:
                    answer.error = "partial head: " + repr(buffer[:200])
                return answer
            buffer += chunk
        answer.elapsed = time.monotonic() - started
        lines = head_bytes.split(b"\r\n")
        match = re.match(rb"HTTP/\d\.\d (\d{3})(?: (.*))?$", lines[0])
        if not match:
            answer.outcome, answer.error = "closed", "unreadable status line " + repr(lines[0][:200])
            return answer
        answer.status = int(match.group(1))
        answer.reason = match.group(2) or b""
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            answer.headers.append((name.strip().lower().decode("latin-1"), value.strip().decode("latin-1")))
        answer.outcome = "answered"
        # The body: by Content-Length, chunked, or until the connection closes (a short deadline: the answer is already in).
        if head or answer.status in (204, 304) or answer.status == 101:
            return answer
        body_deadline = time.monotonic() + min(timeout, 5)
        lengths = answer.header("content-length")
        chunked = any("chunked" in v.lower() for v in answer.header("transfer-encoding"))
        want = int(lengths[0]) if lengths and lengths[0].isdigit() and not chunked else None

        def complete(data_so_far):
            if want is not None:
                return len(data_so_far) >= want
            if chunked:
                return data_so_far.endswith(b"0\r\n\r\n")
            return False

        body = rest
        while not complete(body) and time.monotonic() < body_deadline and len(body) < 8 * 1024 * 1024:
            sock.settimeout(max(0.05, body_deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, OSError):
                break
            if not chunk:
                break
            body += chunk
        if chunked:
            body = dechunk(body)
        answer.body = body
        return answer
    finally:
        try:
            sock.close()
        except OSError:
            pass


def dechunk(data):
    out, position = b"", 0
    while True:
        end = data.find(b"\r\n", position)
        if end < 0:
            return out
        try:
            size = int(data[position:end].split(b";")[0], 16)
        except ValueError:
            return out
        if size == 0:
            return out
        out += data[end + 2:end + 2 + size]
        position = end + 2 + size + 2


def simple_request(port, method, path, headers=(), body=b""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "User-Agent: chiso-http-fuzz", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def cookies_set(answer):
    found = {}
    for value in answer.header("set-cookie"):
        name, _, rest = value.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def form_csrf(html):
    text = html.decode("utf-8", "replace")
    match = re.search(r'name="_csrf"[^>]*?value="([^"]+)"', text) or re.search(r'value="([^"]+)"[^>]*?name="_csrf"', text)
    return match.group(1) if match else None


# ---------------------------------------------------------------------------- the server


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`chiso demo` on a data directory; restarted on the same data after a crash."""

    def __init__(self, binary, folder, database_url, log_path, startup_timeout):
        self.binary, self.folder, self.database_url = binary, folder, database_url
        self.log_path, self.startup_timeout = log_path, startup_timeout
        self.process, self.port, self.starts = None, None, 0
        self.log = open(log_path, "ab")

    def env(self):
        env = dict(os.environ, CHISO_DATA_DIR=self.folder, CHISO_ENV="production",
                   # The campaign logs in again whenever a fuzzed request ended one of its sessions: no lockout.
                   CHISO_LOGIN_MAX_FAILURES="1000000")
        # A trap prints Swift's backtrace to the log: only the crashed thread, no registers or images, so it is quick and readable.
        env.setdefault("SWIFT_BACKTRACE", "interactive=no,threads=crashed,registers=none,images=none,limit=40")
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def mark(self, text):
        self.log.write(f"\n===== fuzz-http {time.strftime('%H:%M:%S')}: {text}\n".encode())
        self.log.flush()

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset, limit=20000):
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read(limit).decode("utf-8", "replace")

    def start(self):
        self.port = free_port()
        self.starts += 1
        self.mark(f"starting `chiso demo --port {self.port}` (start {self.starts})")
        offset = self.log_size()
        self.process = subprocess.Popen([self.binary, "demo", "--port", str(self.port)], cwd=ROOT, env=self.env(),
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        started = time.monotonic()
        while time.monotonic() - started < self.startup_timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode} while starting:\n{self.log_since(offset)[-4000:]}")
            answer = exchange(self.port, simple_request(self.port, "GET", "/health"), 5)
            if answer.status == 200:
                self.mark(f"up on port {self.port} after {time.monotonic() - started:.0f} s (pid {self.process.pid})")
                return time.monotonic() - started
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"the server did not answer /health within {self.startup_timeout} s:\n{self.log_since(offset)[-4000:]}")

    def alive(self):
        return self.process is not None and self.process.poll() is None

    CRASH_MARKERS = ("crashed:", "Fatal error", "Program crashed", "Assertion failed", "Precondition failed", "Illegal instruction",
                     "*** Signal", "Swift runtime failure")

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_idle(self, limit):
        """Seconds until the process stops using CPU (None if it still works after `limit`, or died)."""
        started = time.monotonic()
        try:
            last = self.cpu_seconds()
            while time.monotonic() - started < limit:
                time.sleep(0.5)
                now = self.cpu_seconds()
                if now - last < 0.05:
                    return round(time.monotonic() - started - 0.5, 1)
                last = now
        except (OSError, IndexError, ValueError):
            return None
        return None

    def backtracing(self):
        """True while Swift's backtracer (a `swift-backtrace` child of the server) writes the backtrace of a trap."""
        if not self.alive():
            return False
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.find("(") + 1:stat.rfind(")")]
            fields = stat[stat.rfind(")") + 2:].split()
            if fields and fields[1] == str(self.process.pid) and "backtrace" in name:
                return True
        return False

    def crashing(self, offset):
        """True when the log shows a trap since `offset` (the backtracer keeps the process alive a few seconds while it writes)."""
        text = self.log_since(offset, 200000)
        return any(marker in text for marker in self.CRASH_MARKERS)

    def wait_dead(self, seconds):
        """True when the process has exited (waiting up to `seconds` for it)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.process.poll() is not None:
                return True
            time.sleep(0.02)
        return self.process.poll() is not None

    def healthy(self, timeout):
        answer = exchange(self.port, simple_request(self.port, "GET", "/health"), timeout)
        return answer.status == 200, answer

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.mark(f"stopped (exit status {self.process.returncode})")

    def cli(self, *args):
        run = subprocess.run([self.binary, *args], cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            raise RuntimeError(f"chiso {' '.join(args)} failed ({run.returncode}): {run.stdout[-2000:]}{run.stderr[-2000:]}")
        return run.stdout


def crash_excerpt(log, frames=12):
    """The lines of a crash log that explain it: the fatal error message and the top frames of the crashed thread."""
    lines = log.splitlines()
    out = [line for line in lines if "Fatal error" in line or "failed:" in line or "Program crashed" in line]
    for index, line in enumerate(lines):
        if line.rstrip().endswith("crashed:"):
            out.append(line)
            out += [l for l in lines[index + 1:index + 2 + frames] if l.strip()]
            break
    return "\n".join(out) if out else "\n".join(lines[-25:])


def crash_signature(excerpt):
    """What a crash is, in one line: the failure and the first frame in the sources (the project's or a package's)."""
    lines = excerpt.splitlines()
    message = next((re.sub(r"^.*?(Swift runtime failure: |Fatal error: |Assertion failed: |Precondition failed: )", r"\1", line).strip()
                    for line in lines if re.search(r"Swift runtime failure|Fatal error|Assertion failed|Precondition failed", line)), "")
    message = re.sub(r" in chiso at .*$", "", message)
    frame = next((line for line in lines if "/Sources/" in line and "[thunk]" not in line), "")
    match = re.match(r"^\s*\d+\s+(?:\[[^\]]*\]\s*)*0x[0-9a-f]+\s+(.*?)(?: \+ \d+)? in \S+ at (\S+)$", frame)
    where = f"{match.group(1)} ({match.group(2).split('/Sources/', 1)[-1]})" if match else ""
    return (message + (" at " + where if where else "")) or (lines[0] if lines else "unknown")


def answer_reason(answer):
    """The app's own words for an error answer: the JSON code and reason, or the page's error paragraph."""
    text = answer.body[:20000].decode("utf-8", "replace")
    match = re.search(r'"code"\s*:\s*"([^"]*)"', text)
    if match:
        reason = re.search(r'"reason"\s*:\s*"([^"]*)"', text)
        return match.group(1) + (": " + reason.group(1) if reason else "")
    match = re.search(r'class="errors"[^>]*>(.*?)</p>', text, re.S)
    if match:
        return re.sub(r"<[^>]+>", "", match.group(1)).strip()[:300]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()[:200]


def describe_exit(code):
    if code is None:
        return "running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    if code >= 128:
        try:
            return f"exit status {code} ({signal.Signals(code - 128).name}?)"
        except ValueError:
            pass
    return f"exit status {code}"


# ---------------------------------------------------------------------------- what the campaign knows


class Context:
    def __init__(self, name, cookie=None, csrf=None, bearer=None, user=None):
        self.name, self.cookie, self.csrf, self.bearer, self.user = name, cookie, csrf, bearer, user


class World:
    """Routes, ids, field names and the signed-in contexts; renewed when a fuzzed request ends a session."""

    def __init__(self, server, args):
        self.server, self.args = server, args
        self.passwords = {user: DEMO_PASSWORD for user in SESSION_USERS}
        self.password_round = 0
        self.contexts = {}
        self.routes = []
        self.pools = {}
        self.assets = ["app.css"]
        self.fields = list(FALLBACK_FIELDS)
        self.setup_requests = 0

    # -- routes, ids, fields

    def load_routes(self):
        folder = tempfile.mkdtemp(prefix="chiso-fuzz-routes-")
        try:
            env = dict(os.environ, CHISO_DATA_DIR=folder, CHISO_ENV="production")
            env.pop("DATABASE_URL", None)
            run = subprocess.run([self.server.binary, "routes"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        routes = []
        for line in run.stdout.splitlines():
            match = re.match(r"^([A-Z]+) (/\S*)$", line.strip())
            if match:
                routes.append((match.group(1), match.group(2)))
        if run.returncode != 0 or not routes:
            raise SystemExit(f"`chiso routes` gave no routes (exit {run.returncode}); a binary with the routes command is needed.\n"
                             f"{run.stdout[-1000:]}{run.stderr[-1000:]}")
        if self.args.routes:
            routes = [r for r in routes if self.args.routes in f"{r[0]} {r[1]}"]
            if not routes:
                raise SystemExit(f"no route matches --routes {self.args.routes!r}")
        self.routes = routes

    def query(self, statement):
        if self.server.database_url:
            run = subprocess.run(["psql", self.server.database_url, "-AtX", "-c", statement], capture_output=True, text=True)
            if run.returncode != 0:
                return []
            return [tuple(line.split("|")) for line in run.stdout.splitlines() if line]
        database = sqlite3.connect(os.path.join(self.server.folder, "chiso.sqlite"), timeout=30)
        try:
            return database.execute(statement).fetchall()
        except sqlite3.Error:
            return []
        finally:
            database.close()

    def load_ids(self):
        order = "ORDER BY id" if self.server.database_url else "ORDER BY rowid"
        excluded = ", ".join(f"'{u}'" for u in SESSION_USERS + TOKEN_USERS)
        statements = {
            "periodID": f"SELECT id FROM periods {order}",
            "agencyID": f"SELECT id FROM agencies {order}",
            "userID": f"SELECT id FROM users WHERE username NOT IN ({excluded}) {order}",  # never the campaign's own accounts
            "indexID": f"SELECT id FROM index_versions {order}",
            "assignmentID": f"SELECT id FROM appraisal_assignments {order}",
            "taskID": f"SELECT id FROM tasks {order}",
            "importID": f"SELECT id FROM task_imports {order}",
            "evidenceID": f"SELECT id FROM task_evidence {order}",
            "assessmentID": f"SELECT id FROM assessments {order}",
            "deputyID": f"SELECT id FROM deputies {order}",
            "linkID": f"SELECT id FROM evidence_links {order}",
            "code": "SELECT DISTINCT criterion_code FROM criterion_entries ORDER BY criterion_code",
        }
        for name, statement in statements.items():
            self.pools[name] = [str(row[0]) for row in self.query(statement)][:60]
        # The agency editor's own assessments first: the upload and cycle routes then reach their handlers.
        own = [str(row[0]) for row in self.query(
            "SELECT a.id FROM assessments a JOIN agencies g ON g.id = a.agency_id WHERE g.code = 'SNV'")]
        self.pools["ownAssessment"] = own
        if not self.pools["code"]:
            self.pools["code"] = ["1.1", "1.1.1", "1.2", "2.1"]
        self.pools["file"] = self.assets
        self.pools["code-language"] = ["vi", "en"]

    def load_fields(self):
        names = set(FALLBACK_FIELDS)
        source = os.path.join(ROOT, "Sources", "App")
        for folder, _, files in os.walk(source):
            for file in files:
                if not file.endswith(".swift"):
                    continue
                with open(os.path.join(folder, file), encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines()
                inside = None
                for line in lines:
                    match = re.match(r"^(\s*)(?:public |private |fileprivate )?struct \w+\s*:[^{]*\b(Content|Decodable|Codable)\b[^{]*\{", line)
                    if match:
                        inside = match.group(1)
                        continue
                    if inside is not None:
                        if re.match(rf"^{inside}\}}", line):
                            inside = None
                            continue
                        field = re.match(r"^\s*(?:var|let) (\w+)\s*:", line)
                        if field:
                            names.add(field.group(1))
        names.discard("_csrf")
        self.fields = sorted(names)

    # -- contexts

    def get(self, path, cookie=None, bearer=None):
        headers = []
        if cookie:
            headers.append(("Cookie", cookie))
        if bearer:
            headers.append(("Authorization", f"Bearer {bearer}"))
        self.setup_requests += 1
        return exchange(self.server.port, simple_request(self.server.port, "GET", path, headers), self.args.timeout)

    def post_form(self, path, fields, cookie):
        body = urllib.parse.urlencode(fields).encode()
        self.setup_requests += 1
        return exchange(self.server.port, simple_request(self.server.port, "POST", path, [
            ("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded")], body), self.args.timeout)

    def login_csrf(self):
        answer = self.get("/login")
        cookie = cookies_set(answer).get("chiso_csrf")
        token = form_csrf(answer.body)
        for asset in re.findall(rb'/assets/([A-Za-z0-9._-]+)', answer.body):
            if asset.decode() not in self.assets:
                self.assets.append(asset.decode())
        if not cookie or not token:
            raise RuntimeError(f"GET /login gave no CSRF cookie or field: {answer.head_text()}")
        return cookie, token

    def login(self, user):
        cookie, token = self.login_csrf()
        answer = self.post_form("/login", {"username": user, "password": self.passwords[user], "_csrf": token},
                                f"chiso_csrf={cookie}")
        session = cookies_set(answer).get("chiso_session")
        if answer.status != 303 or not session:
            return None
        jar = f"chiso_session={session}"
        page = self.get("/", cookie=jar)
        if page.status in (302, 303) and "/account/password" in " ".join(page.header("location")):
            page = self.get("/account/password", cookie=jar)
        csrf = form_csrf(page.body)
        if not csrf:
            return None
        return Context(f"session:{user}", cookie=jar, csrf=csrf, user=user)

    def reset_password(self, user):
        """A fuzzed request changed the password: reset it with the CLI and set a new one, as a person would."""
        out = self.server.cli("user", "reset-password", user)
        temporary = out.strip().split()[-1]
        self.passwords[user] = temporary
        context = self.login(user)
        if context is None:
            return None
        self.password_round += 1
        new = f"Kiem-Thu-Fuzz-{2026 + self.password_round}x"
        answer = self.post_form("/account/password", {"current": temporary, "new": new, "repeated": new, "_csrf": context.csrf},
                                context.cookie)
        if answer.status not in (200, 303):
            return None
        self.passwords[user] = new
        return self.login(user)

    def new_token(self, user):
        out = self.server.cli("user", "token", user, "--name", "fuzz-http")
        return re.findall(r"[A-Za-z0-9_-]{30,}", out)[-1]

    def refresh(self, force=False):
        """Makes sure every context works; logs in again or makes a new token where one was lost. Returns what was renewed."""
        renewed = []
        cookie, token = self.login_csrf()
        self.contexts["anonymous"] = Context("anonymous")
        self.contexts["login-csrf"] = Context("login-csrf", cookie=f"chiso_csrf={cookie}", csrf=token)
        for user in SESSION_USERS:
            name = f"session:{user}"
            current = self.contexts.get(name)
            if current and not force and self.get("/account/password", cookie=current.cookie).status == 200:
                continue
            context = self.login(user) or self.reset_password(user)
            if context is None:
                print(f"  warning: cannot sign in as {user} any more; its context is left out", flush=True)
                self.contexts.pop(name, None)
                continue
            self.contexts[name] = context
            renewed.append(name)
        for user in TOKEN_USERS:
            name = f"bearer:{user}"
            current = self.contexts.get(name)
            if current and not force and self.get("/api/v1/me", bearer=current.bearer).status == 200:
                continue
            try:
                self.contexts[name] = Context(name, bearer=self.new_token(user), user=user)
                renewed.append(name)
            except (RuntimeError, IndexError) as error:
                print(f"  warning: no API token for {user}: {error}", flush=True)
                self.contexts.pop(name, None)
        return renewed


# ---------------------------------------------------------------------------- the requests


class Request:
    def __init__(self, method, target, port):
        self.method = method.encode() if isinstance(method, str) else method
        self.target = target.encode() if isinstance(target, str) else target
        self.version = b"HTTP/1.1"
        self.eol = b"\r\n"
        self.headers = [(b"Host", f"127.0.0.1:{port}".encode()), (b"User-Agent", b"chiso-http-fuzz"), (b"Connection", b"close")]
        self.body = b""
        self.auto_length = True      # add Content-Length for the body at the end
        self.incomplete = False      # the request is left unfinished on purpose: no answer is expected
        self.raw = None              # the whole request, when a mutation wrote it itself
        self.tail = b""              # bytes after the request (pipelined)
        self.notes = []
        self.boundary = None         # the multipart boundary of the body, when it has one
        self.head = False            # a HEAD request: the answer has no body

    def set(self, name, value):
        lower = name.lower().encode() if isinstance(name, str) else name.lower()
        self.headers = [(n, v) for n, v in self.headers if n is None or n.lower() != lower]
        self.add(name, value)

    def add(self, name, value):
        self.headers.append((name.encode() if isinstance(name, str) else name, value.encode() if isinstance(value, str) else value))

    def drop(self, name):
        lower = name.lower().encode()
        self.headers = [(n, v) for n, v in self.headers if n is None or n.lower() != lower]

    def has(self, name):
        return any(n is not None and n.lower() == name.lower().encode() for n, _ in self.headers)

    def bytes(self):
        if self.raw is not None:
            return self.raw
        headers = list(self.headers)
        if self.auto_length and (self.body or self.method == b"POST") and not self.has("content-length") and not self.has("transfer-encoding"):
            headers.append((b"Content-Length", str(len(self.body)).encode()))
        out = [self.method + b" " + self.target + b" " + self.version]
        for name, value in headers:
            out.append(value if name is None else name + b": " + value)
        return self.eol.join(out) + self.eol + self.eol + self.body + self.tail


def rand_bytes(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def junk_text(rng, n=None):
    n = n if n is not None else rng.choice([0, 1, 3, 8, 40, 300])
    alphabet = "abcXYZ019-_.~!$&'()*+,;=:@/?#[]%\"<>\\^`{|} \t\x00\x01\x1f\x7féđệ中😀\ufeff\u202e"
    return "".join(rng.choice(alphabet) for _ in range(n))


class Generator:
    FAMILIES = [("content_type", 18), ("multipart", 16), ("urlencoded", 10), ("json", 10), ("headers", 18), ("path", 10),
                ("query", 9), ("params", 6), ("method", 4), ("syntax", 5)]
    ORDER = ["content_type", "multipart", "urlencoded", "json", "params", "path", "query", "method", "headers", "syntax"]
    EMPTY_BOUNDARIES = ["multipart/form-data; boundary=", 'multipart/form-data; boundary=""', "multipart/form-data; boundary=;"]

    def __init__(self, world, seed):
        self.world, self.seed = world, seed
        self.fixed = []
        # First, for every route: the issue's three empty boundaries, anonymous and signed in.
        for route in world.routes:
            api = route[1].startswith("/api/")
            for content_type in self.EMPTY_BOUNDARIES:
                for context in (["anonymous", "bearer:sonoivu"] if api else ["anonymous", "session:admin"]):
                    self.fixed.append(("empty_boundary", route, content_type, context))
                if route == ("POST", "/login"):
                    self.fixed.append(("empty_boundary", route, content_type, "login-csrf"))
        # Then, for every GET route, signed in: extreme integers in the query (paging arithmetic).
        for route in world.routes:
            if route[0] != "GET":
                continue
            context = "bearer:sonoivu" if route[1].startswith("/api/") else "session:admin"
            for query in ["page=9223372036854775807", "page=-9223372036854775808", "page=4611686018427387904",
                          "&".join(f"{key}=9223372036854775807" for key in QUERY_KEYS)]:
                self.fixed.append(("extreme_query", route, query, context))

    def port(self):
        return self.world.server.port

    # -- the parts of a request

    def pick_context(self, rng, route):
        contexts = self.world.contexts
        if route[1].startswith("/api/"):
            names, weights = ["anonymous", "bearer:sonoivu", "bearer:snv.daumoi", "session:admin", "session:snv.daumoi"], [2, 5, 5, 1, 1]
        elif route[1] in ("/login", "/health", "/public", "/language/:code", "/assets/:file", "/public/periods/:periodID"):
            names, weights = ["anonymous", "login-csrf", "session:admin", "session:snv.daumoi"], [3, 4, 1, 1]
        else:
            names, weights = ["anonymous", "login-csrf", "session:admin", "session:sonoivu", "session:snv.daumoi"], [1, 1, 4, 3, 4]
        available = [(n, w) for n, w in zip(names, weights) if n in contexts]
        name = rng.choices([n for n, _ in available], [w for _, w in available])[0]
        return contexts[name]

    def param_value(self, rng, name, route, context, hostile=False):
        pools = self.world.pools
        if name == "code" and route[1].startswith("/language"):
            pool = pools["code-language"]
        elif name == "assessmentID" and context.user == "snv.daumoi" and pools.get("ownAssessment") and rng.random() < 0.7:
            pool = pools["ownAssessment"]
        else:
            pool = pools.get(name) or []
        if not hostile and pool and rng.random() < 0.9:
            value = rng.choice(pool)
            return value.upper() if rng.random() < 0.3 and name != "code" else value
        choices = [
            lambda: str(uuid.UUID(int=rng.getrandbits(128))),
            lambda: "00000000-0000-0000-0000-000000000000",
            lambda: "{" + str(uuid.UUID(int=rng.getrandbits(128))) + "}",
            lambda: str(uuid.UUID(int=rng.getrandbits(128))).replace("-", ""),
            lambda: rng.choice(sum((v for v in pools.values() if v), []) or ["x"]),   # an id of another kind
            lambda: rng.choice(["1.1.1", "1.1", "1", "0", "-1", "1.1.1.1.1", "9.9.9", "1..1", ".", "..", "1.1.1.", "I.1",
                                "1.1.1.1.1.1.1.1.1.1.1.1", "١.١"]),
            lambda: ".".join(["1"] * rng.choice([50, 500, 3000])),
            lambda: rng.choice(INTS),
            lambda: urllib.parse.quote(junk_text(rng), safe=""),
            lambda: rng.choice(["%00", "%0d%0a", "%2F", "%2e%2e", "%C3%28", "%FF", "%ED%A0%80", "%", "%%", "%2", "a%2Fb",
                                "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "%EF%BB%BF", "null", "undefined", "NaN", "true", "[]", "{}"]),
            lambda: "a" * rng.choice([64, 1000, 10000]),
            lambda: "",
        ]
        return rng.choice(choices)()

    def fill(self, rng, route, context, hostile=False):
        segments = []
        for segment in route[1].split("/")[1:]:
            if segment.startswith(":"):
                segments.append(self.param_value(rng, segment[1:], route, context, hostile))
            else:
                segments.append(segment)
        return "/" + "/".join(segments)

    def field_value(self, rng):
        pools = self.world.pools
        return rng.choice([
            lambda: rng.choice(["1", "0", "80", "100", "12,5", "3.5", "true", "false", "on", "vi", "en", "so", "xa"]),
            lambda: rng.choice(["12/03/2026", "31/12/2026", "2026-03-12", "31/02/2026", "00/00/0000", "99/99/99999999999"]),
            lambda: rng.choice(pools.get("code") or ["1.1.1"]),
            lambda: rng.choice(pools.get("agencyID") or ["x"]),
            lambda: rng.choice(pools.get("periodID") or ["x"]),
            lambda: rng.choice(["Sở Nội vụ", "Báo cáo quý", "ghi chú", "SNV", "STP", "admin"]),
            lambda: rng.choice(INTS),
            lambda: junk_text(rng),
        ])()

    def fields(self, rng, context, csrf_in_body):
        count = rng.choice([0, 1, 2, 3, 4, 6])
        pairs = [(rng.choice(self.world.fields), self.field_value(rng)) for _ in range(count)]
        if csrf_in_body and context.csrf:
            pairs.insert(0 if rng.random() < 0.8 else len(pairs), ("_csrf", context.csrf))
        if rng.random() < 0.1 and context.user is None:
            pairs += [("username", rng.choice(SESSION_USERS + ["nobody", ""])), ("password", rng.choice([DEMO_PASSWORD, "x", ""]))]
        return pairs

    @staticmethod
    def file_content(rng):
        return rng.choice([
            lambda: b"%PDF-1.4\n" + rand_bytes(rng, rng.choice([10, 200])) + b"\n%%EOF\n",
            lambda: b"\x89PNG\r\n\x1a\n" + rand_bytes(rng, 64),
            lambda: b"\xff\xd8\xff\xe0" + rand_bytes(rng, 64),
            lambda: b"PK\x03\x04" + rand_bytes(rng, 64),
            lambda: b"MZ\x90\x00" + rand_bytes(rng, 64),
            lambda: b"%PDF",
            lambda: b"",
            lambda: "mã nhiệm vụ,tên,hạn\n1,Báo cáo,31/12/2026\n".encode(),
            lambda: rand_bytes(rng, rng.choice([1, 100, 5000])),
        ])()

    @staticmethod
    def boundary(rng):
        return rng.choice(["chisofuzz", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "x", "a" * 70, "b'()+_,-./:=?", "chiso fuzz"])

    def multipart_parts(self, rng, context, csrf_in_body, with_file):
        parts = [(f'form-data; name="{name}"', None, value.encode("utf-8", "surrogatepass")) for name, value in self.fields(rng, context, csrf_in_body)]
        if with_file:
            filename = rng.choice(["bao-cao.pdf", "tasks.csv", "anh.png", "Báo cáo.pdf", "../../etc/passwd", "a" * 300 + ".pdf",
                                   "x\x00.pdf", "", 'q"uote.pdf', "con.xlsx"])
            parts.append((f'form-data; name="file"; filename="{filename}"', rng.choice(["application/pdf", "text/csv",
                          "application/octet-stream", "image/png", None]), self.file_content(rng)))
        return parts

    @staticmethod
    def encode_multipart(boundary, parts, eol=b"\r\n", final=True):
        b = boundary.encode("utf-8", "surrogatepass") if isinstance(boundary, str) else boundary
        out = b""
        for disposition, content_type, content in parts:
            out += b"--" + b + eol + b"Content-Disposition: " + disposition.encode("utf-8", "surrogatepass") + eol
            if content_type:
                out += b"Content-Type: " + content_type.encode() + eol
            out += eol + content + eol
        if final:
            out += b"--" + b + b"--" + eol
        return out

    def base_body(self, rng, req, route, context, csrf_in_body):
        api = route[1].startswith("/api/")
        kind = rng.choices(["urlencoded", "multipart", "json", "none"], [20, 60, 20, 0] if "evidence" in route[1] or "import" in route[1]
                           or "surveys" in route[1] or route[1] in ("/indexes", "/admin/agencies/import") else
                           ([20, 15, 65, 0] if api else [55, 25, 15, 5]))[0]
        if kind == "urlencoded":
            req.body = urllib.parse.urlencode(self.fields(rng, context, csrf_in_body)).encode()
            req.set("Content-Type", "application/x-www-form-urlencoded")
        elif kind == "multipart":
            boundary = self.boundary(rng)
            req.body = self.encode_multipart(boundary, self.multipart_parts(rng, context, csrf_in_body, rng.random() < 0.7))
            quoted = f'"{boundary}"' if " " in boundary or rng.random() < 0.2 else boundary
            req.set("Content-Type", f"multipart/form-data; boundary={quoted}")
            req.boundary = boundary
        elif kind == "json":
            req.body = json.dumps(dict(self.fields(rng, context, csrf_in_body)), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
            req.set("Content-Type", "application/json")
        return kind

    # -- one case

    def case(self, number):
        """The request of case `number` (the seed and the number alone choose it; ids and tokens are this run's)."""
        rng = random.Random(f"chiso-http:{self.seed}:{number}")
        if number < len(self.fixed):
            kind, route, detail, context_name = self.fixed[number]
            context = self.world.contexts.get(context_name) or self.world.contexts["anonymous"]
            req = Request(route[0], self.fill(rng, route, context), self.port())
            if context.cookie:
                req.add("Cookie", context.cookie)
            if context.bearer:
                req.add("Authorization", f"Bearer {context.bearer}")
            req.notes = [f"fixed: {kind}", context.name]
            if kind == "extreme_query":
                req.target += b"?" + detail.encode()
                return route, context, req, kind
            boundary = {"multipart/form-data; boundary=": "", 'multipart/form-data; boundary=""': "", "multipart/form-data; boundary=;": ""}[detail]
            parts = self.multipart_parts(rng, context, True, True)
            if route == ("POST", "/login"):
                parts = [('form-data; name="username"', None, b"admin"), ('form-data; name="password"', None, DEMO_PASSWORD.encode())] + \
                        ([('form-data; name="_csrf"', None, context.csrf.encode())] if context.csrf else [])
            req.body = self.encode_multipart(boundary, parts)
            req.set("Content-Type", detail)
            return route, context, req, kind
        route = rng.choice(self.world.routes)
        context = self.pick_context(rng, route)
        families = [rng.choices([f for f, _ in self.FAMILIES], [w for _, w in self.FAMILIES])[0]]
        if rng.random() < 0.2:
            families.append(rng.choices([f for f, _ in self.FAMILIES], [w for _, w in self.FAMILIES])[0])
        # Bodies first, framing and request-line syntax last: a body replaced after its Content-Length was set would lie.
        families.sort(key=self.ORDER.index)
        hostile_params = "params" in families
        req = Request(route[0], self.fill(rng, route, context, hostile_params), self.port())
        csrf_mode = rng.choices(["body", "header", "none"], [5, 3, 1])[0] if context.csrf else "none"
        if context.cookie:
            req.add("Cookie", context.cookie)
        if context.bearer:
            req.add("Authorization", f"Bearer {context.bearer}")
        if csrf_mode == "header":
            req.add("X-CSRF-Token", context.csrf)
        if route[0] == "POST" or rng.random() < 0.05:
            self.base_body(rng, req, route, context, csrf_mode == "body")
        req.notes = [context.name, f"csrf:{csrf_mode}"]
        for family in families:
            getattr(self, "mutate_" + family)(rng, req, route, context)
            req.notes.append(family)
        # A declared length longer than the body: the server rightly waits for the rest.
        for name, value in req.headers:
            if name is not None and name.lower() == b"content-length" and value.strip().isdigit() and int(value) > len(req.body):
                req.incomplete = True
        return route, context, req, "+".join(families)

    # -- the mutations

    def hostile_content_types(self, rng, boundary):
        b = boundary or "x"
        values = [
            "multipart/form-data; boundary=", 'multipart/form-data; boundary=""', "multipart/form-data; boundary=;",
            "multipart/form-data", "multipart/form-data;", "multipart/form-data; boundary", "multipart/form-data;boundary",
            "multipart/form-data; boundary= ", 'multipart/form-data; boundary=" "', "multipart/form-data; boundary=a ",
            "multipart/form-data; boundary=" + "a" * 70, "multipart/form-data; boundary=" + "a" * 71,
            "multipart/form-data; boundary=" + "a" * rng.choice([200, 1000, 100000]),
            "multipart/form-data; boundary=ranh-giới", "multipart/form-data; boundary=é".encode("latin-1"),
            b"multipart/form-data; boundary=\xff\xfe", b"multipart/form-data; boundary=\xc3\x28",
            "multipart/form-data; boundary=a\x01b", "multipart/form-data; boundary=a\x7fb", "multipart/form-data; boundary=\t",
            "multipart/form-data; boundary=a\tb", f"multipart/form-data; boundary={b}; boundary=",
            f"multipart/form-data; boundary=; boundary={b}", f"multipart/form-data; boundary={b}; boundary={b}x",
            f'multipart/form-data; boundary="{b}', f'multipart/form-data; boundary={b}"', 'multipart/form-data; boundary="a\\"b"',
            'multipart/form-data; boundary="\\"', "multipart/form-data; boundary=--", "multipart/form-data; boundary=-",
            "multipart/form-data; boundary==", "multipart/form-data; boundary=a b", f"multipart/form-data;  boundary = {b}",
            f"multipart/form-data; BOUNDARY={b}", "MULTIPART/FORM-DATA; BOUNDARY=", f"Multipart/Form-Data; Boundary={b}",
            "multipart/form-data; charset=utf-8; boundary=", f"multipart/form-data; boundary*=utf-8''{b}",
            "multipart/form-data; boundary*=utf-8''", f"multipart/form-data; boundary={b}, application/json",
            f"multipart/mixed; boundary={b}", "multipart/mixed", "multipart/mixed; boundary=", "multipart/alternative; boundary=",
            "multipart/byteranges; boundary=", f"multipart/related; boundary={b}", "multipart/; boundary=x", "multipart",
            "multipart/", "/form-data", f"multipart/form-data/extra; boundary={b}", f" multipart/form-data; boundary={b}",
            "multipart/form-data ; boundary=", "multipart/form-data;;;boundary=", "multipart/form-data; =; boundary=",
            "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; boundary=",
            "application/x-www-form-urlencoded; charset=\xff", "application/json; charset=latin1", "application/json;;;;",
            "application/json; =", "application/vnd.api+json", "application/json-patch+json", "text/json", "text/plain",
            "text/html", "application/xml", "application/octet-stream", "", ";", "*/*", "a/b/c", ";;;;=;=", '"', "=",
            "application/x-www-form-urlencoded" + "; a=b" * rng.choice([100, 5000]),
            f"multipart/form-data; boundary={b}; x=" + "y" * rng.choice([1000, 60000]),
            f"multipart/form-data; boundary={b}" + "; p=q" * 3000,
            junk_text(rng), rand_bytes(rng, rng.choice([1, 10, 100])).replace(b"\r", b"").replace(b"\n", b""),
        ]
        choice = rng.random()
        if choice < 0.75:
            return [rng.choice(values)]
        # Several Content-Type headers.
        several = [rng.choice(values) for _ in range(rng.choice([2, 2, 3, 10]))]
        if rng.random() < 0.5:
            several.insert(rng.randrange(len(several) + 1), rng.choice(["multipart/form-data; boundary=", f"multipart/form-data; boundary={b}",
                                                                         "application/json", "application/x-www-form-urlencoded"]))
        return several

    def mutate_content_type(self, rng, req, route, context):
        boundary = req.boundary or self.boundary(rng)
        req.drop("Content-Type")
        for value in self.hostile_content_types(rng, boundary):
            req.add("Content-Type", value)
        if not req.body or rng.random() < 0.3:
            req.body = rng.choice([
                lambda: self.encode_multipart(boundary, self.multipart_parts(rng, context, True, True)),
                lambda: self.encode_multipart("", self.multipart_parts(rng, context, True, True)),
                lambda: urllib.parse.urlencode(self.fields(rng, context, True)).encode(),
                lambda: json.dumps(dict(self.fields(rng, context, True))).encode(),
                lambda: rand_bytes(rng, rng.choice([1, 50, 2000])),
                lambda: b"",
                lambda: b"--\r\n\r\n--\r\n",
                lambda: b"----\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n------\r\n",
            ])()

    def mutate_multipart(self, rng, req, route, context):
        boundary = req.boundary
        if not boundary or rng.random() < 0.2:
            boundary = self.boundary(rng)
        req.set("Content-Type", f'multipart/form-data; boundary="{boundary}"' if " " in boundary else f"multipart/form-data; boundary={boundary}")
        b = boundary.encode()
        parts = self.multipart_parts(rng, context, context.csrf is not None and rng.random() < 0.8, rng.random() < 0.8)
        eol = b"\n" if rng.random() < 0.1 else b"\r\n"
        body = self.encode_multipart(boundary, parts, eol)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            kind = rng.randrange(26)
            if kind == 0:  # truncated
                body = body[:rng.randrange(len(body) + 1)]
            elif kind == 1:  # a part without headers
                body = b"--" + b + b"\r\n\r\nno headers\r\n" + body
            elif kind == 2:  # a header name with bytes >= 128
                name = rng.choice([b"Cont\xe9nt-Disposition", b"\xff", b"X-\x80\x81", "Tên".encode(), b"\xc3\xa9", b"A" * 10 + b"\xfe"])
                body = b"--" + b + b"\r\n" + name + b": form-data; name=\"x\"\r\n\r\nv\r\n" + body
            elif kind == 3:  # high bytes after the first boundary only (the guard's state across parts)
                body = body.replace(b"Content-Disposition", b"Content-Dispositio\xee", 1) if rng.random() < 0.5 else \
                    body.replace(b"Content-Type", b"\x80ontent-Type")
            elif kind == 4:  # endless preamble
                body = rng.choice([b"x", b"-", b"\r\n", b"--", b"-" + b]) * (1024 * 1024 // max(1, len(b) + 1)) + body
            elif kind == 5:  # no boundary at all
                body = rand_bytes(rng, rng.choice([10, 1000, 100000]))
            elif kind == 6:  # nested boundaries
                inner = self.boundary(rng) + "-inner"
                nested = self.encode_multipart(inner, self.multipart_parts(rng, context, True, True))
                body = self.encode_multipart(boundary, [('form-data; name="file"; filename="n.pdf"', f"multipart/mixed; boundary={inner}", nested)] + parts)
            elif kind == 7:  # the boundary as a prefix of a longer one, or inside content
                body = body.replace(b"--" + b + b"\r\n", b"--" + b + b"x\r\n", 1) if rng.random() < 0.5 else \
                    self.encode_multipart(boundary, [('form-data; name="note"', None, b"a\r\n--" + b + b"b\r\n--" + b)] + parts)
            elif kind == 8:  # missing final boundary
                body = body[:body.rfind(b"--" + b + b"--")] if b"--" + b + b"--" in body else body
            elif kind == 9:  # a header line without a colon, or an empty name
                body = b"--" + b + b"\r\n" + rng.choice([b"Content-Disposition form-data", b": value", b":", b" : x"]) + b"\r\n\r\nv\r\n" + body
            elif kind == 10:  # a huge header line
                body = b"--" + b + b"\r\nContent-Disposition: form-data; name=\"" + b"n" * rng.choice([10000, 200000]) + b"\"\r\n\r\nv\r\n" + body
            elif kind == 11:  # many parts
                body = b"".join(b"--" + b + b"\r\nContent-Disposition: form-data; name=\"f" + str(i).encode() + b"\"\r\n\r\nv\r\n"
                                for i in range(rng.choice([1000, 20000]))) + body
            elif kind == 12:  # dispositions without name, odd names
                disposition = rng.choice([b"form-data", b"form-data; name=", b"form-data; name=\"\"", b"form-data; name=\"a;b=c\"",
                                          b"form-data; name=\"_csrf\"; name=\"file\"", b"attachment; name=\"file\"", b"form-data; name=\"a[b][c]\"",
                                          b"form-data; name=\"_csrf[]\"", b"form-data; name=\"" + b"[a]" * 2000 + b"\"",
                                          b"form-data; name*=utf-8''%FF", b"form-data; filename=\"x.pdf\"", b"form-data; name=\"file\"; filename",
                                          b"form-data; name=\"\xff\xfe\"", b"form-data; name=\"n\x00\""])
                body = b"--" + b + b"\r\nContent-Disposition: " + disposition + b"\r\n\r\n%PDF-1.4 v\r\n" + body
            elif kind == 13:  # duplicated _csrf and file parts
                body = body + body
            elif kind == 14:  # CR or LF alone
                body = body.replace(b"\r\n", rng.choice([b"\r", b"\n", b"\n\r"]))
            elif kind == 15:  # a 1 MB field
                body = self.encode_multipart(boundary, [('form-data; name="' + rng.choice(self.world.fields) + '"', None, b"v" * (1024 * 1024))] + parts)
            elif kind == 16:  # the close delimiter first
                body = b"--" + b + b"--\r\n" + body
            elif kind == 17:  # whitespace after the boundary, transport padding
                body = body.replace(b"--" + b + b"\r\n", b"--" + b + rng.choice([b" \t \r\n", b"  junk\r\n", b"-\r\n", b"\x00\r\n"]))
            elif kind == 18:  # invalid UTF-8 and NUL in values and file names
                body = body.replace(b"name=\"", b"name=\"\xc3\x28", 1).replace(b"\r\n\r\n", b"\r\n\r\n\x00\xff", 1)
            elif kind == 19:  # a part header Content-Type with its own boundary
                body = body.replace(b"Content-Type: ", b"Content-Type: multipart/form-data; boundary=; x=", 1)
            elif kind == 20:  # the file part before the _csrf part
                body = self.encode_multipart(boundary, list(reversed(parts)), eol)
            elif kind == 21:  # many headers in one part
                body = b"--" + b + b"\r\n" + b"X-A: b\r\n" * rng.choice([100, 10000]) + b"\r\nv\r\n" + body
            elif kind == 22:  # header continuation lines
                body = body.replace(b"Content-Disposition: form-data;", b"Content-Disposition: form-data;\r\n \tname=\"fold\";", 1)
            elif kind == 23:  # no epilogue CRLF, epilogue junk
                body = body.rstrip(b"\r\n") + rng.choice([b"", b"epilogue", rand_bytes(rng, 100)])
            elif kind == 24:  # a file bigger than the chunk size, split oddly
                body = self.encode_multipart(boundary, parts[:1] + [('form-data; name="file"; filename="big.pdf"', "application/pdf",
                                                                     b"%PDF-1.4\n" + rand_bytes(rng, rng.choice([70000, 600000])))], eol)
            else:  # random bit flips
                data = bytearray(body)
                for _ in range(rng.choice([1, 5, 50])):
                    if data:
                        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
                body = bytes(data)
        req.body = body

    def mutate_urlencoded(self, rng, req, route, context):
        req.set("Content-Type", rng.choice(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8"]))
        pairs = self.fields(rng, context, context.csrf is not None and rng.random() < 0.8)
        base = urllib.parse.urlencode(pairs)
        field = rng.choice(self.world.fields)
        extra = rng.choice([
            lambda: "a[]=1&a[x]=2",
            lambda: f"{field}[]=1&{field}[]=2",
            lambda: f"{field}[x]=1&{field}=2",
            lambda: f"{field}=1&{field}[x]=2",
            lambda: "_csrf[]=x&_csrf[a]=y",
            lambda: f"_csrf={context.csrf or 'x'}&_csrf=other",
            lambda: "a" + "[b]" * rng.choice([100, 1000, 20000]) + "=1",
            lambda: "a" + "[]" * rng.choice([100, 5000]) + "=1",
            lambda: "[=1&]=2&[]]=3&a[=4&a]=5",
            lambda: f"{field}=%zz&x=%&y=%F&z=%%",
            lambda: f"{field}=%FF%FE&{field}2=%C0%80&x=%ED%A0%80",
            lambda: f"{field}=a%00b&%00=1",
            lambda: f"{field}=" + "v" * (1024 * 1024),
            lambda: "&".join(f"{field}={i}" for i in range(rng.choice([1000, 50000]))),
            lambda: "&".join(f"k{i}=v" for i in range(rng.choice([1000, 30000]))),
            lambda: "=&=&=&&&&",
            lambda: "&&&&&&",
            lambda: field,
            lambda: "+=+&%2B=%2B",
            lambda: f"{field}={rng.choice(INTS)}",
            lambda: "&".join(f"{f}={rng.choice(INTS)}" for f in rng.sample(self.world.fields, min(8, len(self.world.fields)))),
            lambda: "&".join(f"{f}[]=1" for f in rng.sample(self.world.fields, min(8, len(self.world.fields)))),
            lambda: "&".join(f"{f}[0][1]=1" for f in rng.sample(self.world.fields, min(8, len(self.world.fields)))),
            lambda: f"{field}=" + urllib.parse.quote(junk_text(rng, 200)),
            lambda: f"{field}=31/02/2026&from=00/00/0000&to=99/99/99999999999&deadline=1/1/-1",
        ])()
        raw = rng.choice([base + "&" + extra, extra + "&" + base, extra]).encode("utf-8", "surrogatepass")
        if rng.random() < 0.15:
            raw = raw.replace(b"%00", b"\x00").replace(b"%FF", b"\xff") + rng.choice([b"\xff", b"\x00", "é".encode("latin-1")])
        req.body = raw

    def mutate_json(self, rng, req, route, context):
        req.set("Content-Type", rng.choice(["application/json", "application/json; charset=utf-8", "application/vnd.api+json"]))
        fields = dict(self.fields(rng, context, context.csrf is not None and rng.random() < 0.5))
        field = rng.choice(self.world.fields)
        depth = rng.choice([100, 1000, 10000, 100000])
        body = rng.choice([
            lambda: b"[" * depth + b"]" * depth,
            lambda: b"[" * depth,
            lambda: b'{"a":' * depth + b"1" + b"}" * depth,
            lambda: json.dumps({field: json.loads("[" * 200 + "]" * 200)}).encode(),
            lambda: ('{"%s": %s}' % (field, rng.choice(["1e400", "-1e400", "123456789012345678901234567890", "9223372036854775808",
                                                         "-0", "1E+99999", "0.0000000000000000000000000000001", "1" * 10000]))).encode(),
            lambda: b'{"' + field.encode() + b'": "\xff\xfe\xc3\x28"}',
            lambda: b'{"' + field.encode() + b'": "a\x00b"}',
            lambda: ('{"%s": "a\\u0000b", "_csrf": "\\u0000"}' % field).encode(),
            lambda: ('{"%s": "\\ud800", "x": "\\udfff\\ud800"}' % field).encode(),
            lambda: json.dumps({field: "v" * (1024 * 1024)}).encode(),
            lambda: json.dumps({f: [1, 2, "x"] for f in rng.sample(self.world.fields, min(10, len(self.world.fields)))}).encode(),
            lambda: json.dumps({f: {"a": {"b": 1}} for f in rng.sample(self.world.fields, min(10, len(self.world.fields)))}).encode(),
            lambda: json.dumps({f: None for f in rng.sample(self.world.fields, min(10, len(self.world.fields)))}).encode(),
            lambda: json.dumps({f: rng.choice([True, 1.5, -1, 2 ** 64, "", []]) for f in rng.sample(self.world.fields, min(10, len(self.world.fields)))}).encode(),
            lambda: ('{"%s": 1, "%s": "two", "%s": [3]}' % (field, field, field)).encode(),
            lambda: json.dumps(fields).encode()[:max(1, len(json.dumps(fields)) // 2)],
            lambda: b"\xef\xbb\xbf" + json.dumps(fields).encode(),
            lambda: json.dumps(fields).encode() + b"garbage",
            lambda: b"",
            lambda: rng.choice([b"null", b"[]", b'"s"', b"1", b"true", b"{}", b"[{}]", b"{", b"}", b"NaN", b"Infinity"]),
            lambda: ('{/*c*/"%s": \'x\', }' % field).encode(),
            lambda: json.dumps([fields] * 3).encode(),
            lambda: json.dumps({"a": list(range(rng.choice([1000, 100000])))}).encode(),
            lambda: json.dumps({"k%d" % i: i for i in range(rng.choice([1000, 50000]))}).encode(),
            lambda: json.dumps({field: rng.choice(INTS), "value": rng.choice(INTS), "page": rng.choice(INTS)}).encode(),
            lambda: json.dumps({**fields, "extra_undeclared": 1}).encode(),
            lambda: json.dumps({field: junk_text(rng, 300)}, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        ])()
        req.body = body

    def mutate_headers(self, rng, req, route, context):
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            kind = rng.randrange(24)
            if kind == 0:  # Content-Length larger than the body: the server waits for the rest
                req.auto_length = False
                req.set("Content-Length", str(len(req.body) + rng.choice([1, 100, 10 ** 6])))
                req.incomplete = True
            elif kind == 1:  # Content-Length smaller than the body: the rest is a second request
                req.auto_length = False
                req.set("Content-Length", str(max(0, len(req.body) - rng.choice([1, 10, 1000]))))
            elif kind == 2:  # duplicate Content-Length
                req.auto_length = False
                req.drop("Content-Length")
                n = len(req.body)
                for value in rng.choice([[n, n], [n, n + 1], [n + 1, n], [0, n], [n, 0]]):
                    req.add("Content-Length", str(value))
                req.incomplete = True  # may be waiting for a longer body
            elif kind == 3:  # odd Content-Length values
                req.auto_length = False
                req.set("Content-Length", rng.choice(["+%d" % len(req.body), "-1", "0x10", "1e3", " %d " % len(req.body), "18446744073709551616",
                                                      "99999999999999999999", "", "%d, %d" % (len(req.body), len(req.body)), "abc", "٣"]))
                req.incomplete = True
            elif kind == 4:  # Transfer-Encoding: chunked with bad chunk sizes
                req.auto_length = False
                req.drop("Content-Length")
                req.set("Transfer-Encoding", rng.choice(["chunked", "chunked", "Chunked", "gzip, chunked", "chunked, gzip", " chunked",
                                                         "chunked\t", "identity, chunked"]))
                data = req.body or b"x"
                size = rng.choice(["-1", "fffffffffffffffff", "0x10", "%x;ext=\"junk" % len(data), "%X" % (len(data) + 10), "%x" % max(0, len(data) - 1),
                                   " %x" % len(data), "%x " % len(data), "", "zz", "8000000000000000", "%x" % len(data)])
                tail = rng.choice([b"\r\n0\r\n\r\n", b"0\r\n\r\n", b"\r\n", b"\r\n0\r\nX-Trailer: \xff\r\n\r\n", b"\r\n0\r\n", b"\n0\n\n"])
                req.body = size.encode() + b"\r\n" + data + tail
                req.incomplete = True
            elif kind == 5:  # both Transfer-Encoding and Content-Length
                req.auto_length = False
                req.set("Content-Length", str(len(req.body)))
                req.add("Transfer-Encoding", "chunked")
                req.incomplete = True
            elif kind == 6:  # huge headers
                choice = rng.randrange(4)
                if choice == 0:
                    req.add("X-Big", "v" * rng.choice([8000, 70000, 200000]))
                elif choice == 1:
                    for i in range(rng.choice([100, 1000, 5000])):
                        req.add(f"X-H{i}", "v")
                elif choice == 2:
                    req.add("X-" + "n" * rng.choice([1000, 70000]), "v")
                else:
                    req.add("Cookie", "a=" + "b" * rng.choice([5000, 70000]))
            elif kind == 7:  # non-ASCII header values and names
                req.add(rng.choice(["X-Note", "Accept", "Referer", "Origin", "User-Agent", "If-None-Match", "X-CSRF-Token"]),
                        rng.choice(["Sở Nội vụ".encode(), "é".encode("latin-1"), b"\xff\xfe", b"\x7f", b"a\x01b", b"\xc3\x28", "😀".encode()]))
                if rng.random() < 0.3:
                    req.add(rng.choice([b"X-\xff", "Tên".encode(), b"X Space", b"X(paren)", b"X:colon"]), b"v")
            elif kind == 8:  # bad Cookie values
                session = (context.cookie or "chiso_session=x").split("=", 1)[-1]
                req.drop("Cookie")
                req.add("Cookie", rng.choice([
                    "chiso_session=", "chiso_session", "chiso_session=" + junk_text(rng, 40), "chiso_session=\"" + session + "\"",
                    f"chiso_session={session}; chiso_session=junk", f"chiso_session=junk; chiso_session={session}",
                    "chiso_csrf=" + junk_text(rng, 30), "chiso_csrf=", f"chiso_session={session}; chiso_csrf=" + "x" * 5000,
                    ";;;;", "=;=;=", "=", "a=b=c=d", "; ".join(f"c{i}=v" for i in range(500)), "chiso_session=" + "A" * 100000,
                    "chiso_session=%00", "chiso_session=é", f"chiso_session={session}\t", "$Version=1; chiso_session=x; $Path=/",
                    "chiso_known=" + junk_text(rng, 60), f"chiso_session={session[::-1]}",
                ]).encode("utf-8", "surrogatepass"))
                if rng.random() < 0.3:
                    req.add("Cookie", rng.choice([context.cookie or "a=b", "chiso_session=other", ""]))
            elif kind == 9:  # Authorization junk
                token = context.bearer or "x"
                if rng.random() < 0.5:
                    req.drop("Authorization")
                req.add("Authorization", rng.choice([
                    "Bearer", "Bearer ", "Bearer  ", "Bearer " + junk_text(rng, 30), "bearer " + token, "BEARER " + token,
                    "Bearer  " + token, f"Bearer {token} extra", "Bearer " + token[::-1], "Bearer " + "a" * rng.choice([100, 100000]),
                    "Basic !!!", "Basic ", "Basic Og==", "Basic " + "QQ" * 1000, "Token " + token, "Bearer\t" + token,
                    f"Bearer {token}, Bearer x", "Bearer é", "Bearer %00", "Digest username=\"a\"", "Negotiate ", "",
                ]).encode("utf-8", "surrogatepass"))
            elif kind == 10:  # Range
                req.add("Range", rng.choice(["bytes=0-", "bytes=-1", "bytes=9999999999999999999-", "bytes=5-1", "bytes=-", "items=1-2",
                                             ",".join(["bytes=0-0"] * 1000), "bytes=0-0," * 1000, "bytes=-9223372036854775808",
                                             "bytes=18446744073709551615-18446744073709551616", "bytes=0-1,1-2", "bytes=", "=", "é"]))
                if rng.random() < 0.3:
                    req.add("If-Range", junk_text(rng, 20))
            elif kind == 11:  # Accept-Language
                req.add("Accept-Language", rng.choice([
                    "", "*", "vi;q=2", "en;q=-1", "vi;q=1e999", "en;q=NaN", ",".join(["vi"] * 10000), "vi-VN,vi;q=0.9,en;q=0.8",
                    ";;;", "q=0.5", "é", ",,,,", "en;q=", "vi;;q=1", "x-" + "a" * 5000, "zh-Hant-TW;q=0.1, *;q=0.0", junk_text(rng, 50),
                ]).encode("utf-8", "surrogatepass"))
            elif kind == 12:  # X-Forwarded-For, Forwarded, X-Real-IP
                req.add(rng.choice(["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Proto", "X-Forwarded-Host"]), rng.choice([
                    "::ffff:1.2.3.4", "999.999.999.999", ", ".join(["10.0.0.1"] * 10000), "unknown", ",,,,", "1.2.3.4, évil",
                    "[::1]:80", "for=\"_x\"", "fe80::1%eth0", "1.2.3.4/99", "-", "", junk_text(rng, 50), "127.0.0.1, 1.2.3.4"]).encode("utf-8", "surrogatepass"))
            elif kind == 13:  # X-CSRF-Token junk
                req.drop("X-CSRF-Token")
                req.add("X-CSRF-Token", rng.choice(["", " ", junk_text(rng, 40), (context.csrf or "x") + " ", (context.csrf or "x")[:-1],
                                                    "x" * 100000, "é", (context.csrf or "x").upper()]).encode("utf-8", "surrogatepass"))
                if rng.random() < 0.3:
                    req.add("X-CSRF-Token", context.csrf or "dup")
            elif kind == 14:  # Host
                choice = rng.randrange(5)
                if choice == 0:
                    req.drop("Host")
                elif choice == 1:
                    req.add("Host", "evil.example")
                else:
                    req.set("Host", rng.choice(["", "a" * 70000, "127.0.0.1:99999", "[::1", "é.example", "host:port:x", "@", "a b"]).encode("utf-8", "surrogatepass"))
            elif kind == 15:  # Accept
                req.add("Accept", rng.choice(["application/json;q=abc", "*/*;q=2", "text/html, " * 2000, "", "a/b;c", "application/json",
                                              "text/csv", "application/pdf;q=NaN", junk_text(rng, 30)]).encode("utf-8", "surrogatepass"))
            elif kind == 16:  # conditional requests
                req.add(rng.choice(["If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since"]),
                        rng.choice(["*", "\"x\"", "W/", "Tue, 31 Feb 2026 25:61:61 GMT", "0", "-1", junk_text(rng, 30), "\"\"" * 1000]).encode("utf-8", "surrogatepass"))
            elif kind == 17:  # Expect
                req.add("Expect", rng.choice(["100-continue", "200-ok", "100-continue, 100-continue", "", "é"]).encode("utf-8", "surrogatepass"))
            elif kind == 18:  # Upgrade
                req.set("Connection", rng.choice(["Upgrade", "upgrade, close", "HTTP2-Settings, Upgrade"]))
                req.add("Upgrade", rng.choice(["websocket", "h2c", "HTTP/2.0", "junk", ""]))
                if rng.random() < 0.5:
                    req.add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                    req.add("Sec-WebSocket-Version", "13")
                    req.add("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
            elif kind == 19:  # Content-Encoding
                req.add("Content-Encoding", rng.choice(["gzip", "deflate", "br", "gzip, gzip", "identity", "x"]))
                if rng.random() < 0.5:
                    req.body = rand_bytes(rng, 200) if rng.random() < 0.5 else b"\x1f\x8b\x08\x00" + rand_bytes(rng, 50)
            elif kind == 20:  # Connection
                req.set("Connection", rng.choice(["keep-alive", "close, close", "junk", "", "keep-alive, close", "Keep-Alive"]))
            elif kind == 21:  # Origin, Referer, fetch metadata
                req.add(rng.choice(["Origin", "Referer", "Sec-Fetch-Site", "Sec-Fetch-Mode", "X-Requested-With", "HX-Request"]),
                        rng.choice(["null", "http://evil.example", "javascript:alert(1)", "", "a" * 10000, "cross-site", junk_text(rng, 20)]).encode("utf-8", "surrogatepass"))
            elif kind == 22:  # the same header many times
                name = rng.choice(["Content-Type", "Cookie", "Authorization", "Accept-Language", "X-CSRF-Token", "Host"])
                values = [v for n, v in req.headers if n is not None and n.lower() == name.lower().encode()] or [b"x"]
                for _ in range(rng.choice([2, 10, 500])):
                    req.add(name, rng.choice(values))
            else:  # a header with an empty value or only whitespace
                req.add(rng.choice(["Content-Type", "Cookie", "Authorization", "Accept-Language", "Content-Length", "Transfer-Encoding"]),
                        rng.choice(["", " ", "\t"]))
                if req.has("content-length") or req.has("transfer-encoding"):
                    req.incomplete = True

    def mutate_path(self, rng, req, route, context):
        path = req.target.split(b"?", 1)[0].decode("latin-1")
        segments = path.split("/")
        index = rng.randrange(1, len(segments)) if len(segments) > 1 else 0
        kind = rng.randrange(22)
        if kind == 0:
            segments[index] += rng.choice(["%00", "%0d%0a", "%0A", "%0D", "%09", "%0d%0aSet-Cookie:%20a=b"])
        elif kind == 1:
            segments[index] = rng.choice(["%2F", "a%2Fb", "%2e%2e", "..", ".", "%2e", "..%2F..%2F", "%5C", "..\\.."])
        elif kind == 2:
            segments.insert(index, rng.choice(["..", ".", "%2e%2e", "../..", "..;"]))
        elif kind == 3:
            segments[index] = "a" * rng.choice([1000, 10000, 70000])
        elif kind == 4:
            segments[index] += rng.choice(["%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80"])
        elif kind == 5:
            path = "/".join(segments).replace("/", "//", rng.choice([1, 2, 10])) if rng.random() < 0.5 else "/".join(segments) + "/"
            segments = path.split("/")
        elif kind == 6:
            segments[index] += rng.choice(["%", "%%", "%2", "%g0", "%zz", "%%32%65"])
        elif kind == 7:  # raw bytes that should have been escaped
            req.target = "/".join(segments).encode("latin-1") + rng.choice([b"\xff", b"\x80", "é".encode(), b" ", b"\t", b"\\", b"\x00", b"\x7f", b"\"<>"])
            return
        elif kind == 8:
            req.target = rng.choice([f"http://127.0.0.1:{self.port()}{path}", f"http://evil.example{path}", "*", "", path.lstrip("/"),
                                     f"//{path}", "http://", f"https://127.0.0.1{path}"]).encode()
            return
        elif kind == 9:
            segments[index] += ";" + rng.choice(["jsessionid=1", "a=b", "", ";;"])
        elif kind == 10:
            path = "/".join(segments) + "#" + junk_text(rng, 10)
            req.target = path.encode("utf-8", "surrogatepass")
            return
        elif kind == 11:
            segments = [s.upper() if rng.random() < 0.5 else s for s in segments]
        elif kind == 12:
            segments += ["a"] * rng.choice([100, 5000])
        elif kind == 13:
            segments[index] = urllib.parse.quote(junk_text(rng, 30), safe="")
        elif kind == 14:
            segments[index] = urllib.parse.quote(segments[index], safe="")  # every byte escaped
            segments[index] = "".join(f"%{ord(c):02X}" if c.isalnum() else c for c in segments[index])
        elif kind == 15:
            segments.append(rng.choice(["", "x", "index.html", ".json", "..", "%00"]))
        elif kind == 16:
            segments[index] = ""
        elif kind == 17:
            segments[index] = rng.choice(["%u0041", "%U00000041", "&#47;", "\\u002f"])
        elif kind == 18:  # another route's path on this method
            other = rng.choice(self.world.routes)
            segments = self.fill(rng, other, context).split("/")
        elif kind == 19:
            segments[index] = "%25" * rng.choice([10, 3000])
        elif kind == 20:
            segments[index] += "%E2%80%AE%EF%BB%BF%C2%A0"
        else:
            segments[index] = segments[index] + "%20" + rng.choice(["HTTP/1.1", "x", ""])
        rest = b"?" + req.target.split(b"?", 1)[1] if b"?" in req.target else b""
        req.target = "/".join(segments).encode("latin-1", "replace") + rest

    def mutate_query(self, rng, req, route, context):
        key = rng.choice(QUERY_KEYS + self.world.fields)
        value = rng.choice(INTS + ["", "%00", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://evil.example",
                                   "%2F%2Fevil.example", "/%0d%0aSet-Cookie:x=y", "/" + "a" * 5000, urllib.parse.quote(junk_text(rng)),
                                   rng.choice(self.world.pools.get("periodID") or ["x"]), str(uuid.UUID(int=rng.getrandbits(128))),
                                   "31/02/2026", "99/99/99999999999", "0/0/0", "2026-13-45", "%FF%FE", "%C3%28"])
        query = rng.choice([
            lambda: f"{key}={value}",
            lambda: "&".join(f"{k}={rng.choice(INTS)}" for k in rng.sample(QUERY_KEYS, 6)),
            lambda: f"page={rng.choice(['9223372036854775807', '-9223372036854775808', '9223372036854775806', '92233720368547758', '184467440737095516'])}",
            lambda: f"{key}=1&{key}=2&{key}=3",
            lambda: f"a[]=1&a[x]=2&{key}[]=1&{key}[x]=2",
            lambda: f"{key}" + "[a]" * rng.choice([100, 3000]) + "=1",
            lambda: f"{key}=" + "v" * rng.choice([10000, 70000, 500000]),
            lambda: "&".join(f"k{i}=v" for i in range(rng.choice([1000, 8000]))),
            lambda: rng.choice(["", "?", "&&&", "=", "a", "%", "%zz", "%FF", "a=%", "=&=", "a==b", "a=b=c", "+=+", "%00=%00"]),
            lambda: f"next={value}&back={value}&expired=1",
            lambda: f"{key}={value}&{key}[]={value}",
        ])()
        base = req.target.split(b"?", 1)[0]
        req.target = base + b"?" + query.encode("utf-8", "surrogatepass")

    def mutate_params(self, rng, req, route, context):
        if ":" not in route[1]:  # no parameter: junk segments instead
            req.target = req.target.rstrip(b"/") + b"/" + urllib.parse.quote(junk_text(rng, 10), safe="").encode()

    def mutate_method(self, rng, req, route, context):
        method = rng.choice(["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "get", "post", "GETT", "POST ", "M" * 1000,
                             "G\x00T", "PRI", "PROPFIND", "QUERY", "GET" if route[0] == "POST" else "POST"]).encode()
        req.method = method
        if method == b"HEAD":
            req.head = True

    def mutate_syntax(self, rng, req, route, context):
        kind = rng.randrange(16)
        if kind == 0:
            req.version = b"HTTP/1.0"
            if rng.random() < 0.5:
                req.drop("Host")
        elif kind == 1:  # HTTP/0.9
            req.raw = req.method + b" " + req.target + b"\r\n"
            req.incomplete = True
        elif kind == 2:
            req.version = rng.choice([b"HTTP/2.0", b"HTTP/1.2", b"HTTP/9.9", b"HTTP/1.1 extra", b"http/1.1", b"HTTP/1.01", b"HTTP/", b"HTTP/1.1\x00"])
        elif kind == 3:
            req.eol = b"\n"
        elif kind == 4:  # obs-fold
            req.headers.append((None, b"X-Folded: a\r\n b\r\n\tc"))
        elif kind == 5:
            req.headers.append((None, rng.choice([b"NoColonHere", b": empty name", b"X-Space : v", b" Leading: space", b"\x00: nul", b"X-A:\x00"])))
        elif kind == 6:  # truncated head
            data = req.bytes()
            end = data.find(b"\r\n\r\n")
            req.raw = data[:rng.randrange(max(1, end))]
            req.incomplete = True
        elif kind == 7:
            req.raw = rng.choice([b"\r\n\r\n", b"\r\n" * 1000 + req.bytes(), rand_bytes(rng, 200), b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
                                  b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", b" " + req.bytes(), b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n"])
            req.incomplete = True
        elif kind == 8:  # pipelined: another fuzzed request after this one
            req.set("Connection", "keep-alive")
            other_route = rng.choice(self.world.routes)
            other = Request(other_route[0], self.fill(rng, other_route, context), self.port())
            other.body = b"" if other_route[0] == "GET" else self.encode_multipart("", [("form-data; name=\"x\"", None, b"y")])
            if other.body:
                other.set("Content-Type", rng.choice(self.EMPTY_BOUNDARIES))
            req.tail = other.bytes()
        elif kind == 9:
            req.method = req.method + b"  "
        elif kind == 10:
            req.target = req.target + b" " + junk_text(rng, 5).encode("utf-8", "surrogatepass")
        elif kind == 11:
            req.eol = b"\r"
            req.incomplete = True
        elif kind == 12:
            req.headers.append((b"Transfer-Encoding", b"chunked"))
            req.headers.append((b"Transfer-Encoding", b"identity"))
            req.incomplete = True
        elif kind == 13:
            req.headers.insert(0, (b"Content-Length", b"0"))
        elif kind == 14:
            req.headers = [(n, v) for n, v in req.headers if n is None or n.lower() != b"connection"]
            req.version = b"HTTP/1.0"
        else:
            req.headers.append((b"X-Nul", b"a\x00b"))


# ---------------------------------------------------------------------------- the campaign


class Campaign:
    def __init__(self, args):
        self.args = args
        self.folder = args.data_dir or tempfile.mkdtemp(prefix="chiso-fuzz-http-")
        os.makedirs(OUT, exist_ok=True)
        self.server = Server(args.binary, self.folder, args.database, os.path.join(OUT, "server.log"), args.startup_timeout)
        self.world = World(self.server, args)
        self.classes = collections.Counter()
        self.crashes, self.hangs = [], []
        self.server_errors = collections.OrderedDict()   # (status, route, family) -> {count, cases}
        self.kept = collections.Counter()
        self.slowest = None
        self.sent = 0
        self.health_checks = 0
        self.renewals = 0
        self.per_family = collections.Counter()
        self.by_family = collections.defaultdict(collections.Counter)   # family -> status class -> count
        self.cases_log = None
        self.recent = collections.deque(maxlen=5)
        self.last = None
        self.duration = 0

    def begin(self):
        self.world.load_routes()
        self.world.load_fields()
        print(f"binary {self.args.binary}; data {self.folder}; {len(self.world.routes)} routes; seed {self.args.seed}", flush=True)
        print("starting `chiso demo` (seeding the demo province takes a while on a debug build)...", flush=True)
        took = self.server.start()
        print(f"server up on port {self.server.port} after {took:.0f} s", flush=True)
        self.world.refresh(force=True)
        self.world.load_ids()
        self.generator = Generator(self.world, self.args.seed)
        counts = ", ".join(f"{k} {len(v)}" for k, v in self.world.pools.items())
        print(f"contexts: {', '.join(self.world.contexts)}\nids: {counts}\n{len(self.world.fields)} field names from the sources", flush=True)

    def save(self, kind, number, data, text):
        if self.kept[kind] >= self.args.keep:
            return None
        self.kept[kind] += 1
        path = os.path.join(OUT, f"{kind}-case{number}.bin")
        with open(path, "wb") as f:
            f.write(data)
        with open(path[:-4] + ".txt", "w") as f:
            f.write(text)
        return os.path.relpath(path, ROOT)

    def restart(self, why):
        print(f"  restarting the server ({why})", flush=True)
        if self.server.alive():
            self.server.process.kill()
            self.server.process.wait()
        self.server.start()
        self.world.refresh()

    def record_crash(self, number, label, context, family, data, offset, late=False):
        code = self.server.process.returncode
        log = self.server.log_since(offset)
        when = "found dead at the health check after" if late else "at"
        print(f"\nCRASH {when} case {number} ({label}, {context}, {family}): the server {describe_exit(code)}", flush=True)
        print(f"request ({len(data)} bytes): {data[:3000]!r}{' ...' if len(data) > 3000 else ''}", flush=True)
        excerpt = crash_excerpt(log)
        print("server log:\n" + excerpt, flush=True)
        crash = {"case": number, "route": label, "context": context, "family": family, "exit": describe_exit(code), "late": late,
                 "signature": crash_signature(excerpt),
                 "bytes": len(data), "log": excerpt, "previous_cases": [n for n in self.recent if n != number]}
        path = os.path.join(OUT, f"crash-case{number}.bin")
        with open(path, "wb") as f:
            f.write(data)
        with open(path[:-4] + ".txt", "w") as f:
            f.write(f"case {number}: {label} as {context}, {family}\nthe server {describe_exit(code)} ({when} this case)\n"
                    f"cases just before: {crash['previous_cases']}\n\nrequest:\n{data[:20000]!r}\n\nserver log:\n{log}\n")
        crash["file"] = os.path.relpath(path, ROOT)
        self.crashes.append(crash)
        if len(self.crashes) >= self.args.max_crashes:
            return "stop"
        self.restart(f"crash at case {number}")
        return "crash"

    def dying(self, offset, answer):
        """Whether a process that did not answer is dying: Swift's backtracer keeps it alive while it symbolicates
        (8 to 12 s on a debug build), and writes nothing for some traps (arithmetic overflow) until then."""
        if self.server.crashing(offset) or self.server.backtracing():
            return self.server.wait_dead(120)
        if answer.outcome == "timeout":
            return self.server.wait_dead(1.0) or (self.server.backtracing() and self.server.wait_dead(120))
        return False

    def check_health(self, number, after_hang=False):
        """GET /health; a dead process is a crash (of the last case), a live one that does not answer is restarted."""
        self.health_checks += 1
        ok, answer = self.server.healthy(self.args.timeout)
        if ok:
            return "ok"
        if not self.server.alive() or self.server.wait_dead(0.3) or (self.last and self.dying(self.last["offset"], answer)):
            last = self.last
            return self.record_crash(last["case"], last["route"], last["context"], last["family"], last["data"], last["offset"], late=True)
        print(f"  after case {number}: the process runs but GET /health gave {answer.head_text().splitlines()[0]}", flush=True)
        if not after_hang:
            self.hangs.append({"case": number, "route": "(GET /health after the case)", "health": answer.head_text()})
        self.restart("not answering /health")
        return "restarted"

    def send(self, number):
        route, context, req, family = self.generator.case(number)
        data = req.bytes()
        offset = self.server.log_size()
        answer = exchange(self.server.port, data, self.args.timeout, incomplete=req.incomplete, head=req.head)
        return route, context, req, family, data, answer, offset

    def run_case(self, number):
        outcome = self.run_one(number)
        if self.cases_log and self.last and self.last["case"] == number:
            last = self.last
            self.cases_log.write(json.dumps({"case": number, "route": last["route"], "context": last["context"], "family": last["family"],
                                             "bytes": len(last["data"]), "answer": last.get("answer"), "seconds": last.get("seconds"),
                                             "outcome": outcome}) + "\n")
        return outcome

    def run_one(self, number):
        if not self.server.alive():  # died after answering the last case
            last = self.last
            outcome = self.record_crash(last["case"], last["route"], last["context"], last["family"], last["data"], last["offset"], late=True)
            if outcome == "stop":
                return outcome
        route, context, req, family, data, answer, offset = self.send(number)
        self.sent += 1
        self.per_family[family] += 1
        self.recent.append(number)
        label = f"{route[0]} {route[1]}"
        self.last = {"case": number, "route": label, "context": context.name, "family": family, "data": data, "offset": offset,
                     "answer": answer.status if answer.status is not None else answer.outcome,
                     "seconds": round(answer.elapsed, 3) if answer.elapsed is not None else None}
        # A connection that ends without an answer may be the process dying: give it a moment to be seen dead,
        # and longer when the log shows a trap (Swift's backtracer writes the backtrace before the process exits).
        dead = not self.server.alive()
        if not dead and answer.status is None:
            dead = self.server.wait_dead(0.3) or self.dying(offset, answer)
        if dead:
            self.classes["no answer (crash)"] += 1
            return self.record_crash(number, label, context.name, family, data, offset)
        if answer.outcome == "timeout":
            log = self.server.log_since(offset)
            self.classes["no answer (hang)"] += 1
            # Still working on it (CPU) or waiting for something? Either way the next case waits until the server is idle.
            busy = self.server.wait_idle(300)
            still = "still busy after 300 s" if busy is None else ("idle at once (waiting, not computing)" if busy == 0
                                                                   else f"busy {busy} s more (computing)")
            print(f"\nHANG at case {number} ({label}, {context.name}, {family}): no answer within {self.args.timeout} s; "
                  f"the server was {still}", flush=True)
            print(f"request ({len(data)} bytes): {data[:600]!r}{' ...' if len(data) > 600 else ''}", flush=True)
            self.hangs.append({"case": number, "route": label, "context": context.name, "family": family, "bytes": len(data),
                               "after_timeout": still,
                               "file": self.save("hang", number, data, f"case {number}: {label} as {context.name}, {family}\n"
                                                 f"no answer within {self.args.timeout} s; the server was {still}\n\n"
                                                 f"request:\n{data[:20000]!r}\n\nserver log:\n{log}\n")})
            return self.check_health(number, after_hang=True)
        if answer.status is None:
            kind = "no answer (incomplete request)" if answer.outcome == "incomplete" else "no answer (closed)"
            self.classes[kind] += 1
            self.by_family[family][kind] += 1
            return self.check_health(number)  # before the next case, so that a death is put on this one
        self.classes[f"{answer.status // 100}xx"] += 1
        self.by_family[family][str(answer.status)] += 1
        if self.slowest is None or answer.elapsed > self.slowest["seconds"]:
            self.slowest = {"case": number, "route": label, "context": context.name, "family": family, "seconds": round(answer.elapsed, 3),
                            "status": answer.status, "bytes": len(data)}
        if answer.status >= 500:
            time.sleep(0.05)  # let the log line land
            log = self.server.log_since(offset)
            reason = answer_reason(answer)
            key = f"{answer.status} {label}: {reason[:80]}"
            group = self.server_errors.setdefault(key, {"status": answer.status, "route": label, "families": collections.Counter(),
                                                        "count": 0, "cases": [], "log": "", "answer": "", "reason": reason})
            group["families"][family] += 1
            group["count"] += 1
            if len(group["cases"]) < 5:
                group["cases"].append(number)
            if not group["log"]:
                group["log"] = "\n".join(log.splitlines()[-15:])
                group["answer"] = answer.head_text().splitlines()[0] + "\n" + answer.body[:600].decode("utf-8", "replace")
            path = self.save("server_error", number, data, f"case {number}: {label} as {context.name}, {family}\n\nanswer:\n"
                             f"{answer.head_text()}\n\n{answer.body[:4000].decode('utf-8', 'replace')}\n\nrequest:\n{data[:20000]!r}\n\n"
                             f"server log:\n{log}\n")
            if path and group["count"] == 1:
                print(f"  5xx at case {number}: {answer.status} for {label} ({context.name}, {family}); {path}", flush=True)
        return "answered"

    def run(self):
        started = self.started = time.monotonic()
        self.cases_log = open(os.path.join(OUT, "cases.jsonl"), "w")  # one line a case: route, context, family, answer
        total = self.args.requests
        for number in range(total):
            outcome = self.run_case(number)
            if outcome == "stop":
                print(f"stopping: {len(self.crashes)} crashes (--max-crashes)", flush=True)
                break
            if (number + 1) % self.args.health_every == 0:
                if self.check_health(number) == "stop":
                    break
                renewed = self.world.refresh()
                if renewed:
                    self.renewals += len(renewed)
            if (number + 1) % max(1, total // 20) == 0 or number + 1 == total:
                rate = (number + 1) / max(0.001, time.monotonic() - started)
                print(f"  {number + 1}/{total} requests, {rate:.1f}/s; crashes {len(self.crashes)}, hangs {len(self.hangs)}, "
                      f"5xx {sum(g['count'] for g in self.server_errors.values())}; {dict(sorted(self.classes.items()))}", flush=True)
        self.duration = time.monotonic() - started
        self.cases_log.close()

    def report(self):
        errors = sum(g["count"] for g in self.server_errors.values())
        rows = [("requests sent", self.sent)] + [(f"  {name}", count) for name, count in sorted(self.classes.items())]
        rows += [("crashes", len(self.crashes)), ("hangs", len(self.hangs)), ("server errors (5xx)", f"{errors} in {len(self.server_errors)} groups"),
                 ("server starts", self.server.starts), ("health checks", self.health_checks),
                 ("contexts renewed (a fuzzed request ended them)", self.renewals), ("setup requests (logins, checks)", self.world.setup_requests),
                 ("duration", f"{self.duration:.0f} s")]
        if self.slowest:
            s = self.slowest
            rows.append(("slowest answer", f"{s['seconds']} s: case {s['case']} {s['route']} ({s['context']}, {s['family']}) -> {s['status']}"))
        width = max(len(name) for name, _ in rows)
        print("\n== HTTP fuzz campaign, seed", self.args.seed)
        for name, value in rows:
            print(f"{name.ljust(width)}  {value}")
        signatures = collections.OrderedDict()
        for crash in self.crashes:
            signatures.setdefault(crash["signature"], []).append(crash)
        for signature, crashes in signatures.items():
            print(f"\ncrash x{len(crashes)}: {signature}")
            for crash in crashes[:8]:
                print(f"  case {crash['case']}: {crash['route']} ({crash['context']}, {crash['family']}), the server {crash['exit']}; {crash['file']}")
            if len(crashes) > 8:
                print(f"  ... and {len(crashes) - 8} more")
        for hang in self.hangs:
            print(f"\nhang at case {hang['case']}: {hang['route']} ({hang.get('context', '-')}, {hang.get('family', '-')}, "
                  f"{hang.get('bytes', '-')} bytes); after the timeout the server was {hang.get('after_timeout', '-')}"
                  + (f"; {hang['file']}" if hang.get("file") else ""))
        for key, group in self.server_errors.items():
            print(f"\n5xx x{group['count']}: {group['status']} {group['route']} (cases {group['cases']}; "
                  f"{', '.join(f'{f} {n}' for f, n in group['families'].most_common())})\n  the answer says: {group['reason']}\n  log: "
                  + (group["log"][-1200:].replace("\n", "\n       ") or "(nothing)"))
        summary = {
            "binary": self.args.binary, "seed": self.args.seed, "requests": self.sent, "routes": len(self.world.routes),
            "statuses": dict(self.classes), "crashes": self.crashes, "hangs": self.hangs,
            "crash_signatures": {signature: [c["case"] for c in crashes] for signature, crashes in signatures.items()},
            "server_errors": list(self.server_errors.values()), "server_error_count": errors, "slowest": self.slowest,
            "families": dict(self.per_family), "answers_by_family": {f: dict(c) for f, c in sorted(self.by_family.items())}, "server_starts": self.server.starts, "health_checks": self.health_checks,
            "renewed_contexts": self.renewals, "duration_seconds": round(self.duration, 1), "timeout": self.args.timeout,
        }
        with open(os.path.join(OUT, "summary.json"), "w") as f:
            json.dump(summary, f, indent=2, ensure_ascii=False)
        print(f"\nwritten: {os.path.relpath(os.path.join(OUT, 'summary.json'), ROOT)}; server output: {os.path.relpath(self.server.log_path, ROOT)}")
        return 1 if self.crashes or self.hangs else 0

    def replay(self, cases=(), paths=()):
        """Sends the given cases (and files) one after the other, as the campaign would, printing each request and answer."""
        items = [("case", n) for n in cases] + [("file", p) for p in paths]
        status = 0
        for index, (kind, item) in enumerate(items):
            if kind == "file":
                with open(item, "rb") as f:
                    data = f.read()
                label, incomplete, head = os.path.basename(item), False, data.startswith(b"HEAD ")
            else:
                route, context, req, family = self.generator.case(item)
                data, incomplete, head = req.bytes(), req.incomplete, req.head
                label = f"case {item}: {route[0]} {route[1]} as {context.name}, {family}"
                with open(os.path.join(OUT, f"replay-case{item}.bin"), "wb") as f:
                    f.write(data)
            last = index == len(items) - 1
            show = self.args.show if last or len(items) == 1 else 300
            print(f"\n{label}\nrequest ({len(data)} bytes):\n{data[:show]!r}{' ...' if len(data) > show else ''}\n")
            offset = self.server.log_size()
            answer = exchange(self.server.port, data, self.args.timeout, incomplete=incomplete, head=head)
            print("answer: " + (answer.head_text() if last else answer.head_text().splitlines()[0]))
            if answer.body and last:
                print("\n" + answer.body[:self.args.show].decode("utf-8", "replace"))
            dead = not self.server.alive() or (answer.status is None and (self.server.wait_dead(0.3) or self.dying(offset, answer)))
            time.sleep(0.1)
            dead = dead or not self.server.alive()
            log = self.server.log_since(offset).strip()
            if last or dead or log:
                print("\nserver log during the request:\n" + ((crash_excerpt(log) if dead else log[-self.args.show:]) or "(nothing)"))
            if dead:
                print(f"\nCRASH: the server {describe_exit(self.server.process.returncode)}")
                return 1
            if answer.outcome == "timeout":
                status = 1
        ok, health = self.server.healthy(self.args.timeout)
        print(f"\nthe server is alive; GET /health: {health.head_text().splitlines()[0]}")
        return status if ok else 1


def parse_cases(text):
    """'12', '3,7,9' or '100-120' (or a mix) as a list of case numbers."""
    cases = []
    for part in filter(None, text.split(",")):
        if "-" in part:
            low, high = part.split("-", 1)
            cases += list(range(int(low), int(high) + 1))
        else:
            cases.append(int(part))
    return cases


def set_out(folder):
    global OUT
    OUT = folder


def main():
    default_binary = os.path.join(ROOT, ".build", "release", "chiso")
    if not os.path.exists(default_binary):
        default_binary = os.path.join(ROOT, ".build", "debug", "chiso")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=default_binary, help="the chiso binary (default: release if built, else debug)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=20000, help="requests to send in all (the fixed empty-boundary cases first)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for an answer before calling it a hang")
    parser.add_argument("--keep", type=int, default=20, help="requests written per kind (hang, server_error); crashes are always written")
    parser.add_argument("--routes", default="", help="only routes whose 'METHOD /path' contains this")
    parser.add_argument("--database", default="", help="postgres://... : serve from this (empty) PostgreSQL database instead of SQLite")
    parser.add_argument("--health-every", type=int, default=100, help="check GET /health and the sessions every N requests")
    parser.add_argument("--max-crashes", type=int, default=100, help="stop after this many crashes")
    parser.add_argument("--startup-timeout", type=float, default=900, help="seconds for `chiso demo` to seed and answer")
    parser.add_argument("--data-dir", default="", help="use (and keep) this data directory instead of a fresh temporary one")
    parser.add_argument("--replay", default="", metavar="N", help="send case N alone (or 'N,M' or 'A-B', in order) and print the request and the answer")
    parser.add_argument("--replay-file", action="append", default=[], metavar="FILE",
                        help="send the bytes of FILE (e.g. a crash-case*.bin) as they are (repeatable; after --replay's cases)")
    parser.add_argument("--show", type=int, default=4000, help="bytes of request and answer printed by --replay")
    parser.add_argument("--out", default=OUT, help="where crashes, hangs, server errors, the log and the summary go (default bench/out/fuzz-http)")
    args = parser.parse_args()
    set_out(os.path.abspath(args.out))
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no chiso binary at {args.binary} (swift build, or --binary PATH)")
    if args.database and not args.database.startswith(("postgres://", "postgresql://")):
        sys.exit("--database takes a postgres:// URL")
    campaign = Campaign(args)
    status = 1
    try:
        campaign.begin()
        if args.replay or args.replay_file:
            status = campaign.replay(parse_cases(args.replay), args.replay_file)
        else:
            campaign.run()
            status = campaign.report()
    except KeyboardInterrupt:
        print("\ninterrupted")
        if campaign.sent:
            campaign.duration = time.monotonic() - campaign.started
            status = campaign.report()
    finally:
        campaign.server.stop()
        if not args.data_dir:
            if campaign.crashes or campaign.hangs:
                print(f"data directory kept for inspection: {campaign.folder}")
            else:
                shutil.rmtree(campaign.folder, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
