#!/usr/bin/env python3
"""Differential test: chiso score versus reference.py on generated cases.

  python3 Tests/differential/run.py --cases 300 --seed 1 --chiso .build/debug/chiso

Case i of a run uses the case seed  SEED * 100000 + i ; `generate.py --seed
CASESEED --out DIR` regenerates it, and `run.py --only CASESEED` reruns it.

Valid case   : exit status 0 and standard output byte-for-byte equal to the
               reference's CSV.
Invalid case : exit status 1, empty standard output, and every expected
               `inputs.csv:LINE:` prefix at the start of some standard-error
               line; an error reported on a line that holds no error
               (`inputs.csv:N:` for another N) is a failure too.
With --check-warnings a valid case must also print exactly the reference's
`inputs.csv: agency X: no input for C` warnings (any order).

Failing cases are kept under --keep (default Tests/differential/failures/,
emptied at the start of a run) with chiso's stdout/stderr and a diff.
The last line printed is `N passed, M failed`; the exit status is 1 on any
failure.
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

LINE_RE = re.compile(r'^inputs\.csv:(\d+):')


def run_case(case_seed, chiso, check_warnings):
    c = generate.generate_case(case_seed)
    d = tempfile.mkdtemp(prefix='chiso-diff-')
    try:
        generate.write_case(c, d)
        try:
            p = subprocess.run([chiso, 'score', '--index', 'index.yaml', '--agencies', 'agencies.csv',
                                '--inputs', 'inputs.csv'], cwd=d, capture_output=True, timeout=30)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            rc, out, err = 'timeout', b'', b''
        problems = []
        out_s = out.decode('utf-8', 'replace')
        err_s = err.decode('utf-8', 'replace')
        detail = ''
        if c.valid:
            if rc != 0:
                problems.append('exit status %s, expected 0' % rc)
            if out_s != c.expected_stdout:
                problems.append('stdout differs')
                detail = ''.join(difflib.unified_diff(
                    c.expected_stdout.splitlines(True), out_s.splitlines(True),
                    'reference', 'chiso', n=0))
                if rc != 0:
                    detail += '\n--- chiso stderr (first lines) ---\n' + '\n'.join(err_s.splitlines()[:8])
            if check_warnings and rc == 0:
                got = sorted(l for l in err_s.splitlines() if ': no input for ' in l)
                if got != sorted(c.warnings):
                    problems.append('warnings differ')
                    detail += '\n--- warnings ---\n' + ''.join(difflib.unified_diff(
                        [w + '\n' for w in sorted(c.warnings)], [g + '\n' for g in got],
                        'reference', 'chiso', n=0))
        else:
            if rc != 1:
                problems.append('exit status %s, expected 1' % rc)
            if out:
                problems.append('stdout not empty')
            reported = set()
            for line in err_s.splitlines():
                m = LINE_RE.match(line)
                if m:
                    reported.add(int(m.group(1)))
            missing = [ln for ln in c.expected_lines if ln not in reported]
            extra = sorted(reported - set(c.expected_lines))
            if missing:
                problems.append('expected error lines not reported: %s' % missing)
            if extra:
                problems.append('errors reported on lines with no error: %s' % extra)
            if problems:
                detail = 'injected: %s\nexpected lines: %s\n--- chiso stderr ---\n%s' % (
                    ', '.join(c.kinds), c.expected_lines,
                    '\n'.join(l for l in err_s.splitlines() if not l.startswith('inputs.csv: agency'))[:3000])
        return dict(seed=case_seed, valid=c.valid, kinds=c.kinds, features=c.features,
                    problems=problems, detail=detail, dir=d, stdout=out, stderr=err)
    except BaseException:
        shutil.rmtree(d, ignore_errors=True)
        raise


def main(argv):
    ap = argparse.ArgumentParser(description='ChiSo differential test (chiso score vs reference.py)')
    ap.add_argument('--cases', type=int, default=300)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--chiso', default=os.path.join(HERE, '..', '..', '.build', 'debug', 'chiso'))
    ap.add_argument('--jobs', type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument('--keep', default=os.path.join(HERE, 'failures'))
    ap.add_argument('--show', type=int, default=5, help='failures shown in full')
    ap.add_argument('--only', type=int, action='append', help='run just this case seed (repeatable)')
    ap.add_argument('--check-warnings', action='store_true')
    a = ap.parse_args(argv)
    chiso = os.path.abspath(a.chiso)
    if not os.access(chiso, os.X_OK):
        print('chiso binary not found: %s' % chiso)
        return 2
    seeds = a.only or [a.seed * 100000 + i for i in range(a.cases)]
    if os.path.isdir(a.keep):
        shutil.rmtree(a.keep)
    t0 = time.time()
    results = []
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for r in ex.map(lambda s: run_case(s, chiso, a.check_warnings), seeds):
            results.append(r)
    failed = [r for r in results if r['problems']]
    for r in results:
        if r['problems']:
            dest = os.path.join(a.keep, 'seed-%d' % r['seed'])
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copytree(r['dir'], dest)
            with open(os.path.join(dest, 'chiso.stdout'), 'wb') as fh:
                fh.write(r['stdout'])
            with open(os.path.join(dest, 'chiso.stderr'), 'wb') as fh:
                fh.write(r['stderr'])
            with open(os.path.join(dest, 'problems.txt'), 'w', encoding='utf-8') as fh:
                fh.write('\n'.join(r['problems']) + '\n\n' + r['detail'] + '\n')
            r['kept'] = dest
        shutil.rmtree(r['dir'], ignore_errors=True)
    for r in failed[:a.show]:
        print('=' * 72)
        print('FAIL case seed %d (%s%s) kept in %s' % (
            r['seed'], 'valid' if r['valid'] else 'invalid',
            ': ' + ', '.join(r['kinds']) if r['kinds'] else '', r['kept']))
        print('  features: %s' % ' '.join(r['features']))
        for p in r['problems']:
            print('  - ' + p)
        det = r['detail'].splitlines()
        print('\n'.join('    ' + l for l in det[:40]))
        if len(det) > 40:
            print('    ... (%d more lines in problems.txt)' % (len(det) - 40))
    if failed:
        tally = {}
        for r in failed:
            for p in r['problems']:
                key = re.sub(r'\[.*\]|\d+', '#', p)
                tally[key] = tally.get(key, 0) + 1
        print('-' * 72)
        print('failure kinds: ' + '; '.join('%s x%d' % kv for kv in sorted(tally.items())))
        print('failing seeds: ' + ' '.join(str(r['seed']) for r in failed))
    nvalid = sum(1 for r in results if r['valid'])
    print('(%d valid, %d invalid cases; %.1fs)' % (nvalid, len(results) - nvalid, time.time() - t0))
    print('%d passed, %d failed' % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
