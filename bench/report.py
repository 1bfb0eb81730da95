#!/usr/bin/env python3
"""Turns the measurements bench/run collected (one JSON object per line) into the results table,
with each target and whether it was met, and writes it to bench/results/latest.md."""
import json, sys


def main():
    results, out = sys.argv[1], sys.argv[2]
    m = {}
    for line in open(results):
        row = json.loads(line)
        m[row["case"]] = row
    meta = m.pop("machine")
    rate = lambda r: r["requests"] / r["seconds"]
    good = lambda r: (r["requests"] - r["errors"] - r["failures"]) / r["seconds"]
    # The ceiling runs before and after the read cases; the ratios use the faster run (the stricter test),
    # and both rows show how far the machine drifted meanwhile.
    ceiling = max((m[k] for k in ("ceiling", "ceiling_after") if k in m), key=rate)
    rows = []

    def verdict(ok):
        return "met" if ok else "**not met**"

    def wrk_row(name, label, target, check, writes=False):
        r = m[name]
        rps = good(r) if writes else rate(r)
        if writes:  # to the write ceiling for the same rows, measured just before the case
            ratio = "%.2f" % (rps / rate(m[name + "_ceiling"])) if name + "_ceiling" in m else "–"
        else:
            ratio = "%.2f (p99 %.2f×)" % (rate(r) / rate(ceiling), r["p99_ms"] / ceiling["p99_ms"])
        errors = r["errors"] + r["failures"]
        rows.append((label, "%.0f" % rps, "%.2f" % r["p50_ms"], "%.2f" % r["p99_ms"], ratio, str(errors), target,
                     verdict(check(r, rps) and errors == 0) if check else "–"))

    wrk_row("ceiling", "ceiling: Javalin, the same %d bytes precomputed (before the read cases)" % meta["page_bytes"],
            "–", None)
    if "ceiling_after" in m:
        wrk_row("ceiling_after", "ceiling again, after the read cases", "–", None)
    read_ok = lambda r, rps: rps >= 0.5 * rate(ceiling) and r["p99_ms"] < 4 * ceiling["p99_ms"]
    wrk_row("list", "1. first page, count=100 (%d bytes)" % meta["page_bytes"], "≥0.50, p99 <4×", read_ok)
    wrk_row("group", "2. first page of one group (20)", "≥0.50, p99 <4×", read_ok)
    for name, label in (("move", "3. move between groups (remove, add)"), ("send", "4. text message into a chat of 10")):
        if name + "_ceiling" in m:
            c = m[name + "_ceiling"]
            rows.append(("write ceiling for case %s: MariaDB, plain JDBC, only its rows" % label[0], "%.0f" % rate(c),
                         "", "", "1.00", "0", "–", "–"))
        wrk_row(name, label, "≥3,000 writes/s", lambda r, rps: rps >= 3000, True)
    for key, label, limit in (("delay_same", "5. event delay, one node", 50), ("delay_cross", "5. event delay, across two nodes", 250)):
        d = m[key]
        rows.append((label, "–", "%.1f" % d["from_response_p50_ms"], "%.1f" % d["from_response_p99_ms"], "–",
                     str(d["missing"]), "p99 <%d ms" % limit, verdict(d["from_response_p99_ms"] < limit and d["missing"] == 0)))
    sizes = [m["size%d" % s] for s in (100, 10000, 100000)]
    for s, r in zip((100, 10000, 100000), sizes):
        rows.append(("first page at %s conversations (kept / fresh after a write)" % format(s, ","), "–",
                     "%.2f / %.2f" % (r["kept_p50_ms"], r["fresh_p50_ms"]), "%.2f / %.2f" % (r["kept_p99_ms"], r["fresh_p99_ms"]),
                     "–", "0", "", ""))
    kept_ratio = sizes[2]["kept_p50_ms"] / sizes[0]["kept_p50_ms"]
    fresh_ratio = sizes[2]["fresh_p50_ms"] / sizes[0]["fresh_p50_ms"]
    rows.append(("first page, 100,000 ÷ 100 (p50)", "–", "%.2f / %.2f" % (kept_ratio, fresh_ratio), "", "–", "",
                 "≤1.5", verdict(kept_ratio <= 1.5 and fresh_ratio <= 1.5)))
    rows.append(("RSS after the read cases (-Xmx512m)", "–", "%d MB" % m["rss"]["mb"], "", "–", "", "<400 MB",
                 verdict(m["rss"]["mb"] < 400)))
    st = m["startup"]
    rows.append(("start to first answer, embedded store (median of %d)" % len(st["runs_ms"]), "–",
                 "%d ms" % st["median_ms"], "", "–", "", "<2 s", verdict(st["median_ms"] < 2000)))

    head = ("case", "req/s", "p50 ms", "p99 ms", "ratio to ceiling", "errors", "target", "")
    lines = ["# Benchmark results", "",
             "%s, on %s: %s cores (%s), %s GB RAM; %s; %s; MariaDB %s; wrk %s; %d users seeded, "
             "%d connections, %d s per case after %d s of warm-up." % (
                 meta["date"], meta["host"], meta["cores"], meta["cpu"], meta["memory_gb"], meta["os"], meta["java"],
                 meta["mariadb"], meta["wrk"], meta["users"], meta["connections"], meta["duration"], meta["warmup"]),
             "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    lines += ["", "Written by `bench/run`; see bench/README.md for what each case does."]
    text = "\n".join(lines) + "\n"
    open(out, "w").write(text)
    print(text)
    if len(sys.argv) > 3:  # the README's copy, between its markers
        readme = open(sys.argv[3]).read()
        start, end = readme.index("<!-- bench:start"), readme.index("<!-- bench:end -->")
        start = readme.index("\n", start) + 1
        body = "\n".join(lines[2:-2])  # without the heading and the footer
        open(sys.argv[3], "w").write(readme[:start] + body + "\n" + readme[end:])


if __name__ == "__main__":
    main()
