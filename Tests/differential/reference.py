#!/usr/bin/env python3
"""Independent reference implementation of the ChiSo scoring contract
(/work/shared/spec/index-format.md, sections 3 and 5), standard library only.

Written from the spec text alone.  All arithmetic uses fractions.Fraction
(exact), with the two 4-place roundings of spec 3.1 (each leaf / bonus /
deduction item's points as soon as its rule gives them, and `normalized`)
and the final 2-place rounding, all half away from zero.

Class conditions (spec 1 `requires`, 3.5): an agency's class is the first
class whose min <= final and whose conditions all hold; `{code, minShare: P}`
on a criterion node holds when the node is N/A for the agency or
points * 100 >= P * applicable max (the node's own figures of 3.2-3.3);
`{code, maxPoints: P}` on a bonus/deduction item holds when the item's own
points (before the caps; 0 with no input) are <= P.  Each result row also
carries `class_by_score` (first class whose min <= final, conditions ignored)
and `failed` [(class, condition code)] for every class above the reached one
whose min <= final, in class order then condition order.
Sources (spec 4, incl. `submission.late`, and `source` on bonus/deduction
items) do not change offline scoring: a sourced leaf without input is
missing, a sourced item without input scores 0 without a warning.

This is not a full `chiso index check`: index_problems() validates only the
class conditions (`requires`) and the `source` names (on leaves and items);
score() refuses an index with such a problem.

Main entry points
  score(index, agencies, rows, inputs_name="inputs.csv") -> Result
      index    : dict shaped like the YAML (numbers may be str such as "0,5",
                 int or Fraction; booleans True/False or "true"/"false")
      agencies : list of dicts {code, name, group, tags}   (tags: "a;b")
      rows     : list of (line, {agency, criterion, value, evidence}) where
                 evidence is None when the column is absent
  Result.ok / .stdout (the exact CSV `chiso score` must print) /
        .errors [(line, message)] / .warnings [text] /
        .rows [dict per agency: agency, final, cls, class_by_score,
               failed [(class code, condition code)], node_figs {code:
               (points, applicable max)} of the applicable nodes, item_pts
               {code: own points} of the items with input, ...]
  index_problems(index) -> [(class or node code, message)] for `requires`
                            and `source` (spec 1 validation); empty when fine

  parse_yaml(text)          a small YAML-subset reader (block maps/lists,
                            flow {..}/[..], quoted scalars); every scalar is
                            returned as a str.  Enough for the spec examples
                            and for what generate.py writes.
  parse_csv(text)           RFC 4180 reader returning (header, [(line, fields)])
                            with the line on which each record starts; handles
                            a UTF-8 BOM and CRLF.

Command line:  reference.py --index I.yaml --agencies A.csv --inputs R.csv
"""
import re
import sys
import unicodedata
from fractions import Fraction

# ---------------------------------------------------------------- numbers

NUM_RE = re.compile(r'^-?[0-9]+([.,][0-9]+)?$')


def parse_num(s):
    """Spec 3.1 number syntax -> Fraction, or None when not a number."""
    if isinstance(s, bool):
        return None
    if isinstance(s, Fraction):
        return s
    if isinstance(s, int):
        return Fraction(s)
    if not isinstance(s, str) or not NUM_RE.match(s):
        return None
    return Fraction(s.replace(',', '.'))


def num(s):
    v = parse_num(s)
    if v is None:
        raise ValueError('not a number in index: %r' % (s,))
    return v


def round_half_away(x, places):
    q = Fraction(10) ** places
    y = abs(x) * q
    n = int(y)                      # floor for y >= 0
    if y - n >= Fraction(1, 2):
        n += 1
    r = Fraction(n) / q
    return -r if x < 0 else r


def r4(x):
    return round_half_away(x, 4)


def r2(x):
    return round_half_away(x, 2)


def fmt2(x):
    """A number with '.' and exactly 2 decimals, rounded half away from zero."""
    x = r2(x)
    neg = x < 0
    cents = abs(x) * 100
    assert cents.denominator == 1
    c = cents.numerator
    s = '%d.%02d' % (c // 100, c % 100)
    return ('-' + s) if neg and c != 0 else s


def truthy(v):
    return v is True or (isinstance(v, str) and v.lower() == 'true')


# ------------------------------------------------------------------- CSV

def parse_csv(text):
    """RFC 4180 parse.  Returns (header_fields, [(start_line, fields)]).
    A leading BOM is dropped; CRLF and LF both end a record."""
    if text.startswith('\ufeff'):
        text = text[1:]
    records = []
    line = 1
    i, n = 0, len(text)
    while i < n:
        start = line
        fields = []
        field = []
        while True:                       # one field
            if i < n and text[i] == '"':
                i += 1
                while True:
                    if i >= n:
                        raise ValueError('unterminated quote at line %d' % start)
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            field.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if c == '\n':
                        line += 1
                    field.append(c)
                    i += 1
                # after closing quote: expect , or EOL/EOF
                while i < n and text[i] not in ',\r\n':
                    field.append(text[i])      # lenient
                    i += 1
            else:
                while i < n and text[i] not in ',\r\n':
                    field.append(text[i])
                    i += 1
            fields.append(formula_restored(''.join(field)))
            field = []
            if i < n and text[i] == ',':
                i += 1
                continue
            # end of record
            if i < n and text[i] == '\r':
                i += 1
            if i < n and text[i] == '\n':
                i += 1
            line += 1
            break
        if fields == ['']:
            continue                     # blank line
        records.append((start, fields))
    if not records:
        return [], []
    return records[0][1], records[1:]


FORMULA_START = ('=', '+', '-', '@', '\t', '\r')
PLAIN_NUMBER = re.compile(r'[+-]?[0-9]+([.,][0-9]+)?')


def formula_neutralised(s):
    """A cell a spreadsheet would run as a formula gets a ' first (not a plain number)."""
    if s.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(s):
        return "'" + s
    return s


def formula_restored(s):
    """The ' that formula_neutralised added, taken away when reading."""
    if s.startswith("'") and s[1:].startswith(FORMULA_START):
        return s[1:]
    return s


def csv_field(s):
    s = formula_neutralised(s)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_line(fields):
    return ','.join(csv_field(f) for f in fields) + '\n'


# ------------------------------------------------------------------ YAML

class _YamlError(Exception):
    pass


def _strip_comment(s):
    """Drop a trailing `# comment` that is outside quotes."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in '"\'' and (i == 0 or s[i - 1] in ' \t:[{,-'):
            q = c
            i += 1
            while i < n:
                if q == '"' and s[i] == '\\':
                    i += 2
                    continue
                if s[i] == q:
                    if q == "'" and i + 1 < n and s[i + 1] == "'":
                        i += 2
                        continue
                    break
                i += 1
            i += 1
            continue
        if c == '#' and (i == 0 or s[i - 1] in ' \t'):
            return s[:i].rstrip()
        i += 1
    return s.rstrip()


def _unquote_double(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\':
            i += 1
            e = s[i]
            if e == 'n':
                out.append('\n')
            elif e == 't':
                out.append('\t')
            elif e == 'r':
                out.append('\r')
            elif e == 'u':
                out.append(chr(int(s[i + 1:i + 5], 16)))
                i += 4
            else:
                out.append(e)
        else:
            out.append(c)
        i += 1
    return ''.join(out)


class _Flow:
    def __init__(self, s):
        self.s, self.i = s, 0

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in ' \t':
            self.i += 1

    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == '{':
            self.i += 1
            d = {}
            self.ws()
            if self.s[self.i] == '}':
                self.i += 1
                return d
            while True:
                k = self.scalar(key=True)
                self.ws()
                if self.s[self.i] != ':':
                    raise _YamlError('expected : in flow map')
                self.i += 1
                d[k] = self.value()
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == '}':
                    return d
                if c != ',':
                    raise _YamlError('bad flow map')
        if c == '[':
            self.i += 1
            lst = []
            self.ws()
            if self.s[self.i] == ']':
                self.i += 1
                return lst
            while True:
                lst.append(self.value())
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == ']':
                    return lst
                if c != ',':
                    raise _YamlError('bad flow list')
        return self.scalar()

    def scalar(self, key=False):
        self.ws()
        s = self.s
        if s[self.i] == '"':
            j = self.i + 1
            while s[j] != '"':
                j += 2 if s[j] == '\\' else 1
            v = _unquote_double(s[self.i + 1:j])
            self.i = j + 1
            return v
        if s[self.i] == "'":
            j = self.i + 1
            out = []
            while True:
                if s[j] == "'":
                    if j + 1 < len(s) and s[j + 1] == "'":
                        out.append("'")
                        j += 2
                        continue
                    break
                out.append(s[j])
                j += 1
            self.i = j + 1
            return ''.join(out)
        j = self.i
        stop = ':,}]' if key else ',}]'
        while j < len(s) and s[j] not in stop:
            if s[j] == ':' and (j + 1 >= len(s) or s[j + 1] == ' '):
                break
            j += 1
        v = s[self.i:j].strip()
        self.i = j
        return v


def _inline(s):
    s = s.strip()
    if s.startswith('{') or s.startswith('['):
        f = _Flow(s)
        v = f.value()
        return v
    if s.startswith('"') or s.startswith("'"):
        return _Flow(s).scalar()
    return s


_KEY_RE = re.compile(r'''^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"{\[#-][^:]*?|-[^\s:][^:]*?)\s*:(\s|$)''')


def parse_yaml(text):
    if text.startswith('\ufeff'):
        text = text[1:]
    lines = []
    raw_lines = text.replace('\r\n', '\n').split('\n')
    # block scalars (`key: |` / `key: >`) become one double-quoted line
    folded = []
    j = 0
    while j < len(raw_lines):
        raw = raw_lines[j]
        m = re.match(r'^(\s*(?:- )?[^#]*?:)\s+([|>])([+-]?)\s*(#.*)?$', raw)
        if not m:
            folded.append(raw)
            j += 1
            continue
        key_ind = len(raw) - len(raw.lstrip(' '))
        body, j = [], j + 1
        while j < len(raw_lines) and (not raw_lines[j].strip() or
                                      len(raw_lines[j]) - len(raw_lines[j].lstrip(' ')) > key_ind):
            body.append(raw_lines[j])
            j += 1
        while body and not body[-1].strip():
            body.pop()
        ind = min((len(x) - len(x.lstrip(' ')) for x in body if x.strip()), default=0)
        body = [x[ind:] for x in body]
        val = ('\n' if m.group(2) == '|' else ' ').join(body)
        if m.group(3) != '-':
            val += '\n'
        esc = val.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
        folded.append('%s "%s"' % (m.group(1), esc))
    for raw in folded:
        body = _strip_comment(raw)
        if not body.strip() or body.strip() in ('---',):
            continue
        ind = len(body) - len(body.lstrip(' '))
        lines.append([ind, body.strip()])

    def node(i, ind):
        if lines[i][1].startswith('- ') or lines[i][1] == '-':
            return seq(i, ind)
        return mapping(i, ind)

    def seq(i, ind):
        out = []
        while i < len(lines) and lines[i][0] == ind and (lines[i][1].startswith('- ') or lines[i][1] == '-'):
            rest = lines[i][1][1:]
            stripped = rest.lstrip(' ')
            if not stripped:
                i += 1
                v, i = node(i, lines[i][0])
                out.append(v)
                continue
            off = 1 + len(rest) - len(stripped)
            if _KEY_RE.match(stripped) and not stripped.startswith(('{', '[')):
                lines[i] = [ind + off, stripped]
                v, i = mapping(i, ind + off)
                out.append(v)
            else:
                out.append(_inline(stripped))
                i += 1
        return out, i

    def mapping(i, ind):
        d = {}
        while i < len(lines) and lines[i][0] == ind and not lines[i][1].startswith('- '):
            m = _KEY_RE.match(lines[i][1])
            if not m:
                raise _YamlError('cannot parse line: %r' % lines[i][1])
            k = _inline(m.group(1))
            rest = lines[i][1][m.end():].strip()
            i += 1
            if rest:
                d[k] = _inline(rest)
            elif i < len(lines) and (lines[i][0] > ind or (lines[i][0] == ind and lines[i][1].startswith('- '))):
                d[k], i = node(i, lines[i][0])
            else:
                d[k] = ''
        return d, i

    v, i = node(0, lines[0][0])
    if i != len(lines):
        raise _YamlError('trailing content at %r' % lines[i][1])
    return v


# ------------------------------------------------------------- the index

YES = {'1', 'yes', 'có', 'true', 'đạt'}
NO = {'0', 'no', 'không', 'false', 'không đạt'}


def yesno_value(s):
    k = unicodedata.normalize('NFC', s).lower()
    k = unicodedata.normalize('NFC', k)
    if k in YES:
        return True
    if k in NO:
        return False
    return None


class Node:
    def __init__(self, d, parent):
        self.code = str(d['code'])
        self.max = num(d['max'])
        self.na_for = set(d.get('notApplicableFor') or [])
        self.allow_na = truthy(d.get('allowNA', False))
        self.evidence_required = d.get('evidence') == 'required'
        self.parent = parent
        self.rule = d.get('rule')
        self.source = d.get('source')
        self.children = [Node(c, self) for c in d['children']] if 'children' in d else None

    @property
    def is_group(self):
        return self.children is not None


class Item:
    """A bonus or deduction item."""
    def __init__(self, d):
        self.code = str(d['code'])
        self.rule = d['rule']
        self.max = num(self.rule['max']) if 'max' in self.rule else None
        self.source = d.get('source')       # offline there is no source (spec 3.6, 4)


def walk(nodes):
    for n in nodes:
        yield n
        if n.is_group:
            yield from walk(n.children)


# --------------------------------------- class conditions, sources (spec 1)

SOURCE_NAMES = ('tasks.onTimeRate', 'tasks.doneLate', 'tasks.overdue', 'survey', 'leaders',
                'submission.late')
CONDITION_FIELDS = ('code', 'minShare', 'maxPoints')


def _dict_walk(nodes):
    for n in nodes or []:
        if isinstance(n, dict):
            yield n
            if isinstance(n.get('children'), list):
                yield from _dict_walk(n['children'])


def index_problems(index):
    """Spec 1 validation of what the rest of this module relies on being
    refused: class conditions (`requires`) and `source` names.  Returns
    [(code, message)] where code is the class code (conditions) or the
    node/item code (sources)."""
    out = []
    tree = list(_dict_walk(index.get('criteria')))
    node_codes = set(str(n.get('code')) for n in tree)
    items = [d for k in ('bonus', 'deductions') for d in (index.get(k) or []) if isinstance(d, dict)]
    item_codes = set(str(d.get('code')) for d in items)
    for n in tree:
        if 'source' in n:
            if 'children' in n:
                out.append((str(n.get('code')), 'source on a group'))
            elif n['source'] not in SOURCE_NAMES:
                out.append((str(n.get('code')), 'unknown source %r' % (n['source'],)))
    for d in items:
        if 'source' in d and d['source'] not in SOURCE_NAMES:
            out.append((str(d.get('code')), 'unknown source %r' % (d['source'],)))
    classes = index.get('classes') or []
    for ci, c in enumerate(classes):
        if not isinstance(c, dict) or 'requires' not in c:
            continue
        cc = str(c.get('code'))
        req = c['requires']
        if ci == len(classes) - 1:
            out.append((cc, 'the last class cannot have requires (every agency must get a class)'))
        if not isinstance(req, list):
            out.append((cc, 'requires must be a list of conditions'))
            continue
        for cond in req:
            if not isinstance(cond, dict):
                out.append((cc, 'a condition must be a mapping: %r' % (cond,)))
                continue
            code = cond.get('code')
            name = str(code) if code not in (None, '') else '?'
            for k in cond:
                if k not in CONDITION_FIELDS:
                    out.append((cc, 'condition %s: unknown field %s' % (name, k)))
            if code in (None, ''):
                out.append((cc, 'a condition lacks code'))
            has_share, has_points = 'minShare' in cond, 'maxPoints' in cond
            if has_share == has_points:
                out.append((cc, 'condition %s: needs exactly one of minShare and maxPoints' % name))
            if code in (None, ''):
                continue
            if code not in node_codes and code not in item_codes:
                out.append((cc, 'condition %s: unknown code' % name))
            if has_share:
                if code in item_codes and code not in node_codes:
                    out.append((cc, 'condition %s: minShare needs a criterion node' % name))
                v = parse_num(cond['minShare'])
                if v is None:
                    out.append((cc, 'condition %s: minShare is not a number' % name))
                elif not (0 < v <= 100):
                    out.append((cc, 'condition %s: minShare outside (0, 100]' % name))
            if has_points:
                if code in node_codes and code not in item_codes:
                    out.append((cc, 'condition %s: maxPoints needs a bonus or deduction item' % name))
                v = parse_num(cond['maxPoints'])
                if v is None:
                    out.append((cc, 'condition %s: maxPoints is not a number' % name))
                elif v < 0:
                    out.append((cc, 'condition %s: maxPoints is negative' % name))
    return out


def class_conditions(index):
    """[(class code, min, [('share'|'points', condition code, P)])] in file order."""
    out = []
    for c in index['classes']:
        conds = []
        for cond in c.get('requires') or []:
            if 'minShare' in cond:
                conds.append(('share', str(cond['code']), num(cond['minShare'])))
            else:
                conds.append(('points', str(cond['code']), num(cond['maxPoints'])))
        out.append((str(c['code']), num(c['min']), conds))
    return out


def condition_holds(cond, node_figs, item_pts):
    """node_figs: code -> (points, applicable max) of the applicable criterion
    nodes (absent = N/A); item_pts: item code -> own points (absent = 0)."""
    kind, code, p = cond
    if kind == 'share':
        fig = node_figs.get(code)
        if fig is None:
            return True                   # N/A for the agency
        return fig[0] * 100 >= p * fig[1]
    return item_pts.get(code, Fraction(0)) <= p


def classify(classes, final, node_figs, item_pts):
    """-> (class, class_by_score, failed [(class code, condition code)])."""
    by_score, failed = None, []
    for code, mn, conds in classes:
        if mn > final:
            continue
        if by_score is None:
            by_score = code
        bad = [c[1] for c in conds if not condition_holds(c, node_figs, item_pts)]
        if not bad:
            return code, by_score, failed
        failed.extend((code, b) for b in bad)
    return '', by_score or '', failed


# ------------------------------------------------------- input validation

FRAC_RE = re.compile(r'^(-?[0-9]+(?:[.,][0-9]+)?)/(-?[0-9]+(?:[.,][0-9]+)?)$')


def check_value(rule, mx, value):
    """Validate `value` (non-empty, not NA) against a rule.
    Returns (parsed, [error messages])."""
    t = rule['type']
    errs = []
    if t == 'yesno':
        v = yesno_value(value)
        if v is None:
            errs.append('not a yes/no answer: %r' % value)
        return v, errs
    if t == 'levels':
        for lv in rule['levels']:
            if str(lv['code']) == value:
                return lv, errs
        return None, ['unknown level %r' % value]
    if t == 'ratio':
        m = FRAC_RE.match(value)
        if m:
            a, b = parse_num(m.group(1)), parse_num(m.group(2))
            if b <= 0:
                return None, ['ratio denominator must be > 0']
            if a < 0:
                return None, ['ratio cannot be negative']
            return 100 * a / b, errs
        x = parse_num(value)
        if x is None:
            return None, ['not a number: %r' % value]
        if x < 0:
            return None, ['ratio cannot be negative']
        return x, errs
    x = parse_num(value)
    if x is None:
        return None, ['not a number: %r' % value]
    if t in ('count', 'deduct'):
        if x.denominator != 1:
            errs.append('a count must be a whole number')
        if x < 0:
            errs.append('a count cannot be negative')
    elif t == 'percent':
        if x < 0 or x > 100:
            errs.append('percent outside 0..100')
    elif t == 'manual':
        step = num(rule['step']) if 'step' in rule else Fraction(1, 100)
        if x < 0 or x > mx:
            errs.append('manual value outside [0, max]')
        if (x / step).denominator != 1:
            errs.append('manual value not a multiple of step')
    elif t == 'tiers':
        pass
    else:
        raise ValueError('unknown rule type %r' % t)
    return x, errs


def leaf_points(rule, mx, x):
    t = rule['type']
    if t == 'manual':
        p = x
    elif t == 'yesno':
        p = mx if x else Fraction(0)
    elif t == 'tiers':
        p = Fraction(0)
        for tier in rule['tiers']:
            if num(tier['min']) <= x:
                p = num(tier['points'])
                break
    elif t == 'ratio':
        target = num(rule['target']) if 'target' in rule else Fraction(100)
        p = mx * min(x / target, Fraction(1))
    elif t == 'count':
        p = x * num(rule['per'])
        if 'cap' in rule:
            p = min(p, num(rule['cap']))
        p = min(p, mx)
    elif t == 'deduct':
        p = max(mx - x * num(rule['per']), Fraction(0))
    elif t == 'percent':
        p = mx * x / 100
    elif t == 'levels':
        p = num(x['points'])
    else:
        raise ValueError(t)
    return r4(p)


def item_points(rule, x):
    t = rule['type']
    if t == 'count':
        p = x * num(rule['per'])
        if 'cap' in rule:
            p = min(p, num(rule['cap']))
    else:
        p = x
    return r4(p)


# ------------------------------------------------------------- scoring

class Result:
    def __init__(self):
        self.ok = True
        self.stdout = ''
        self.errors = []
        self.warnings = []
        self.rows = []          # per-agency dicts, for debugging


def _na_by_tags(node, tags):
    n = node
    while n is not None:
        if n.na_for & tags:
            return True
        n = n.parent
    return False


def score(index, agencies, rows, inputs_name='inputs.csv'):
    res = Result()
    problems = index_problems(index)
    if problems:
        res.ok = False
        res.errors = [(None, 'index.yaml: %s: %s' % (code, msg)) for code, msg in problems]
        return res
    criteria = [Node(d, None) for d in index['criteria']]
    bonus = [Item(d) for d in (index.get('bonus') or [])]
    deductions = [Item(d) for d in (index.get('deductions') or [])]
    nodes = {n.code: n for n in walk(criteria)}
    items = {i.code: ('bonus', i) for i in bonus}
    items.update({i.code: ('deduction', i) for i in deductions})
    scale = num(index['scale'])
    policy = index.get('naPolicy') or 'rescale'
    bcap = num(index['bonusCap']) if index.get('bonusCap') not in (None, '') else None
    dcap = num(index['deductionCap']) if index.get('deductionCap') not in (None, '') else None
    classes = class_conditions(index)

    ag_by_code = {}
    for a in agencies:
        tags = set(t for t in (a.get('tags') or '').split(';') if t != '')
        ag_by_code[a['code']] = dict(a, tagset=tags)

    # ---- validate rows, collect values
    seen = {}
    values = {}                 # (agency, code) -> ('NA'|'EMPTY'|parsed, evidence)
    for line, r in rows:
        errs = []
        ac, cc = r.get('agency', ''), r.get('criterion', '')
        value = r.get('value', '') or ''
        ev_s = r.get('evidence')
        ag = ag_by_code.get(ac)
        if ag is None:
            errs.append('unknown agency %s' % ac)
        target = None
        if cc in nodes:
            target = nodes[cc]
            if target.is_group:
                errs.append('criterion %s is a group' % cc)
                target = None
        elif cc in items:
            target = items[cc][1]
        else:
            errs.append('unknown criterion %s' % cc)
        key = (ac, cc)
        if key in seen:
            errs.append('duplicate of line %d' % seen[key])
        else:
            seen[key] = line
        ev = 0
        if ev_s is not None and ev_s != '':
            x = parse_num(ev_s)        # a count: whole number, `2` or `2.0` (spec 3.1)
            if x is not None and x >= 0 and x.denominator == 1:
                ev = int(x)
            else:
                errs.append('bad evidence count %r' % ev_s)
        parsed = None
        if target is not None and value != '':
            if value.upper() == 'NA':
                if isinstance(target, Item):
                    errs.append('NA not allowed for %s' % cc)
                elif not (target.allow_na or (ag is not None and _na_by_tags(target, ag['tagset']))):
                    errs.append('NA not allowed for %s' % cc)
                parsed = 'NA'
            else:
                mx = target.max
                parsed, verrs = check_value(target.rule, mx, value)
                errs.extend('criterion %s: %s' % (cc, e) for e in verrs)
        elif value == '':
            parsed = 'EMPTY'
        for e in errs:
            res.errors.append((line, e))
        if not errs:
            values[key] = (parsed, ev)
    if res.errors:
        res.ok = False
        return res

    # ---- score every agency
    out_rows = []
    for a in agencies:
        ac = a['code']
        tags = ag_by_code[ac]['tagset']
        node_figs = {}      # code -> (points, applicable max); N/A nodes absent

        def score_node(n, inherited_na):
            r = _score_node(n, inherited_na)
            if r is not None:
                node_figs[n.code] = r
            return r

        def _score_node(n, inherited_na):
            na = inherited_na or bool(n.na_for & tags)
            if na:
                return None
            if n.is_group:
                pts, amax, any_app = Fraction(0), Fraction(0), False
                for c in n.children:
                    r = score_node(c, False)
                    if r is None:
                        continue
                    any_app = True
                    pts += r[0]
                    amax += r[1]
                if not any_app:
                    return None
                return (min(pts, n.max), min(n.max, amax))
            v = values.get((ac, n.code))
            if v is not None and v[0] == 'NA':
                # accepted only when allowNA or N/A by tags (already validated)
                return None
            if v is None or v[0] == 'EMPTY':
                res.warnings.append('%s: agency %s: no input for %s' % (inputs_name, ac, n.code))
                return (Fraction(0), n.max)
            p = leaf_points(n.rule, n.max, v[0])
            if n.evidence_required and v[1] == 0:
                p = Fraction(0)
            return (p, n.max)

        raw, amax = Fraction(0), Fraction(0)
        for n in criteria:
            r = score_node(n, False)
            if r is not None:
                raw += r[0]
                amax += r[1]
        if policy == 'none':
            normalized = r4(raw)        # spec 3.1: `normalized` is rounded to 4 places
        else:
            normalized = r4(raw * scale / amax) if amax != 0 else Fraction(0)

        item_pts = {}       # item code -> own points, before the caps

        def items_total(lst):
            t = Fraction(0)
            for it in lst:
                v = values.get((ac, it.code))
                if v is None or v[0] in ('EMPTY', 'NA'):
                    continue            # no input (sourced or not): 0, no warning
                p = item_points(it.rule, v[0])
                item_pts[it.code] = p
                t += p
            return t
        b = items_total(bonus)
        if bcap is not None:
            b = min(b, bcap)
        d = items_total(deductions)
        if dcap is not None:
            d = min(d, dcap)
        final = r2(max(normalized + b - d, Fraction(0)))
        cls, by_score, failed = classify(classes, final, node_figs, item_pts)
        out_rows.append(dict(group=a['group'], agency=ac, name=a['name'], raw=raw,
                             amax=amax, normalized=normalized, bonus=b,
                             deduction=d, final=final, cls=cls,
                             class_by_score=by_score, failed=failed,
                             node_figs=node_figs, item_pts=item_pts))

    # ---- group, rank, write
    groups = []
    for r in out_rows:
        if r['group'] not in groups:
            groups.append(r['group'])
    text = [csv_line(['group', 'rank', 'agency', 'name', 'raw', 'applicable_max',
                      'normalized', 'bonus', 'deduction', 'final', 'class'])]
    for g in groups:
        members = [r for r in out_rows if r['group'] == g]
        members.sort(key=lambda r: r['agency'])          # code-point order
        members.sort(key=lambda r: r['final'], reverse=True)  # stable
        prev, rank = None, 0
        for pos, r in enumerate(members, 1):
            if r['final'] != prev:
                rank = pos
                prev = r['final']
            r['rank'] = rank
            text.append(csv_line([g, str(rank), r['agency'], r['name'], fmt2(r['raw']),
                                  fmt2(r['amax']), fmt2(r['normalized']), fmt2(r['bonus']),
                                  fmt2(r['deduction']), fmt2(r['final']), r['cls']]))
    res.rows = out_rows
    res.stdout = ''.join(text)
    return res


# ------------------------------------------------------------ file helpers

def read_agencies(text):
    header, recs = parse_csv(text)
    out = []
    for line, f in recs:
        d = dict(zip(header, f))
        out.append({'code': d.get('code', ''), 'name': d.get('name', ''),
                    'group': d.get('group', ''), 'tags': d.get('tags', '')})
    return out


def read_inputs(text):
    header, recs = parse_csv(text)
    rows = []
    for line, f in recs:
        d = dict(zip(header, f))
        if 'evidence' not in header:
            d['evidence'] = None
        rows.append((line, d))
    return rows


def score_files(index_path, agencies_path, inputs_path, inputs_name=None):
    import os
    with open(index_path, encoding='utf-8') as fh:
        index = parse_yaml(fh.read())
    with open(agencies_path, encoding='utf-8', newline='') as fh:
        agencies = read_agencies(fh.read())
    with open(inputs_path, encoding='utf-8', newline='') as fh:
        rows = read_inputs(fh.read())
    return score(index, agencies, rows, inputs_name or os.path.basename(inputs_path))


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--index', required=True)
    ap.add_argument('--agencies', required=True)
    ap.add_argument('--inputs', required=True)
    a = ap.parse_args(argv)
    res = score_files(a.index, a.agencies, a.inputs, a.inputs)
    if not res.ok:
        for line, msg in res.errors:
            if line is None:
                sys.stderr.write(msg + '\n')
            else:
                sys.stderr.write('%s:%d: %s\n' % (a.inputs, line, msg))
        return 1
    for w in res.warnings:
        sys.stderr.write(w + '\n')
    sys.stdout.write(res.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
