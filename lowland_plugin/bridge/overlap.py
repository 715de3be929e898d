"""An output on top of an input is refused before anything is read or written.

Writing an algorithm's result into the GeoPackage layer, the GeoPackage file (a whole
``….gpkg`` output replaces the file), the shapefile or the PostGIS table it reads would
destroy the input while it is read (issue 21 item 7). :func:`refuse_output_on_input`
is the one check, applied by ``LowlandAlgorithm.prepareAlgorithm`` to every source and
every sink or file output of every algorithm.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from osgeo import ogr
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProviderRegistry,
)

from ..i18n import tr

#: Prefix of a Processing destination that is a PostGIS table.
POSTGRES = "postgres://"


#: The files of a shapefile any of which QGIS opens as the layer.
SHAPEFILE_TABLES = (".shp", ".shx", ".dbf")


@dataclass(frozen=True)
class Dataset:
    """Where a layer lives: a file (a shapefile, a GeoPackage…), optionally one layer
    (table) in it, or a PostGIS table (``file`` is then ``pg:<port>/<dbname>``)."""

    file: str
    table: str | None  # None: the whole file

    def overlaps(self, other: Dataset) -> bool:
        """Same file and same table, or one of them is the whole file."""
        if self.file != other.file:
            return False
        return self.table is None or other.table is None or self.table == other.table


def postgres_dataset(uri: str) -> Dataset:
    """The PostGIS table of a ``postgres`` provider URI (the host is left out: a socket
    folder and 127.0.0.1 reach the same server)."""
    parsed = QgsDataSourceUri(uri)
    schema = parsed.schema() or "public"
    return Dataset(
        f"pg:{parsed.port() or '5432'}/{parsed.database()}", f"{schema}.{parsed.table()}"
    )


def _first_layer(path: str) -> str | None:
    dataset = ogr.Open(path)
    if dataset is None or dataset.GetLayerCount() == 0:
        return None
    return dataset.GetLayer(0).GetName()


def file_dataset(uri: str, whole_file: bool = False) -> Dataset | None:
    """The file (and GeoPackage layer) of an ``ogr`` URI or plain path; None when there is
    no file. A GeoPackage without a layer name is its first layer as an input, the whole
    file as an output (``whole_file``)."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path = parts.get("path", "")
    if not path:
        return None
    real = os.path.realpath(path)
    base, ext = os.path.splitext(real)
    if ext.lower() in SHAPEFILE_TABLES:
        return Dataset(base + ".shp", None)  # a shapefile is its .shp, .shx and .dbf
    if ext.lower() != ".gpkg":
        return Dataset(real, None)  # a shapefile, a GeoJSON…: the file is the layer
    layer = parts.get("layerName") or None
    if layer is None and not whole_file and os.path.exists(real):
        layer = _first_layer(real)
    return Dataset(real, layer.lower() if layer else None)


def source_dataset(source: str, provider: str) -> Dataset | None:
    """Where an input layer (its source string and provider key) lives."""
    if provider == "postgres":
        return postgres_dataset(source)
    if provider == "ogr":
        return file_dataset(source)
    return None  # memory layers, services…


def destination_dataset(destination: str | None) -> Dataset | None:
    """Where an output destination (as ``parameterAsOutputLayer`` or
    ``parameterAsFileOutput`` gives it) writes."""
    if not destination or destination.startswith("memory:"):
        return None
    if destination.startswith(POSTGRES):
        return postgres_dataset(destination[len(POSTGRES) :])
    if destination.startswith("ogr:"):
        destination = destination[len("ogr:") :]
        uri = QgsDataSourceUri(destination)  # ogr:dbname='…' table="…" (geom)
        if uri.database():
            table = uri.table()
            return Dataset(os.path.realpath(uri.database()), table.lower() if table else None)
    return file_dataset(destination, whole_file=True)


def refuse_output_on_input(
    inputs: Iterable[tuple[str, Dataset]], outputs: Iterable[tuple[str, Dataset]]
) -> None:
    """Raise naming the output and the input it would overwrite (labels as the user
    sees the parameters), when any output overlaps any input."""
    inputs = list(inputs)
    for out_label, out_set in outputs:
        for in_label, in_set in inputs:
            if out_set.overlaps(in_set):
                where = out_set.file + (f" | {out_set.table}" if out_set.table else "")
                raise QgsProcessingException(
                    tr("输出“{0}”会覆盖输入“{1}”（{2}），请另选输出位置。").format(
                        out_label, in_label, where
                    )
                    + f" / output {out_label} would overwrite input {in_label} ({where}):"
                    " choose another destination."
                )
