#!/usr/bin/env python3
"""Generate a national-scale dataset for `chiso score`.

3,500 agencies x 100 leaves (plus bonus and deduction rows): about 357,000
input rows. Deterministic (fixed seed). Usage:

    python3 bench/score/generate.py OUT_DIR [--agencies 3500] [--leaves 100]
"""
import argparse
import os
import random


RULES = ["yesno", "tiers", "ratio", "count", "deduct", "percent", "levels", "manual"]


def leaf_yaml(code, max_points, rule, indent, rng):
    pad = " " * indent
    lines = [f"{pad}- code: '{code}'", f"{pad}  title: Tiêu chí thành phần {code}", f"{pad}  max: {max_points}"]
    if rule == "yesno":
        lines.append(f"{pad}  rule: {{type: yesno}}")
    elif rule == "tiers":
        lines.append(f"{pad}  rule: {{type: tiers, tiers: [{{min: 100, points: {max_points}}}, {{min: 90, points: {max_points * 3 / 4}}}, {{min: 80, points: {max_points / 2}}}]}}")
    elif rule == "ratio":
        lines.append(f"{pad}  rule: {{type: ratio, target: {rng.choice([100, 80, 50])}}}")
    elif rule == "count":
        lines.append(f"{pad}  rule: {{type: count, per: 0.5, cap: {max_points}}}")
    elif rule == "deduct":
        lines.append(f"{pad}  rule: {{type: deduct, per: 0.25}}")
    elif rule == "percent":
        lines.append(f"{pad}  rule: {{type: percent}}")
    elif rule == "levels":
        lines.append(f"{pad}  rule: {{type: levels, levels: [{{code: A, points: {max_points}}}, {{code: B, points: {max_points * 3 / 4}}}, {{code: C, points: {max_points / 2}}}, {{code: D, points: 0}}]}}")
    elif rule == "manual":
        lines.append(f"{pad}  rule: {{type: manual, step: 0.25}}")
    if rng.random() < 0.2:
        lines.append(f"{pad}  evidence: required")
    if rng.random() < 0.1:
        lines.append(f"{pad}  allowNA: true")
    return lines


def value_for(rule, max_points, rng):
    if rule == "yesno":
        return rng.choice(["có", "không", "1", "0", "đạt"])
    if rule in ("tiers", "percent"):
        return rng.choice(["100", "95,5", "88.25", "79.99", "60"])
    if rule == "ratio":
        return rng.choice(["87.5", "120", f"{rng.randint(0, 40)}/{rng.randint(41, 60)}"])
    if rule in ("count", "deduct"):
        return str(rng.randint(0, 6))
    if rule == "levels":
        return rng.choice("ABCD")
    if rule == "manual":
        return str(rng.randint(0, int(max_points * 4)) / 4)
    raise ValueError(rule)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--agencies", type=int, default=3500)
    parser.add_argument("--leaves", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(20261126)
    os.makedirs(args.out, exist_ok=True)

    # 10 fields x (leaves/10) leaves, each field max = sum of its leaves' max.
    fields = 10
    per_field = args.leaves // fields
    leaves = []
    body = []
    for f in range(1, fields + 1):
        field_leaves = [(f"{f}.{i}", 1, RULES[(f * per_field + i) % len(RULES)]) for i in range(1, per_field + 1)]
        total = sum(m for _, m, _ in field_leaves)
        body += [f"- code: F{f}", f"  title: Lĩnh vực {f}", f"  max: {total}"]
        if f == 3:
            body.append("  notApplicableFor: [khong-tthc]")
        body.append("  children:")
        for code, m, rule in field_leaves:
            body += leaf_yaml(code, m, rule, 2, rng)
            leaves.append((code, m, rule, f))
    scale = sum(m for _, m, _, _ in leaves)
    header = [
        "id: bench-national",
        "title: Bộ chỉ số quy mô quốc gia (benchmark)",
        f"scale: {scale}",
        "naPolicy: rescale",
        "bonusCap: 5",
        "deductionCap: 10",
        "classes:",
        "  - {code: XS, title: Xuất sắc, min: 90}",
        "  - {code: T, title: Tốt, min: 80}",
        "  - {code: K, title: Khá, min: 70}",
        "  - {code: TB, title: Trung bình, min: 50}",
        "  - {code: Y, title: Yếu, min: 0}",
        "criteria:",
    ]
    footer = [
        "bonus:",
        "  - {code: B1, title: Cờ thi đua, rule: {type: count, per: 2}}",
        "deductions:",
        "  - {code: D1, title: Bị phê bình, rule: {type: count, per: 1}}",
    ]
    with open(os.path.join(args.out, "index.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(header + body + footer) + "\n")

    with open(os.path.join(args.out, "agencies.csv"), "w", encoding="utf-8") as out:
        out.write("code,name,group,tags\n")
        codes = []
        for a in range(args.agencies):
            code = f"XA{a:05d}" if a % 20 else f"SO{a:05d}"
            group = "xa" if a % 20 else "so"
            tags = "khong-tthc" if a % 7 == 0 else ""
            codes.append((code, tags))
            out.write(f'{code},"UBND xã Số {a}, tỉnh Thử nghiệm",{group},{tags}\n')

    rows = 0
    with open(os.path.join(args.out, "inputs.csv"), "w", encoding="utf-8") as out:
        out.write("agency,criterion,value,evidence\n")
        for code, tags in codes:
            for leaf, m, rule, field in leaves:
                value = value_for(rule, m, rng)
                if '"' in value or "," in value:
                    value = '"' + value.replace('"', '""') + '"'
                out.write(f"{code},{leaf},{value},{rng.randint(0, 3)}\n")
                rows += 1
            out.write(f"{code},B1,{rng.randint(0, 2)},0\n")
            out.write(f"{code},D1,{rng.randint(0, 3)},0\n")
            rows += 2
    print(f"{args.out}: {args.agencies} agencies, {len(leaves)} leaves, {rows} input rows")


if __name__ == "__main__":
    main()
