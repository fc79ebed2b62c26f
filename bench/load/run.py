#!/usr/bin/env python3
"""Deadline-day load test (issue 7): seeds a province (170 agencies, an index
of 100 leaves, 3 accounts per agency, half of every self-assessment entered,
evidence attached), then plays page views, leaf saves and uploads with wrk
(Debian's package) at 32 connections, in release mode, next to the trivial
/health route measured in the same run.

  python3 bench/load/run.py                      # SQLite, then PostgreSQL with two app instances
  python3 bench/load/run.py --databases sqlite --duration 10

PostgreSQL: DATABASE_ADMIN_URL (default postgres://postgres:chiso-ci@127.0.0.1:5432/postgres,
as .ci/run sets it up); a database chiso_load is created and dropped.
Afterwards every acknowledged save is checked in the database (each leaf's
revision went up by exactly the number of saves acknowledged for it in
total), and the server's resident memory is read from /proc (idle, and the
peak under load). Figures go to stdout and bench/out/load-<db>.json.
"""
import argparse
import http.cookiejar
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "bench", "out")
PDF = "%PDF-1.4\\n% tai lieu kiem chung\\n" + "x" * (100 * 1024)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base, process):
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("chiso serve stopped")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("chiso serve did not start")


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def login(base, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(base + "/login", urllib.parse.urlencode({"_csrf": token, "username": username, "password": password}).encode())
    home = opener.open(base + "/").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', home).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return cookie, csrf


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_data(path, plan, sessions):
    # The seed's rule by a leaf's number within its field (LoadProvince.indexYAML): yes/no, ratio, percent, manual.
    values = {0: "có", 1: "45/50", 2: "87,5", 3: "0"}
    with open(path, "w") as out:
        out.write("return {\n  pdf = " + lua_string(PDF.replace("\\n", "\n")).replace("\n", "\\n") + ",\n  leaves = {\n")
        for offset, code in enumerate(plan["leaves"]):
            out.write(f"    {{ code = {lua_string(code)}, value = {lua_string(values[int(code.split('.')[1]) % 4])} }},\n")
        out.write("  },\n  sessions = {\n")
        for agency, (cookie, csrf) in sessions:
            revisions = ", ".join(f"[{lua_string(code)}] = {rev}" for code, rev in agency["revisions"].items())
            out.write(f"    {{ cookie = {lua_string(cookie)}, csrf = {lua_string(csrf)}, assessment = {lua_string(agency['assessment'])}, "
                      f"revisions = {{ {revisions} }} }},\n")
        out.write("  },\n}\n")


def wrk(base, data, mode, connections, duration, threads=2, instance=0, instances=1):
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency", "-s", os.path.join(HERE, "scenario.lua"),
               base, "--", data, mode, str(threads), str(instance), str(instances)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT (.*)", output)
    return {key: int(value) for key, value in (pair.split("=") for pair in match.group(1).split())}


def health(base, connections, duration):
    output = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency", base + "/health"],
                            capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 1, "ms": 1000, "s": 1_000_000}[p99.group(2)]
    return {"rate": rate, "p99_us": int(float(p99.group(1)) * scale)}


def cpu_seconds(pids):
    """User + system CPU time of these processes so far (from /proc, in clock ticks)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def postgres_pids():
    found = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


class MemoryWatch(threading.Thread):
    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.peak, self.running = pids, 0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, max(rss_kb(pid) for pid in self.pids))
            time.sleep(0.05)


def query(database_file, url, statement):
    if url is None:
        connection = sqlite3.connect(database_file)
        rows = connection.execute(statement).fetchall()
        connection.close()
        return rows
    output = subprocess.run(["psql", url, "-tA", "-F", "\t", "-c", statement], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t")) for line in output.splitlines() if line]


def writes_in_database(database_file, url):
    """(sum of entry revisions, evidence links): what acknowledged saves and uploads leave behind."""
    revisions = int(query(database_file, url, "SELECT COALESCE(SUM(revision), 0) FROM criterion_entries")[0][0])
    links = int(query(database_file, url, "SELECT COUNT(*) FROM evidence_links")[0][0])
    return revisions, links


def refresh_revisions(database_file, url, plan):
    """Each leaf's revision as the database has it now, for the next run's saves."""
    rows = query(database_file, url, "SELECT assessment_id, criterion_code, revision FROM criterion_entries")
    now = {(str(assessment).upper(), code): int(revision) for assessment, code, revision in rows}
    for agency in plan["agencies"]:
        for code in agency["revisions"]:
            agency["revisions"][code] = now.get((agency["assessment"].upper(), code), 0)


def run(database, args, binary):
    print(f"\n== {database}")
    env = dict(os.environ, CHISO_ENV="production", CHISO_LOGIN_MAX_FAILURES="1000")
    folder = tempfile.mkdtemp(prefix="chiso-load-")
    admin = os.environ.get("DATABASE_ADMIN_URL", "postgres://postgres:chiso-ci@127.0.0.1:5432/postgres")
    url = None
    if database == "postgresql":
        subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS chiso_load WITH (FORCE)"], check=True)
        subprocess.run(["psql", admin, "-qc", "CREATE DATABASE chiso_load"], check=True)
        url = admin.rsplit("/", 1)[0] + "/chiso_load"
        env["DATABASE_URL"] = url
    else:
        env["CHISO_DATA_DIR"] = folder
        env.pop("DATABASE_URL", None)
    started = time.time()
    plan = json.loads(subprocess.run([binary, "loadtest-seed", "--agencies", str(args.agencies)], env=env, capture_output=True, text=True,
                                     check=True, cwd=ROOT).stdout)
    print(f"seeded {len(plan['agencies'])} agencies × {len(plan['leaves'])} leaves in {time.time() - started:.1f} s")
    instances = 2 if database == "postgresql" else 1
    # Instances sharing the machine each serve on their share of the cores (as the README advises).
    env.setdefault("CHISO_THREADS", str(max(1, (os.cpu_count() or 1) // instances)))
    print(f"{instances} instance(s), CHISO_THREADS={env['CHISO_THREADS']} each")
    servers, bases = [], []
    for _ in range(instances):
        port = free_port()
        log = open(os.path.join(folder, f"server-{port}.log"), "w")
        servers.append(subprocess.Popen([binary, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base, server in zip(bases, servers):
            wait_up(base, server)
        time.sleep(2)
        idle = [rss_kb(server.pid) for server in servers]
        # Sessions are made on the first instance and used on every instance: they live in the database.
        chosen = plan["agencies"][: args.sessions]
        sessions = [(agency, login(bases[0], agency["editor"], plan["password"])) for agency in chosen]
        data = os.path.join(folder, "data.lua")
        write_data(data, plan, sessions)
        results = {"database": database, "instances": instances, "threads_per_instance": int(env["CHISO_THREADS"]), "agencies": len(plan["agencies"]), "leaves": len(plan["leaves"]),
                   "connections": args.connections, "duration_s": args.duration, "idle_rss_mb": [round(kb / 1024, 1) for kb in idle]}
        per = max(args.connections // instances, 1)
        results["health"] = [health(base, per, args.duration) for base in bases]
        watch = MemoryWatch([server.pid for server in servers])
        watch.start()
        database_file = os.path.join(folder, "chiso.sqlite")
        lost = 0
        for mode in args.modes.split(","):
            refresh_revisions(database_file, url, plan)
            write_data(data, plan, sessions)
            before = writes_in_database(database_file, url)
            # Where the CPU goes: the app's instances, PostgreSQL's processes (backends included), wrk.
            database_pids = postgres_pids() if url else []
            cpu_before = (cpu_seconds([s.pid for s in servers]), cpu_seconds(database_pids))
            outputs = []
            threads = [threading.Thread(target=lambda b=base, n=number: outputs.append(wrk(b, data, mode, per, args.duration, instance=n,
                                                                                           instances=len(bases))))
                       for number, base in enumerate(bases)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            # Requests cut off when wrk stopped may still commit: let them, before counting and
            # before the next run reads the revisions it will post.
            # A backend started during the run counts whole (its CPU is all this run's).
            started_since = [pid for pid in (postgres_pids() if url else []) if pid not in database_pids]
            cpu = (cpu_seconds([s.pid for s in servers]) - cpu_before[0],
                   cpu_seconds(database_pids) - cpu_before[1] + cpu_seconds(started_since))
            time.sleep(3)
            merged = {key: sum(o[key] for o in outputs)
                      for key in ["requests", "shown", "written", "refused", "conflicts", "invalid", "failed", "socket_errors", "views", "saves",
                                   "uploads"]}
            merged["p50_ms"] = max(o["p50_us"] for o in outputs) / 1000
            merged["p99_ms"] = max(o["p99_us"] for o in outputs) / 1000
            merged["rate"] = round(merged["requests"] / args.duration, 1)
            after = writes_in_database(database_file, url)
            # Every save or upload the server acknowledged (303) is in the database, and nothing else.
            merged["written_in_database"] = (after[0] - before[0]) + (after[1] - before[1])
            # (More in the database than acknowledged is allowed: a response can be lost after the commit.)
            lost += max(0, merged["written"] - merged["written_in_database"])
            merged["cpu_app_s"], merged["cpu_database_s"] = round(cpu[0], 1), round(cpu[1], 1)
            merged["app_cpu_ms_per_request"] = round(cpu[0] * 1000 / max(merged["requests"], 1), 2)
            merged["database_cpu_ms_per_request"] = round(cpu[1] * 1000 / max(merged["requests"], 1), 2)
            results[mode] = merged
            print(f"{mode:6} {merged['rate']:8.1f} req/s  p50 {merged['p50_ms']:.1f} ms  p99 {merged['p99_ms']:.1f} ms  "
                  f"pages {merged['shown']}  writes acknowledged {merged['written']} / in the database {merged['written_in_database']}  "
                  f"refused {merged['refused']} (409: {merged['conflicts']}, 422: {merged['invalid']})  failed {merged['failed']}  socket errors {merged['socket_errors']}")
            print(f"{'':6} CPU per request: app {merged['app_cpu_ms_per_request']:.2f} ms"
                  + (f", PostgreSQL {merged['database_cpu_ms_per_request']:.2f} ms" if url else "")
                  + f" ({cpu[0] + cpu[1]:.1f} of the machine's {os.cpu_count() * args.duration} core-seconds)")
        watch.running = False
        results["peak_rss_mb"] = round(watch.peak / 1024, 1)
        results["acknowledged_but_missing"] = lost
        print(f"health {sum(h['rate'] for h in results['health']):8.1f} req/s  p99 {max(h['p99_us'] for h in results['health']) / 1000:.1f} ms")
        print(f"acknowledged writes missing from the database: {lost}")
        print(f"memory: idle {results['idle_rss_mb']} MB, peak under load {results['peak_rss_mb']} MB")
        os.makedirs(OUT, exist_ok=True)
        with open(os.path.join(OUT, f"load-{database}.json"), "w") as out:
            json.dump(results, out, indent=1)
        return results
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
        if url:
            subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS chiso_load WITH (FORCE)"])
        # The servers' logs stay for reading (failed requests are logged with their reason).
        os.makedirs(OUT, exist_ok=True)
        for name in os.listdir(folder):
            if name.startswith("server-") and name.endswith(".log"):
                shutil.copy(os.path.join(folder, name), os.path.join(OUT, f"load-{database}-{name}"))
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--agencies", type=int, default=170)
    parser.add_argument("--sessions", type=int, default=64, help="logged-in agency editors playing the load")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--modes", default="view,save,mixed", help="the scenarios to play, in order")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", help="a chiso binary to use instead of building the release one (figures from a debug build mean little)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if not args.no_build and not args.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True)
    binary = args.binary or os.path.join(ROOT, ".build", "release", "chiso")
    for database in args.databases.split(","):
        run(database, args, binary)


if __name__ == "__main__":
    main()
