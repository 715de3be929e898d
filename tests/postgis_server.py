"""A throw-away PostgreSQL/PostGIS server for the tests (session fixture ``postgis_server``).

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port (unix socket in
that folder and 127.0.0.1, trust authentication), a database with the ``postgis``
extension; stopped and deleted at the end of the session. ``scripts/setup.sh``
installs Debian's ``postgresql`` and ``postgis``, so missing binaries fail the
tests with a message saying what to install (they are never skipped).

PostgreSQL refuses to run as root: as root the server commands run as the
unprivileged ``postgres`` user (created by the Debian package) with ``runuser``,
and the folder belongs to that user.
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

import pytest

#: PostgreSQL server binaries of Debian's packages, newest version first.
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
#: The unprivileged user that runs the server when the tests run as root.
SERVER_USER = "postgres"
DATABASE = "lowland"
SUPERUSER = "lowland"
INSTALL_HINT = (
    "PostgreSQL/PostGIS not installed: run `bash scripts/setup.sh` "
    "(apt-get install postgresql postgis postgresql-15-postgis-3)"
)


@dataclass(frozen=True)
class PostgisServer:
    """Connection details of the running test server."""

    host: str  # the socket folder (libpq and QGIS accept a folder as host)
    port: int
    dbname: str
    user: str
    startup_seconds: float  # initdb + start + CREATE EXTENSION postgis

    def conninfo(self, tcp: bool = False) -> str:
        """libpq / QGIS connection string, e.g. ``dbname='lowland' host=… port=… user='…'``."""
        host = "127.0.0.1" if tcp else self.host
        return f"dbname='{self.dbname}' host={host} port={self.port} user='{self.user}'"

    def ogr(self) -> str:
        """GDAL/OGR PostgreSQL data source name."""
        return f"PG:dbname={self.dbname} host={self.host} port={self.port} user={self.user}"

    def table_uri(self, table: str, geometry: str | None = "geom", key: str | None = None) -> str:
        """QGIS ``postgres`` provider URI of ``public.<table>``."""
        uri = self.conninfo()
        if key:
            uri += f" key='{key}'"
        uri += f' table="public"."{table}"'
        if geometry:
            uri += f" ({geometry})"
        return uri

    def psql(self, sql: str) -> str:
        """Run SQL with ``psql`` (as the server's superuser); returns the unaligned output."""
        out = subprocess.run(
            [
                _psql(),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                self.user,
                "-d",
                self.dbname,
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}")
        return out.stdout.strip()


def pg_bin() -> Path:
    """The newest installed PostgreSQL server bin folder with PostGIS, or fail."""
    for folder in sorted(glob.glob(PG_BIN_GLOB), key=_version, reverse=True):
        version = Path(folder).parent.name
        control = Path(f"/usr/share/postgresql/{version}/extension/postgis.control")
        if (Path(folder) / "initdb").is_file() and control.is_file():
            return Path(folder)
    pytest.fail(INSTALL_HINT, pytrace=False)


def _version(folder: str) -> float:
    try:
        return float(Path(folder).parent.name)
    except ValueError:
        return 0.0


def _psql() -> str:
    return shutil.which("psql") or str(pg_bin() / "psql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(args: list[str]) -> list[str]:
    """``args`` run as the unprivileged server user when we are root."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", SERVER_USER, "--", *args]


def _run(args: list[str], what: str, log: Path | None = None) -> None:
    out = subprocess.run(_as_server_user(args), capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        pytest.fail(
            f"{what} failed ({out.returncode}): {out.stderr.strip() or out.stdout.strip()}\n{extra}",
            pytrace=False,
        )


def start_server() -> tuple[PostgisServer, Path]:
    """initdb + pg_ctl start + CREATE DATABASE/EXTENSION postgis; (server, folder)."""
    started = time.perf_counter()
    binaries = pg_bin()
    # short path: a unix socket path must stay under ~107 bytes
    folder = Path(tempfile.mkdtemp(prefix="lowland-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam(SERVER_USER)
        except KeyError:
            pytest.fail(
                f"running as root needs the unprivileged user {SERVER_USER!r} "
                f"(created by Debian's postgresql package). {INSTALL_HINT}",
                pytrace=False,
            )
        os.chown(folder, user.pw_uid, user.pw_gid)
    data, log = folder / "data", folder / "server.log"
    _run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        "initdb",
    )
    port = free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    _run(
        [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o", options, "start"],
        "pg_ctl start",
        log,
    )
    server = PostgisServer(str(folder), port, "postgres", SUPERUSER, 0.0)
    try:
        server.psql(f"CREATE DATABASE {DATABASE} ENCODING 'UTF8' TEMPLATE template0")
        server = PostgisServer(str(folder), port, DATABASE, SUPERUSER, 0.0)
        server.psql("CREATE EXTENSION postgis")
    except RuntimeError as err:
        stop_server(folder)
        pytest.fail(f"PostGIS set-up failed: {err}. {INSTALL_HINT}", pytrace=False)
    elapsed = time.perf_counter() - started
    return PostgisServer(str(folder), port, DATABASE, SUPERUSER, elapsed), folder


def stop_server(folder: Path) -> None:
    """pg_ctl stop (fast: open QGIS connections are closed) and delete the folder."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _as_server_user(
                [str(pg_bin() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
            ),
            capture_output=True,
            timeout=120,
        )
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgis_server():
    """A running PostgreSQL server with a ``postgis`` database (see the module doc)."""
    server, folder = start_server()
    print(f"\n[postgis] server up in {server.startup_seconds:.2f} s on port {server.port}")
    try:
        yield server
    finally:
        stop_server(folder)
