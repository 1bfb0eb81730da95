#!/usr/bin/env python3
"""Time from launching the JVM to the first answered request: a bare Javalin app that answers one route
(bench/BareJavalin.java, on the service's jar) beside the service on its embedded store (`java -jar`), in a fresh
data directory and in one that holds a store already, and the service through ops/conversations (class-data
sharing; its data directory holds the archive a first start and stop made), on each JDK given; runs interleaved
so that the machine's drift hits all alike. Prints one JSON object: per JDK, each kind's runs and median, and the
ratios of the service's medians to the bare app's."""
import argparse, json, os, shutil, subprocess, tempfile, time, urllib.request


def first_answer(cmd, port, env):
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=1) as r:
                    if r.status == 200:
                        return (time.perf_counter() - started) * 1000
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("%s exited while starting" % cmd)
                if time.perf_counter() - started > 60:
                    raise SystemExit("no answer within 60 s from %s" % cmd)
                time.sleep(0.005)
    finally:
        proc.terminate()
        proc.wait()


def service_env(port, data):
    env = dict(os.environ, CONVERSATIONS_PORT=str(port), CONVERSATIONS_DATA_DIR=data)
    env.pop("CONVERSATIONS_DB_URL", None)
    return env


def median(runs):
    return sorted(runs)[len(runs) // 2]


def measure(java, jar, launcher, classes, port, heap, runs):
    kinds = {"bare": [], "fresh": [], "existing": [], "launcher": []}
    existing = tempfile.mkdtemp(prefix="conversations-start-existing-")
    archived = tempfile.mkdtemp(prefix="conversations-start-launcher-")
    jdk_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java))))
    launched = dict(JAVA_HOME=jdk_home, JAVA_OPTS="-Xmx" + heap, CONVERSATIONS_JAR=jar)
    service = [java, "-Xmx" + heap, "-jar", jar]
    try:
        first_answer(service, port, service_env(port, existing))  # makes the store
        first_answer([launcher], port, dict(service_env(port, archived), **launched))  # the store and the archive
        for _ in range(runs):
            kinds["bare"].append(first_answer([java, "-Xmx" + heap, "-cp", jar + os.pathsep + classes, "BareJavalin",
                                               str(port)], port, dict(os.environ)))
            fresh = tempfile.mkdtemp(prefix="conversations-start-fresh-")
            try:
                kinds["fresh"].append(first_answer(service, port, service_env(port, fresh)))
            finally:
                shutil.rmtree(fresh, ignore_errors=True)
            kinds["existing"].append(first_answer(service, port, service_env(port, existing)))
            kinds["launcher"].append(first_answer([launcher], port, dict(service_env(port, archived), **launched)))
    finally:
        shutil.rmtree(existing, ignore_errors=True)
        shutil.rmtree(archived, ignore_errors=True)
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    result = {"java": version}
    for kind, ms in kinds.items():
        result[kind] = {"runs_ms": sorted(round(m) for m in ms), "median_ms": round(median(ms))}
    for kind in ("fresh", "existing", "launcher"):
        result[kind]["ratio"] = round(median(kinds[kind]) / median(kinds["bare"]), 2)
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--java", action="append", help="a java binary (repeat for several JDKs); default: java")
    p.add_argument("--port", type=int, default=7803)
    p.add_argument("--heap", default="512m")
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    classes = tempfile.mkdtemp(prefix="bare-javalin-")
    try:
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run(["javac", "--release", "17", "-cp", a.jar, "-d", classes,
                        os.path.join(here, "BareJavalin.java")], check=True)
        out = {}
        for java in a.java or ["java"]:
            out[java] = measure(java, a.jar, os.path.join(here, "..", "ops", "conversations"), classes, a.port,
                                a.heap, a.runs)
        print(json.dumps(out))
    finally:
        shutil.rmtree(classes, ignore_errors=True)


if __name__ == "__main__":
    main()
