"""Outputs written under a temporary name beside their target and swapped in only when
complete (issue 21 items 5 and 6).

A cancelled, failed or killed re-run leaves the earlier result intact: a file output
(GeoPackage, shapefile) is written as ``<stem>.partial-<pid>.<ext>`` and a PostGIS table
as ``<table>_partial_<pid>``, then moved or renamed into place (PostGIS: the old table
renamed, the new one renamed, the old one dropped, in one transaction). While a partial
output exists it is registered here: ``atexit`` and a SIGTERM handler remove it, and a
later run removes partial files in the target's folder whose process is gone.

Two writers to the same new output: the first to finish wins, the other is refused with
a message (the rename or hard link of the new name fails when it exists); a re-run
replaces the earlier output as a whole, so rows are never added twice.
"""

from __future__ import annotations

import atexit
import itertools
import os
import re
import signal
import threading
from collections.abc import Callable

from qgis.core import (
    QgsDataSourceUri,
    QgsException,
    QgsProcessingException,
    QgsProviderRegistry,
)

from ..i18n import tr

#: Prefix of a Processing destination that is a PostGIS table.
POSTGRES = "postgres://"
#: ``<stem>.partial-<pid>-<n>[.<ext>]``: the stem is never empty (temporary files made
#: by ``tempfile`` start with ``.partial-`` and carry no pid).
PARTIAL_NAME = re.compile(r"^(?P<stem>.+)\.partial-(?P<pid>\d+)(?:-\d+)?(?:\..*)?$")
#: Files that make up one shapefile besides the .shp itself.
SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")
#: PostgreSQL's longest identifier.
PG_NAME_MAX = 63

_lock = threading.Lock()
#: Numbers this process's partial outputs: two runs in one process (background tasks)
#: never share one.
_serial = itertools.count(1)
_pending: dict[str, Callable[[], None]] = {}
_previous_handler: object = None
_atexit_registered = False


# ------------------------------------------------------------ the registry


def register_partial(key: str, cleanup: Callable[[], None]) -> None:
    """Remember how to remove a partial output until :func:`forget_partial`; installs the
    SIGTERM handler (main thread only: Python allows no other) and the exit hook."""
    global _previous_handler, _atexit_registered
    with _lock:
        _pending[key] = cleanup
        if not _atexit_registered:
            atexit.register(remove_pending_partials)
            _atexit_registered = True
        if _previous_handler is None and threading.current_thread() is threading.main_thread():
            _previous_handler = signal.signal(signal.SIGTERM, _on_sigterm)


def forget_partial(key: str) -> None:
    """The partial output ``key`` is gone (moved into place or removed)."""
    global _previous_handler
    with _lock:
        _pending.pop(key, None)
        if (
            not _pending
            and _previous_handler is not None
            and threading.current_thread() is threading.main_thread()
        ):
            signal.signal(signal.SIGTERM, _previous_handler)  # type: ignore[arg-type]
            _previous_handler = None


def remove_pending_partials() -> None:
    """Remove every partial output this process still has (exit or SIGTERM)."""
    with _lock:
        cleanups = list(_pending.values())
        _pending.clear()
    for cleanup in cleanups:
        try:
            cleanup()
        except Exception:  # noqa: BLE001 (best effort while the process ends)
            pass


def _on_sigterm(signum, frame) -> None:
    """Remove the partial outputs, then end as SIGTERM would have."""
    global _previous_handler
    remove_pending_partials()
    previous = _previous_handler
    _previous_handler = None
    restored = previous if previous is not None else signal.SIG_DFL
    signal.signal(signum, restored)  # type: ignore[arg-type]
    if restored == signal.SIG_IGN:
        return
    if callable(restored):
        restored(signum, frame)
        return
    os.kill(os.getpid(), signum)


# ----------------------------------------------------------- partial files


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_stale_partials(folder: str) -> list[str]:
    """Remove ``*.partial-<pid>*`` files in ``folder`` whose process is gone (killed
    hard, or a crash); returns the names removed."""
    removed: list[str] = []
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return removed
    for name in names:
        match = PARTIAL_NAME.match(name)
        if match is None or pid_alive(int(match["pid"])):
            continue
        try:
            os.remove(os.path.join(folder, name))
            removed.append(name)
        except OSError:
            pass
    return removed


def partial_path(path: str) -> str:
    """``<stem>.partial-<pid><ext>`` beside ``path`` (same folder, same extension)."""
    base, ext = os.path.splitext(path)
    return f"{base}.partial-{os.getpid()}-{next(_serial)}{ext}"


def dataset_files(path: str) -> list[str]:
    """The files of a file output: a shapefile's side files too."""
    base, ext = os.path.splitext(path)
    if ext.lower() != ".shp":
        return [path]
    return [path] + [base + part for part in SHAPEFILE_PARTS]


def remove_files(path: str) -> None:
    for part in dataset_files(path):
        if os.path.exists(part):
            os.remove(part)


def taken_error(target: str) -> QgsProcessingException:
    """Another run wrote the same new output first."""
    return QgsProcessingException(
        tr("另一个运行已先写出“{0}”；本次结果未写入，请另选输出或重新运行。").format(target)
        + f" / another run wrote {target} first: this result was not written;"
        " choose another output or run again."
    )


def swap_file_into_place(partial: str, target: str, existed: bool) -> None:
    """Move a complete partial file output (with its shapefile side files) onto
    ``target``. A new target that another run has created meanwhile is refused."""
    if not existed:
        try:
            os.link(partial, target)  # fails when the name exists: the other run won
        except FileExistsError:
            raise taken_error(target) from None
        except OSError:
            if os.path.exists(target):
                raise taken_error(target) from None
            os.replace(partial, target)  # a file system without hard links
    else:
        os.replace(partial, target)
    base, pbase = os.path.splitext(target)[0], os.path.splitext(partial)[0]
    if target.lower().endswith(".shp"):
        for part in SHAPEFILE_PARTS:
            if os.path.exists(pbase + part):
                os.replace(pbase + part, base + part)
            elif os.path.exists(base + part):
                os.remove(base + part)  # an old index or encoding file of the earlier run
    if os.path.exists(partial):
        os.remove(partial)


def stage_file(target: str) -> str:
    """Remove stale partial files beside ``target``; register and return this run's
    partial name for it."""
    folder = os.path.dirname(os.path.abspath(target))
    remove_stale_partials(folder)
    partial = partial_path(target)
    remove_files(partial)
    register_partial(partial, lambda: remove_files(partial))
    return partial


# ---------------------------------------------------------------- PostGIS


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def postgres_parts(destination: str) -> tuple[QgsDataSourceUri, str, str]:
    """(parsed URI, schema, table) of a ``postgres://…`` destination."""
    parsed = QgsDataSourceUri(destination[len(POSTGRES) :])
    return parsed, parsed.schema() or "public", parsed.table()


def postgres_connection(destination: str):
    """A QGIS database connection to the server of a ``postgres://…`` destination."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return metadata.createConnection(destination[len(POSTGRES) :], {})


def partial_table_name(table: str) -> str:
    suffix = f"_partial_{os.getpid()}_{next(_serial)}"
    return table[: PG_NAME_MAX - len(suffix)] + suffix


def stage_postgres(destination: str) -> tuple[str, bool]:
    """(destination of this run's partial table, whether the target table exists) for
    a ``postgres://…`` destination; the partial table is registered for removal."""
    parsed, schema, table = postgres_parts(destination)
    connection = postgres_connection(destination)
    existed = connection.tableExists(schema, table)
    partial = partial_table_name(table)
    staged = QgsDataSourceUri(parsed)
    staged.setTable(partial)
    staged_destination = POSTGRES + staged.uri(False)
    register_partial(staged_destination, lambda: drop_table(destination, schema, partial))
    return staged_destination, existed


def drop_table(destination: str, schema: str, table: str) -> None:
    connection = postgres_connection(destination)
    if connection.tableExists(schema, table):
        connection.dropVectorTable(schema, table)


def swap_table_into_place(destination: str, staged: str, existed: bool) -> None:
    """Rename the complete partial table to the target in one transaction (the earlier
    table renamed aside and dropped in the same transaction). A new target that another
    run created meanwhile is refused and the partial table dropped."""
    _parsed, schema, table = postgres_parts(destination)
    partial = postgres_parts(staged)[2]
    old = partial_table_name(table + "_old")
    s, t, p, o = _quoted(schema), _quoted(table), _quoted(partial), _quoted(old)
    statements = []
    if existed:
        statements += [f"ALTER TABLE {s}.{t} RENAME TO {o}"]
    statements += [f"ALTER TABLE {s}.{p} RENAME TO {t}"]
    if existed:
        statements += [f"DROP TABLE {s}.{o} CASCADE"]
    connection = postgres_connection(destination)
    try:
        # one PQexec with several statements runs as one transaction: all or nothing
        connection.executeSql("; ".join(statements))
    except QgsException as err:  # QgsProviderConnectionException, or its base in 3.22
        drop_table(destination, schema, partial)
        if not existed and connection.tableExists(schema, table):
            raise taken_error(f"{schema}.{table}") from err
        raise QgsProcessingException(
            tr("无法替换数据库表 {0}：{1}").format(f"{schema}.{table}", str(err))
            + f" / cannot replace table {schema}.{table}: {err}"
        ) from err
    finally:
        forget_partial(staged)
