#!/usr/bin/env python3
"""Writes a synthetic plan of CLUSTERS clusters x 8 events (20,000 events by default) for `make soak`.
Usage: make_plan.py OUT.yaml [VARIANT]  -- variant 1 changes every 4th title, so an import has work to do."""
import sys

out, variant = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
clusters, per_cluster, members = 2500, 8, 4
formats = ["conference", "seminar", "round-table", "working-meeting", "master-class", "open-lesson"]
lines = ["version: 1", "district: Синтетический район", "timezone: Europe/Moscow", "schools:"]
for s in range(clusters * members):
    lines.append(f'  - {{id: "s{s}", name: "Школа № {s}"}}')
lines.append("clusters:")
for c in range(clusters):
    ids = [f'"s{c * members + m}"' for m in range(members)]
    lines += [f"  - id: k{c}", f"    title: Кластер {c}", f"    lead: {ids[0]}", f"    members: [{', '.join(ids)}]",
              "    plan:", "      years: [2019/2020, 2020/2021]", "      goal: Цель", "      events:"]
    for n in range(1, per_cluster + 1):
        year, start = ("2019/2020", 2019) if n <= 4 else ("2020/2021", 2020)
        month = [10, 12, 2, 4][(n - 1) % 4]
        y = start if month >= 9 else start + 1
        title = f"Мероприятие {n} кластера {c}" + (" (изм.)" if variant and n % 4 == 0 else "")
        lines.append(f'        - {{number: {n}, year: {year}, format: {formats[(c + n) % len(formats)]}, '
                     f'title: "{title}", month: {y}-{month:02d}, host: {ids[(n - 1) % members]}}}')
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
