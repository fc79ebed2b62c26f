#!/usr/bin/env python3
"""Differential test: chiso score versus reference.py on generated cases.

  python3 Tests/differential/run.py --cases 300 --seed 1 --chiso .build/debug/chiso

Case i of a run uses the case seed  SEED * 100000 + i ; `generate.py --seed
CASESEED --out DIR` regenerates it (add --no-conditions / --no-index-bom if
the run had them), and `run.py --only CASESEED` reruns it.

Valid case   : exit status 0 and standard output byte-for-byte equal to the
               reference's CSV.
Invalid case : exit status 1, empty standard output, and every expected
               `inputs.csv:LINE:` (bad inputs) or `agencies.csv:LINE:` (bad
               agency list) prefix at the start of some standard-error line;
               an error reported on a line that holds no error is a failure
               too.  For a broken index: some `index.yaml:LINE:` line naming
               the broken node's code; for a broken class condition
               (`requires`, kinds index-requires-*) one such line naming
               the class code and, where the condition has one, the
               condition's code.
A valid case's `--format json` must give the same figures, row for row, and
each row must carry `class_by_score` (the code of the first class whose min
<= final, conditions ignored) and `failed_conditions` (a JSON array of
{"class": CLASS, "code": CONDITION} -- one per failed condition of every
class above the reached one whose min <= final, in class order then
condition order; other keys in those objects are ignored), both equal to
the reference's (spec 3.5).
Class conditions, `source` on bonus/deduction items and `submission.late`
are generated unless --no-conditions is given; it also drops the
class_by_score / failed_conditions checks, so a chiso built before those
features can still be checked on the cases of before.
With --check-warnings a valid case must also print exactly the reference's
`inputs.csv: agency X: no input for C` warnings (any order).
First, the reference must reproduce the contract's worked examples (the
repository's copy, Tests/ChiSoCoreTests/Fixtures/spec-examples) byte for
byte; without them the run fails.

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
import reference  # noqa: E402

FILE_LINE_RE = re.compile(r'^(inputs\.csv|agencies\.csv|index\.yaml):(\d+):')


JSON_FIELDS = ['group', 'rank', 'agency', 'name', 'raw', 'applicable_max', 'normalized', 'bonus', 'deduction', 'final', 'class']


def json_mismatch(rc, out, expected_csv, class_info=None):
    """'' when `chiso score --format json` gives the expected CSV's figures row for row, else what differs.
    class_info {agency: (class_by_score, [(class, condition code)])}: also check
    each row's `class_by_score` and `failed_conditions` (None: not checked)."""
    import csv
    import decimal
    import io
    import json
    if rc != 0:
        return 'exit status %s' % rc
    try:
        rows = json.loads(out.decode('utf-8'), parse_float=decimal.Decimal)
    except ValueError as error:
        return 'not JSON: %s' % error
    expected = list(csv.reader(io.StringIO(expected_csv)))[1:]
    if len(rows) != len(expected):
        return '%d rows, expected %d' % (len(rows), len(expected))
    for row, line in zip(rows, expected):
        got = [str(row.get(field)) if field in ('group', 'rank', 'agency', 'name', 'class') else format(row.get(field), '.2f')
               for field in JSON_FIELDS]
        # CSV cells a spreadsheet would run carry a leading ' (not the JSON)
        want = [reference.formula_restored(cell) for cell in line]
        if got != want:
            return 'row %s: json %s, csv %s' % (line[2], got, want)
        if class_info is not None:
            agency = row.get('agency')
            by_score, failed = class_info[agency]
            if 'class_by_score' not in row:
                return 'row %s: no class_by_score' % agency
            if row['class_by_score'] != by_score:
                return 'row %s: class_by_score %r, expected %r' % (agency, row['class_by_score'], by_score)
            fc = row.get('failed_conditions')
            if not isinstance(fc, list) or not all(isinstance(x, dict) for x in fc):
                return 'row %s: failed_conditions %r is not an array of objects' % (agency, fc)
            got_fc = [(x.get('class'), x.get('code')) for x in fc]
            if got_fc != [tuple(f) for f in failed]:
                return 'row %s (final %s, class %s): failed_conditions %s, expected %s' % (
                    agency, line[9], line[10], fmt_failed(got_fc), fmt_failed(failed))
    return ''


def fmt_failed(lst):
    return '[' + ', '.join('%s/%s' % (k, c) for k, c in lst) + ']'


def run_case(case_seed, chiso, check_warnings, check_conditions=True):
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
            if rc == 0:
                # --format json: the same figures as the CSV, row for row.
                js = subprocess.run([chiso, 'score', '--index', 'index.yaml', '--agencies', 'agencies.csv', '--inputs', 'inputs.csv',
                                     '--format', 'json'], cwd=d, capture_output=True, timeout=30)
                mismatch = json_mismatch(js.returncode, js.stdout, c.expected_stdout,
                                         c.class_info if check_conditions else None)
                if mismatch:
                    problems.append('--format json differs from the CSV')
                    detail += '\n--- json ---\n' + mismatch
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
            lines = err_s.splitlines()
            reported = {}
            for line in lines:
                m = FILE_LINE_RE.match(line)
                if m:
                    reported.setdefault(m.group(1), set()).add(int(m.group(2)))
            missing = []
            for f, ln, code in c.expect:
                if ln is not None:
                    if ln not in reported.get(f, ()):
                        missing.append('%s:%d' % (f, ln))
                else:
                    # code: None, one code, or a tuple of codes one line must all name
                    codes = code if isinstance(code, tuple) else (code,) if code else ()
                    pat = re.compile(r'^%s:\d+:' % re.escape(f))
                    cres = [re.compile(r'(?<![\w.])%s(?![\w.])' % re.escape(x)) for x in codes]
                    if not any(pat.match(l) and all(cre.search(l) for cre in cres) for l in lines):
                        missing.append('%s:<line>: naming %s' % (f, ' and '.join(codes)) if codes else '%s:<line>:' % f)
            if missing:
                problems.append('expected errors not reported: [%s]' % ', '.join(missing))
            # an error on a line of inputs.csv / agencies.csv that holds none
            for f in ('inputs.csv', 'agencies.csv'):
                exp = set(ln for ff, ln, _ in c.expect if ff == f and ln is not None)
                if c.mode == 'index' or (f == 'inputs.csv' and c.mode == 'agencies'):
                    continue   # may or may not be checked once the index/list is broken
                extra = sorted(reported.get(f, set()) - exp)
                if extra:
                    problems.append('errors reported on %s lines with no error: %s' % (f, extra))
            if problems:
                detail = 'mode %s, injected: %s\nexpected: %s\n--- chiso stderr ---\n%s' % (
                    c.mode, ', '.join(c.kinds),
                    ', '.join('%s:%s:%s' % (f, ln if ln else '*',
                                            ' ' + (' '.join(code) if isinstance(code, tuple) else code) if code else '')
                              for f, ln, code in c.expect),
                    '\n'.join(l for l in lines if not l.startswith('inputs.csv: agency'))[:3000])
        return dict(seed=case_seed, valid=c.valid, mode=c.mode, kinds=c.kinds, features=c.features,
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
    ap.add_argument('--examples', default=os.path.normpath(os.path.join(HERE, '..', 'ChiSoCoreTests', 'Fixtures', 'spec-examples')),
                    help="the contract's worked examples, which the reference must reproduce first (the repository's copy)")
    ap.add_argument('--no-index-bom', action='store_true',
                    help='never start index.yaml with a UTF-8 BOM (chiso refuses one)')
    ap.add_argument('--no-conditions', action='store_true',
                    help='no class conditions (requires), item sources or submission.late, and no '
                         'class_by_score / failed_conditions check: the cases of before those features')
    a = ap.parse_args(argv)
    if a.no_index_bom:
        generate.INDEX_BOM_PROB = 0.0
    if a.no_conditions:
        generate.CONDITIONS = False
    chiso = os.path.abspath(a.chiso)
    if not os.access(chiso, os.X_OK):
        print('chiso binary not found: %s' % chiso)
        return 2
    # self-test: the reference must reproduce the spec's worked examples byte for byte
    ex_dir = a.examples
    if not os.path.isdir(ex_dir):
        print('the worked examples are missing: %s' % ex_dir)
        return 2
    done = []
    for name in sorted(os.listdir(ex_dir)):
        d = os.path.join(ex_dir, name)
        exp = os.path.join(d, 'expected.csv')
        if not os.path.isfile(exp):
            continue
        res = reference.score_files(os.path.join(d, 'index.yaml'), os.path.join(d, 'agencies.csv'),
                                    os.path.join(d, 'inputs.csv'), 'inputs.csv')
        with open(exp, encoding='utf-8', newline='') as fh:
            if not res.ok or res.stdout != fh.read():
                print('reference.py does not reproduce %s: fix the reference first' % exp)
                return 2
        done.append(name)
    if not done:
        print('no worked example in %s' % ex_dir)
        return 2
    print('reference reproduces the spec examples: %s' % ', '.join(done))
    seeds = a.only or [a.seed * 100000 + i for i in range(a.cases)]
    if os.path.isdir(a.keep):
        shutil.rmtree(a.keep)
    t0 = time.time()
    results = []
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for r in ex.map(lambda s: run_case(s, chiso, a.check_warnings, not a.no_conditions), seeds):
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
            r['seed'], r['mode'] if r['valid'] else 'invalid ' + r['mode'],
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
    modes = {}
    for r in results:
        modes[r['mode']] = modes.get(r['mode'], 0) + 1
    print('(cases by mode: %s; %.1fs)' % (', '.join('%s %d' % kv for kv in sorted(modes.items())),
                                          time.time() - t0))
    print('%d passed, %d failed' % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
