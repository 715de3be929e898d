"""The files ``lowland:generateplan`` writes, named from the unit ids (issue 21 item 9).

One rule for the Processing algorithm, the unit maps of :mod:`.layouts` and the plan
dock (which asks before overwriting):

- :func:`safe_file_part` — a unit id as part of a file name (Windows and Linux safe,
  CJK kept); an id too long for a file name is cut and gets a stable hash suffix.
- :func:`file_parts` — the part of every unit id, refusing two ids that map to one
  name (also when they differ only in letter case: Windows and macOS would write one
  file), naming both ids.
- :func:`planned_files` / :func:`existing_files` — the paths a run would write, and
  those of them that exist already (not overwritten unless the user chose to).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from ..core.common.errors import LowlandInputError

#: Longest unit-id part of a file name in UTF-8 bytes (names may have 255 bytes; the
#: part is followed by ``_实施方案.docx`` and preceded by ``map_``).
MAX_PART_BYTES = 120
#: Length of the hash suffix of a shortened part (hex digits of SHA-1).
HASH_DIGITS = 10
#: Names of the document files: ``DY01_实施方案.docx`` (ASCII ``DY01_plan.docx`` where
#: the file system encoding cannot store Chinese).
DOCUMENT_NAME, DOCUMENT_NAME_ASCII = "实施方案", "plan"
ATLAS_NAME, ATLAS_NAME_ASCII = "实施方案图集", "plan_atlas"
MAPS_FOLDER = "maps"
#: Device names Windows will not use as a file name, whatever the extension.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def chinese_file_names() -> bool:
    """True when file names can hold Chinese characters here."""
    try:
        os.fsencode(DOCUMENT_NAME)
    except UnicodeEncodeError:
        return False
    return sys.getfilesystemencoding().lower().replace("-", "") in ("utf8", "mbcs")


def safe_file_part(text: str) -> str:
    """``text`` usable in a file name on Windows and Linux (CJK kept; separators, quotes,
    control characters and blanks become ``_``); longer than :data:`MAX_PART_BYTES`, it
    is cut and ends in ``~`` and a hash of the whole text (the same text, the same name)."""
    out = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 or ch.isspace() else ch for ch in text)
    out = out.strip("._") or "unit"
    if out.split(".")[0].lower() in _WINDOWS_DEVICES:
        out = f"_{out}"
    if len(out.encode("utf-8")) <= MAX_PART_BYTES:
        return out
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]
    keep = MAX_PART_BYTES - HASH_DIGITS - 1
    cut = out.encode("utf-8")[:keep].decode("utf-8", "ignore").rstrip("._")
    return f"{cut}~{digest}"


def document_part(unit_id: str) -> str:
    """The unit's part of its document names (ASCII where Chinese cannot be stored)."""
    part = safe_file_part(unit_id)
    if not chinese_file_names():
        part = part.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return part


def document_file(unit_id: str, fmt: str) -> str:
    """``DY01_实施方案.docx`` (or ``DY01_plan.docx``)."""
    name = DOCUMENT_NAME if chinese_file_names() else DOCUMENT_NAME_ASCII
    return f"{document_part(unit_id)}_{name}.{fmt}"


def map_file(unit_id: str) -> str:
    """``maps/map_DY01.png`` (relative to the output folder)."""
    return f"{MAPS_FOLDER}/map_{safe_file_part(unit_id)}.png"


def atlas_file() -> str:
    return f"{ATLAS_NAME if chinese_file_names() else ATLAS_NAME_ASCII}.pdf"


def file_parts(unit_ids: Iterable[str]) -> dict[str, str]:
    """``{unit_id: file part}``; two ids whose files would have one name (the same part,
    or parts differing only in letter case) are refused before anything is written."""
    parts: dict[str, str] = {}
    owner: dict[str, str] = {}
    for unit_id in unit_ids:
        for part in {safe_file_part(unit_id), document_part(unit_id)}:
            key = part.casefold()
            other = owner.setdefault(key, unit_id)
            if other != unit_id:
                raise LowlandInputError(
                    f"单元 {other!r} 和 {unit_id!r} 的文件名相同（{part}）：两个单元的实施方案会"
                    "写进同一个文件。请修改其中一个单元编号后重试。 / units "
                    f"{other!r} and {unit_id!r} map to one file name ({part}): change one "
                    "of the unit ids."
                )
        parts[unit_id] = document_part(unit_id)
    return parts


def planned_files(
    folder: str | os.PathLike, unit_ids: Iterable[str], formats: Iterable[str], maps: bool
) -> list[Path]:
    """Every file a run would write into ``folder`` (documents, unit maps, the atlas)."""
    ids = list(unit_ids)
    formats = list(formats)
    out = Path(folder)
    files = [out / document_file(u, fmt) for u in ids for fmt in formats]
    if maps:
        files += [out / map_file(u) for u in ids]
        if "pdf" in formats:
            files.append(out / atlas_file())
    return files


def existing_files(
    folder: str | os.PathLike, unit_ids: Iterable[str], formats: Iterable[str], maps: bool
) -> list[Path]:
    """The files of :func:`planned_files` that are there already."""
    return [p for p in planned_files(folder, unit_ids, formats, maps) if p.exists()]


def refuse_overwrite(files: list[Path]) -> None:
    """Refuse a run that would replace ``files`` (the user did not choose to overwrite)."""
    if files:
        shown = "、".join(str(p) for p in files[:5]) + ("…" if len(files) > 5 else "")
        raise LowlandInputError(
            f"输出文件已存在：{shown}（共 {len(files)} 个）。请换一个输出文件夹，或选择覆盖"
            f"（OVERWRITE=True）。 / {len(files)} output files exist already ({shown}): "
            "choose another folder or set OVERWRITE to replace them."
        )
