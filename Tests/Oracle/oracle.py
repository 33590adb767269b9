#!/usr/bin/env python3
"""Exact feasibility oracle for the scheduler's hard rules (OR-Tools CP-SAT).

Reads a JSON list of instances on stdin and prints a JSON list of answers, one per instance:
true when every event can be given a day, false when none exists. Written from the rules,
not from the scheduler: every free event takes one day of its window that is not a day off,
not in a busy period of one of its schools (or of every school); no school takes part in two
events on one day; within a cluster and year, events follow their numbers. Fixed events keep
their day; the rules between two fixed events are not checked (the scheduler does not move them).

Instance: {"off": [day], "busy": [{"school": s or null, "from": d, "to": d}],
           "events": [{"schools": [s], "first": d, "last": d, "group": g, "number": n, "fixed": d or null}]}
"""
import json
import sys

from ortools.sat.python import cp_model


def feasible(instance):
    off = set(instance["off"])
    events = instance["events"]
    model = cp_model.CpModel()
    day = []
    for e in events:
        if e.get("fixed") is not None:
            day.append(e["fixed"])
            continue
        allowed = []
        for d in range(e["first"], e["last"] + 1):
            if d in off:
                continue
            if any(b["from"] <= d <= b["to"] and (b.get("school") is None or b["school"] in e["schools"])
                   for b in instance["busy"]):
                continue
            allowed.append(d)
        if not allowed:
            return False
        day.append(model.NewIntVarFromDomain(cp_model.Domain.FromValues(allowed), f"e{len(day)}"))
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if a.get("fixed") is not None and b.get("fixed") is not None:
                continue
            if set(a["schools"]) & set(b["schools"]):
                model.Add(day[i] != day[j])
            if a["group"] == b["group"] and a["number"] != b["number"]:
                early, late = (i, j) if a["number"] < b["number"] else (j, i)
                model.Add(day[early] < day[late])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 1
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.INFEASIBLE):
        raise RuntimeError(f"CP-SAT gave no answer: {solver.StatusName(status)}")
    return status != cp_model.INFEASIBLE


def main():
    instances = json.load(sys.stdin)
    json.dump([feasible(i) for i in instances], sys.stdout)


if __name__ == "__main__":
    main()
