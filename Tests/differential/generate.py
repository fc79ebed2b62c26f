#!/usr/bin/env python3
"""Seeded random case generator for the ChiSo differential test.

generate_case(seed) -> Case with
  .files            {'index.yaml': bytes, 'agencies.csv': bytes, 'inputs.csv': bytes}
  .valid            True  -> .expected_stdout is what `chiso score` must print
                    False -> .expected_lines is the set of inputs.csv lines that
                             must be reported (`inputs.csv:LINE:`)
  .kinds            the invalid-input kinds injected (for the report)
  .features         short tags describing what the case exercises

  .class_info       valid cases: {agency: (class_by_score, [(class, condition code)])}
                    from the reference (what `--format json` must carry)

Everything is derived from the seed (random.Random(seed)); the index is kept
as a Python structure and written to YAML by dump_yaml() below (no PyYAML).
Every case is cross-checked against reference.py: the YAML written must read
back to the same structure, the CSV written must read back to the same rows,
and for invalid cases the reference must find exactly the injected lines.

Class conditions and sources (spec 1 `requires`, 3.5, 4): in about 40% of
the indexes with two classes or more, some classes other than the last get
`requires:` -- `{code, minShare}` on random groups/leaves (P such as 100, 50,
87.5, "66,5") and `{code, maxPoints}` on random bonus/deduction items (P such
as 0, 0.5, 1) -- so that agencies often reach a class's min but fail a
condition and fall to a lower class.  Leaves sometimes get `source:
submission.late`, and bonus/deduction items sometimes get a `source:` (any
source name; a sourced item often has no input row: it scores 0, no warning).
Broken indexes include the `requires` validation rules (INDEX_KINDS
`index-requires-*`); for those the message must name the class and, where
the condition has one, the condition's code.  These draws come from a second
random stream (random.Random('conditions-SEED')), so with CONDITIONS = False
(`--no-conditions`) a seed gives exactly the case it gave before they existed.

Command line:  generate.py --seed S [--out DIR] [--no-conditions]
"""
import os
import random
import re
import sys
import unicodedata
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

F = Fraction

# ------------------------------------------------------------ numbers

def decimals_of(x):
    d = 0
    while (x * 10 ** d).denominator != 1:
        d += 1
        if d > 12:
            raise ValueError('not a finite decimal: %r' % x)
    return d


def fmt_num(x, rng=None, comma_ok=False, pad_ok=True, min_dec=0):
    """Write a finite-decimal Fraction as spec 3.1 text ('.' or ',')."""
    x = F(x)
    d = max(decimals_of(x), min_dec)
    if rng is not None and pad_ok and rng.random() < 0.15:
        d += 1                                # trailing zero: 17.0, 0.50
    neg = x < 0
    n = abs(x) * 10 ** d
    assert n.denominator == 1
    n = n.numerator
    s = str(n // 10 ** d) if d == 0 else '%d.%0*d' % (n // 10 ** d, d, n % 10 ** d)
    if comma_ok and rng is not None and '.' in s and rng.random() < 0.3:
        s = s.replace('.', ',')
    return ('-' + s) if neg else s


def partition(rng, total, k, grains=(F(1), F(1, 2), F(1, 4), F(1, 10), F(1, 20), F(1, 100))):
    """Split `total` into k positive parts that are multiples of a grain."""
    cands = [g for g in grains if (total / g).denominator == 1 and total / g >= k]
    if not cands:
        g = F(1, 1000)
        while total / g < k or (total / g).denominator != 1:
            g /= 10
        cands = [g]
    g = rng.choice(cands)
    units = int(total / g)
    cuts = sorted(rng.sample(range(1, units), k - 1)) if k > 1 else []
    bounds = [0] + cuts + [units]
    return [g * (bounds[i + 1] - bounds[i]) for i in range(k)]


# ------------------------------------------------------------ YAML writer

YAML_PLAIN_KEYS = {'scale', 'bonusCap', 'deductionCap', 'min', 'max', 'points', 'step',
                   'target', 'per', 'cap', 'allowNA', 'type', 'naPolicy', 'evidence', 'id',
                   'source', 'minShare', 'maxPoints'}


def yq(s, rng):
    """Quote a string for YAML (double or single quotes)."""
    if '\n' in s or '\\' in s or rng.random() < 0.6:
        out = []
        for c in s:
            if c == '"':
                out.append('\\"')
            elif c == '\\':
                out.append('\\\\')
            elif c == '\n':
                out.append('\\n')
            else:
                out.append(c)
        return '"' + ''.join(out) + '"'
    return "'" + s.replace("'", "''") + "'"


class YamlWriter:
    def __init__(self, rng):
        self.rng = rng
        self.seq_indent = rng.random() < 0.5     # "key:\n  - x" vs "key:\n- x"
        self.flow_prob = rng.choice([0.0, 0.3, 0.7])

    def scalar(self, key, v, flow=False):
        if isinstance(v, bool):
            return 'true' if v else 'false'
        if key in YAML_PLAIN_KEYS:
            return v
        if key == 'notApplicableFor#item':
            return v
        if key == 'code' and getattr(self, '_plain_code', False):
            return v
        return yq(v, self.rng) if not flow else yq(v, self.rng)

    def can_flow(self, v):
        if isinstance(v, dict):
            return all(self.can_flow(x) for x in v.values())
        if isinstance(v, list):
            return all(self.can_flow(x) for x in v)
        return isinstance(v, bool) or ',' not in v and '\n' not in v

    def flow(self, key, v):
        if isinstance(v, dict):
            return '{' + ', '.join('%s: %s' % (k, self.flow(k, x)) for k, x in v.items()) + '}'
        if isinstance(v, list):
            item_key = key + '#item' if key == 'notApplicableFor' else key
            return '[' + ', '.join(self.flow(item_key, x) for x in v) + ']'
        if key == 'code' and self._plainable_code(v):
            return v
        return self.scalar(key, v, flow=True)

    @staticmethod
    def _plainable_code(v):
        return v in ('XS', 'T', 'K', 'TB', 'Y') or (v.isupper() and v.isalpha() and v not in (
            'Y', 'N', 'YES', 'NO', 'ON', 'OFF', 'TRUE', 'FALSE', 'NULL'))

    def block(self, d, ind, lines):
        pad = ' ' * ind
        for k, v in d.items():
            if isinstance(v, dict):
                if self.can_flow(v) and self.rng.random() < self.flow_prob:
                    lines.append('%s%s: %s' % (pad, k, self.flow(k, v)))
                else:
                    lines.append('%s%s:' % (pad, k))
                    self.block(v, ind + 2, lines)
            elif isinstance(v, list):
                if not v:
                    lines.append('%s%s: []' % (pad, k))
                    continue
                if self.can_flow(v) and self.rng.random() < self.flow_prob * (
                        1.0 if k in ('notApplicableFor', 'tiers', 'levels', 'classes') else 0.0):
                    lines.append('%s%s: %s' % (pad, k, self.flow(k, v)))
                    continue
                lines.append('%s%s:' % (pad, k))
                sind = ind + 2 if self.seq_indent else ind
                for item in v:
                    if isinstance(item, dict):
                        if self.can_flow(item) and self.rng.random() < self.flow_prob * 0.5 and 'children' not in item:
                            lines.append('%s- %s' % (' ' * sind, self.flow(k, item)))
                        else:
                            sub = []
                            self.block(item, sind + 2, sub)
                            sub[0] = ' ' * sind + '- ' + sub[0][sind + 2:]
                            lines.extend(sub)
                    else:
                        ik = k + '#item' if k == 'notApplicableFor' else k
                        lines.append('%s- %s' % (' ' * sind, self.scalar(ik, item)))
            else:
                if k == 'code' and self._plainable_code(v) and self.rng.random() < 0.5:
                    lines.append('%s%s: %s' % (pad, k, v))
                else:
                    lines.append('%s%s: %s' % (pad, k, self.scalar(k, v)))


def dump_yaml(index, rng):
    lines = []
    if rng.random() < 0.2:
        lines.append('# generated by Tests/differential/generate.py')
    YamlWriter(rng).block(index, 0, lines)
    return '\n'.join(lines) + '\n'


# ------------------------------------------------------------ index

# Probability that index.yaml starts with a UTF-8 BOM (valid YAML; run.py --no-index-bom sets 0).
INDEX_BOM_PROB = 0.03

# Class conditions (`requires`), `source` on bonus/deduction items and the
# `submission.late` source (spec 1, 3.5, 4).  run.py / generate.py
# --no-conditions set False: the cases are then those of the generator
# before these features (same seed, same bytes).
CONDITIONS = True
# Share of indexes with >= 2 classes that get class conditions (1 in 5
# indexes has a single class, so about 40% of all cases).
REQUIRES_PROB = 0.5
ALL_SOURCES = ['tasks.onTimeRate', 'tasks.doneLate', 'tasks.overdue', 'survey', 'leaders',
               'submission.late']

TAG_POOL = ['khong-tthc', 'dvsn', 'bien-gioi', 'xa-dac-biet', 'moi']
RULE_TYPES = ['manual', 'yesno', 'tiers', 'ratio', 'count', 'deduct', 'percent', 'levels']
SOURCES = {'ratio': ['tasks.onTimeRate', 'survey'], 'percent': ['survey', 'tasks.onTimeRate'],
           'count': ['tasks.doneLate'], 'deduct': ['tasks.overdue', 'tasks.doneLate'],
           'levels': ['leaders']}
ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']
TITLE_BITS = ['Kết quả thực hiện nhiệm vụ', 'Cải cách hành chính', 'Công khai thủ tục',
              'Tỷ lệ hồ sơ đúng hạn', 'Chỉ đạo, điều hành', 'Mức độ hài lòng "người dân"',
              'Ứng dụng CNTT: dịch vụ công', 'Kỷ luật, kỷ cương #1', "Tổ chức bộ máy'",
              'Thanh tra — khiếu nại']


class IndexGen:
    def __init__(self, rng, xrng=None):
        self.rng = rng
        self.xrng = xrng          # second stream: class conditions and the new sources
        self.features = set()

    def num(self, x, comma=True):
        return fmt_num(x, self.rng, comma_ok=comma and self.comma)

    def title(self, code):
        return '%s %s' % (self.rng.choice(TITLE_BITS), code)

    def leaf(self, code, mx):
        rng = self.rng
        t = rng.choice(RULE_TYPES)
        rule = {'type': t}
        if t == 'manual':
            step = rng.choice([None, None, F(1, 4), F(1, 2), F(1), F(1, 10), F(1, 20)])
            if step is not None:
                rule['step'] = self.num(step)
        elif t == 'tiers':
            k = rng.randint(1, 4)
            mins = sorted(rng.sample([F(100), F(98), F(95), F(90), F(85), F(80), F(159, 2),
                                      F(70), F(50), F(25), F(0), F(1999, 20)], k), reverse=True)
            tiers = []
            for i, m in enumerate(mins):
                if i == 0 and rng.random() < 0.7:
                    p = mx
                else:
                    p = ref.r2(mx * F(rng.randint(0, 100), 100))
                    p = F(int(p * 100), 100)
                    p = min(p, mx)
                tiers.append({'min': self.num(m), 'points': self.num(p)})
            rule['tiers'] = tiers
        elif t == 'ratio':
            tg = rng.choice([None, F(100), F(80), F(50), F(90), F(191, 2)])
            if tg is not None:
                rule['target'] = self.num(tg)
        elif t in ('count', 'deduct'):
            per = rng.choice([F(1), F(1, 2), F(1, 4), F(2), F(1, 8), F(33333, 100000), F(3, 10)])
            rule['per'] = self.num(per)
            if t == 'count' and rng.random() < 0.5:
                cap = rng.choice([mx / 2, mx * F(3, 4), mx, mx + 1, F(1)])
                cap = F(int(cap * 100), 100) or F(1, 100)
                rule['cap'] = self.num(cap)
                self.features.add('count-cap')
        elif t == 'levels':
            codes = rng.choice([['A', 'B', 'C', 'D'], ['A', 'B', 'C'], ['Tốt', 'Khá', 'Đạt', 'Không đạt'],
                                ['HT', 'KHT'], ['XS', 'T', 'K', 'TB', 'Y'], ['1', '2', '3']])
            lv = []
            for i, c in enumerate(codes):
                if i == 0:
                    p = mx
                elif i == len(codes) - 1 and rng.random() < 0.6:
                    p = F(0)
                else:
                    p = F(int(mx * F(rng.randint(0, 100), 100) * 100), 100)
                lv.append({'code': c, 'points': self.num(p)})
            rng.shuffle(lv) if rng.random() < 0.2 else None
            rule['levels'] = lv
        self.features.add('rule-' + t)
        node = {'code': code, 'title': self.title(code), 'max': self.num(mx), 'rule': rule}
        if rng.random() < 0.2:
            node['evidence'] = 'required'
            self.features.add('evidence-required')
        elif rng.random() < 0.1:
            node['evidence'] = 'optional'
        if rng.random() < 0.22:
            node['allowNA'] = 'true'
            self.features.add('allowNA')
        elif rng.random() < 0.05:
            node['allowNA'] = 'false'
        if rng.random() < 0.12:
            node['notApplicableFor'] = rng.sample(TAG_POOL, rng.randint(1, 2))
            self.features.add('na-tags-leaf')
        if t in SOURCES and rng.random() < 0.15:
            node['source'] = rng.choice(SOURCES[t])
            self.features.add('source')
        if CONDITIONS and t in ('count', 'deduct', 'yesno') and self.xrng.random() < 0.1:
            node['source'] = 'submission.late'      # 1 when the submission was late, else 0
            self.features.update(['source', 'source-submission.late'])
        if rng.random() < 0.08:
            node['guidance'] = 'Hướng dẫn: chấm theo "văn bản",\nđối chiếu hồ sơ.'
        if rng.random() < 0.05:
            node['appraiser'] = rng.choice(['STP', 'SNV', 'STTTT'])
        return self.shuffle_keys(node)

    def shuffle_keys(self, d):
        if self.rng.random() < 0.1:
            items = list(d.items())
            self.rng.shuffle(items)
            return dict(items)
        return d

    def group(self, code, mx, depth, child_prefix):
        rng = self.rng
        k = rng.choice([1, 2, 2, 3, 3, 4])
        total = mx
        if rng.random() < 0.25:
            total = mx + rng.choice([F(1, 2), F(1), F(2), F(5, 4), mx])
            self.features.add('group-cap')
        parts = partition(rng, total, k)
        children = []
        for i, p in enumerate(parts):
            ccode = '%s.%d' % (child_prefix, i + 1)
            if depth < 3 and rng.random() < 0.3:
                children.append(self.group(ccode, p, depth + 1, ccode))
                self.features.add('depth-%d' % (depth + 1))
            else:
                children.append(self.leaf(ccode, p))
        if rng.random() < 0.15:
            for ch in children:
                if 'rule' in ch:
                    ch['allowNA'] = 'true'
            self.features.add('group-all-allowNA')
        node = {'code': code, 'title': self.title(code), 'max': self.num(mx), 'children': children}
        if rng.random() < 0.15:
            node['notApplicableFor'] = rng.sample(TAG_POOL, rng.randint(1, 2))
            self.features.add('na-tags-group')
        if rng.random() < 0.05:
            node['guidance'] = 'Nhóm tiêu chí'
        return self.shuffle_keys(node)

    def items(self, prefix, n):
        rng = self.rng
        out = []
        for i in range(n):
            code = '%s%d' % (prefix, i + 1)
            if rng.random() < 0.6:
                rule = {'type': 'count', 'per': self.num(rng.choice([F(1), F(2), F(1, 2), F(1, 4), F(1, 8), F(3)]))}
                if rng.random() < 0.4:
                    rule['cap'] = self.num(rng.choice([F(1), F(2), F(5, 2), F(3)]))
            else:
                rule = {'type': 'manual', 'max': self.num(rng.choice([F(1), F(2), F(5, 2), F(5), F(3, 4)]))}
                st = rng.choice([None, F(1, 2), F(1, 4), F(1)])
                if st is not None:
                    rule['step'] = self.num(st)
            item = {'code': code, 'title': 'Mục %s' % code, 'rule': rule}
            if CONDITIONS and self.xrng.random() < 0.3:
                x = self.xrng
                src = x.choice(['submission.late'] * 4 + ALL_SOURCES)
                if x.random() < 0.5:
                    item['source'] = src
                else:
                    item = {'code': code, 'title': item['title'], 'source': src, 'rule': rule}
                self.features.add('item-source')
                if src == 'submission.late':
                    self.features.add('source-submission.late')
            out.append(item)
        return out

    def add_requires(self, index, scored=None):
        """Class conditions on some classes other than the last (spec 1, 3.5).
        `scored`: the reference's rows for this index and the inputs (no
        conditions yet; conditions change no score).  They are used to aim
        conditions at classes agencies reach (lowering the lowest class min
        above the last to an agency's exact final when nobody reaches it),
        to pick conditions the aimed-at agency fails, and to put P now and
        then exactly at (or just past) that agency's share or item points."""
        x = self.xrng
        classes = index['classes']
        if len(classes) < 2 or x.random() >= REQUIRES_PROB:
            return
        tree = [n for n, _ in walk_dicts(index['criteria'])]
        leaves = [n for n in tree if 'rule' in n]
        items = list(index.get('bonus') or []) + list(index.get('deductions') or [])
        upper = list(range(len(classes) - 1))
        scored = scored or []

        def class_of(final):
            for ci, c in enumerate(classes):
                if ref.num(c['min']) <= final:
                    return ci
            return None
        if scored and all(class_of(r['final']) == upper[-1] + 1 for r in scored) and x.random() < 0.8:
            # nobody above the last class: the lowest class above it gets
            # an agency's final as its min (min == final: the class is reached)
            ceiling = ref.num(classes[-3]['min']) if len(classes) >= 3 else None
            fs = sorted(set(r['final'] for r in scored
                            if r['final'] > 0 and (ceiling is None or r['final'] < ceiling)))
            if fs:
                f = x.choice(fs[len(fs) // 2:])
                classes[upper[-1]]['min'] = fmt_num(f, x, comma_ok=self.comma)
                self.features.add('class-min-at-final')
        reached = {}                  # class index -> rows whose class by score it is
        for r in scored:
            reached.setdefault(class_of(r['final']), []).append(r)
        chosen = set(x.sample(upper, x.randint(1, len(upper))))
        hit = [ci for ci in upper if ci in reached]
        if hit and x.random() < 0.85:
            chosen.add(x.choice(hit))
        elif x.random() < 0.6:
            chosen.add(upper[-1])     # the lowest class above the last: reached most often
        chosen = sorted(chosen)

        def exact(p):
            try:
                return decimals_of(p) <= 4
            except ValueError:
                return False

        def share_of(fig):
            return fig[0] * 100 / fig[1]

        for ci in chosen:
            conds, used = [], set()
            pool = reached.get(ci) or scored
            target = x.choice(pool) if pool else None
            for _ in range(x.choice([1, 1, 2, 2, 3])):
                how = x.random() if target is not None else 0.0
                how = 'random' if how < 0.35 else 'fail' if how < 0.7 else 'edge'
                if items and x.random() < 0.4:
                    key = 'maxPoints'
                    p = x.choice([F(0), F(0), F(0), F(1, 2), F(1), F(2)])
                    cands = [i for i in items if target and target['item_pts'].get(i['code'], 0) > 0]
                    if how != 'random' and cands:
                        it = x.choice(cands)
                        own = target['item_pts'][it['code']]
                        if how == 'fail':
                            p = x.choice([F(0), own - min(own, x.choice([F(1, 10000), F(1, 2)]))])
                            self.features.add('requires-aimed')
                        else:
                            p = own                         # holds: points == P
                            self.features.add('requires-edge')
                    else:
                        it = x.choice(items)
                    code = it['code']
                    self.features.add('requires-maxPoints')
                else:
                    key = 'minShare'
                    p = x.choice([F(100), F(100), F(100), F(50), F(175, 2), F(133, 2), F(90),
                                  F(25), F(1, 100)])
                    cands = [n for n in tree if target and n['code'] in target['node_figs']]
                    if how == 'fail':
                        cands = [n for n in cands if share_of(target['node_figs'][n['code']]) < 100]
                    if how != 'random' and cands:
                        n = x.choice(cands)
                        share = share_of(target['node_figs'][n['code']])
                        if how == 'fail':
                            q = x.choice([F(100), share + F(1, 100), share + F(1, 10000)] +
                                         [v for v in (F(50), F(175, 2), F(133, 2), F(90)) if v > share])
                            self.features.add('requires-aimed')
                        else:
                            q = share                       # holds: points x 100 == P x max
                            self.features.add('requires-edge')
                        if 0 < q <= 100 and exact(q):
                            p = q
                    else:
                        n = x.choice(leaves if x.random() < 0.6 else tree)
                    code = n['code']
                    self.features.add('requires-minShare-' + ('leaf' if 'rule' in n else 'group'))
                if code in used:
                    continue
                used.add(code)
                val = fmt_num(p, x, comma_ok=True)
                conds.append({key: val, 'code': code} if x.random() < 0.15 else {'code': code, key: val})
            c = classes[ci]
            if x.random() < 0.2 and 'min' in c:     # `requires` before `min` now and then
                items_ = list(c.items())
                pos = [k for k, _ in items_].index('min')
                classes[ci] = dict(items_[:pos] + [('requires', conds)] + items_[pos:])
            else:
                c['requires'] = conds
        self.features.add('requires')

    def build(self):
        rng = self.rng
        self.comma = rng.random() < 0.3
        if self.comma:
            self.features.add('index-decimal-comma')
        scale = rng.choice([F(100)] * 6 + [F(10), F(50), F(1000), F(201, 2)])
        ntop = rng.randint(1, 5)
        if rng.random() < 0.06:        # maxes with 5 decimals: leaf points and normalized get rounded
            tops = partition(rng, scale, ntop, grains=(F(1, 100000),))
            self.features.add('five-decimal-max')
        else:
            tops = partition(rng, scale, ntop)
        crit = []
        for i, mx in enumerate(tops):
            code = ROMAN[i]
            if rng.random() < 0.12:
                crit.append(self.leaf(code, mx))
                self.features.add('top-level-leaf')
            else:
                crit.append(self.group(code, mx, 1, str(i + 1)))
        if rng.random() < 0.1:
            for c in crit:
                c.setdefault('notApplicableFor', [])
                if 'ngoai' not in c['notApplicableFor']:
                    c['notApplicableFor'].append('ngoai')
            self.features.add('all-top-na')
        index = {'id': 'case-%d' % rng.randint(0, 99999),
                 'title': 'Bộ chỉ số thử nghiệm: "ngẫu nhiên"'}
        index['scale'] = self.num(scale)
        pol = rng.choice(['rescale', 'none', None])
        if pol:
            index['naPolicy'] = pol
        self.features.add('naPolicy-%s' % (pol or 'default'))
        for capk in ('bonusCap', 'deductionCap'):
            r = rng.random()
            if r < 0.35:
                continue
            v = F(0) if r < 0.45 else rng.choice([F(1), F(2), F(5, 2), F(5), F(10)])
            index[capk] = self.num(v)
            self.features.add(capk + ('-0' if v == 0 else ''))
        mins = rng.choice([[F(90), F(80), F(70), F(50), F(0)], [F(159, 2), F(50), F(0)],
                           [F(95), F(85), F(65), F(0)], [F(0)], [F(60), F(0)]])
        codes = ['XS', 'T', 'K', 'TB', 'Y'] if len(mins) == 5 else ['C%d' % i for i in range(len(mins))]
        if rng.random() < 0.1:
            codes = list(codes)
            codes[-1] = 'Loại "D", yếu'
            self.features.add('class-code-needs-quoting')
        titles = ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu']
        classes = []
        for i, m in enumerate(mins):
            c = {'code': codes[i], 'title': titles[i % 5], 'min': self.num(m * scale / 100)}
            if rng.random() < 0.3:
                c['leaderRating'] = rng.choice(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'])
            classes.append(c)
        index['classes'] = classes
        index['criteria'] = crit
        nb, nd = rng.choice([0, 1, 2, 3]), rng.choice([0, 1, 2, 3])
        if nb or rng.random() < 0.5:
            index['bonus'] = self.items('B', nb)
        if nd or rng.random() < 0.5:
            index['deductions'] = self.items('D', nd)
        return index


# ------------------------------------------------------------ agencies

NAMES = ['Sở Nội vụ', 'Sở Văn hóa, Thể thao và Du lịch', 'Ban Quản lý "Khu kinh tế"',
         'UBND xã An Lạc', 'Sở Tư pháp', 'Văn phòng UBND tỉnh', 'Sở Y tế, "cơ sở" 2',
         'UBND phường Đông Hòa', 'Thanh tra tỉnh']
GROUPS = ['so', 'xa', 'ban', 'huyện', 'so-nganh', 'Khối "A", B']
ODD_CODES = ['so-a', 'SO-B', 'Đ01', 'Z01', 'SO10', 'SO9', 'a1', 'ÀB', 'Ơ2', 'SO-b', 'ZZ', 'so_b',
             'SO,1', 'Q"1']


def gen_agencies(rng, features):
    n = rng.randint(2, 14)
    groups = rng.sample(GROUPS, rng.randint(1, 3))
    codes = set()
    ags = []
    for i in range(n):
        g = rng.choice(groups)
        if rng.random() < 0.25:
            c = rng.choice(ODD_CODES)
        else:
            c = '%s%03d' % (g[:2].upper().replace('Ệ', 'E'), i)
        if c in codes:
            c = '%s%03d' % (g[:2].upper(), i + 500)
        if c in codes:
            continue
        codes.add(c)
        tags = [t for t in TAG_POOL + ['ngoai', 'khac'] if rng.random() < 0.15]
        name = rng.choice(NAMES)
        if rng.random() < 0.5:
            name = '%s %d' % (name, i)
        ags.append({'code': c, 'name': name, 'group': g, 'tags': ';'.join(tags)})
    # twins: same group and tags, will get identical inputs (ties)
    twins = {}
    if len(ags) >= 2 and rng.random() < 0.6:
        for _ in range(rng.randint(1, 3)):
            a, b = rng.sample(ags, 2)
            if a['code'] in twins or b['code'] in twins or any(v == b['code'] for v in twins.values()):
                continue
            b['group'] = a['group']
            b['tags'] = a['tags']
            twins[b['code']] = a['code']
            features.add('ties')
    if rng.random() < 0.04:
        ags[0]['name'] = 'Sở Xây dựng\n(cũ)'
        features.add('name-newline')
    return ags, twins


# ------------------------------------------------------------ inputs

YES_WORDS = ['1', 'yes', 'có', 'true', 'đạt']
NO_WORDS = ['0', 'no', 'không', 'false', 'không đạt']


def vary_case(rng, w):
    r = rng.random()
    if r < 0.4:
        s = w
    elif r < 0.6:
        s = w.upper()
    elif r < 0.8:
        s = w.capitalize()
    else:
        s = ''.join(c.upper() if rng.random() < 0.5 else c for c in w)
    if rng.random() < 0.15:
        s = unicodedata.normalize('NFD', s)
    return s


def valid_value(rng, node_or_item, is_item=False):
    """A valid (non-NA) input text for a leaf or bonus/deduction item."""
    rule = node_or_item['rule']
    t = rule['type']
    mx = ref.num(rule['max']) if is_item and 'max' in rule else (
        ref.num(node_or_item['max']) if 'max' in node_or_item else None)
    def fnum(x):
        return fmt_num(x, rng, comma_ok=True)
    if t == 'manual':
        step = ref.num(rule['step']) if 'step' in rule else F(1, 100)
        K = int(mx / step)
        k = rng.choice([0, K, rng.randint(0, K)])
        return fnum(k * step)
    if t == 'yesno':
        return vary_case(rng, rng.choice(YES_WORDS + NO_WORDS))
    if t == 'tiers':
        mins = [ref.num(x['min']) for x in rule['tiers']]
        m = rng.choice(mins)
        c = rng.choice([m, m, m - F(1, 100), m + F(1, 2), F(0), F(120),
                        F(rng.randint(0, 11000), 100)])
        return fnum(max(c, F(0)))
    if t == 'ratio':
        tg = ref.num(rule['target']) if 'target' in rule else F(100)
        if rng.random() < 0.4:
            b = rng.randint(1, 40)
            return '%d/%d' % (rng.randint(0, b + b // 4), b)
        c = rng.choice([tg, tg * F(6, 5), F(0), F(rng.randint(0, 15000), 100), F(999, 10),
                        F(rng.randint(0, 10 ** 9), 10 ** 7)])
        return fnum(c)
    if t in ('count', 'deduct'):
        per = ref.num(rule['per'])
        cands = [0, 1, 2, rng.randint(0, 12), rng.choice([0, 40, 100, 12345])]
        if mx is not None:
            cands.append(int(mx / per))
            cands.append(int(mx / per) + 1)
        if 'cap' in rule:
            cands.append(int(ref.num(rule['cap']) / per))
        n = max(0, rng.choice(cands))
        r = rng.random()
        if r < 0.08:
            return '%d.0' % n
        if r < 0.12:
            return '%d,0' % n
        return str(n)
    if t == 'percent':
        return fnum(rng.choice([F(0), F(100), F(rng.randint(0, 10000), 100), F(rng.randint(0, 100000), 1000),
                                F(rng.randint(0, 10 ** 9), 10 ** 7)]))
    if t == 'levels':
        return rng.choice(rule['levels'])['code']
    raise ValueError(t)


def na_word(rng):
    return rng.choice(['NA', 'NA', 'na', 'Na', 'nA'])


class Row:
    __slots__ = ('agency', 'criterion', 'value', 'evidence', 'err', 'protected', 'kind')

    def __init__(self, agency, criterion, value, evidence, err=False, kind=None):
        self.agency, self.criterion, self.value, self.evidence = agency, criterion, value, evidence
        self.err, self.protected, self.kind = err, False, kind


def walk_dicts(nodes, inherited=frozenset()):
    for n in nodes:
        na = inherited | frozenset(n.get('notApplicableFor') or [])
        yield n, na
        if 'children' in n:
            yield from walk_dicts(n['children'], na)


def gen_rows(rng, index, ags, twins, features, evidence_col, xrng=None):
    leaves = [(n, na) for n, na in walk_dicts(index['criteria']) if 'rule' in n]
    items = list(index.get('bonus') or []) + list(index.get('deductions') or [])
    by_agency = {}
    for a in ags:
        if a['code'] in twins:
            continue
        tags = set(t for t in a['tags'].split(';') if t)
        rows = []
        empty_agency = rng.random() < 0.05
        p_missing = rng.choice([0.0, 0.05, 0.15])
        p_na = 0.9 if rng.random() < 0.15 else 0.35
        for n, natags in leaves:
            if empty_agency:
                break
            r = rng.random()
            if r < p_missing:
                features.add('missing-row')
                continue
            ev = rng.choice(['0', '1', '2', '3', '', '0', '1', '2.0', '1,0', '0.0']) if evidence_col else None
            if r < p_missing + 0.03:
                rows.append(Row(a['code'], n['code'], '', ev))
                features.add('empty-value')
                continue
            na_tags = bool(natags & tags)
            allow = ref.truthy(n.get('allowNA', False))
            if na_tags and rng.random() < 0.5:
                v = na_word(rng)
                features.add('NA-by-tags-input')
            elif allow and rng.random() < p_na:
                v = na_word(rng)
                features.add('NA-allowNA-input')
            else:
                v = valid_value(rng, n)
            rows.append(Row(a['code'], n['code'], v, ev))
        for it in items:
            if empty_agency or rng.random() < 0.4:
                continue
            ev = rng.choice(['0', '']) if evidence_col else None
            v = '' if rng.random() < 0.05 else valid_value(rng, it, is_item=True)
            if 'source' in it and xrng is not None and xrng.random() < 0.5:
                features.add('item-source-no-input')   # offline: no source, 0, no warning
                continue
            rows.append(Row(a['code'], it['code'], v, ev))
        by_agency[a['code']] = rows
    for b, a in twins.items():
        by_agency[b] = [Row(b, r.criterion, r.value, r.evidence) for r in by_agency[a]]
    order = [a['code'] for a in ags]
    all_rows = [r for c in order for r in by_agency[c]]
    if rng.random() < 0.3:
        rng.shuffle(all_rows)
        features.add('shuffled-rows')
    return all_rows


# ------------------------------------------------------------ invalid inputs

INVALID_KINDS = ['unknown-agency', 'unknown-criterion', 'group-row', 'duplicate', 'tiers-text',
                 'negative-count', 'nonwhole-count', 'manual-above-max', 'manual-off-step',
                 'unknown-level', 'na-not-allowed', 'percent-out', 'bad-evidence',
                 'yesno-bad', 'ratio-bad', 'number-syntax', 'multiline-value',
                 'item-bad']


def inject(rng, kind, index, ags, rows, evidence_col):
    """Inject one error of `kind`; return True when done, False if not feasible."""
    tree = list(walk_dicts(index['criteria']))
    leaves = [(n, na) for n, na in tree if 'rule' in n]
    groups = [n for n, _ in tree if 'children' in n]
    items = list(index.get('bonus') or []) + list(index.get('deductions') or [])
    all_codes = set(n['code'] for n, _ in tree) | set(i['code'] for i in items)
    ag_codes = [a['code'] for a in ags]
    tags_of = {a['code']: set(t for t in a['tags'].split(';') if t) for a in ags}

    def ev():
        return rng.choice(['0', '1', '']) if evidence_col else None

    def insert(row):
        row.err = True
        row.kind = kind
        rows.insert(rng.randint(0, len(rows)), row)
        return True

    def set_value(agency, code, value):
        """Put `value` on the (agency, code) row, creating it when absent."""
        for r in rows:
            if r.agency == agency and r.criterion == code:
                if r.err or r.protected:
                    return False
                r.value, r.err, r.kind = value, True, kind
                return True
        return insert(Row(agency, code, value, ev()))

    def leaves_of(types):
        return [(n, na) for n, na in leaves if n['rule']['type'] in types]

    if kind == 'unknown-agency':
        fake = rng.choice(['SO-KHONG-CO', 'XA999', 'so000', 'ZZZ-1'] + [c.lower() for c in ag_codes])
        if fake in ag_codes:
            return False
        n, _ = rng.choice(leaves)
        return insert(Row(fake, n['code'], valid_value(rng, n), ev()))
    if kind == 'unknown-criterion':
        fake = rng.choice(['9.9.9', 'i', 'ii', '1.1.', 'B99', 'X', 'Iv', '1,1'])
        if fake in all_codes:
            return False
        return insert(Row(rng.choice(ag_codes), fake, rng.choice(['1', '50', 'có']), ev()))
    if kind == 'group-row':
        if not groups:
            return False
        g = rng.choice(groups)
        return insert(Row(rng.choice(ag_codes), g['code'], rng.choice(['1', '', '50', 'NA']), ev()))
    if kind == 'duplicate':
        cands = [i for i, r in enumerate(rows) if not r.err and r.agency in ag_codes]
        if not cands:
            return False
        j = rng.choice(cands)
        orig = rows[j]
        orig.protected = True
        dup = Row(orig.agency, orig.criterion, orig.value, orig.evidence, err=True, kind=kind)
        dup.protected = True
        rows.insert(rng.randint(j + 1, len(rows)), dup)
        return True
    a = rng.choice(ag_codes)
    if kind == 'tiers-text':
        c = leaves_of(['tiers'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['khoảng 90', 'abc', '90%', 'Đạt', 'n/a', 'chín mươi']))
    if kind in ('negative-count', 'nonwhole-count'):
        c = [n for n, _ in leaves_of(['count', 'deduct'])] + [i for i in items if i['rule']['type'] == 'count']
        if not c:
            return False
        n = rng.choice(c)
        v = rng.choice(['-1', '-3', '-0,5']) if kind == 'negative-count' else rng.choice(['1.5', '2,5', '0.1', '3.25'])
        return set_value(a, n['code'], v)
    if kind in ('manual-above-max', 'manual-off-step'):
        c = [(n, ref.num(n['max'])) for n, _ in leaves_of(['manual'])] + \
            [(i, ref.num(i['rule']['max'])) for i in items if i['rule']['type'] == 'manual']
        if not c:
            return False
        n, mx = rng.choice(c)
        step = ref.num(n['rule']['step']) if 'step' in n['rule'] else F(1, 100)
        if kind == 'manual-above-max':
            v = (int(mx / step) + 1) * step
        else:
            k = rng.randint(0, max(0, int(mx / step) - 1))
            v = k * step + step / rng.choice([2, 4, 10])
        return set_value(a, n['code'], fmt_num(v, rng, comma_ok=True))
    if kind == 'unknown-level':
        c = leaves_of(['levels'])
        if not c:
            return False
        n, _ = rng.choice(c)
        codes = [lv['code'] for lv in n['rule']['levels']]
        cands = ['Z', 'E', 'Xuất sắc', '4'] + [x.lower() for x in codes] + [x.upper() for x in codes]
        cands = [x for x in cands if x not in codes and x.upper() != 'NA']
        return set_value(a, n['code'], rng.choice(cands))
    if kind == 'na-not-allowed':
        c = [n for n, na in leaves if not ref.truthy(n.get('allowNA', False)) and not (na & tags_of[a])]
        c += items
        if not c:
            return False
        return set_value(a, rng.choice(c)['code'], na_word(rng))
    if kind == 'percent-out':
        c = leaves_of(['percent'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['100.01', '101', '-1', '-0,5', '150', '100,001']))
    if kind == 'bad-evidence':
        if not evidence_col:
            return False
        cands = [r for r in rows if not r.err and not r.protected and r.agency in ag_codes]
        if not cands:
            return False
        r = rng.choice(cands)
        r.evidence, r.err, r.kind = rng.choice(['-1', 'x', '1.5', 'hai', '1,5', '0,25', '1e1']), True, kind
        return True
    if kind == 'yesno-bad':
        c = leaves_of(['yesno'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['có lẽ', '2', 'y', 'ok', 'không có', 'đúng', '1.0']))
    if kind == 'ratio-bad':
        c = leaves_of(['ratio'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['3/0', '-5', '1/-2', 'abc', '50%', '-1/2', '0/0']))
    if kind == 'number-syntax':
        c = leaves_of(['percent', 'tiers', 'manual', 'count', 'deduct'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['1e2', '+5', '.5', '5.', '1 000', '5..0', '0x10', '１０']))
    if kind == 'multiline-value':
        c = leaves_of(['percent', 'tiers', 'count', 'deduct', 'ratio'])
        if not c:
            return False
        n, _ = rng.choice(c)
        return set_value(a, n['code'], rng.choice(['9\n0', '1\n2', 'khoảng\n90']))
    if kind == 'item-bad':
        if not items:
            return False
        it = rng.choice(items)
        v = rng.choice(['-1', 'abc', 'NA']) if it['rule']['type'] == 'count' else rng.choice(['-0.5', 'NA', 'x'])
        return set_value(a, it['code'], v)
    raise ValueError(kind)


# ------------------------------------------------------------ CSV writer

def write_csv(rng, header, records, crlf, bom, quote_prob=0.1, trailing_eol=True):
    """Returns (text, start_lines)."""
    eol = '\r\n' if crlf else '\n'
    out = []
    starts = []
    line = 1

    def enc(f):
        if any(c in f for c in ',"\r\n') or (f and rng.random() < quote_prob):
            return '"' + f.replace('"', '""') + '"'
        return f
    out.append(','.join(header) + eol)
    line += 1
    for rec in records:
        starts.append(line)
        s = ','.join(enc(f) for f in rec)
        line += s.count('\n') + 1
        out.append(s + eol)
    text = ''.join(out)
    if not trailing_eol and records:
        text = text[:-len(eol)]
    if bom:
        text = '\ufeff' + text
    return text, starts


# ------------------------------------------------------------ case

class Case:
    pass


INDEX_KINDS = ['index-dup-code', 'index-group-max', 'index-typo-field', 'index-tiers-order',
               'index-tier-points', 'index-level-points', 'index-unknown-type', 'index-zero',
               'index-negative', 'index-rule-on-group', 'index-leaf-no-rule', 'index-cross-code',
               'index-scale-sum', 'index-classes', 'index-not-number', 'index-number-syntax',
               'index-allowNA-group']
# Class condition (`requires`) validation, spec 1; drawn only when CONDITIONS.
REQUIRES_KINDS = ['index-requires-no-code', 'index-requires-both', 'index-requires-neither',
                  'index-requires-unknown-code', 'index-requires-minshare-item',
                  'index-requires-maxpoints-node', 'index-requires-minshare-range',
                  'index-requires-maxpoints-negative', 'index-requires-last-class',
                  'index-requires-unknown-field', 'index-requires-not-list']
INDEX_KINDS_BEFORE_CONDITIONS = list(INDEX_KINDS)
INDEX_KINDS = INDEX_KINDS + REQUIRES_KINDS
AGENCY_KINDS = ['agency-duplicate-code', 'agency-empty-group']


def break_index(rng, kind, index):
    """Mutate `index` in place so that `chiso index check` must refuse it.
    Returns the node/item code the message must name (None: no particular
    code), or False when the kind does not fit this index.  The
    `index-requires-*` kinds return a tuple of codes that one message must
    all name: the class code first, then the condition's code when the
    broken condition has one (spec: `index.yaml:LINE: class XS: ...`)."""
    if kind in REQUIRES_KINDS:
        return break_requires(rng, kind, index)
    tree = [n for n, _ in walk_dicts(index['criteria'])]
    leaves = [n for n in tree if 'rule' in n]
    groups = [n for n in tree if 'children' in n]
    inner = [g for g in groups if g not in index['criteria']]
    items = list(index.get('bonus') or []) + list(index.get('deductions') or [])

    def typed(*types):
        return [n for n in leaves if n['rule']['type'] in types]
    if kind == 'index-dup-code':
        if len(leaves) < 2:
            return False
        a, b = rng.sample(leaves, 2)
        b['code'] = a['code']
        return a['code']
    if kind == 'index-group-max':
        if not inner:
            return False
        g = rng.choice(inner)
        g['max'] = fmt_num(sum(ref.num(ch['max']) for ch in g['children']) + 1)
        return g['code']
    if kind == 'index-typo-field':
        n = rng.choice(tree)
        n[rng.choice(['notAplicableFor', 'allowNa', 'evidance'])] = rng.choice([['dvsn'], 'true', 'required'])
        return n['code']
    if kind == 'index-tiers-order':
        c = [n for n in typed('tiers') if len(n['rule']['tiers']) >= 2]
        if not c:
            return False
        n = rng.choice(c)
        n['rule']['tiers'].reverse()
        return n['code']
    if kind == 'index-tier-points':
        c = typed('tiers')
        if not c:
            return False
        n = rng.choice(c)
        n['rule']['tiers'][-1]['points'] = fmt_num(ref.num(n['max']) + F(1, 2))
        return n['code']
    if kind == 'index-level-points':
        c = typed('levels')
        if not c:
            return False
        n = rng.choice(c)
        n['rule']['levels'][-1]['points'] = fmt_num(ref.num(n['max']) + F(1, 100))
        return n['code']
    if kind == 'index-unknown-type':
        n = rng.choice(leaves)
        n['rule']['type'] = rng.choice(['slider', 'Yesno', 'percentage'])
        return n['code']
    if kind == 'index-zero':
        c = typed('count', 'deduct', 'manual', 'ratio')
        if not c:
            return False
        n = rng.choice(c)
        key = {'count': 'per', 'deduct': 'per', 'manual': 'step', 'ratio': 'target'}[n['rule']['type']]
        n['rule'][key] = rng.choice(['0', '0.0', '0,00'])
        return n['code']
    if kind == 'index-negative':
        c = typed('count', 'deduct', 'tiers')
        if not c:
            return False
        n = rng.choice(c)
        if n['rule']['type'] == 'tiers':
            n['rule']['tiers'][-1]['min'] = '-5'
        else:
            n['rule']['per'] = '-0.5'
        return n['code']
    if kind == 'index-rule-on-group':
        if not groups:
            return False
        g = rng.choice(groups)
        g['rule'] = {'type': 'yesno'}
        return g['code']
    if kind == 'index-leaf-no-rule':
        n = rng.choice(leaves)
        del n['rule']
        return n['code']
    if kind == 'index-cross-code':
        if not items:
            return False
        it = rng.choice(items)
        it['code'] = rng.choice(tree)['code']
        return it['code']
    if kind == 'index-scale-sum':
        index['scale'] = fmt_num(ref.num(index['scale']) + rng.choice([F(1), F(1, 100)]))
        return None
    if kind == 'index-classes':
        if len(index['classes']) >= 2 and rng.random() < 0.5:
            index['classes'].reverse()
        else:
            index['classes'][-1]['min'] = '5'
        return None
    if kind == 'index-not-number':
        n = rng.choice(leaves)
        n['max'] = rng.choice(['abc', 'hai', '3 điểm'])
        return n['code']
    if kind == 'index-number-syntax':      # YAML floats, but not spec 3.1 numbers
        n = rng.choice(leaves)
        n['max'] = rng.choice(['1e1', '+3', '.5', '0x10'])
        return n['code']
    if kind == 'index-allowNA-group':
        if not groups:
            return False
        g = rng.choice(groups)
        g['allowNA'] = 'true'
        return g['code']
    raise ValueError(kind)


PLAIN_CLASS_CODE = re.compile(r'[\w-]+')


def break_requires(rng, kind, index):
    """The `requires` validation rules of spec 1 (one broken condition, or
    `requires` where it cannot be).  See break_index."""
    classes = index['classes']
    tree = [n['code'] for n, _ in walk_dicts(index['criteria'])]
    items = [i['code'] for i in list(index.get('bonus') or []) + list(index.get('deductions') or [])]
    all_codes = set(tree) | set(items)

    def valid_condition():
        if items and rng.random() < 0.4:
            return {'code': rng.choice(items), 'maxPoints': rng.choice(['0', '1', '0,5'])}
        return {'code': rng.choice(tree), 'minShare': rng.choice(['100', '50', '87.5', '66,5'])}

    if kind == 'index-requires-last-class':
        last = classes[-1]
        if not PLAIN_CLASS_CODE.fullmatch(last['code']):
            return False        # a code the message may quote its own way
        last['requires'] = [valid_condition()]
        return (last['code'],)
    if len(classes) < 2:
        return False
    c = rng.choice(classes[:-1])
    if not PLAIN_CLASS_CODE.fullmatch(c['code']):
        return False
    req = c.get('requires')
    if kind == 'index-requires-not-list':
        cond = req[0] if req and rng.random() < 0.5 else valid_condition()
        c['requires'] = cond if rng.random() < 0.7 else cond['code']   # a map, or a bare code
        return (c['code'],)
    if kind == 'index-requires-no-code':
        cond = rng.choice([{'minShare': '50'}, {'maxPoints': '0'}, {'minShare': '100'}])
        named = None
    elif kind == 'index-requires-both':
        named = rng.choice(tree + items)
        cond = {'code': named, 'minShare': '50', 'maxPoints': '0'}
    elif kind == 'index-requires-neither':
        named = rng.choice(tree + items)
        cond = {'code': named}
    elif kind == 'index-requires-unknown-code':
        cands = [x for x in ['9.9.9', 'B99', 'D0', 'Z1', 'IX', '7.7'] if x not in all_codes]
        named = rng.choice(cands)
        cond = {'code': named, 'minShare': '100'} if rng.random() < 0.5 else {'code': named, 'maxPoints': '0'}
    elif kind == 'index-requires-minshare-item':
        if not items:
            return False
        named = rng.choice(items)
        cond = {'code': named, 'minShare': rng.choice(['100', '50'])}
    elif kind == 'index-requires-maxpoints-node':
        named = rng.choice(tree)
        cond = {'code': named, 'maxPoints': rng.choice(['0', '1'])}
    elif kind == 'index-requires-minshare-range':
        named = rng.choice(tree)
        cond = {'code': named, 'minShare': rng.choice(['0', '0,0', '0.00', '100.5', '150', '100,01', '-5'])}
    elif kind == 'index-requires-maxpoints-negative':
        if not items:
            return False
        named = rng.choice(items)
        cond = {'code': named, 'maxPoints': rng.choice(['-1', '-0.5', '-0,25'])}
    elif kind == 'index-requires-unknown-field':
        cond = valid_condition()
        named = cond['code']
        cond[rng.choice(['note', 'maxPoint', 'minshare', 'share', 'points'])] = rng.choice(['1', 'x'])
    else:
        raise ValueError(kind)
    if isinstance(req, list):
        req.insert(rng.randint(0, len(req)), cond)
    else:
        c['requires'] = [cond]
    return (c['code'],) + ((named,) if named is not None else ())


def generate_case(seed, force_mode=None):
    """force_mode: None (random), 'valid', 'inputs', 'agencies' or 'index'."""
    import copy
    rng = random.Random(seed)
    xrng = random.Random('conditions-%d' % seed)
    c = Case()
    c.seed = seed
    ig = IndexGen(rng, xrng)
    index = ig.build()
    features = ig.features
    ags, twins = gen_agencies(rng, features)
    evidence_col = rng.random() < 0.9
    if not evidence_col:
        features.add('no-evidence-column')
    rows = gen_rows(rng, index, ags, twins, features, evidence_col, xrng if CONDITIONS else None)
    if CONDITIONS:
        pre = ref.score(index, ags, [(i + 2, {'agency': r.agency, 'criterion': r.criterion,
                                              'value': r.value, 'evidence': r.evidence})
                                     for i, r in enumerate(rows)])
        if not pre.ok:
            raise AssertionError('seed %d: reference rejects generated inputs: %s' % (seed, pre.errors[:3]))
        ig.add_requires(index, pre.rows)

    r = rng.random()
    mode = force_mode or ('valid' if r < 0.58 else 'inputs' if r < 0.88 else
                          'agencies' if r < 0.94 else 'index')
    c.kinds = []
    c.expect = []            # [(file, line or None, code or None)]
    written_index = index
    written_ags = ags
    if mode == 'inputs':
        want = rng.choice([1, 1, 2, 3, 4])
        tries = 0
        while len(c.kinds) < want and tries < 60:
            tries += 1
            k = rng.choice(INVALID_KINDS)
            if inject(rng, k, index, ags, rows, evidence_col):
                c.kinds.append(k)
        if not c.kinds:
            mode = 'valid'
    elif mode == 'index':
        written_index = copy.deepcopy(index)
        while not c.kinds:
            k = rng.choice(INDEX_KINDS if CONDITIONS else INDEX_KINDS_BEFORE_CONDITIONS)
            code = break_index(rng, k, written_index)
            if code is not False:
                c.kinds.append(k)
                c.expect.append(('index.yaml', None, code))
                if k in REQUIRES_KINDS:
                    # the reference must refuse it too, for that class
                    probs = ref.index_problems(written_index)
                    if not any(pc == code[0] for pc, _ in probs):
                        raise AssertionError('seed %d: reference accepts %s: %s' % (seed, k, probs))
    elif mode == 'agencies':
        written_ags = [dict(a) for a in ags]
        bad = set()
        for _ in range(rng.choice([1, 1, 2])):
            k = rng.choice(AGENCY_KINDS)
            if k == 'agency-duplicate-code':
                j = rng.randrange(len(written_ags))
                dup = dict(written_ags[j], name='Bản sao, "trùng mã"')
                pos = rng.randint(j + 1, len(written_ags))
                written_ags.insert(pos, dup)
                bad = set(b + 1 if b >= pos else b for b in bad)
                bad.add(pos)
            else:
                j = rng.choice([i for i in range(len(written_ags)) if i not in bad] or [0])
                written_ags[j] = dict(written_ags[j], group='')
                bad.add(j)
            c.kinds.append(k)
        c.bad_agency_rows = bad
    c.mode = mode
    c.valid = mode == 'valid'

    yaml_text = dump_yaml(written_index, rng)
    if rng.random() < INDEX_BOM_PROB:
        yaml_text = '\ufeff' + yaml_text       # YAML allows a BOM at the start of a stream
        features.add('index-bom')
    back = ref.parse_yaml(yaml_text)
    if back != written_index:
        raise AssertionError('YAML writer/reader mismatch for seed %d' % seed)
    ag_text, ag_starts = write_csv(rng, ['code', 'name', 'group', 'tags'],
                                   [[a['code'], a['name'], a['group'], a['tags']] for a in written_ags],
                                   crlf=rng.random() < 0.2, bom=rng.random() < 0.15, quote_prob=0.05)
    if mode == 'agencies':
        for j in sorted(c.bad_agency_rows):
            c.expect.append(('agencies.csv', ag_starts[j], None))
    crlf, bom = rng.random() < 0.25, rng.random() < 0.2
    if crlf:
        features.add('crlf')
    if bom:
        features.add('bom')
    header = ['agency', 'criterion', 'value'] + (['evidence'] if evidence_col else [])
    recs = [[r.agency, r.criterion, r.value] + ([r.evidence] if evidence_col else []) for r in rows]
    in_text, starts = write_csv(rng, header, recs, crlf=crlf, bom=bom, quote_prob=0.1,
                                trailing_eol=rng.random() > 0.1)

    # self-checks: what we wrote reads back the same
    agencies_back = ref.read_agencies(ag_text)
    assert agencies_back == [dict((k, a[k]) for k in ('code', 'name', 'group', 'tags'))
                             for a in written_ags], seed
    rows_back = ref.read_inputs(in_text)
    assert [ln for ln, _ in rows_back] == starts, seed
    for (ln, d), r in zip(rows_back, rows):
        assert (d['agency'], d['criterion'], d['value'], d['evidence']) == \
            (r.agency, r.criterion, r.value, r.evidence), seed

    res = ref.score(index, agencies_back if mode != 'agencies' else ags, rows_back, 'inputs.csv')
    c.index, c.agencies, c.rows = written_index, written_ags, rows
    c.expected_stdout = ''
    c.warnings = []
    c.class_info = {}
    if mode == 'inputs':
        lines = sorted(set(s for s, r in zip(starts, rows) if r.err))
        got = sorted(set(ln for ln, _ in res.errors))
        if res.ok or got != lines:
            raise AssertionError('seed %d: reference finds error lines %s, generator injected %s (%s)'
                                 % (seed, got, lines, c.kinds))
        c.expect = [('inputs.csv', ln, None) for ln in lines]
    else:
        if not res.ok:
            raise AssertionError('seed %d: reference rejects valid inputs: %s' % (seed, res.errors[:3]))
        if mode == 'valid':
            c.expected_stdout = res.stdout
            c.warnings = res.warnings
            c.class_info = dict((r['agency'], (r['class_by_score'], list(r['failed']))) for r in res.rows)
            if any(r['cls'] != r['class_by_score'] for r in res.rows):
                features.add('condition-moved-class')
            elif any(r['failed'] for r in res.rows):
                raise AssertionError('seed %d: failed conditions without a move' % seed)
    if mode != 'valid':
        features.update('invalid-' + k for k in c.kinds)
    c.expected_lines = [ln for f, ln, _ in c.expect if f == 'inputs.csv']
    c.features = sorted(features)
    c.files = {'index.yaml': yaml_text.encode('utf-8'),
               'agencies.csv': ag_text.encode('utf-8'),
               'inputs.csv': in_text.encode('utf-8')}
    return c


def write_case(c, d):
    os.makedirs(d, exist_ok=True)
    for name, data in c.files.items():
        with open(os.path.join(d, name), 'wb') as fh:
            fh.write(data)
    if c.valid:
        with open(os.path.join(d, 'expected.csv'), 'w', encoding='utf-8', newline='') as fh:
            fh.write(c.expected_stdout)
        if CONDITIONS:
            import json
            with open(os.path.join(d, 'expected-classes.json'), 'w', encoding='utf-8') as fh:
                json.dump([{'agency': a, 'class_by_score': bs,
                            'failed_conditions': [{'class': k, 'code': cc} for k, cc in failed]}
                           for a, (bs, failed) in c.class_info.items()], fh, ensure_ascii=False, indent=1)
                fh.write('\n')
    else:
        with open(os.path.join(d, 'expected-errors.txt'), 'w', encoding='utf-8') as fh:
            fh.write('# exit status 1, nothing on stdout; kinds: %s\n' % ', '.join(c.kinds))
            for f, ln, code in c.expect:
                if isinstance(code, tuple):
                    code = ' and '.join(code)
                fh.write('%s:%s:%s\n' % (f, ln if ln is not None else '<any line>',
                                         ' (naming %s)' % code if code else ''))
    with open(os.path.join(d, 'case.txt'), 'w', encoding='utf-8') as fh:
        fh.write('seed: %d\nmode: %s\nfeatures: %s\n' % (c.seed, c.mode, ' '.join(c.features)))


def main(argv):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', default=None)
    ap.add_argument('--mode', choices=['valid', 'inputs', 'agencies', 'index'], default=None)
    ap.add_argument('--no-conditions', action='store_true',
                    help='no class conditions, item sources or submission.late (the cases of before)')
    ap.add_argument('--no-index-bom', action='store_true', help='as run.py --no-index-bom')
    a = ap.parse_args(argv)
    global CONDITIONS, INDEX_BOM_PROB
    if a.no_conditions:
        CONDITIONS = False
    if a.no_index_bom:
        INDEX_BOM_PROB = 0.0
    c = generate_case(a.seed, a.mode)
    out = a.out or 'case-%d' % a.seed
    write_case(c, out)
    print('%s: %s case, features: %s' % (out, 'valid' if c.valid else 'invalid %s (%s)' % (c.mode, ', '.join(c.kinds)),
                                         ' '.join(c.features)))


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
