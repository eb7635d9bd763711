"""A throw-away PostgreSQL server for the tests and the benchmark.

Installs PostgreSQL from the Debian packages when `initdb`/`pg_ctl` are missing (as root only),
creates a cluster in a temporary folder owned by the `postgres` user (initdb refuses root), starts
it on a free local port and stops it again. Used by tests/conftest.py and bench/query.py; run it by
hand to get a server for manual work:

    python scripts/pg_test_server.py      # prints the URL, stops on Ctrl-C
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be installed or started here."""


@dataclass
class PgServer:
    """A running server: its data folder, port and the binaries that control it."""

    bindir: Path
    root: Path
    port: int
    user: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _run(self, [str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop"],
             check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]) if d.split("/")[-2].isdigit() else 0)
    for d in reversed(dirs):
        if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


def _install() -> Path:
    if os.geteuid() != 0:
        raise PostgresUnavailable("initdb/pg_ctl not found and not root: install PostgreSQL (apt-get install postgresql)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(cmd)} failed: {done.stderr.strip()[-500:]}")
    found = _bindir()
    if found is None:
        raise PostgresUnavailable("postgresql installed but no initdb/pg_ctl under /usr/lib/postgresql/*/bin")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(server: PgServer, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user then
    full = ["runuser", "-u", server.user, "--", *cmd] if server.user else cmd
    done = subprocess.run(full, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        raise PostgresUnavailable(f"{' '.join(cmd[:2])} failed: {(done.stderr or done.stdout).strip()[-800:]}")
    return done


def start() -> PgServer:
    """Start a fresh server with trust authentication on 127.0.0.1; the caller stops it."""
    bindir = _bindir() or _install()
    user: str | None = None
    root = Path(tempfile.mkdtemp(prefix="entente-pg-"))
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("running as root and there is no 'postgres' user to run the server") from exc
        user = "postgres"
        os.chmod(root, 0o700)
        os.chown(root, pw.pw_uid, pw.pw_gid)
    server = PgServer(bindir=bindir, root=root, port=_free_port(), user=user)
    try:
        _run(server, [str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync"])
        opts = (f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        _run(server, [str(bindir / "pg_ctl"), "-D", str(root / "data"), "-o", opts, "-l", str(root / "log"),
                      "-w", "-t", "60", "start"])
    except (PostgresUnavailable, subprocess.TimeoutExpired, OSError) as exc:
        log = root / "log"
        tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
        server.stop()
        raise PostgresUnavailable(f"{exc} {tail}".strip()) from exc
    return server


if __name__ == "__main__":
    srv = start()
    print(srv.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
