#!/usr/bin/env python3
"""Faults (issue 7), on the release build and the load test's province:

1. kill -9 of the server in the middle of saves and uploads, on SQLite and on
   PostgreSQL; after a restart every acknowledged write is in the database,
   no evidence link points to a half-stored file, and SQLite's integrity
   check passes.
2. PostgreSQL restarted under load: requests fail while it is down, and the
   app recovers by itself (no restart of the app).
3. A full disk during uploads (SQLite on a small tmpfs): a clear error for
   the upload, the data already there intact, and the app serving again once
   space is freed.

  python3 bench/faults/run.py [--binary PATH] [--only kill,pgrestart,diskfull]

Needs wrk, PostgreSQL (DATABASE_ADMIN_URL, as in bench/load) and root for
the tmpfs mount of the full-disk case.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "load"))
import run as load  # noqa: E402  (the load test's helpers: seeding, sessions, wrk)

ADMIN = os.environ.get("DATABASE_ADMIN_URL", "postgres://postgres:chiso-ci@127.0.0.1:5432/postgres")


def environment(database, folder):
    env = dict(os.environ, CHISO_ENV="production", CHISO_LOGIN_MAX_FAILURES="1000", CHISO_DATA_DIR=folder)
    url = None
    if database == "postgresql":
        subprocess.run(["psql", ADMIN, "-qc", "DROP DATABASE IF EXISTS chiso_faults WITH (FORCE)"], check=True)
        subprocess.run(["psql", ADMIN, "-qc", "CREATE DATABASE chiso_faults"], check=True)
        url = ADMIN.rsplit("/", 1)[0] + "/chiso_faults"
        env["DATABASE_URL"] = url
    else:
        env.pop("DATABASE_URL", None)
    return env, url


def start(binary, env, folder, port):
    log = open(os.path.join(folder, f"server-{port}.log"), "a")
    process = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, cwd=load.ROOT, stdout=log, stderr=subprocess.STDOUT)
    load.wait_up(f"http://127.0.0.1:{port}", process)
    return process


def half_stored(database_file, url):
    """Evidence links whose file is unfinished or misses chunks: must be none."""
    return int(load.query(database_file, url, """
        SELECT COUNT(*) FROM evidence_links l JOIN evidence_files f ON f.id = l.file_id
        WHERE f.sha256 LIKE 'pending:%' OR f.chunk_count <> (SELECT COUNT(*) FROM evidence_chunks c WHERE c.file_id = f.id)""")[0][0])


def seeded_server(binary, env, folder, agencies):
    """A seeded province, a server on a free port, 16 editors logged in, and wrk's data file for them."""
    plan = json.loads(subprocess.run([binary, "loadtest-seed", "--agencies", str(agencies)], env=env, capture_output=True, text=True,
                                     check=True, cwd=load.ROOT).stdout)
    port = load.free_port()
    server = start(binary, env, folder, port)
    base = f"http://127.0.0.1:{port}"
    sessions = [(agency, load.login(base, agency["editor"], plan["password"])) for agency in plan["agencies"][:16]]
    data = os.path.join(folder, "data.lua")
    load.write_data(data, plan, sessions)
    return plan, port, server, base, sessions, data


def kill_during_writes(binary, database, agencies):
    print(f"\n== kill -9 during saves and uploads ({database})")
    folder = tempfile.mkdtemp(prefix="chiso-faults-")
    env, url = environment(database, folder)
    plan, port, server, base, _, data = seeded_server(binary, env, folder, agencies)
    database_file = os.path.join(folder, "chiso.sqlite")
    before = load.writes_in_database(database_file, url)
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(load.wrk(base, data, "mixed", 16, 6)))
    thread.start()
    time.sleep(3)
    server.send_signal(signal.SIGKILL)
    server.wait()
    thread.join()
    server = start(binary, env, folder, port)  # the same database, a new process
    after = load.writes_in_database(database_file, url)
    stored = (after[0] - before[0]) + (after[1] - before[1])
    integrity = load.query(database_file, None, "PRAGMA integrity_check")[0][0] if url is None else "n/a"
    broken = half_stored(database_file, url)
    # Writes in flight when the process died may or may not have committed; acknowledged ones must have.
    ok = stored >= outcome["written"] and stored <= outcome["written"] + 16 and broken == 0 and integrity in ("ok", "n/a")
    print(f"acknowledged writes {outcome['written']}, in the database after restart {stored} (at most 16 more were in flight); "
          f"links to half-stored files {broken}; integrity {integrity}: {'OK' if ok else 'FAILED'}")
    with urllib.request.urlopen(base + "/health") as response:
        assert response.status == 200
    server.terminate()
    server.wait(timeout=30)
    if url:
        subprocess.run(["psql", ADMIN, "-qc", "DROP DATABASE IF EXISTS chiso_faults WITH (FORCE)"])
    shutil.rmtree(folder, ignore_errors=True)
    return ok


def postgres_restart(binary, agencies):
    print("\n== PostgreSQL restarted under load")
    folder = tempfile.mkdtemp(prefix="chiso-faults-")
    env, url = environment("postgresql", folder)
    plan, port, server, base, sessions, data = seeded_server(binary, env, folder, agencies)
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(load.wrk(base, data, "view", 16, 12)))
    thread.start()
    time.sleep(3)
    version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
    restarted = time.time()
    subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True)
    print(f"PostgreSQL restarted in {time.time() - restarted:.1f} s")
    thread.join()
    print(f"during the run: pages {outcome['shown']}, failed {outcome['failed']}, socket errors {outcome['socket_errors']}")
    # After: the same sessions work again without restarting the app.
    load.refresh_revisions(os.path.join(folder, "chiso.sqlite"), url, plan)
    load.write_data(data, plan, sessions)
    after = load.wrk(base, data, "mixed", 16, 5)
    ok = after["failed"] == 0 and after["socket_errors"] == 0 and after["shown"] > 0 and server.poll() is None
    print(f"after the restart: pages {after['shown']}, writes {after['written']}, failed {after['failed']}: "
          f"{'recovered by itself' if ok else 'NOT recovered'}")
    server.terminate()
    server.wait(timeout=30)
    subprocess.run(["psql", ADMIN, "-qc", "DROP DATABASE IF EXISTS chiso_faults WITH (FORCE)"])
    shutil.rmtree(folder, ignore_errors=True)
    return ok


def disk_full(binary, agencies):
    print("\n== disk full during uploads (SQLite on a 40 MB tmpfs)")
    folder = tempfile.mkdtemp(prefix="chiso-faults-")
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", folder], check=True)
    except (subprocess.CalledProcessError, FileNotFoundError):
        print("cannot mount a tmpfs here (needs root): skipped")
        return None
    try:
        env, url = environment("sqlite", folder)
        plan = json.loads(subprocess.run([binary, "loadtest-seed", "--agencies", str(agencies)], env=env, capture_output=True, text=True,
                                         check=True, cwd=load.ROOT).stdout)
        port = load.free_port()
        server = start(binary, env, "/tmp", port)
        base = f"http://127.0.0.1:{port}"
        agency = plan["agencies"][0]
        cookie, csrf = load.login(base, agency["editor"], plan["password"])
        before = load.writes_in_database(os.path.join(folder, "chiso.sqlite"), None)
        statuses = []
        for number in range(60):  # 60 × 1 MB: more than the disk holds
            body, content_type = multipart(csrf, f"bao-cao-{number}.pdf", b"%PDF-1.4\n" + os.urandom(1024 * 1024) + b"\n%%EOF\n")
            request = urllib.request.Request(f"{base}/assessments/{agency['assessment']}/entries/1.1/evidence", data=body, method="POST",
                                             headers={"Cookie": cookie, "Content-Type": content_type})
            try:
                with urllib.request.urlopen(request) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                message = error.read().decode(errors="replace")
                if error.code >= 500:
                    break
        full = statuses[-1] >= 500
        print(f"uploads accepted before the disk filled: {statuses.count(200)}; then HTTP {statuses[-1]}")
        if full:
            text = message.split("<main", 1)[-1]
            print("the page says:", " ".join(text.replace("<", " <").split())[:200])
        # Free the space: remove the files that did get in, as an administrator would, then write again.
        integrity = load.query(os.path.join(folder, "chiso.sqlite"), None, "PRAGMA integrity_check")[0][0]
        after = load.writes_in_database(os.path.join(folder, "chiso.sqlite"), None)
        broken = half_stored(os.path.join(folder, "chiso.sqlite"), None)
        with urllib.request.urlopen(base + "/health") as response:
            alive = response.status == 200
        ok = full and integrity == "ok" and broken == 0 and alive and after[0] == before[0]
        print(f"integrity {integrity}; links to half-stored files {broken}; saves untouched {after[0] == before[0]}; "
              f"still serving {alive}: {'OK' if ok else 'FAILED'}")
        server.terminate()
        server.wait(timeout=30)
        return ok
    finally:
        subprocess.run(["umount", "-l", folder])
        shutil.rmtree(folder, ignore_errors=True)


def multipart(csrf, name, content):
    boundary = "chisofaultboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    return body + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(load.ROOT, ".build", "release", "chiso"))
    parser.add_argument("--only", default="kill,pgrestart,diskfull")
    parser.add_argument("--agencies", type=int, default=20)
    args = parser.parse_args()
    results = {}
    wanted = args.only.split(",")
    if "kill" in wanted:
        results["kill-sqlite"] = kill_during_writes(args.binary, "sqlite", args.agencies)
        results["kill-postgresql"] = kill_during_writes(args.binary, "postgresql", args.agencies)
    if "pgrestart" in wanted:
        results["postgresql-restart"] = postgres_restart(args.binary, args.agencies)
    if "diskfull" in wanted:
        results["disk-full"] = disk_full(args.binary, args.agencies)
    print("\n" + "\n".join(f"{name}: {'OK' if ok else 'skipped' if ok is None else 'FAILED'}" for name, ok in results.items()))
    sys.exit(0 if all(ok is not False for ok in results.values()) else 1)


if __name__ == "__main__":
    main()
