#!/usr/bin/env python3
"""Aggregates the execution samples of a JFR recording into hotspot tables (no dependencies beyond python3 and the
JDK's `jfr` tool).

    python3 crm-bench/python/jfr_hotspots.py recording.jfr [--top 25] [--thread main] [--stack-depth 64]

Prints, as percentages of the samples (of the chosen thread, default: all threads):
  * self: the top frame of each sample (where the CPU was),
  * SDK frame: the first frame of each sample inside dev.guanxi (which SDK method the time is spent under),
  * inclusive: every method once per sample (how much time is spent in a method and everything it calls);
  * with --under METHOD (e.g. DefaultScoring.load): the methods METHOD calls directly, inclusive, as percentages of
    all samples and of METHOD's samples (a breakdown of one phase).
Record with e.g. `java -XX:StartFlightRecording=filename=run.jfr,settings=profile ...` (the profile settings sample
every 10 ms per thread; the stack depth defaults to 64 frames: `-XX:FlightRecorderOptions=stackdepth=128` for more).
"""
import argparse
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")


def samples(path, thread):
    text = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(ARGS.stack_depth), path],
        check=True, capture_output=True, text=True).stdout
    current, frames, in_stack = None, [], False
    for line in text.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            current, frames, in_stack = "", [], False
        elif "sampledThread = " in line:
            current = line.split("=", 1)[1].strip().split(" (")[0].strip('"')
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
            if thread is None or current == thread:
                yield frames
        elif in_stack:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))


def main():
    stacks = list(samples(ARGS.recording, ARGS.thread))
    n = len(stacks)
    if n == 0:
        sys.exit("no samples")
    self_counts = collections.Counter(s[0] for s in stacks if s)
    sdk = collections.Counter(next((f for f in s if f.startswith("dev.guanxi")), "(no SDK frame)") for s in stacks)
    inclusive = collections.Counter()
    for s in stacks:
        inclusive.update(set(s))
    print(f"{n} samples" + (f" of thread {ARGS.thread}" if ARGS.thread else ""))
    for under in ARGS.under or []:
        children = collections.Counter()
        total = 0
        for s in stacks:
            # frames are listed top (callee) first: the child is the frame just before METHOD's outermost frame
            positions = [k for k, f in enumerate(s) if f.endswith(under)]
            if positions:
                total += 1
                k = positions[-1]
                children[s[k - 1] if k > 0 else "(self)"] += 1
        print(f"\nunder {under}: {total} samples ({100.0 * total / n:.1f}% of all)")
        for method, c in children.most_common(ARGS.top):
            print(f"  {100.0 * c / n:5.1f}% of all  {100.0 * c / max(1, total):5.1f}% of it  {method}")
    for title, counter in (("self (top frame)", self_counts), ("first SDK frame", sdk), ("inclusive", inclusive)):
        print(f"\n{title}:")
        for method, c in counter.most_common(ARGS.top):
            print(f"  {100.0 * c / n:5.1f}%  {c:7d}  {method}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--thread", default=None)
    parser.add_argument("--stack-depth", type=int, default=64)
    parser.add_argument("--under", action="append", help="a method (suffix match) to break down by its callees")
    ARGS = parser.parse_args()
    main()
