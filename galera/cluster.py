"""A three-node MariaDB Galera cluster on one machine: each node Debian's mariadbd with its own data folder,
ports and --defaults-file (the mariadb-backup SST script reads the node's settings from that file; rsync SST run
as root drops to `nobody` and fails). Used by galera/kill_a_node.py and by bench/run.

    python3 galera/cluster.py DIR         starts a cluster in DIR (fresh), prints the JDBC URL, waits for Ctrl-C
"""
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time

MARIADBD = "/usr/sbin/mariadbd"
PROVIDER = "/usr/lib/galera/libgalera_smm.so"
# What the cluster needs beyond mariadb-server, by the file that shows it is there.
PACKAGES = {"galera-4": PROVIDER, "mariadb-backup": "/usr/bin/mariadb-backup", "socat": "/usr/bin/socat"}
SST_USER, SST_PASSWORD = "sst", "sst-on-loopback"


class Missing(Exception):
    """Packages the cluster needs are not installed and could not be."""


def ensure_packages(log=lambda line: print(line, file=sys.stderr)):
    """Installs galera-4, mariadb-backup and socat from Debian's packages when missing; raises Missing if that fails.
    Tells of it through log, by default on stderr: a caller's stdout may carry its answer (the cluster's URL)."""
    missing = [name for name, path in PACKAGES.items() if not os.path.exists(path)]
    if not missing:
        return
    log("installing " + " ".join(missing) + " from Debian's packages")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq"] + missing
    ok = subprocess.run(install, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if not ok:
        subprocess.run(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(install, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    still = [name for name, path in PACKAGES.items() if not os.path.exists(path)]
    if still:
        raise Missing("could not install " + " ".join(still) + " (apt-get install failed)")


_HANDED_OUT = set()


def free_port():
    """A port free now, below Linux's ephemeral range (32768-60999): a port the kernel hands out (bind to 0) is
    one any outgoing connection may take before the Galera node listens on it (seen: n3's IST listener failed
    with 'Address already in use' and the node aborted its join)."""
    for _ in range(1000):
        port = random.randint(20000, 32000)
        if port in _HANDED_OUT:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port
    raise RuntimeError("no free port in 20000-32000")


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


class Node:
    def __init__(self, cluster, index):
        self.cluster = cluster
        self.index = index
        self.name = "n%d" % index
        self.dir = os.path.join(cluster.dir, self.name)
        self.port = free_port()
        self.gcomm_port = free_port()
        self.ist_port = free_port()
        self.sst_port = free_port()
        self.process = None
        self.log = None

    @property
    def defaults_file(self):
        return os.path.join(self.dir, "my.cnf")

    @property
    def datadir(self):
        return os.path.join(self.dir, "data")

    def write_config(self):
        os.makedirs(self.datadir, exist_ok=True)
        peers = ",".join("127.0.0.1:%d" % n.gcomm_port for n in self.cluster.nodes)
        options = ";".join([
            "base_port=%d" % self.gcomm_port,
            "gmcast.listen_addr=tcp://127.0.0.1:%d" % self.gcomm_port,
            "ist.recv_addr=127.0.0.1:%d" % self.ist_port,
            "gcache.size=256M",
        ] + self.cluster.provider_options)
        with open(self.defaults_file, "w") as f:
            f.write(f"""[mysqld]
datadir={self.datadir}
socket={self.dir}/mariadb.sock
port={self.port}
bind-address=127.0.0.1
pid-file={self.dir}/mariadb.pid
log-error={self.dir}/error.log
user=root
max_connections=400
innodb_buffer_pool_size=96M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=1
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider={PROVIDER}
wsrep_cluster_name=conversations-test
wsrep_cluster_address=gcomm://{peers}
wsrep_node_name={self.name}
wsrep_node_address=127.0.0.1:{self.gcomm_port}
wsrep_node_incoming_address=127.0.0.1:{self.port}
wsrep_provider_options="{options}"
wsrep_sst_method=mariabackup
wsrep_sst_auth={SST_USER}:{SST_PASSWORD}
wsrep_sst_receive_address=127.0.0.1:{self.sst_port}
wsrep_slave_threads=4

[sst]
sst-syslog=0
""")

    def start(self, new_cluster=False):
        """Starts the node (bootstrapping a new cluster, or joining: SST or IST from a donor)."""
        args = [MARIADBD, "--defaults-file=" + self.defaults_file]
        if new_cluster:
            args.append("--wsrep-new-cluster")
        else:
            position = self.recovered_position()
            if position:
                args.append("--wsrep-start-position=" + position)
        self.log = open(os.path.join(self.dir, "mariadbd.out"), "ab")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def recovered_position(self):
        """After a crash the node's position is in InnoDB, not grastate.dat: read it back so it can rejoin by IST."""
        if not os.path.exists(os.path.join(self.datadir, "grastate.dat")):
            return None
        subprocess.run([MARIADBD, "--defaults-file=" + self.defaults_file, "--wsrep-recover",
                        "--log-error=" + os.path.join(self.dir, "recover.log")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        try:
            with open(os.path.join(self.dir, "recover.log")) as f:
                for line in f:
                    if "Recovered position:" in line:
                        return line.rsplit("Recovered position:", 1)[1].strip()
        except OSError:
            return None
        return None

    def status(self, variable):
        out = self.sql("SHOW GLOBAL STATUS LIKE '%s'" % variable, timeout=5)
        parts = out.split("\t")
        return parts[1].strip() if len(parts) > 1 else None

    def synced(self):
        try:
            return self.status("wsrep_local_state_comment") == "Synced" and self.status("wsrep_ready") == "ON"
        except (subprocess.SubprocessError, OSError):
            return False

    def await_synced(self, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError("%s exited (%s); its log: %s" % (self.name, self.process.returncode,
                                                                   self.tail_of_log()))
            if answers(self.port) and self.synced():
                return
            time.sleep(0.25)
        raise RuntimeError("%s did not become Synced within %d s; its log: %s" % (self.name, seconds,
                                                                                self.tail_of_log()))

    def tail_of_log(self, lines=30):
        try:
            with open(os.path.join(self.dir, "error.log"), errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"

    def sql(self, statement, database=None, timeout=30):
        args = ["mariadb", "--no-defaults", "-h127.0.0.1", "-P%d" % self.port, "-uroot", "-N", "-B", "-e", statement]
        if database:
            args.insert(-2, database)
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise subprocess.CalledProcessError(done.returncode, statement, done.stdout, done.stderr.strip())
        return done.stdout

    def kill(self):
        """SIGKILL, as a crash or a power cut."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


class Cluster:
    """Three Galera nodes in `directory` (made afresh). `provider_options`: extra wsrep_provider_options."""

    def __init__(self, directory, size=3, provider_options=()):
        self.dir = os.path.abspath(directory)
        self.provider_options = list(provider_options)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.nodes = [Node(self, i) for i in range(1, size + 1)]

    def start(self):
        """Bootstraps the first node, then joins the others one by one (each by a mariadb-backup SST)."""
        for node in self.nodes:
            node.write_config()
        first = self.nodes[0]
        subprocess.run(["mariadb-install-db", "--defaults-file=" + first.defaults_file, "--user=root",
                        "--auth-root-authentication-method=normal", "--skip-test-db"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        first.start(new_cluster=True)
        first.await_synced()
        first.sql("CREATE USER '%s'@'localhost' IDENTIFIED BY '%s'; "
                  "GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO '%s'@'localhost'"
                  % (SST_USER, SST_PASSWORD, SST_USER))
        for node in self.nodes[1:]:
            node.start()
            node.await_synced()
        return self

    def jdbc_url(self, database, order=None):
        """Connector/J's sequential failover URL: every client tries the nodes in the same order."""
        nodes = order or self.nodes
        hosts = ",".join("127.0.0.1:%d" % n.port for n in nodes)
        return "jdbc:mariadb:sequential://%s/%s" % (hosts, database)

    def size(self):
        for node in self.nodes:
            if node.process is not None and node.process.poll() is None and answers(node.port):
                try:
                    return int(node.status("wsrep_cluster_size"))
                except (subprocess.SubprocessError, OSError, TypeError, ValueError):
                    continue
        return 0

    def stop(self):
        for node in reversed(self.nodes):
            node.kill()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the nodes (finally, below) on SIGTERM too
    ensure_packages()
    cluster = Cluster(sys.argv[1] if len(sys.argv) > 1 else "/tmp/galera").start()
    cluster.nodes[0].sql("CREATE DATABASE IF NOT EXISTS conv")
    print(cluster.jdbc_url("conv"), flush=True)
    try:
        signal.pause()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        cluster.stop()
