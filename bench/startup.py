#!/usr/bin/env python3
"""Time from launching `java -jar` to the first answered request, on the embedded store in a fresh
data directory. Prints one JSON line with each run and the median."""
import argparse, json, os, shutil, subprocess, tempfile, time, urllib.request


def once(jar, port, heap):
    data = tempfile.mkdtemp(prefix="conversations-start-")
    env = dict(os.environ, CONVERSATIONS_PORT=str(port), CONVERSATIONS_DATA_DIR=data)
    env.pop("CONVERSATIONS_DB_URL", None)
    started = time.perf_counter()
    proc = subprocess.Popen(["java", "-Xmx" + heap, "-jar", jar], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=1) as r:
                    if r.status == 200:
                        return (time.perf_counter() - started) * 1000
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("the service exited while starting")
                if time.perf_counter() - started > 60:
                    raise SystemExit("no answer within 60 s")
                time.sleep(0.005)
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(data, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--port", type=int, default=7803)
    p.add_argument("--heap", default="512m")
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    runs = sorted(round(once(a.jar, a.port, a.heap)) for _ in range(a.runs))
    print(json.dumps({"runs_ms": runs, "median_ms": runs[len(runs) // 2]}))


if __name__ == "__main__":
    main()
