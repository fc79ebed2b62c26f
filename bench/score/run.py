#!/usr/bin/env python3
"""Time `chiso score` on a national-scale dataset, in release mode.

    python3 bench/score/run.py [--runs 5] [--agencies 3500] [--leaves 100]

Builds `chiso` in release mode, generates the dataset (generate.py) into
bench/out/, runs `chiso score` several times and prints wall time and peak
resident memory of each run, then the median and the worst. Targets on a
2-core machine: <= 1 s wall and <= 200 MB peak, end to end.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cpu_name():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--agencies", type=int, default=3500)
    parser.add_argument("--leaves", type=int, default=100)
    args = parser.parse_args()

    print("building chiso (release)...", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/chiso"

    data = os.path.join(ROOT, "bench", "out", f"national-{args.agencies}x{args.leaves}")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "score", "generate.py"), data,
                    "--agencies", str(args.agencies), "--leaves", str(args.leaves)], check=True)
    rows = sum(1 for _ in open(os.path.join(data, "inputs.csv"), encoding="utf-8")) - 1

    command = [binary, "score", "--index", "index.yaml", "--agencies", "agencies.csv", "--inputs", "inputs.csv"]
    walls, peaks = [], []
    for run in range(1, args.runs + 1):
        with open(os.devnull, "wb") as devnull:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=data, stdout=devnull, stderr=devnull)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"chiso score failed with status {status}")
        peak_mb = usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
        walls.append(wall)
        peaks.append(peak_mb)
        print(f"run {run}: {wall:.3f} s wall, {usage.ru_utime + usage.ru_stime:.3f} s CPU, {peak_mb:.1f} MB peak")

    print()
    print(f"dataset: {args.agencies} agencies x {args.leaves} leaves, {rows} input rows")
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores")
    print(f"median: {statistics.median(walls):.3f} s wall; worst: {max(walls):.3f} s; peak memory: {max(peaks):.1f} MB")
    print("targets: <= 1 s wall, <= 200 MB peak:",
          "MET" if max(walls) <= 1 and max(peaks) <= 200 else "NOT MET")


if __name__ == "__main__":
    main()
