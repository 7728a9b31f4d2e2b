#!/usr/bin/env python3
"""Times the simulated hour (examples/raft-kv-hour.toml) of two checkouts in alternating pairs, as RESULTS.md's
"The simulated hour" passes measure it: each run after `sync` and two seconds of rest, the order of each pair
swapped from the one before, each whole process timed and its threads' CPU read from /proc every 50 ms.

    python3 benchmarks/hour-pairs.py DIR_A DIR_B [PAIRS] [SCENARIO]

DIR_A and DIR_B are checkouts whose `mvn package` (and so their launcher's archives) is done; they may be the same
checkout, with JAVA_OPTS_A / JAVA_OPTS_B told apart. JAVA_HOME picks the JDK. Prints one line per run: the wall time
of the whole process, the simulation's and the store's own figures as the run prints them, and CPU seconds (user +
system) per thread group: the main thread (the simulation, then the page), C2, C1, the two history writers, the
collector, and the rest. Linux only (/proc).
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def group(name):
    if name.startswith("GC Thread"):
        return "GC"
    for prefix, g in (("C2 Compiler", "C2"), ("C1 Compiler", "C1"), ("madjep-history", "writers")):
        if name.startswith(prefix):
            return g
    return "main" if name == "java" else "other"


def run(checkout, opts, scenario):
    """One timed run in `checkout`: when it began, its wall seconds, output, CPU seconds by thread group and exit code."""
    store = tempfile.mkdtemp(prefix="madjep-hour-")
    env = dict(os.environ, MADJEP_NO_BUILD="1", JAVA_OPTS=opts)
    subprocess.run(["sync"])
    time.sleep(2)
    ticks = os.sysconf("SC_CLK_TCK")
    began = time.strftime("%H:%M:%S")
    start = time.time()
    proc = subprocess.Popen([os.path.join(checkout, "madjep"), "sim", "run", scenario, "--store", store],
                            cwd=checkout, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    last = {}
    while proc.poll() is None:
        try:
            for tid in os.listdir(f"/proc/{proc.pid}/task"):
                try:
                    with open(f"/proc/{proc.pid}/task/{tid}/stat") as f:
                        stat = f.read()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2:].split()
                last[tid] = (stat[stat.index("(") + 1:stat.rindex(")")], int(fields[11]) + int(fields[12]))
        except OSError:
            pass
        time.sleep(0.05)
    wall = time.time() - start
    out = proc.stdout.read()
    shutil.rmtree(store, ignore_errors=True)
    cpu = collections.Counter()
    for name, t in last.values():
        cpu[group(name)] += t / ticks
    return began, wall, out, cpu, proc.returncode


def line(label, wall, out, cpu, rc):
    sim = re.search(r"in ([0-9.]+) s wall", out)
    post = re.search(r"\(store written in ([0-9.]+ m?s)\)", out)
    groups = " ".join(f"{g} {cpu[g]:.2f}" for g in ("main", "C2", "C1", "writers", "GC", "other"))
    return (f"{label} wall {wall:.2f} s, simulation {sim.group(1) if sim else '?'} s, store done "
            f"{post.group(1) if post else '?'} after it; CPU {groups}; exit {rc}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    a, b = sys.argv[1], sys.argv[2]
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    scenario = sys.argv[4] if len(sys.argv) > 4 else "examples/raft-kv-hour.toml"
    sides = {"A": (a, os.environ.get("JAVA_OPTS_A", "")), "B": (b, os.environ.get("JAVA_OPTS_B", ""))}
    walls = {"A": [], "B": []}
    for i in range(1, pairs + 1):
        for side in ("A", "B") if i % 2 else ("B", "A"):
            checkout, opts = sides[side]
            began, wall, out, cpu, rc = run(checkout, opts, scenario)
            walls[side].append(wall)
            print(line(f"{side}{i} {began}", wall, out, cpu, rc), flush=True)
    faster = sum(1 for x, y in zip(walls["A"], walls["B"]) if x < y)
    print(f"A faster in {faster} of {pairs} pairs; means {sum(walls['A']) / pairs:.2f} s (A) against "
          f"{sum(walls['B']) / pairs:.2f} s (B)")


if __name__ == "__main__":
    main()
