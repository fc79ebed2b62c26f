#!/usr/bin/env python3
"""A longer fuzzing campaign against ChiSoCore's readers of untrusted input
(index YAML, CSV, agency lists, score inputs, .xlsx workbooks, task exports,
survey results, dates, numbers and single input values).

  python3 bench/fuzz/run.py                          # 20,000 inputs per reader, seed 1
  python3 bench/fuzz/run.py --iterations 2000 --seed 7 --readers xlsx,inputs

It builds bench/fuzz/FuzzMain.swift with ChiSoCore's sources in a temporary
package (--build-dir, kept between runs so that a second run only rebuilds
what changed) in release mode, then runs the inputs of each reader in
batches, each batch in a child process. A child that dies is a crash at the
input it had started; an input that gives no answer within --timeout
seconds is a hang (the child is killed). Either way the next batch starts
after that input. Crashing and hanging inputs are written to bench/out/fuzz/
(at most --keep per reader and kind), each named after its reader and case,
so that `fuzz dump` (see FuzzMain.swift) or the unit tests can replay it.

Per reader it prints the inputs read, the crashes, the hangs, the inputs
refused badly (a problem without a message in both languages, or on a line
outside the file), the inputs slower than --slow seconds and the slowest
input. bench/out/fuzz/summary.json has the same figures.
"""
import argparse
import collections
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "bench", "out", "fuzz")

PACKAGE = """// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chiso-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
    ],
    targets: [
        .target(name: "ChiSoCore", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "fuzz", dependencies: ["ChiSoCore"]),
    ],
    swiftLanguageModes: [.v6]
)
"""


def swift():
    found = shutil.which("swift")
    if found:
        return found
    if os.path.exists("/opt/swift/usr/bin/swift"):
        return "/opt/swift/usr/bin/swift"
    sys.exit("swift is not on PATH")


def link(target, path):
    if os.path.islink(path) or os.path.exists(path):
        if os.path.islink(path) and os.readlink(path) == target:
            return
        os.remove(path)
    os.symlink(target, path)


def build(build_dir):
    """The fuzz executable, built in release mode in a package beside the repository."""
    os.makedirs(os.path.join(build_dir, "Sources", "fuzz"), exist_ok=True)
    with open(os.path.join(build_dir, "Package.swift"), "w") as manifest:
        manifest.write(PACKAGE)
    link(os.path.join(ROOT, "Sources", "ChiSoCore"), os.path.join(build_dir, "Sources", "ChiSoCore"))
    link(os.path.join(HERE, "FuzzMain.swift"), os.path.join(build_dir, "Sources", "fuzz", "main.swift"))
    # The unit tests' ZIP writer and input generators, shared rather than copied.
    link(os.path.join(ROOT, "Tests", "ChiSoCoreTests", "StoredZIP.swift"), os.path.join(build_dir, "Sources", "fuzz", "StoredZIP.swift"))
    link(os.path.join(ROOT, "Tests", "HostileInputs", "HostileInputs.swift"),
         os.path.join(build_dir, "Sources", "fuzz", "HostileInputs.swift"))
    resolved = os.path.join(ROOT, "Package.resolved")
    if os.path.exists(resolved) and not os.path.exists(os.path.join(build_dir, "Package.resolved")):
        shutil.copy(resolved, build_dir)  # the repository's versions of Yams and ZIPFoundation
    print(f"building the fuzzer in {build_dir} (release)...", flush=True)
    started = time.time()
    subprocess.run([swift(), "build", "-c", "release", "--product", "fuzz", "--package-path", build_dir,
                    "--scratch-path", os.path.join(build_dir, ".build")], check=True)
    print(f"built in {time.time() - started:.0f} s", flush=True)
    return os.path.join(build_dir, ".build", "release", "fuzz")


class Batch:
    """One child process reading cases [start, end) of a reader."""

    def __init__(self, binary, reader, seed, start, end, stderr_path):
        self.stderr = open(stderr_path, "wb")
        env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        self.process = subprocess.Popen(
            [binary, "run", "--repo", ROOT, "--reader", reader, "--seed", str(seed), "--from", str(start), "--to", str(end)],
            stdout=subprocess.PIPE, stderr=self.stderr, env=env, bufsize=0)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        self.buffer = b""

    def lines(self, timeout):
        """Yields each line, or None when none came within `timeout` seconds; stops at the end of output."""
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                yield line.decode()
            if not self.selector.select(timeout):
                yield None
                continue
            chunk = self.process.stdout.read(65536)
            if not chunk:
                return
            self.buffer += chunk

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.close()

    def close(self):
        self.process.wait()
        self.selector.close()
        self.process.stdout.close()
        self.stderr.close()


def crash_message(stderr_path):
    with open(stderr_path, "rb") as stderr:
        text = stderr.read().decode(errors="replace")
    for line in text.splitlines():
        if "Fatal error" in line or "runtime failure" in line or "error:" in line.lower():
            return line.strip()[:300]
    return text.strip().splitlines()[-1][:300] if text.strip() else ""


def explain(binary, reader, seed, case):
    """Runs one crashing case again with Swift's backtracer (the batches run without it, for speed):
    the runtime failure and the first frame with a source location."""
    env = dict(os.environ, SWIFT_BACKTRACE="enable=yes,interactive=no,color=no")
    try:
        result = subprocess.run([binary, "run", "--repo", ROOT, "--reader", reader, "--seed", str(seed), "--from", str(case),
                                 "--to", str(case + 1)], capture_output=True, text=True, errors="replace", timeout=300, env=env)
    except subprocess.TimeoutExpired:
        return "no answer when run alone"
    failure, frame = "", ""
    for line in result.stderr.splitlines():
        if not failure and ("runtime failure:" in line or "Fatal error" in line):
            failure = line.strip(" *")
            failure = failure[failure.find("Swift runtime failure"):] if "Swift runtime failure" in failure else failure
            failure = failure.split(" in fuzz at ")[0]
        if not frame and " at /" in line and "runtime failure" not in line and "<compiler-generated>" not in line:
            where = line.split(" in fuzz at ")
            function = where[0].split(" 0x", 1)[-1].split(" ", 1)[-1] if len(where) == 2 else ""
            frame = f"{function} at {where[-1].split('/Sources/')[-1]}" if len(where) == 2 else line.strip()
    if result.returncode == 0:
        return "did not crash when run alone"
    return "; ".join(part for part in (failure, frame) if part)[:300] or f"exit status {result.returncode}"


def dump(binary, reader, seed, case, path):
    """Writes a case's input to `path`; returns the known issue it matches, if any."""
    result = subprocess.run([binary, "dump", "--repo", ROOT, "--reader", reader, "--seed", str(seed), "--case", str(case),
                             "--to", path], capture_output=True, text=True, timeout=120)
    answer = result.stdout.strip()
    return answer[len("KNOWN "):] if answer.startswith("KNOWN ") else None


def campaign(binary, reader, args, scratch):
    figures = {"reader": reader, "iterations": 0, "crashes": 0, "hangs": 0, "bad": 0, "slow": 0,
               "slowest_ms": 0.0, "slowest_case": None, "findings": []}
    kept = collections.Counter()
    bad_reasons = collections.Counter()
    case = 0
    started = time.time()
    while case < args.iterations:
        end = min(case + args.batch, args.iterations)
        stderr_path = os.path.join(scratch, f"{reader}.stderr")
        batch = Batch(binary, reader, args.seed, case, end, stderr_path)
        current = None
        outcome = "crash"
        for line in batch.lines(args.timeout):
            if line is None:
                outcome = "hang" if current is not None else "stall"
                break
            if line == "END":
                outcome = "end"
                break
            parts = line.split(" ", 3)
            if parts[0] == "S":
                current = int(parts[1])
            elif parts[0] == "D":
                done, micros = int(parts[1]), int(parts[2])
                figures["iterations"] += 1
                milliseconds = micros / 1000
                if milliseconds > figures["slowest_ms"]:
                    figures["slowest_ms"], figures["slowest_case"] = milliseconds, done
                if milliseconds > args.slow * 1000:
                    figures["slow"] += 1
                    figures.setdefault("slow_cases", []).append([done, round(milliseconds, 1)])
                if parts[3] != "ok":
                    figures["bad"] += 1
                    reason = parts[3][len("bad "):]
                    bad_reasons[reason] += 1
                    if kept["bad"] < args.keep:
                        kept["bad"] += 1
                        path = os.path.join(OUT, f"{reader}-bad-case{done}.bin")
                        dump(binary, reader, args.seed, done, path)
                        figures["findings"].append({"kind": "bad", "case": done, "why": reason, "file": path})
                current = None
        if outcome == "end":
            batch.close()
            case = end
            continue
        batch.kill()
        if current is None:
            if outcome == "stall":
                sys.exit(f"{reader}: the fuzzer gave no answer for {args.timeout} s between inputs")
            sys.exit(f"{reader}: the fuzzer stopped before its first input: {crash_message(stderr_path)}")
        kind = "crash" if outcome == "crash" else "hang"
        figures["iterations"] += 1
        figures["crashes" if kind == "crash" else "hangs"] += 1
        message = crash_message(stderr_path) if kind == "crash" else f"no answer within {args.timeout} s"
        path = os.path.join(OUT, f"{reader}-{kind}-case{current}.bin")
        known = dump(binary, reader, args.seed, current, path)
        finding = {"kind": kind, "case": current, "message": message, "known": known}
        if kept[kind] < args.keep:
            kept[kind] += 1
            finding["file"] = path
            if kind == "crash":
                finding["message"] = explain(binary, reader, args.seed, current)
        else:
            os.remove(path)
        figures["findings"].append(finding)
        case = current + 1
    figures["seconds"] = round(time.time() - started, 1)
    figures["bad_reasons"] = dict(bad_reasons)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=20_000, help="inputs per reader (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="campaign seed (default 1)")
    parser.add_argument("--readers", default="", help="comma-separated readers (default: all)")
    parser.add_argument("--batch", type=int, default=1000, help="inputs per child process (default 1000)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds an input may take before it is a hang (default 10)")
    parser.add_argument("--slow", type=float, default=1.0, help="seconds above which an input counts as slow (default 1)")
    parser.add_argument("--keep", type=int, default=20, help="inputs kept per reader and kind (default 20)")
    parser.add_argument("--build-dir", default=os.path.join(tempfile.gettempdir(), "chiso-fuzz"),
                        help="where the temporary package is built (default /tmp/chiso-fuzz)")
    args = parser.parse_args()

    binary = build(args.build_dir)
    available = subprocess.run([binary, "readers"], capture_output=True, text=True, check=True).stdout.split()
    chosen = [name for name in args.readers.split(",") if name] or available
    unknown = [name for name in chosen if name not in available]
    if unknown:
        sys.exit(f"unknown readers {unknown}; known: {available}")
    os.makedirs(OUT, exist_ok=True)

    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for reader in chosen:
            figures = campaign(binary, reader, args, scratch)
            results.append(figures)
            print(f"{reader:9} {figures['iterations']:7} inputs  {figures['crashes']:4} crashes  {figures['hangs']:3} hangs  "
                  f"{figures['bad']:4} bad  {figures['slow']:3} slow  slowest {figures['slowest_ms']:8.1f} ms "
                  f"(case {figures['slowest_case']})  [{figures['seconds']} s]", flush=True)

    print("\nfindings (crashes and hangs grouped by the known issue they match, then slow inputs and bad refusals):")
    any_finding = False
    for figures in results:
        groups = collections.defaultdict(list)
        for finding in figures["findings"]:
            if finding["kind"] in ("crash", "hang"):
                groups[(finding["kind"], finding.get("known") or "UNKNOWN")].append(finding)
        for (kind, what), findings in sorted(groups.items()):
            any_finding = True
            cases = ", ".join(str(f["case"]) for f in findings[:8]) + (" ..." if len(findings) > 8 else "")
            print(f"  {figures['reader']}: {len(findings)} {kind}(es) — {what}  (cases {cases})")
            for message, count in collections.Counter(f["message"] for f in findings if f["message"]).most_common(3):
                print(f"      {count} x {message}")
        slow = sorted(figures.get("slow_cases", []), key=lambda pair: -pair[1])
        if slow:
            any_finding = True
            listed = ", ".join(f"{case} ({ms:.0f} ms)" for case, ms in slow[:6]) + (" ..." if len(slow) > 6 else "")
            print(f"  {figures['reader']}: {len(slow)} input(s) slower than {args.slow} s — cases {listed}")
        for reason, count in sorted(figures["bad_reasons"].items()):
            any_finding = True
            print(f"  {figures['reader']}: {count} bad refusal(s) — {reason}")
    if not any_finding:
        print("  none")
    summary = {"seed": args.seed, "iterations_per_reader": args.iterations, "timeout_s": args.timeout, "readers": results}
    with open(os.path.join(OUT, "summary.json"), "w") as out:
        json.dump(summary, out, indent=2, ensure_ascii=False)
    print(f"\ninputs and summary.json in {OUT}")


if __name__ == "__main__":
    main()
