"""Stored review decisions of an identification layer, for several reviewers on one table.

Several reviewers may work on one table (PostGIS). A decision is written only on the
state the reviewer's list was loaded with: when someone else saved a decision on the
parcel meanwhile, it is refused (:meth:`ReviewStore.check_unchanged`); on saving,
decisions on parcels someone else saved first are dropped for theirs
(:meth:`ReviewStore.drop_conflicts`). The rule itself is
:func:`core.identify.review.check_decision_unchanged`; this module reads what the data
source holds and writes through the layer's edit buffer (one edit command a decision).

In a PostgreSQL transaction (project transaction mode) each decision goes to the
database at once; a parcel another reviewer holds in an unsaved transaction makes it
fail after :data:`LOCK_TIMEOUT_MS` instead of freezing QGIS until they save.
"""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsFeatureRequest, QgsTransaction, QgsVectorLayer

from ..core.identify.review import (
    DECISION_FIELDS,
    LOG_COLUMNS,
    REVIEW_FIELDS,
    ReviewConflictError,
    check_decision_unchanged,
)
from ..i18n import tr
from .layers import python_value

#: In a PostgreSQL transaction (project transaction mode), how long a decision waits for a
#: parcel another reviewer holds in an unsaved transaction before it gives up (instead of
#: QGIS freezing until they save).
LOCK_TIMEOUT_MS = 3000


def stored_reviews(layer: QgsVectorLayer | None, fids=None) -> dict[int, dict]:
    """Review fields as the data source holds them now (not the edit buffer): what
    another reviewer saved shows here, on a database also after the list was loaded."""
    if layer is None or layer.dataProvider() is None:
        return {}
    provider = layer.dataProvider()
    fields = provider.fields()
    names = [n for n in REVIEW_FIELDS if fields.indexOf(n) >= 0]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, fields)
    if fids is not None:
        request.setFilterFids([f for f in fids if f >= 0])
    return {f.id(): {n: python_value(f[n]) for n in names} for f in provider.getFeatures(request)}


def in_transaction(layer: QgsVectorLayer) -> bool:
    """Whether the layer's edits go to its database at once (project transaction mode)."""
    return layer.dataProvider().transaction() is not None


def review_frame(layer: QgsVectorLayer | None) -> pd.DataFrame:
    """The layer's current attributes (edit buffer included) for the review log."""
    if layer is None:
        return pd.DataFrame(columns=list(LOG_COLUMNS))
    fields = layer.fields()
    names = [n for n in LOG_COLUMNS if fields.indexOf(n) >= 0]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, fields)
    rows = [{n: python_value(f[n]) for n in names} for f in layer.getFeatures(request)]
    return pd.DataFrame(rows, columns=names)


class ReviewStore:
    """The review state of one layer a reviewer works on: the review fields as the data
    source held them when the list was loaded (``loaded``) and this reviewer's unsaved
    decisions (``own``)."""

    def __init__(self) -> None:
        self.layer: QgsVectorLayer | None = None
        self.loaded: dict[int, dict] = {}
        self.own: dict[int, dict] = {}
        self._lock_limited: QgsTransaction | None = (
            None  # the transaction whose lock_timeout is set
        )

    def bind(self, layer: QgsVectorLayer | None) -> None:
        """Work on ``layer`` (None: on none): its stored state, no own decisions."""
        self.layer = layer
        self.own = {}
        self.loaded = stored_reviews(layer) if layer is not None else {}

    def reload(self) -> None:
        """Re-read the stored state; parcels with an unsaved decision keep the state it
        was made on (checked on save)."""
        stored = stored_reviews(self.layer)
        self.loaded = {f: self.loaded.get(f, v) if f in self.own else v for f, v in stored.items()}

    def forget_own(self) -> None:
        """After a commit or rollback: no unsaved decisions of this reviewer are left."""
        self.own = {}

    def check_unchanged(self, fid: int, parcel_id) -> None:
        """Raise :class:`ReviewConflictError` when someone else saved a decision on this
        parcel since the list was loaded (:func:`core.review.check_decision_unchanged`)."""
        if fid < 0 or fid not in self.loaded:
            return  # a feature added in this session: nobody else can have decided it
        stored = stored_reviews(self.layer, [fid]).get(fid)
        if stored is not None:
            check_decision_unchanged(parcel_id, self.loaded[fid], stored, self.own.get(fid))

    def limit_lock_wait(self) -> None:
        """In a PostgreSQL transaction, a decision on a parcel that another reviewer holds
        in an unsaved transaction fails after :data:`LOCK_TIMEOUT_MS` instead of waiting
        (QGIS would freeze until they save). Set once per transaction."""
        provider = self.layer.dataProvider() if self.layer is not None else None
        transaction = provider.transaction() if provider is not None else None
        if transaction is None or provider.name() != "postgres":
            return
        if self._lock_limited is transaction:
            return
        ok, _error = transaction.executeSql(f"SET lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        if ok:
            self._lock_limited = transaction

    def write(self, fid: int, values: dict, description: str) -> str:
        """Write a decision's ``values`` on feature ``fid`` as one edit command named
        ``description`` (editing is started when needed). Returns '' when written, else
        why nothing was written."""
        return self.write_many({fid: values}, description)

    def write_many(self, decisions: dict[int, dict], description: str) -> str:
        """Write the decisions (feature id → values) as ONE edit command named
        ``description``: one undo restores them all (a batch decision of the meeting).
        All or nothing: returns '' when written, else why nothing was written."""
        layer = self.layer
        assert layer is not None, "ReviewStore.write() before bind()"  # the dock binds first
        if not layer.isEditable() and not layer.startEditing():
            return tr("图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。").format(
                layer.name()
            )
        self.limit_lock_wait()
        fields = layer.fields()
        layer.beginEditCommand(description)
        for fid, values in decisions.items():
            for name, value in values.items():
                if not layer.changeAttributeValue(fid, fields.indexOf(name), value):
                    # a locked row would make every further field wait again
                    layer.destroyEditCommand()
                    if in_transaction(layer):
                        return tr(
                            "写入数据库失败，核查决定未写入：该宗地可能正被其他核查人员编辑（尚未保存），"
                            "请稍后再试。"
                        )
                    return tr("写入图层失败，核查决定未写入。")
        layer.endEditCommand()
        for fid, values in decisions.items():
            self.own[fid] = dict(values)
        return ""

    def drop_conflicts(self) -> list:
        """On save (edit buffer): decisions on parcels that someone else decided and saved
        meanwhile are dropped for theirs; returns those parcels' ids. In a database
        transaction (project transaction mode) each decision went to the database at
        once, checked when made."""
        layer = self.layer
        if layer is None or in_transaction(layer):
            return []
        buffer = layer.editBuffer()
        if buffer is None:
            return []
        fields = layer.fields()
        decision_indexes = {fields.indexOf(n) for n in DECISION_FIELDS} - {-1}
        changed = buffer.changedAttributeValues()
        fids = [f for f, values in changed.items() if f >= 0 and decision_indexes & set(values)]
        stored = stored_reviews(layer, fids)
        dropped = []
        for fid in fids:
            if fid not in stored or fid not in self.loaded:
                continue
            parcel_id = python_value(layer.getFeature(fid)["parcel_id"])
            try:
                check_decision_unchanged(parcel_id, self.loaded[fid], stored[fid])
            except ReviewConflictError:
                for name, value in stored[fid].items():
                    layer.changeAttributeValue(fid, fields.indexOf(name), value)
                dropped.append(parcel_id)
        return dropped
