"""Bad inputs for every Lowland algorithm (issue 11): the good baseline is the bundled
sample (``resources/sample/sample_district.gpkg`` and ``sample_projects.gpkg``); each
case changes one input of one algorithm into something planners really feed the plugin
and writes it as a memory layer, GeoPackage or shapefile under ``tmp_path``.

The expected outcome of every (case, algorithm) pair is the table of
``docs/bad_input.md``; ``tests/test_bad_input.py`` runs the pairs and checks them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

ROOT = Path(__file__).resolve().parents[1]
#: Chinese attribute text written into shapefiles (GBK / UTF-8) and looked for in outputs.
CHINESE_TEXT = "银川市兴庆区测试单位"
DISTRICT = ROOT / "resources" / "sample" / "sample_district.gpkg"
PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"
UNITS = ROOT / "resources" / "sample" / "sample_units.gpkg"
SCENARIOS = ROOT / "resources" / "sample" / "sample_scenarios.gpkg"
DOC = ROOT / "docs" / "bad_input.md"

#: Words that betray a Python traceback in a message meant for the user.
TRACEBACK_WORDS = (
    "Traceback",
    "KeyError",
    "TypeError",
    "ValueError",
    "AttributeError",
    "IndexError",
    "GEOSException",
    'File "',
)


# ------------------------------------------------------------------ the algorithms


@dataclass(frozen=True)
class Input:
    """One source parameter and the sample layer that is its good baseline."""

    param: str
    layer: str  # "district:parcels", "projects:zones", "units:units", or a generated layer:
    # "identified" (identifyparcels output), "blocks" (delineateblocks output), "units" and
    # "unit_parcels" (buildunits outputs)
    id_field: str | None
    limit: int | None = 40  # features copied from the sample (None: all)


@dataclass(frozen=True)
class Spec:
    """How to run one algorithm on the sample, and which input each case changes."""

    alg: str
    inputs: tuple[Input, ...]
    geo: str | None  # the input the geometry cases change (None: no geometry input)
    attr: str  # the input the field cases change
    typed: tuple[str, str] | None = None  # (param, field) made text holding "12层"
    code: tuple[str, str, str] | None = None  # (param, field, value not in the code tables)
    other: str | None = None  # a second spatial input (different-CRS case)
    extra: dict = field(default_factory=dict)
    outputs: tuple[str, ...] = ("OUTPUT",)
    profile: bool = False

    def input(self, param: str) -> Input:
        return next(i for i in self.inputs if i.param == param)


P = "projects:projects"
SPECS: dict[str, Spec] = {
    s.alg: s
    for s in (
        Spec(
            "parcelindicators",
            (
                Input("PARCELS", "district:parcels", "parcel_id"),
                Input("BUILDINGS", "district:buildings", "building_id", None),
            ),
            geo="PARCELS",
            attr="BUILDINGS",
            typed=("BUILDINGS", "floors"),
            code=("BUILDINGS", "danger_grade", "Z"),
            other="BUILDINGS",
        ),
        Spec(
            "identifyparcels",
            (
                Input("PARCELS", "district:parcels", "parcel_id"),
                Input("BUILDINGS", "district:buildings", "building_id", None),
                Input("LANDSURVEY", "district:landsurvey", "tbbh", None),
                Input("PLAN", "district:plan", "plan_id", None),
            ),
            geo="PARCELS",
            attr="PARCELS",
            typed=("PARCELS", "tax_per_mu"),
            code=("PARCELS", "dlbm", "9999"),
            other="BUILDINGS",
            extra={"PROFILE": "default", "REFERENCE_DATE": "2025-06-30"},
            profile=True,
        ),
        Spec(
            "legacyland",
            (
                Input("PARCELS", "district:parcels", "parcel_id"),
                Input("LANDSURVEY", "district:landsurvey", "tbbh", None),
            ),
            geo="PARCELS",
            attr="PARCELS",
            typed=("PARCELS", "lawful_approval"),
            code=("LANDSURVEY", "dlbm", "9999"),
            other="LANDSURVEY",
        ),
        Spec(
            "exportdatabase",
            (
                Input("PARCELS", "identified", "parcel_id"),
                Input("LANDSURVEY", "district:landsurvey", "tbbh", None),
            ),
            geo="PARCELS",
            attr="PARCELS",
            typed=("PARCELS", "far"),
            code=("PARCELS", "current_dlbm", "9999"),
            other="LANDSURVEY",
            extra={"ADMIN_CODE": "640106", "EXPORT_DATE": "2025-06-30"},
            outputs=("OUTPUT", "ERRORS", "REPORT"),
        ),
        Spec(
            "compareversions",
            (
                Input("OLD", "district:parcels", "parcel_id"),
                Input("NEW", "district:parcels", "parcel_id"),
            ),
            geo="NEW",
            attr="NEW",
            other="OLD",
            outputs=("OUTPUT", "SUMMARY"),
        ),
        Spec(
            "progressstats",
            (Input("PARCELS", "identified", "parcel_id"),),
            geo="PARCELS",
            attr="PARCELS",
            typed=("PARCELS", "area_m2"),
            code=("PARCELS", "final_verdict", "9999"),
            extra={"PERIOD": "2025年上半年"},
        ),
        Spec(
            "farcheck",
            (Input("PROJECTS", P, "project_id"),),
            geo="PROJECTS",
            attr="PROJECTS",
            typed=("PROJECTS", "far_max"),
            code=("PROJECTS", "handover_by_category", '{"9999": 100}'),
        ),
        Spec(
            "capacityenvelope",
            (
                Input("PARCELS", P, "project_id"),
                Input("CONTROLS", "district:plan", None, None),
            ),
            geo="PARCELS",
            attr="CONTROLS",
            typed=("CONTROLS", "far_max"),
            code=("PARCELS", "new_use_code", "9999"),
            other="CONTROLS",
            extra={"PROFILE": "default"},
            profile=True,
        ),
        Spec(
            "evaluatescenarios",
            (
                Input("SCENARIOS", "scenarios:scenarios", "scenario_id", None),
                Input("SCENARIO_PROJECTS", "scenarios:scenario_projects", "project_id", None),
                Input("CONTROLS", "district:plan", None, None),
            ),
            geo="SCENARIO_PROJECTS",
            attr="SCENARIOS",  # the scenarios table: the scenario_id cases
            typed=("SCENARIO_PROJECTS", "gfa_proposed"),
            code=("SCENARIO_PROJECTS", "redevelopment_mode", "9999"),
            other="CONTROLS",
            extra={"PROFILE": "default", "UNIT": "DY02"},
            outputs=("OUTPUT", "FAILURES"),
            profile=True,
        ),
        Spec(
            "statusquocheck",
            (
                Input("STATUSQUO", "projects:statusquo", None),
                Input("PROJECTS", P, "project_id"),
            ),
            geo="PROJECTS",
            attr="STATUSQUO",
            typed=("STATUSQUO", "current_value"),
            code=("STATUSQUO", "item", "9999"),
            outputs=("OUTPUT", "SUMMARY"),
        ),
        Spec(
            "scatteredland",
            (Input("PROJECTS", P, "project_id"), Input("PIECES", "projects:pieces", "piece_id")),
            geo="PROJECTS",
            attr="PIECES",
            typed=("PIECES", "value"),
            code=("PIECES", "swap_side", "9999"),
            other="PIECES",
            outputs=("OUTPUT", "SWAPS"),
        ),
        Spec(
            "mixeduse",
            (Input("PROJECTS", P, "project_id"), Input("ZONES", "projects:zones", None)),
            geo="PROJECTS",
            attr="ZONES",
            typed=("PROJECTS", "gfa_proposed"),
            code=("ZONES", "use_code", "9999"),
            other="ZONES",
            outputs=("OUTPUT", "USES"),
        ),
        Spec(
            "usechange",
            (Input("PROJECTS", P, "project_id"),),
            geo="PROJECTS",
            attr="PROJECTS",
            typed=("PROJECTS", "same_land_user"),
            code=("PROJECTS", "new_use_code", "9999"),
        ),
        Spec(
            "buildingconversion",
            (Input("CONVERSION", "projects:conversion", "unit_ref"),),
            geo=None,
            attr="CONVERSION",
            typed=("CONVERSION", "gfa"),
            code=("CONVERSION", "new_function", "9999"),
            extra={"PROFILE": "default"},
            profile=True,
        ),
        Spec(
            "delineateblocks",
            (
                Input("ROADS", "district:roads", "road_id", None),
                Input("BOUNDARY", "district:boundary", None, None),
                Input("PARCELS", "district:parcels", "parcel_id"),
            ),
            geo="PARCELS",  # the boundary is one feature; the parcels are the polygons cut
            attr="ROADS",
            typed=("ROADS", "width"),
            code=("ROADS", "grade", "9999"),
            other="ROADS",
            outputs=("OUTPUT", "ROAD_RESERVE", "REMOVED", "PARCELS_OUTPUT"),
        ),
        Spec(
            "buildunits",
            (
                Input("BLOCKS", "blocks", "block_id", None),
                Input("PARCELS", "identified", "parcel_id"),
                Input("UNITS", "units:units", "unit_id", None),
            ),
            geo="BLOCKS",
            attr="BLOCKS",
            typed=("PARCELS", "gfa"),
            code=("UNITS", "phase", "9999"),
            other="PARCELS",
            extra={"MODE": 0},
            outputs=("OUTPUT", "BLOCKS_OUTPUT", "PARCELS_OUTPUT", "CONFLICTS"),
        ),
        Spec(
            "generateplan",
            (
                Input("UNITS", "units", "unit_id", None),
                Input("PARCELS", "unit_parcels", "parcel_id", None),
                Input("PROJECTS", P, "project_id"),
            ),
            geo="UNITS",
            attr="UNITS",
            typed=("UNITS", "area_m2"),
            code=("UNITS", "phase", "9999"),
            other="PROJECTS",
            extra={"PROFILE": "default", "FORMATS": [1], "MAPS": False},  # HTML only
            outputs=("OUTPUT_FOLDER", "DOCUMENTS"),
            profile=True,
        ),
        Spec(
            "landprice",
            (Input("PROJECTS", P, "project_id"),),
            geo="PROJECTS",
            attr="PROJECTS",
            typed=("PROJECTS", "value_new"),
            code=("PROJECTS", "old_land_class", "9999"),
        ),
    )
}


# ------------------------------------------------------------------- layers


def sample_layer(name: str, generated: dict[str, Path] | None = None) -> QgsVectorLayer:
    """A sample layer (``district:parcels``…), or a generated file (``identified``,
    ``blocks``: the outputs of identifyparcels and delineateblocks on the sample)."""
    if ":" not in name:
        assert generated is not None and name in generated, name
        lyr = QgsVectorLayer(str(generated[name]), name, "ogr")
    else:
        which, layer = name.split(":")
        path = {"district": DISTRICT, "projects": PROJECTS, "units": UNITS,
                "scenarios": SCENARIOS}[which]  # fmt: skip
        lyr = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert lyr.isValid(), name
    return lyr


@dataclass
class Rows:
    """An editable copy of a layer: fields, rows of (attributes dict, geometry), CRS, type."""

    fields: list[tuple[str, QVariant.Type]]
    rows: list[tuple[dict, QgsGeometry | None]]
    crs: str
    wkb_type: int

    @classmethod
    def of(cls, layer: QgsVectorLayer, limit: int | None = None) -> Rows:
        names = [f.name() for f in layer.fields() if f.name() != "fid"]
        fields = [(f.name(), f.type()) for f in layer.fields() if f.name() != "fid"]
        rows = []
        for i, feat in enumerate(layer.getFeatures()):
            if limit is not None and i >= limit:
                break
            geom = QgsGeometry(feat.geometry()) if feat.hasGeometry() else None
            rows.append(({n: feat[n] for n in names}, geom))
        return cls(fields, rows, layer.crs().authid(), int(layer.wkbType()))

    def ids(self, id_field: str | None) -> list:
        return [a.get(id_field) for a, _ in self.rows] if id_field else list(range(len(self.rows)))

    def qgs_fields(self) -> QgsFields:
        out = QgsFields()
        for name, vtype in self.fields:
            out.append(QgsField(name, vtype))
        return out

    def memory(self, name: str = "input") -> QgsVectorLayer:
        crs = QgsCoordinateReferenceSystem(self.crs) if self.crs else QgsCoordinateReferenceSystem()
        lyr = QgsMemoryProviderUtils.createMemoryLayer(
            name, self.qgs_fields(), QgsWkbTypes.Type(self.wkb_type), crs
        )
        if not self.crs:  # the memory provider would otherwise default to EPSG:4326
            lyr.setCrs(QgsCoordinateReferenceSystem())
        feats = []
        for attrs, geom in self.rows:
            feat = QgsFeature(lyr.fields())
            feat.setAttributes([attrs.get(n, NULL) for n, _ in self.fields])
            if geom is not None:
                feat.setGeometry(geom)
            feats.append(feat)
        assert lyr.dataProvider().addFeatures(feats)[0]
        return lyr

    def write(self, path: Path, driver: str = "GPKG", encoding: str = "UTF-8") -> str:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = driver
        options.fileEncoding = encoding
        err, msg, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            self.memory(), str(path), QgsProject.instance().transformContext(), options
        )
        assert err == QgsVectorFileWriter.NoError, msg
        return str(path)


# ------------------------------------------------------------ before and after


def file_hashes(path: str) -> dict[str, str]:
    """sha256 of a file and its side files (shapefile parts)."""
    p = Path(path.split("|")[0])
    shp = p.suffix.lower() in (".shp", ".dbf")
    parts = sorted(p.parent.glob(p.stem + ".*")) if shp else [p]
    return {q.name: hashlib.sha256(q.read_bytes()).hexdigest() for q in parts if q.is_file()}


def layer_snapshot(layer: QgsVectorLayer) -> list:
    """Every feature's attributes and geometry, to prove a memory layer unchanged."""
    return [
        (f.id(), [str(v) for v in f.attributes()], f.geometry().asWkt(3))
        for f in layer.getFeatures()
    ]


# --------------------------------------------------------------------- geometries

BOWTIE = "POLYGON(({x} {y},{x2} {y2},{x2} {y},{x} {y2},{x} {y}))"
#: A ring touching itself at one vertex (GEOS: Ring Self-intersection).
SELF_TOUCH = "POLYGON(({x} {y},{x2} {y},{x2} {y2},{xm} {y},{x} {y2},{x} {y}))"  # touches at (xm, y)


def _box(geom: QgsGeometry) -> tuple[float, float, float, float]:
    b = geom.boundingBox()
    return b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()


def bowtie_like(geom: QgsGeometry) -> QgsGeometry:
    x, y, x2, y2 = _box(geom)
    return QgsGeometry.fromWkt(BOWTIE.format(x=x, y=y, x2=x2, y2=y2))


def self_touching_like(geom: QgsGeometry) -> QgsGeometry:
    x, y, x2, y2 = _box(geom)
    return QgsGeometry.fromWkt(SELF_TOUCH.format(x=x, y=y, x2=x2, y2=y2, xm=(x + x2) / 2))


def duplicate_vertices(geom: QgsGeometry) -> QgsGeometry:
    """The same polygon with every vertex repeated (valid for GEOS; areas unchanged)."""
    x, y, x2, y2 = _box(geom)
    wkt = f"POLYGON(({x} {y},{x2} {y},{x2} {y},{x2} {y2},{x2} {y2},{x} {y2},{x} {y},{x} {y}))"
    return QgsGeometry.fromWkt(wkt)


def curved_like(geom: QgsGeometry) -> QgsGeometry:
    x, y, x2, y2 = _box(geom)
    xm, ym = (x + x2) / 2, (y + y2) / 2
    wkt = (
        f"CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING({x} {y},{xm} {y - (y2 - y) / 4},{x2} {y}),"
        f"({x2} {y},{x2} {y2},{x} {y2},{x} {ym},{x} {y})))"
    )
    return QgsGeometry.fromWkt(wkt)


def with_zm(geom: QgsGeometry) -> QgsGeometry:
    g = QgsGeometry(geom)
    g.get().addZValue(1100.0)
    g.get().addMValue(7.0)
    return g


def translated(geom: QgsGeometry, dx: float, dy: float) -> QgsGeometry:
    g = QgsGeometry(geom)
    g.translate(dx, dy)
    return g


def transformed(geom: QgsGeometry, src: str, dst: str) -> QgsGeometry:
    g = QgsGeometry(geom)
    g.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(src),
            QgsCoordinateReferenceSystem(dst),
            QgsProject.instance().transformContext(),
        )
    )
    return g


# ------------------------------------------------------------------------ cases


@dataclass
class Built:
    """What a case made: parameter overrides, inputs to prove unchanged, and the needle
    the message or log must contain (the feature id / field / value to fix)."""

    params: dict
    files: list[str] = field(default_factory=list)
    memory: list[QgsVectorLayer] = field(default_factory=list)
    needle: str | None = None
    target: str | None = None  # the changed parameter
    rows: Rows | None = None  # the changed input as written
    cancel_at: float | None = None  # cancel the run when progress reaches this
    outputs: dict = field(default_factory=dict)  # output parameters overridden


@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # "geometry", "crs", "field", "file", "profile", "run"
    build: Callable[[Spec, dict[str, Rows], Path], Built | None]  # None: not applicable
    description: str


def _attr_case(change: Callable[[Spec, Rows], str | None], param_of=None, form="gpkg"):
    def build(spec: Spec, base: dict[str, Rows], tmp: Path) -> Built | None:
        param = param_of(spec) if param_of else spec.attr
        if param is None:
            return None
        rows = base[param]
        needle = change(spec, rows)
        if needle is False:
            return None
        return _finish(spec, param, rows, tmp, form, needle)

    return build


def _finish(spec, param, rows: Rows, tmp: Path, form: str, needle) -> Built:
    if form == "memory":
        lyr = rows.memory(param.lower())
        return Built({param: lyr}, memory=[lyr], needle=needle, target=param, rows=rows)
    if form.startswith("shp"):
        encoding = "GBK" if "gbk" in form else "UTF-8"
        path = rows.write(tmp / f"{param.lower()}.shp", "ESRI Shapefile", encoding)
        if not Path(path).exists():  # a table without geometry is a lone .dbf
            path = str(Path(path).with_suffix(".dbf"))
        if form == "shp-gbk-nocpg":
            _strip_encoding_marks(Path(path))
        return Built({param: path}, files=[path], needle=needle, target=param, rows=rows)
    path = rows.write(tmp / f"{param.lower()}.gpkg")
    return Built({param: path}, files=[path], needle=needle, target=param, rows=rows)


def _strip_encoding_marks(shp: Path) -> None:
    """An old system's shapefile: no .cpg and no code page byte (LDID) in the .dbf."""
    shp.with_suffix(".cpg").unlink(missing_ok=True)
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0  # language driver id
    dbf.write_bytes(bytes(data))


def _set_geom(rows: Rows, i: int, geom: QgsGeometry | None, wkb_type: int | None = None):
    attrs, _ = rows.rows[i]
    rows.rows[i] = (attrs, geom)
    if wkb_type is not None:
        rows.wkb_type = wkb_type


def _geo_id(rows: Rows, spec: Spec, i: int = 0) -> str:
    return str(rows.ids(spec.input(spec.geo).id_field)[i])


MULTI = int(QgsWkbTypes.MultiPolygon)


def _empty(rows: Rows) -> None:
    rows.rows = []


def _null_geometry(rows: Rows):
    _set_geom(rows, 1, None)


def _empty_geometry(rows: Rows):
    _set_geom(rows, 1, QgsGeometry.fromWkt("POLYGON EMPTY"))


def _bowtie(rows: Rows):
    _set_geom(rows, 1, bowtie_like(rows.rows[1][1]))


def _self_touch(rows: Rows):
    _set_geom(rows, 1, self_touching_like(rows.rows[1][1]))


def _duplicate_vertices(rows: Rows):
    _set_geom(rows, 1, duplicate_vertices(rows.rows[1][1]))


def _multipart(rows: Rows):
    def two_parts(g):
        x, y, x2, y2 = _box(g)
        w = (x2 - x) / 3
        return QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({x} {y},{x + w} {y},{x + w} {y2},{x} {y2},{x} {y})),"
            f"(({x2 - w} {y},{x2} {y},{x2} {y2},{x2 - w} {y2},{x2 - w} {y})))"
        )

    _set_geom(rows, 1, two_parts(rows.rows[1][1]), MULTI)


def _zm(rows: Rows):
    rows.rows = [(a, with_zm(g) if g is not None else None) for a, g in rows.rows]
    rows.wkb_type = int(QgsWkbTypes.MultiPolygonZM)


def _curved(rows: Rows):
    rows.wkb_type = int(QgsWkbTypes.MultiSurface)
    _set_geom(rows, 1, curved_like(rows.rows[1][1]))


def _geographic(rows: Rows):
    rows.rows = [
        (a, transformed(g, rows.crs, "EPSG:4490") if g is not None else None) for a, g in rows.rows
    ]
    rows.crs = "EPSG:4490"
    return "EPSG:4544"


def _large(rows: Rows):
    """Gauss-Kruger zone 35 with its zone prefix: x = 35 500 000 ± …, EPSG:4523."""
    rows.rows = [(a, translated(g, 35_000_000, 0) if g else None) for a, g in rows.rows]
    rows.crs = "EPSG:4523"


def _small(rows: Rows):
    """The same shapes near the origin of a local grid (x, y below 2 000 m)."""
    rows.rows = [(a, translated(g, -606_000, -4_261_000) if g else None) for a, g in rows.rows]


def _small_everywhere(spec: Spec, base, tmp: Path) -> Built | None:
    """Every spatial input moved near the origin of a local grid (x, y below 2 000 m)."""
    if spec.geo is None:
        return None
    built = None
    for param, rows in base.items():
        if rows.wkb_type == int(QgsWkbTypes.NoGeometry) or param == "STATUSQUO":
            continue
        _small(rows)
        one = _finish(spec, param, rows, tmp, "gpkg", None)
        if built is None or param == spec.geo:
            one.files += built.files if built else []
            one.params.update(built.params if built else {})
            built = one
        else:
            built.params.update(one.params)
            built.files += one.files
    return built


def _geo_case(change, form="gpkg", needle_first=False):
    def build(spec, base, tmp):
        if spec.geo is None:
            return None
        rows = base[spec.geo]
        needle = _geo_id(rows, spec, 1) if len(rows.rows) > 1 and needle_first else None
        extra = change(rows)
        return _finish(spec, spec.geo, rows, tmp, form, extra or needle)

    return build


#: Another projected CRS whose area of use holds the sample (银川, 106.2°E): UTM zone 48N
#: (102–108°E). The neighbouring Gauss-Kruger zone EPSG:4545 (106.5–109.5°E) does not,
#: and a layer outside its CRS's area of use is refused since issue 21 (case other_zone).
OTHER_CRS = "EPSG:32648"


def _other_crs(spec: Spec, base, tmp) -> Built | None:
    """The second spatial input in another projected CRS (UTM 48N) while the first is in
    EPSG:4544: reprojected on the way, results as with both in EPSG:4544."""
    if spec.other is None:
        return None
    rows = base[spec.other]
    rows.rows = [(a, transformed(g, rows.crs, OTHER_CRS) if g else None) for a, g in rows.rows]
    rows.crs = OTHER_CRS
    return _finish(spec, spec.other, rows, tmp, "gpkg", None)


def _drop_id(spec: Spec, rows: Rows):
    id_field = spec.input(spec.attr).id_field or _required_field(spec)
    rows.fields = [(n, t) for n, t in rows.fields if n != id_field]
    rows.rows = [({k: v for k, v in a.items() if k != id_field}, g) for a, g in rows.rows]
    return id_field


def _required_field(spec: Spec) -> str:
    required = {
        "statusquocheck": "project_id",
        "mixeduse": "project_id",
        "capacityenvelope": "far_max",
        "evaluatescenarios": "scenario_id",
    }
    return required.get(spec.alg, "project_id")


def _wrong_type(spec: Spec, rows: Rows):
    param, name = spec.typed
    rows.fields = [(n, QVariant.String if n == name else t) for n, t in rows.fields]
    fixed = []
    for i, (a, g) in enumerate(rows.rows):
        a = dict(a)
        a[name] = "12层" if i == 0 else (None if a[name] in (None, NULL) else str(a[name]))
        fixed.append((a, g))
    rows.rows = fixed
    return name


def _nulls(spec: Spec, rows: Rows):
    rows.rows = [({n: NULL for n in a}, g) for a, g in rows.rows]
    return spec.input(spec.attr).id_field or "project_id"


def _duplicates(spec: Spec, rows: Rows):
    id_field = spec.input(spec.attr).id_field
    if id_field is None:
        return False
    first = rows.rows[0][0][id_field]
    a, g = rows.rows[1]
    rows.rows[1] = ({**a, id_field: first}, g)
    return str(first)


def _one_file_name(spec: Spec, rows: Rows):
    """Two unit ids that give one file name (generateplan names its files by unit id)."""
    if spec.alg != "generateplan":
        return False
    for index, unit_id in ((0, "DY/01"), (1, "DY:01")):
        a, g = rows.rows[index]
        rows.rows[index] = ({**a, "unit_id": unit_id}, g)
    return "DY/01"


def _bad_code(spec: Spec, rows: Rows):
    param, name, value = spec.code
    a, g = rows.rows[0]
    rows.rows[0] = ({**a, name: value}, g)
    return "9999" if "9999" in value else value


def _chinese(spec: Spec, rows: Rows):
    """Chinese text in every string field of the first rows (names, owners…)."""
    text = CHINESE_TEXT
    string_fields = [n for n, t in rows.fields if t == QVariant.String]
    name = next((n for n in ("owner", "project_name", "name", "notes") if n in string_fields), None)
    if name is None:
        rows.fields.append(("名称", QVariant.String))
        name = "名称"
    rows.rows = [({**a, name: text}, g) for a, g in rows.rows]
    return CHINESE_TEXT


def _profile_file(content: str):
    def build(spec: Spec, base, tmp: Path) -> Built | None:
        if not spec.profile:
            return None
        path = tmp / "profile.json"
        path.write_text(content, encoding="utf-8")
        return Built({"PROFILE": str(path)}, files=[str(path)], target="PROFILE")

    return build


def _default_profile_text(mutate) -> str:
    data = json.loads((ROOT / "resources" / "profiles" / "default.json").read_text("utf-8"))
    mutate(data)
    return json.dumps(data, ensure_ascii=False, indent=1)


def _schema_violation(data: dict) -> None:
    rule = next(iter(data["rules"].values()))
    rule["enabled"] = "yes"


def _unknown_key(data: dict) -> None:
    data["rulez"] = {}


def _cancel(at: float):
    def build(spec: Spec, base, tmp: Path) -> Built:
        return Built({}, cancel_at=at)

    return build


# ------------------------------------------------------------- issue 21 (items 10–14)


def _drop_field(rows: Rows, name: str) -> None:
    rows.fields = [(n, t) for n, t in rows.fields if n != name]
    rows.rows = [({k: v for k, v in a.items() if k != name}, g) for a, g in rows.rows]


#: (input, field) a rule needs and the run cannot do without (issue 21 item 10).
RULE_FIELD = {"identifyparcels": ("PARCELS", "dlbm"), "legacyland": ("PARCELS", "lawful_approval")}
#: (input, field) only an optional rule needs: the rule is disabled with a warning.
OPTIONAL_RULE_FIELD = {
    "identifyparcels": ("PARCELS", "tax_per_mu"),
    "legacyland": ("PARCELS", "occupied_date"),
}


def _field_dropped(table: dict, without: tuple[str, ...] = ()):
    """The input of ``table`` without its field; ``without``: optional inputs unset."""

    def build(spec: Spec, base, tmp: Path) -> Built | None:
        if spec.alg not in table:
            return None
        param, name = table[spec.alg]
        rows = base[param]
        _drop_field(rows, name)
        built = _finish(spec, param, rows, tmp, "gpkg", name)
        for other in without:
            if any(i.param == other for i in spec.inputs):
                built.params[other] = None
        return built

    return build


def _web_mercator(rows: Rows):
    rows.rows = [(a, transformed(g, rows.crs, "EPSG:3857") if g else None) for a, g in rows.rows]
    rows.crs = "EPSG:3857"
    return "EPSG:3857"


def _no_crs(rows: Rows):
    rows.crs = ""


def _zone_of_4545(rows: Rows):
    """Coordinates of the neighbouring zone (EPSG:4545, CM 108E) declared EPSG:4544."""
    rows.rows = [(a, transformed(g, rows.crs, "EPSG:4545") if g else None) for a, g in rows.rows]
    return "EPSG:4544"


def _prefix_undeclared(rows: Rows):
    """Zone-prefixed eastings (35 606 000) declared in EPSG:4544, which has no prefix."""
    rows.rows = [(a, translated(g, 35_000_000, 0) if g else None) for a, g in rows.rows]
    return "EPSG:4544"


#: (input, field, value): a number that is not finite, or negative (issue 21 item 13).
NON_FINITE = {
    "identifyparcels": ("PARCELS", "tax_per_mu", "inf"),
    "farcheck": ("PROJECTS", "far_max", "inf"),
    "landprice": ("PROJECTS", "value_new", "-inf"),
    "buildingconversion": ("CONVERSION", "gfa", "nan"),
    "parcelindicators": ("BUILDINGS", "floors", "inf"),
}
NEGATIVE = {
    "identifyparcels": ("PARCELS", "tax_per_mu", -120.0),
    "progressstats": ("PARCELS", "area_m2", -500.0),
    "farcheck": ("PROJECTS", "gfa_proposed", -1000.0),
    "buildunits": ("PARCELS", "gfa", -10.0),
    "delineateblocks": ("ROADS", "width", -20.0),
}
#: (input, field, value): a value far out of range.
HUGE = {
    "delineateblocks": ("ROADS", "width", 1e308),
}


def _number_set(table: dict, as_text: bool = False):
    def build(spec: Spec, base, tmp: Path) -> Built | None:
        if spec.alg not in table:
            return None
        param, name, value = table[spec.alg]
        rows = base[param]
        if as_text:
            rows.fields = [(n, QVariant.String if n == name else t) for n, t in rows.fields]
            rows.rows = [
                ({**a, name: None if a.get(name) in (None, NULL) else str(a[name])}, g)
                for a, g in rows.rows
            ]
        a, g = rows.rows[0]
        rows.rows[0] = ({**a, name: value}, g)
        return _finish(spec, param, rows, tmp, "gpkg", name)

    return build


def _null_area(spec: Spec, base, tmp: Path) -> Built | None:
    """progressstats: area_m2 empty on two parcels (recomputed from the geometry)."""
    if spec.alg != "progressstats":
        return None
    rows = base["PARCELS"]
    for i in (0, 1):
        a, g = rows.rows[i]
        rows.rows[i] = ({**a, "area_m2": NULL}, g)
    return _finish(spec, "PARCELS", rows, tmp, "gpkg", "area_m2")


def _far_future(spec: Spec, base, tmp: Path) -> Built | None:
    """A date past 9999: identifyparcels' REFERENCE_DATE, exportdatabase's EXPORT_DATE, a
    parcel's occupied date for legacyland."""
    if spec.alg == "identifyparcels":
        return Built({"REFERENCE_DATE": "10000-01-01"}, needle="10000")
    if spec.alg == "exportdatabase":
        return Built({"EXPORT_DATE": "10000-01-01"}, needle="10000")
    if spec.alg == "legacyland":
        rows = base["PARCELS"]
        rows.fields = [(n, QVariant.String if n == "occupied_date" else t) for n, t in rows.fields]
        a, g = rows.rows[0]
        rows.rows = [({**a, "occupied_date": "10000-01-01"}, g), *rows.rows[1:]]
        return _finish(spec, "PARCELS", rows, tmp, "gpkg", "10000")
    return None


def _huge_tolerance(spec: Spec, base, tmp: Path) -> Built | None:
    if spec.alg != "delineateblocks":
        return None
    return Built({"TOLERANCE": 1e9}, needle="TOLERANCE")


def _zone_outside(spec: Spec, base, tmp: Path) -> Built | None:
    """mixeduse: a zone drawn 5 km away from the project it names."""
    if spec.alg != "mixeduse":
        return None
    rows = base["ZONES"]
    a, g = rows.rows[0]
    rows.rows[0] = (a, translated(g, 5000, 0))
    return _finish(spec, "ZONES", rows, tmp, "gpkg", str(a.get("project_id")))


def _whitespace_id(spec: Spec, base, tmp: Path) -> Built | None:
    """compareversions: the new version's first id with a trailing space (``P0001 ``)."""
    if spec.alg != "compareversions":
        return None
    rows = base["NEW"]
    a, g = rows.rows[0]
    rows.rows[0] = ({**a, "parcel_id": f"{a['parcel_id']} "}, g)
    return _finish(spec, "NEW", rows, tmp, "gpkg", str(a["parcel_id"]))


def _duplicate_building(spec: Spec, base, tmp: Path) -> Built | None:
    """The first building digitised twice (same footprint, a new id ``B-DUP``)."""
    if spec.alg not in ("parcelindicators", "identifyparcels"):
        return None
    rows = base["BUILDINGS"]
    a, g = rows.rows[0]
    rows.rows.append(({**a, "building_id": "B-DUP"}, QgsGeometry(g)))
    return _finish(spec, "BUILDINGS", rows, tmp, "gpkg", "B-DUP")


def _overlapping_parcels(spec: Spec, base, tmp: Path) -> Built | None:
    """The second parcel moved half its width onto the first."""
    if spec.alg not in ("parcelindicators", "identifyparcels"):
        return None
    rows = base["PARCELS"]
    (_, g0), (a1, g1) = rows.rows[0], rows.rows[1]
    x0, y0, _, _ = _box(g0)
    x1, y1, x2, _ = _box(g1)
    rows.rows[1] = (a1, translated(g1, x0 - x1 + (x2 - x1) / 2, y0 - y1))
    return _finish(spec, "PARCELS", rows, tmp, "gpkg", f"{rows.rows[0][0]['parcel_id']}×")


def _output_folder(kind: str):
    """Every file output in a folder that does not exist, or under a path that is a file."""

    def build(spec: Spec, base, tmp: Path) -> Built:
        folder = tmp / ("missing_folder/sub" if kind == "missing" else "a_file")
        if kind == "file":  # a file where the folder should be (read-only folders: see
            (tmp / "a_file").write_text("x")  # tests/test_processing.py, root ignores modes)
        outputs = {}
        for name in spec.outputs:
            outputs[name] = str(
                folder / ("out_report.html" if name == "REPORT" else f"out_{name}.gpkg")
            )
            if name == "OUTPUT_FOLDER":
                outputs[name] = str(folder / "docs")
        return Built({}, needle=str(folder), outputs=outputs)

    return build


# ----------------------------------------------------- scenario stores (issue 23)


def _scenario_case(change: Callable[[dict[str, Rows]], tuple[str, str]]):
    """A case of ``lowland:evaluatescenarios`` only: ``change`` edits the sample store's
    rows and returns (the changed input, the needle the message must name)."""

    def build(spec: Spec, base, tmp: Path) -> Built | None:
        if spec.alg != "evaluatescenarios":
            return None
        param, needle = change(base)
        return _finish(spec, param, base[param], tmp, "gpkg", needle)

    return build


def _two_chosen(base: dict[str, Rows]) -> tuple[str, str]:
    """Both plans of DY02 chosen (the 实施方案 describes one)."""
    rows = base["SCENARIOS"]
    rows.rows = [({**a, "chosen": True}, g) for a, g in rows.rows]
    return "SCENARIOS", "DY02-B"


def _scenario_without_projects(base: dict[str, Rows]) -> tuple[str, str]:
    """A third scenario DY02-C in the table, with no project in scenario_projects."""
    rows = base["SCENARIOS"]
    a, g = rows.rows[-1]
    rows.rows.append(({**a, "scenario_id": "DY02-C", "chosen": False}, g))
    return "SCENARIOS", "DY02-C"


def _projects_without_scenario_id(base: dict[str, Rows]) -> tuple[str, str]:
    _drop_field(base["SCENARIO_PROJECTS"], "scenario_id")
    return "SCENARIO_PROJECTS", "scenario_id"


def _mode_in_words(base: dict[str, Rows]) -> tuple[str, str]:
    """A mode typed in words the checks do not read (拆除重建 for 收储)."""
    rows = base["SCENARIO_PROJECTS"]
    a, g = rows.rows[0]
    rows.rows[0] = ({**a, "redevelopment_mode": "拆除重建"}, g)
    return "SCENARIO_PROJECTS", "拆除重建"


def _null_gfa(base: dict[str, Rows]) -> tuple[str, str]:
    """The first project's proposed floor area empty."""
    rows = base["SCENARIO_PROJECTS"]
    a, g = rows.rows[0]
    rows.rows[0] = ({**a, "gfa_proposed": NULL}, g)
    return "SCENARIO_PROJECTS", str(a["project_id"])


def _no_scenarios(base: dict[str, Rows]) -> tuple[str, str]:
    """The scenarios table without rows (its projects still there)."""
    base["SCENARIOS"].rows = []
    return "SCENARIOS", "DY02"


def _unknown_unit(spec: Spec, base, tmp: Path) -> Built | None:
    if spec.alg != "evaluatescenarios":
        return None
    return Built({"UNIT": "DY99"}, needle="DY99")


CASES: tuple[Case, ...] = (
    Case("empty_layer", "geometry", _geo_case(_empty), "图层没有要素 / no features"),
    Case(
        "null_geometry",
        "geometry",
        _geo_case(_null_geometry, needle_first=True),
        "第2个要素几何为空值 NULL",
    ),
    Case(
        "empty_geometry", "geometry", _geo_case(_empty_geometry, needle_first=True), "POLYGON EMPTY"
    ),
    Case("bowtie", "geometry", _geo_case(_bowtie, needle_first=True), "自相交“蝴蝶结”多边形"),
    Case(
        "ring_self_touch",
        "geometry",
        _geo_case(_self_touch, needle_first=True),
        "环在一个顶点处自接触",
    ),
    Case("duplicate_vertices", "geometry", _geo_case(_duplicate_vertices), "连续重复顶点"),
    Case("multipart", "geometry", _geo_case(_multipart), "两部分的多部件面"),
    Case("z_m", "geometry", _geo_case(_zm), "带 Z 和 M 值（GeoPackage）"),
    Case("z_m_memory", "geometry", _geo_case(_zm, "memory"), "带 Z 和 M 值（内存图层）"),
    Case("curved", "geometry", _geo_case(_curved), "曲线面 CurvePolygon（GeoPackage）"),
    Case(
        "curved_memory", "geometry", _geo_case(_curved, "memory"), "曲线面 CurvePolygon（内存图层）"
    ),
    Case("geographic_crs", "crs", _geo_case(_geographic), "地理坐标系 EPSG:4490"),
    Case("other_crs", "crs", _other_crs, "第二个图层在 EPSG:32648（UTM 48N），第一个在 EPSG:4544"),
    Case(
        "large_coordinates", "crs", _geo_case(_large), "带带号的高斯坐标 x≈35 500 000（EPSG:4523）"
    ),
    Case("small_coordinates", "crs", _small_everywhere, "所有图层接近原点的坐标（x, y < 2000）"),
    Case("missing_field", "field", _attr_case(_drop_id), "缺少编号等必需字段"),
    Case(
        "wrong_type",
        "field",
        _attr_case(_wrong_type, param_of=lambda s: s.typed[0] if s.typed else None),
        "数值字段为文本，含“12层”",
    ),
    Case("null_attributes", "field", _attr_case(_nulls), "每个字段都是空值"),
    Case("duplicate_ids", "field", _attr_case(_duplicates), "编号重复"),
    Case("ids_one_file_name", "field", _attr_case(_one_file_name), "两个编号得到同一文件名"),
    Case(
        "unknown_code",
        "field",
        _attr_case(_bad_code, param_of=lambda s: s.code[0] if s.code else None),
        "代码不在代码表中（如 dlbm 9999）",
    ),
    Case(
        "shapefile_utf8",
        "file",
        _attr_case(_chinese, form="shp-utf8"),
        "UTF-8 Shapefile（含 .cpg），中文属性",
    ),
    Case(
        "shapefile_gbk",
        "file",
        _attr_case(_chinese, form="shp-gbk"),
        "GBK Shapefile（含 .cpg），中文属性",
    ),
    Case(
        "shapefile_gbk_no_cpg",
        "file",
        _attr_case(_chinese, form="shp-gbk-nocpg"),
        "GBK Shapefile，无 .cpg、无代码页标记",
    ),
    Case("profile_syntax", "profile", _profile_file('{"id": "x", '), "规则档案 JSON 语法错误"),
    Case(
        "profile_schema",
        "profile",
        _profile_file(_default_profile_text(_schema_violation)),
        "规则档案不符合 schema（enabled 为文本）",
    ),
    Case(
        "profile_unknown_key",
        "profile",
        _profile_file(_default_profile_text(_unknown_key)),
        "规则档案有未知键",
    ),
    Case("cancel_early", "run", _cancel(1.0), "读取后取消"),
    Case("cancel_late", "run", _cancel(75.0), "写出时取消"),
    Case(
        "rule_field_missing",
        "field",
        _field_dropped(RULE_FIELD, without=("LANDSURVEY",)),
        "缺少规则必需字段（无 dlbm 且无三调图层；无 lawful_approval）",
    ),
    Case(
        "optional_rule_field_missing",
        "field",
        _field_dropped(OPTIONAL_RULE_FIELD),
        "缺少可选规则所需字段（tax_per_mu、occupied_date）",
    ),
    Case("web_mercator", "crs", _geo_case(_web_mercator), "Web Mercator EPSG:3857"),
    Case("no_crs", "crs", _geo_case(_no_crs, "memory"), "图层没有坐标系（内存图层）"),
    Case("other_zone", "crs", _geo_case(_zone_of_4545), "4545 带的坐标声明为 EPSG:4544"),
    Case("prefix_undeclared", "crs", _geo_case(_prefix_undeclared), "带号前缀坐标声明为 EPSG:4544"),
    Case("non_finite", "field", _number_set(NON_FINITE, as_text=True), "数值为 inf / nan 文本"),
    Case("negative_number", "field", _number_set(NEGATIVE), "负的税收、面积、宽度"),
    Case("huge_number", "field", _number_set(HUGE), "道路宽度 1e308"),
    Case("null_area", "field", _null_area, "area_m2 为空"),
    Case("far_future_date", "field", _far_future, "9999 年以后的日期"),
    Case("huge_tolerance", "field", _huge_tolerance, "端点容差 1e9 米"),
    Case("zone_outside_project", "geometry", _zone_outside, "功能分区在其项目之外"),
    Case("whitespace_id", "field", _whitespace_id, "新版本编号多一个空格"),
    Case("duplicate_building", "geometry", _duplicate_building, "同一建筑绘制两次"),
    Case("overlapping_parcels", "geometry", _overlapping_parcels, "两宗地相互重叠"),
    Case("output_folder_missing", "run", _output_folder("missing"), "输出文件夹不存在"),
    Case("output_folder_is_a_file", "run", _output_folder("file"), "输出文件夹路径是一个文件"),
    Case("scenario_two_chosen", "field", _scenario_case(_two_chosen), "一个单元选定两个方案"),
    Case(
        "scenario_no_projects",
        "field",
        _scenario_case(_scenario_without_projects),
        "方案表中的方案没有项目",
    ),
    Case(
        "scenario_field_missing",
        "field",
        _scenario_case(_projects_without_scenario_id),
        "方案项目缺少 scenario_id 字段",
    ),
    Case("scenario_mode_text", "field", _scenario_case(_mode_in_words), "再开发方式写作“拆除重建”"),
    Case("scenario_null_gfa", "field", _scenario_case(_null_gfa), "gfa_proposed 为空"),
    Case("scenario_unknown_unit", "field", _unknown_unit, "单元编号不存在（DY99）"),
    Case("scenario_table_empty", "field", _scenario_case(_no_scenarios), "方案表没有行"),
)

CASE_IDS = tuple(c.id for c in CASES)
