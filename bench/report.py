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
    read_ok = lambda r, rps: rps >= 0.75 * rate(ceiling) and r["p99_ms"] < 3 * ceiling["p99_ms"]
    wrk_row("list", "1. first page, count=100 (%d bytes)" % meta["page_bytes"], "≥0.75, p99 <3×", read_ok)
    if "list_gzip" in m:  # the same pages to a client that takes gzip: fewer bytes than the ceiling's plain ones
        wrk_row("list_gzip", "1z. case 1 taking gzip, as browsers and the SDK do (ratio to the plain ceiling)", "–",
                None)
    wrk_row("group", "2. first page of one group (20)", "≥0.75, p99 <3×", read_ok)
    for name, label, share in (("move", "3. move between groups (remove, add)", 0.6),
                               ("send", "4. text message into a chat of 10", 0.5)):
        if name + "_ceiling" in m:
            c = m[name + "_ceiling"]
            rows.append(("write ceiling for case %s: MariaDB, plain JDBC, only its rows" % label[0], "%.0f" % rate(c),
                         "", "", "1.00", "0", "–", "–"))
        wrk_row(name, label, "≥%.2f of its ceiling" % share,
                lambda r, rps, c=m.get(name + "_ceiling"), share=share: c is not None and rps >= share * rate(c), True)
        if name == "move" and "move_big" in m:
            big = m["move_big"]
            big_ratio = good(big) / good(m["move"])
            rows.append(("3b. the same moves into and out of a group of 1,000", "%.0f" % good(big),
                         "%.2f" % big["p50_ms"], "%.2f" % big["p99_ms"], "%.2f of case 3" % big_ratio,
                         str(big["errors"] + big["failures"]), "≥0.80 of case 3",
                         verdict(big_ratio >= 0.8 and big["errors"] + big["failures"] == 0)))
        if name + "_events" in m:
            e = m[name + "_events"]
            target, ok = ("≤600 bytes", e["table_per_write"] <= 600) if name == "move" else ("–", None)
            rows.append(("events table per %s: JSON data / table growth (%d writes)" % (
                "move half" if name == "move" else "message (10 events)", e["writes"]), "–",
                "%.0f B / %.0f B" % (e["data_per_write"], e["table_per_write"]), "", "–", "", target,
                verdict(ok) if ok is not None else "–"))
    for name, label, base in (("galera_move", "3g. moves through a three-node Galera cluster (one machine)", "move"),
                              ("galera_send", "4g. messages through the Galera cluster", "send")):
        if name in m:
            r = m[name]
            rows.append((label, "%.0f" % good(r), "%.2f" % r["p50_ms"], "%.2f" % r["p99_ms"],
                         "%.2f of case %s (one MariaDB)" % (good(r) / good(m[base]), label[0]),
                         str(r["errors"] + r["failures"]), "no errors", verdict(r["errors"] + r["failures"] == 0)))
    if "big_chats" in m:
        b = m["big_chats"]
        base = b["chat10"]
        for size in (10, 1000, 5000):
            c = b["chat%d" % size]
            if size == 10:
                target, ok = "–", None
                ratio = "1.00"
            else:
                ratio = "%.2f (p50 %.2f×)" % (c["sends_per_s"] / base["sends_per_s"], c["p50_ms"] / base["p50_ms"])
                target = "≥0.8×, p50 ≤2×, no errors"
                ok = (c["sends_per_s"] >= 0.8 * base["sends_per_s"] and c["p50_ms"] <= 2 * base["p50_ms"]
                      and c["errors"] == 0)
            rows.append(("4b. text messages into one chat of %s, 8 senders (%d members streaming)" % (
                format(size, ","), b["streaming"]), "%.0f" % c["sends_per_s"], "%.2f" % c["p50_ms"], "%.2f" % c["p99_ms"],
                ratio + " of a chat of 10" if size != 10 else ratio, str(c["errors"]), target,
                verdict(ok) if ok is not None else "–"))
        if "event_rows_per_message" in base:
            rows.append(("4b. per message into chats of 10 / 1,000 / 5,000: event rows; event bytes; chat feed rows",
                         "–", " / ".join("%.1f" % b["chat%d" % z]["event_rows_per_message"] for z in (10, 1000, 5000)),
                         " / ".join("%d B" % b["chat%d" % z]["event_bytes_per_message"] for z in (10, 1000, 5000)),
                         " / ".join("%.1f" % b["chat%d" % z]["feed_rows_per_message"] for z in (10, 1000, 5000)), "",
                         "flat", "–"))
        big = b["chat5000"]
        move_ratio = big["moves_busy_p99_ms"] / b["moves_idle_p99_ms"]
        rows.append(("4b. p99 of group moves by members of the 5,000 chat: idle / while it receives 4b's messages",
                     "–", "", "%.2f / %.2f" % (b["moves_idle_p99_ms"], big["moves_busy_p99_ms"]),
                     "%.2f×" % move_ratio, str(big["move_errors"]), "≤1.5×",
                     verdict(move_ratio <= 1.5 and big["move_errors"] == 0)))
        rows.append(("5b. event delay to a member of the 5,000 chat, one node", "–", "%.1f" % big["delay_p50_ms"],
                     "%.1f" % big["delay_p99_ms"], "–", "", "p99 <50 ms", verdict(big["delay_p99_ms"] < 50)))
        if "delay_cross_p99_ms" in big:
            rows.append(("5b. event delay to a member of the 5,000 chat, across nodes", "–",
                         "%.1f" % big["delay_cross_p50_ms"], "%.1f" % big["delay_cross_p99_ms"], "–", "",
                         "p99 <250 ms", verdict(big["delay_cross_p99_ms"] < 250)))
    delays = [("delay_same", "5. event delay, one node", 50), ("delay_cross", "5. event delay, across two nodes", 250)]
    if "galera_delay_cross" in m:
        delays.append(("galera_delay_cross", "5g. event delay, across two nodes on the Galera cluster", 250))
    for key, label, limit in delays:
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
    for key in sorted(k for k in m if k.startswith("streams_")):
        s = m[key]
        ok = (s["delay_p99_ms"] is not None and s["delay_p99_ms"] < 50 and s["rss_mb"] < 1024
              and s["refused_below_cap"] == 0 and s["opened"] + 50 >= s["streams"])
        rows.append(("6. %s open streams, Java %s (%s delay, RSS, threads)" % (format(s["streams"], ","), s["java"],
                     "event"), "–", "%.1f" % s["delay_p50_ms"], "%.1f" % s["delay_p99_ms"],
                     "%d MB, %d threads" % (s["rss_mb"], s["threads"]), str(s["refused_below_cap"]),
                     "p99 <50 ms, RSS <1 GB, none refused", verdict(ok)))
        storm_ok = s["storm_caught_up"] and s["errors"] == 0 and s["storm_s_from_ready"] < 15
        rows.append(("7. reconnect storm, Java %s: %s streams back with Last-Event-ID, the last caught up after the "
                     "node was ready (after the restart); log reads (shared)" % (s["java"], format(s["streams"], ",")),
                     "–", "%.1f s (%.1f s)" % (s["storm_s_from_ready"], s["storm_s_from_restart"]), "",
                     "%d (%d)" % (s.get("conversations_events_log_reads_total", 0),
                                  s.get("conversations_events_log_reads_shared_total", 0)),
                     "%d gaps or repeats" % s["errors"], "<15 s, no gap, no repeat", verdict(storm_ok)))
    rows.append(("RSS after the read cases (-Xmx512m)", "–", "%d MB" % m["rss"]["mb"], "", "–", "", "<300 MB",
                 verdict(m["rss"]["mb"] < 300)))
    if "embedded_move" in m:
        emove = m["embedded_move"]
        wrk_row("embedded_list", "embedded store (%d users): 1. first page" % meta.get("embedded_users", 0), "–", None)
        wrk_row("embedded_move", "embedded store: 3. move between groups", "–", None, True)
        esend = m["embedded_send"]
        share = good(esend) / good(emove)
        rows.append(("embedded store: 4. text message into a chat of 10", "%.0f" % good(esend), "%.2f" % esend["p50_ms"],
                     "%.2f" % esend["p99_ms"], "%.2f of its moves" % share, str(esend["errors"] + esend["failures"]),
                     "≥0.50 of moves, p99 <100 ms",
                     verdict(share >= 0.5 and esend["p99_ms"] < 100 and esend["errors"] + esend["failures"] == 0)))
        f = m["embedded_file"]
        mb = lambda b: "%.0f MB" % (b / 1e6)
        peak = f["peak"]
        rows.append(("embedded store: H2 file while cases 3 and 4 write (largest, sampled every second) / its data "
                     "(compacted)", "–", "%s / %s" % (mb(peak), mb(f["compacted"])), "",
                     "%.1f×" % (peak / f["compacted"]), "", "≤3× while writing", verdict(peak <= 3 * f["compacted"])))
        worst = max(f["after_writes"], f["after_restart"]) / f["compacted"]
        rows.append(("embedded store: H2 file stopped / after a restart", "–",
                     "%s / %s" % (mb(f["after_writes"]), mb(f["after_restart"])), "", "%.1f×" % worst, "",
                     "≤3× after the writes and a restart", verdict(worst <= 3)))
    for java, st in m["startup"].items():
        if java == "case":
            continue
        label = st["java"].split('"')[1] if '"' in st["java"] else st["java"]
        bare = st["bare"]["median_ms"]
        rows.append(("start to first answer, Java %s (median of %d): a bare Javalin app answering one route" % (
            label, len(st["bare"]["runs_ms"])), "–", "%d ms" % bare, "", "1.00", "", "–", "–"))
        for kind, what in (("fresh", "the service, `java -jar`, a fresh data directory"),
                           ("existing", "the service, `java -jar`, an existing store"),
                           ("launcher", "the service through ops/conversations (class-data archive), an existing store")):
            if kind in st:
                rows.append(("start to first answer, Java %s: %s" % (label, what), "–", "%d ms" % st[kind]["median_ms"],
                             "", "%.2f× the bare app" % st[kind]["ratio"], "", "≤2×", verdict(st[kind]["ratio"] <= 2)))

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
    if len(sys.argv) > 3:  # docs/performance.md's copy, between its markers
        readme = open(sys.argv[3]).read()
        start, end = readme.index("<!-- bench:start"), readme.index("<!-- bench:end -->")
        start = readme.index("\n", start) + 1
        body = "\n".join(lines[2:-2])  # without the heading and the footer
        open(sys.argv[3], "w").write(readme[:start] + body + "\n" + readme[end:])


if __name__ == "__main__":
    main()
