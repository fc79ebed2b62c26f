#!/usr/bin/env python3
"""Hostile input against the served OpenAPI document (issue 7): starts
`chiso demo` on a throwaway database, makes API tokens for the organiser and
an agency editor, finds real identifiers (periods, assessments, evidence,
tasks, agencies) so that the generated requests reach the handlers instead of
404, and runs schemathesis (PyPI) with every check: no 5xx, status codes,
content types and bodies as the document says, 405 for undeclared methods.
(Not checked: that every schema-valid body is accepted — the document types
fields as strings, and the handlers refuse strings that are not real dates,
codes or values with 422 and a typed code, by design.)

  pip install schemathesis
  python3 bench/schemathesis/run.py [--binary .build/debug/chiso] [--examples 50]
"""
import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chiso"))
    parser.add_argument("--examples", type=int, default=50)
    args = parser.parse_args()
    if not shutil.which("schemathesis"):
        sys.exit("schemathesis is missing: pip install schemathesis")
    folder = tempfile.mkdtemp(prefix="chiso-schemathesis-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, CHISO_DATA_DIR=folder, CHISO_ENV="production")
    env.pop("DATABASE_URL", None)
    log = open(os.path.join(folder, "server.log"), "w")
    server = subprocess.Popen([args.binary, "demo", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        def token(user):
            out = subprocess.run([args.binary, "user", "token", user], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
            return re.findall(r"[A-Za-z0-9_-]{30,}", out)[-1]
        database = sqlite3.connect(os.path.join(folder, "chiso.sqlite"))
        def one(statement):
            return database.execute(statement).fetchone()[0]
        ids = {
            "periodID": one("SELECT id FROM periods WHERE status = 'open'"),
            "assessmentID": one("SELECT a.id FROM assessments a JOIN agencies g ON g.id = a.agency_id JOIN periods p ON p.id = a.period_id "
                                "WHERE g.code = 'SNV' AND p.status = 'open'"),
            "linkID": one("SELECT id FROM evidence_links LIMIT 1"),
            "taskID": one("SELECT id FROM tasks LIMIT 1"),
            "agencyID": one("SELECT id FROM agencies WHERE code = 'SNV'"),
            "code": "1.1.1",
        }
        results = {}
        for user in ["sonoivu", "snv.daumoi"]:
            config = os.path.join(folder, f"schemathesis-{user}.toml")
            with open(config, "w") as out:
                out.write(f'headers = {{ Authorization = "Bearer {token(user)}" }}\n')
                out.write("[parameters]\n")
                for name, value in ids.items():
                    out.write(f'"path.{name}" = "{str(value).upper() if name != "code" else value}"\n')
            print(f"\n== schemathesis as {user}")
            # positive_data_acceptance is left out: the document types fields as strings, while the handlers
            # refuse strings that are not real dates, codes or values (422 with a typed code, by design).
            run = subprocess.run(["schemathesis", "--config-file", config, "run", base + "/api/openapi.json", "--checks", "all",
                                  "--exclude-checks", "positive_data_acceptance",
                                  "--max-examples", str(args.examples)], cwd=folder, capture_output=True, text=True)
            os.makedirs(os.path.join(ROOT, "bench", "out"), exist_ok=True)
            with open(os.path.join(ROOT, "bench", "out", f"schemathesis-{user}.txt"), "w") as out:
                out.write(run.stdout)
            summary = run.stdout[run.stdout.rfind("SUMMARY"):] if "SUMMARY" in run.stdout else run.stdout[-3000:]
            print(summary.strip())
            results[user] = run.returncode
            if server.poll() is not None:
                # The server stopped: keep its log (the folder goes) and say how it ended.
                log.flush()
                shutil.copy(os.path.join(folder, "server.log"), os.path.join(ROOT, "bench", "out", "schemathesis-server.log"))
                print(f"THE SERVER STOPPED (exit status {server.returncode}); its log: bench/out/schemathesis-server.log")
                results["server"] = 1
                break
        print("\n" + ", ".join(f"{user}: {'passed' if code == 0 else 'FAILED'}" for user, code in results.items()))
        sys.exit(0 if all(code == 0 for code in results.values()) else 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
