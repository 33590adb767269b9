#!/usr/bin/env python3
"""`make soak`: what the store and the server survive. Not part of `make test`.

1. kill -9 at random moments during import, schedule and record on a 20,000-event store: after
   each kill, `PRAGMA integrity_check` must say ok and the store must hold the state before the
   command or the state the command writes when it runs to the end (never a mix).
2. slow clients (slowloris: headers a byte at a time, never finished) held against `serve` while
   wrk loads it on loopback: real requests must keep answering (no errors, p99 bounded).

Usage: soak.py BIN WORKDIR [--kills N] [--slow N] [--seconds S]; prints the figures for RELIABILITY.md.
"""
import argparse, hashlib, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("bin"); ap.add_argument("work")
ap.add_argument("--kills", type=int, default=100)
ap.add_argument("--slow", type=int, default=1000)
ap.add_argument("--seconds", type=int, default=40)
ap.add_argument("--p99-ms", type=float, default=1000.0)
ap.add_argument("--seed", type=int, default=14)
args = ap.parse_args()
random.seed(args.seed)
os.makedirs(args.work, exist_ok=True)
db = os.path.join(args.work, "soak.sqlite")
plans = [os.path.join(args.work, f"plan-{v}.yaml") for v in (0, 1)]
failures = []


def run(db_path, *command, check=True):
    result = subprocess.run([args.bin, "--db", db_path, *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if check and result.returncode not in (0, 3):
        sys.exit(f"soak: {' '.join(command)} failed: {result.stderr.strip()}")
    return result


def fingerprint(path):
    """What a command changes, without the wall-clock stamps."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT cluster, number, title, date, startTime, status, sequence, participantCount "
                           "FROM event ORDER BY cluster, number").fetchall()
        revision = con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return hashlib.sha256(repr((rows, revision)).encode()).hexdigest(), len(rows)
    finally:
        con.close()


def integrity(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def copy_store(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close(); dst.close()


# --- 1. kill -9 during writes -------------------------------------------------------------------
for v, path in enumerate(plans):
    subprocess.run([sys.executable, os.path.join(here, "make_plan.py"), path, str(v)], check=True)
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
started = time.monotonic(); run(db, "import", plans[0]); import_seconds = time.monotonic() - started
started = time.monotonic(); run(db, "schedule"); schedule_seconds = time.monotonic() - started
events = fingerprint(db)[1]
print(f"soak: store of {events} events; import {import_seconds:.1f} s, schedule {schedule_seconds:.1f} s")

next_plan = 1
counts = {"import": 0, "schedule": 0, "record": 0}
outcome = {"killed while running": 0, "finished before the kill": 0, "old state": 0, "new state": 0}
before = os.path.join(args.work, "before.sqlite")
for i in range(args.kills):
    op = random.choice(["import", "schedule", "record"])
    if op == "import":
        command, duration = ["import", plans[next_plan]], import_seconds
    elif op == "schedule":
        command, duration = ["schedule"], schedule_seconds
    else:
        c, n = random.randrange(2500), random.randint(1, 8)
        day = "2019-10-15" if n <= 4 else "2020-10-15"
        command, duration = ["record", f"k{c}/{n}", "--held", day, "--participants", str(random.randint(4, 40)),
                             "--schools", f"s{c * 4}"], 0.4
    counts[op] += 1
    old = fingerprint(db)[0]
    copy_store(db, before)
    process = subprocess.Popen([args.bin, "--db", db, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, duration * 1.1))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        outcome["killed while running"] += 1
    else:
        outcome["finished before the kill"] += 1
    process.wait()
    check = integrity(db)
    if check != "ok":
        failures.append(f"kill {i} during {op}: integrity_check: {check}")
        break
    now = fingerprint(db)[0]
    if now == old:
        outcome["old state"] += 1
    else:
        # The state the command writes when nothing stops it, from the same starting store.
        run(before, *command)
        if fingerprint(before)[0] == now:
            outcome["new state"] += 1
            if op == "import":
                next_plan = 1 - next_plan
        else:
            failures.append(f"kill {i} during {' '.join(command)}: the store is neither the old nor the new state")
            break
print(f"soak: {args.kills} kill -9 ({counts['import']} import, {counts['schedule']} schedule, {counts['record']} record): "
      + ", ".join(f"{k} {v}" for k, v in outcome.items()) + f"; integrity_check ok after every kill: {not failures}")

# --- 2. slow clients and load against serve ----------------------------------------------------
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


port = free_port()
server = subprocess.Popen([args.bin, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close(); break
        except OSError:
            time.sleep(0.1)
    url = f"http://127.0.0.1:{port}/feeds/clusters/k7.ics"
    subprocess.run(["curl", "-sf", "-o", "/dev/null", url], check=True)

    slow = []
    for _ in range(args.slow):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.setblocking(False)
            s.send(b"GET / HTTP/1.1\r\nHost: x\r\n")
            slow.append(s)
        except OSError:
            break
    opened = len(slow)
    wrk = subprocess.Popen(["wrk", "-t2", "-c32", f"-d{args.seconds}s", "--latency", url],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    def still_open():
        count = 0
        for s in slow:
            try:
                count += 0 if s.recv(1, socket.MSG_PEEK) == b"" else 1
            except BlockingIOError:
                count += 1  # open, nothing to read: held
            except OSError:
                pass
        return count

    # Keep the slow clients trickling header bytes while the load runs.
    started, held_midway = time.monotonic(), None
    while time.monotonic() < started + args.seconds:
        for s in slow:
            try:
                s.send(b"X-a: b\r\n")
            except OSError:
                pass
        if held_midway is None and time.monotonic() > started + args.seconds / 2:
            held_midway = still_open()
        time.sleep(2)
    report = wrk.communicate()[0]
    held_end = still_open()
    for s in slow:
        s.close()
    requests = re.search(r"(\d+) requests in", report)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", report)
    errors = re.search(r"Socket errors: (.*)", report)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p99_ms = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("inf")
    print(f"soak: {opened} slow clients opened, {held_midway} held at {args.seconds // 2} s, {held_end} at {args.seconds} s "
          f"(the header timeout closes them 30 s after they connect); wrk -t2 -c32 {args.seconds}s on a feed: "
          f"{requests.group(1) if requests else '?'} requests, p99 {p99_ms:.1f} ms, "
          f"socket errors: {errors.group(1) if errors else 'none'}, non-2xx: {non2xx.group(1) if non2xx else 0}")
    if not requests or p99_ms > args.p99_ms or errors or non2xx:
        failures.append("real requests did not keep answering under slow clients:\n" + report)
    if server.poll() is not None:
        failures.append("serve died")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait()

if failures:
    print("soak: FAILED\n" + "\n".join(failures))
    sys.exit(1)
print("soak: passed")
