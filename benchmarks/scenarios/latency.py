#!/usr/bin/env python3
"""Client latency from MadJep histories (history.jsonl): ops invoked in [FROM, TO) seconds of simulated time that
completed (:ok or :fail; :info ops have no latency), pooled over every file given, as count, p50, p99 and max in
milliseconds, overall and by the :path a curp-kv completion names (fast or slow). The window leaves out the first
election and the final reads. Usage: latency.py [--from S] [--to S] history.jsonl..."""
import json
import sys


def main(argv):
    lo, hi, files = 3.0, 20.0, []
    i = 0
    while i < len(argv):
        if argv[i] == "--from":
            lo, i = float(argv[i + 1]), i + 2
        elif argv[i] == "--to":
            hi, i = float(argv[i + 1]), i + 2
        else:
            files.append(argv[i])
            i += 1
    groups = {"all": []}
    for f in files:
        open_ops = {}
        with open(f) as h:
            for line in h:
                op = json.loads(line)
                if op["type"] == "invoke":
                    open_ops[op["process"]] = op["time"]
                    continue
                start = open_ops.pop(op["process"], None)
                if start is None or op["type"] == "info" or not lo * 1e9 <= start < hi * 1e9:
                    continue
                ms = (op["time"] - start) / 1e6
                groups["all"].append(ms)
                if "path" in op:
                    groups.setdefault(op["path"], []).append(ms)
    for name, xs in groups.items():
        xs.sort()
        if xs:
            pct = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]
            print(f"{name:5} n={len(xs):6d} p50={pct(0.50):8.1f} ms p99={pct(0.99):8.1f} ms max={xs[-1]:8.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
