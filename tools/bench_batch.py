#!/usr/bin/env python3
"""Measures `hyoka batch` on generated corpora: documents per second, MB per second and peak RSS,
and the wall time of a single-document `hyoka check` (or `parse` where check does not exist),
process start included. Standard library only; corpora go to /tmp and are reused.

    python3 tools/bench_batch.py --hyoka build/hyoka --count 1000 --jobs 1,2
    python3 tools/bench_batch.py --hyoka build/hyoka --count 1000,50000 --jobs 2

Run it on a quiet machine (other load skews every figure); `nice` is fine.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus(count, root, seed):
    path = os.path.join(root, f"corpus-{count}-s{seed}")
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--count",
                        str(count), "--out", path, "--seed", str(seed)], check=True)
        open(marker, "w").close()
    size = 0
    for d, _, files in os.walk(path):
        size += sum(os.path.getsize(os.path.join(d, f)) for f in files if f.endswith(".txt"))
    return path, size


def timed(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hyoka", default=os.path.join(HERE, "..", "build", "hyoka"))
    ap.add_argument("--count", default="1000", help="corpus sizes, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="worker counts, comma-separated")
    ap.add_argument("--root", default="/tmp/hyoka-bench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=20, help="single-document runs")
    args = ap.parse_args()
    os.makedirs(args.root, exist_ok=True)

    print(f"{'documents':>10} {'jobs':>4} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'peak RSS MB':>12}")
    for count in [int(c) for c in args.count.split(",")]:
        path, size = corpus(count, args.root, args.seed)
        for jobs in [int(j) for j in args.jobs.split(",")]:
            out = os.path.join(args.root, f"out-{count}-{jobs}.jsonl")
            # only the documents: the corpus directory also holds its .complete marker
            wall, rss, code = timed([args.hyoka, "batch", path, "--include", "*.txt", "-o", out,
                                     "-j", str(jobs), "-q"])
            if code != 0:
                sys.exit(f"bench_batch: hyoka batch exited with {code}")
            print(f"{count:>10} {jobs:>4} {wall:>8.2f} {count / wall:>8.1f} "
                  f"{size / 1e6 / wall:>7.1f} {rss:>12.1f}", flush=True)
            os.remove(out)

    # one ~90 KB document, process start included
    path, _ = corpus(5, args.root, args.seed)
    doc = os.path.join(path, "000", "000000.txt")
    usage = subprocess.run([args.hyoka, "--help"], capture_output=True, text=True).stdout
    has_check = any(line.split()[:1] == ["check"] for line in usage.splitlines())
    cmd = [args.hyoka, "check", doc] if has_check else [args.hyoka, "parse", doc, "-o", "/dev/null"]
    walls = [timed(cmd)[0] * 1000 for _ in range(args.repeat)]
    print(f"single document ({' '.join(cmd[1:2])}, {os.path.getsize(doc) / 1e3:.0f} KB): "
          f"median {statistics.median(walls):.1f} ms, max {max(walls):.1f} ms over {args.repeat} runs")


if __name__ == "__main__":
    main()
