"""What the sample and the benchmark generators share: the constants, the canonical
fields, the code tables, the name pools and naming helpers, the seeded generators,
``_frame()`` (canonical dtypes), the 三调 layer builder with its ellipsoidal areas and
``_lowland()`` (the plugin's modules) and ``write_district()``."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "resources" / "sample" / "sample_district.gpkg"
CRS = "EPSG:4544"
GEOGRAPHIC_CRS = "EPSG:4490"
CENTRE = (607300.0, 4262600.0)
DEFAULT_SEED = 20231171
ADMIN_CODE = "640106"
LAYERS = ("boundary", "roads", "parcels", "buildings", "landsurvey", "plan")
REFERENCE_YEAR = 2023

FIELDS = {
    "boundary": ["name", "admin_code"],
    "roads": ["road_id", "name", "grade", "width"],
    "parcels": [
        "parcel_id",
        "owner",
        "tenure",
        "contract_date",
        "supply_status",
        "idle",
        "disputed",
        "approved_use",
        "dlbm",
        "industry_code",
        "tax_per_mu",
        "years_operating",
        "above_scale",
        "operating",
        "lawful_approval",
        "occupied_date",
        "erdiao_construction",
        "plan_conforming",
    ],
    "buildings": [
        "building_id",
        "floors",
        "gfa",
        "year_built",
        "structure",
        "danger_grade",
        "illegal",
    ],
    "landsurvey": ["tbbh", "dlbm", "dlmc", "czcsxm", "tbmj", "qsdwmc"],
    "plan": [
        "plan_id",
        "plan_code",
        "plan_name",
        "far_max",
        "density_max",
        "green_min",
        "height_max",
    ],
}

# --------------------------------------------------------------------------- code tables
#: 三调 工作分类 (GB/T 21010-2017 + 三调 composite codes) used here.
DLMC = {
    "0102": "水浇地",
    "0103": "旱地",
    "0201": "果园",
    "05H1": "商业服务业设施用地",
    "0508": "物流仓储用地",
    "0601": "工业用地",
    "0701": "城镇住宅用地",
    "0702": "农村宅基地",
    "08H1": "机关团体新闻出版用地",
    "08H2": "科教文卫用地",
    "0809": "公用设施用地",
    "0810": "公园与绿地",
    "1004": "城镇村道路用地",
    "1107": "沟渠",
    "1201": "空闲地",
    "1202": "设施农用地",
}
#: 用地用海分类 (2023) names of the planned / approved uses used here.
PLAN_NAMES = {
    "0102": "水浇地",
    "0103": "旱地",
    "0201": "果园",
    "0602": "种植设施建设用地",
    "0701": "城镇住宅用地",
    "0703": "农村宅基地",
    "0704": "农村社区服务设施用地",
    "0801": "机关团体用地",
    "0804": "教育用地",
    "0806": "医疗卫生用地",
    "0901": "商业用地",
    "100101": "一类工业用地",
    "100102": "二类工业用地",
    "100103": "三类工业用地",
    "110101": "一类物流仓储用地",
    "110102": "二类物流仓储用地",
    "1301": "供水用地",
    "1303": "供电用地",
    "1401": "公园绿地",
}
#: plan_code -> (far_max, density_max, green_min, height_max)
PLAN_DEFAULTS = {
    "0701": (2.2, 0.30, 0.30, 60.0),
    "0703": (1.2, 0.45, 0.20, 15.0),
    "0801": (1.5, 0.35, 0.35, 36.0),
    "0804": (1.2, 0.30, 0.35, 24.0),
    "0806": (1.8, 0.35, 0.35, 45.0),
    "0901": (3.0, 0.45, 0.20, 80.0),
    "100101": (2.0, 0.55, 0.15, 40.0),
    "100102": (1.5, 0.50, 0.15, 30.0),
    "110101": (1.5, 0.55, 0.15, 30.0),
    "1301": (0.8, 0.40, 0.30, 20.0),
    "1401": (0.1, 0.05, 0.70, 12.0),
}
GRADE_WIDTHS = {"arterial": (40, 50, 60), "secondary": (24, 30, 36), "branch": (12, 16, 20)}
#: 三调 farmland / facility-farmland class -> its 用地用海 approved use
_AGRI_APPROVED = {"0102": "0102", "0103": "0103", "0201": "0201", "1202": "0602"}

INDUSTRY_WORDS = {
    "13": ("粮油食品", "清真食品", "饲料"),
    "14": ("乳业", "食品"),
    "15": ("葡萄酒业", "饮品"),
    "17": ("羊绒制品", "纺织"),
    "18": ("服饰",),
    "21": ("家具",),
    "26": ("精细化工", "化工"),
    "29": ("塑业", "橡胶制品"),
    "30": ("新型建材", "水泥制品", "石材"),
    "33": ("金属制品", "钢结构"),
    "34": ("机械制造", "通用机械"),
    "35": ("装备制造", "农机"),
    "38": ("电气", "电缆"),
    "39": ("电子科技", "光电"),
}
#: industry codes the fill (non-special) parcels draw from; "30" and "26" are kept for cases
FILL_INDUSTRY_CODES = ("13", "14", "15", "17", "21", "29", "33", "34", "35", "38")
BENCH_INDUSTRY_CODES = np.array(
    ["13", "14", "15", "17", "18", "21", "26", "29", "30", "33", "34", "35", "38", "39"]
)
PREFIXES = ("宁夏", "银川", "宁夏银川")
BRANDS = (
    "金凤", "塞上", "贺兰", "宁丰", "西夏", "鑫源", "华夏", "恒泰", "永盛", "瑞丰", "明德",
    "兴业", "长庆", "天元", "嘉禾", "润泽", "佳和", "同创", "宏达", "博远", "沙湖", "凤城",
    "宁安", "丰泰", "中盛", "汇通", "信诚", "万利", "朔方", "黄河", "六盘", "春晖", "新源",
    "嘉瑞", "金沙", "汉唐", "百川", "正信", "合力", "德润",
)  # fmt: skip
KIND_WORDS = {
    "logistics": ("物流", "仓储物流", "供应链管理", "冷链物流"),
    "commercial": ("商贸", "商业管理", "酒店管理", "农产品批发市场"),
    "developer": ("房地产开发", "置业"),
}
SUFFIXES = ("有限公司", "有限公司", "有限责任公司", "股份有限公司")
SURNAMES = tuple("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯丁金海纳锁撒田苏魏")
GIVEN_NAMES = (
    "建国", "建军", "志强", "永福", "德明", "玉兰", "桂芳", "秀英", "海军", "春生", "文华",
    "国庆", "小平", "红梅", "学军", "占林", "福财", "长山", "宝明", "正义", "明亮", "彦军",
    "少华", "有才", "建华", "金花", "海燕", "俊杰", "自强", "维新",
)  # fmt: skip
ESTATES = (
    "丽景苑",
    "金凤花园",
    "良田新村",
    "阅海家园",
    "凤凰小区",
    "锦绣家园",
    "康居小区",
    "和顺苑",
)
TOWN = "良田镇"
VILLAGE = "红星村"
STATE_QSDW = "金凤区良田镇国有土地"
RESERVE_OWNER = "银川市土地储备中心"
CN_DIGITS = "零一二三四五六七八九"


def _cn_number(n: int) -> str:
    """Chinese numeral for 1 <= n <= 999 (三, 十二, 二十, 一百零五, 一百一十二)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = CN_DIGITS[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_DIGITS[rest]
    return head + CN_DIGITS[rest // 10] + "十" + (CN_DIGITS[rest % 10] if rest % 10 else "")


class _Names:
    """Deterministic Chinese names (companies, households, units) from one generator."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def company(self, word: str) -> str:
        name = ""
        for _ in range(30):
            name = self._pick(PREFIXES) + self._pick(BRANDS) + word + self._pick(SUFFIXES)
            if name not in self.used:
                break
        self.used.add(name)
        return name

    def industrial(self, code: str | None) -> str:
        return self.company(self._pick(INDUSTRY_WORDS.get(code or "34", ("实业",))))

    def of_kind(self, kind: str) -> str:
        return self.company(self._pick(KIND_WORDS[kind]))

    def person(self) -> str:
        return self._pick(SURNAMES) + self._pick(GIVEN_NAMES)


def _iso(year: int, rng: np.random.Generator) -> str:
    """A random ISO date in ``year``."""
    return (dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))).isoformat()


def _spawn(seed: int, n: int) -> list[np.random.Generator]:
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(n)]


_BOOL_FIELDS = {"idle", "disputed", "above_scale", "operating", "lawful_approval", "illegal"}
_NULLABLE_BOOL = {"erdiao_construction", "plan_conforming"}
_NULLABLE_INT = {"years_operating", "floors"}
_FLOAT_FIELDS = {
    "tax_per_mu",
    "gfa",
    "width",
    "tbmj",
    "far_max",
    "density_max",
    "green_min",
    "height_max",
}


def _frame(columns: dict, geoms: np.ndarray) -> gpd.GeoDataFrame:
    """GeoDataFrame in EPSG:4544 with the canonical dtypes: str/None object columns,
    bool flags, nullable ``boolean`` / ``Int64`` where nulls occur, float with NaN."""
    data = {}
    for name, values in columns.items():
        if not hasattr(values, "dtype"):
            values = list(values)
        if name in _BOOL_FIELDS:
            col = pd.Series(np.asarray(values, dtype=bool))
        elif name in _NULLABLE_BOOL:
            col = pd.Series(pd.array(values, dtype="boolean"))
        elif name in _NULLABLE_INT:
            col = pd.Series(pd.array(values, dtype="Int64"))
        elif name in _FLOAT_FIELDS:
            col = pd.Series(pd.array(values, dtype="Float64").to_numpy(float, na_value=np.nan))
        elif name == "year_built":
            col = pd.Series(np.asarray(values, dtype=np.int64))
        else:
            col = pd.Series(np.asarray(values, dtype=object))
        data[name] = col
    return gpd.GeoDataFrame(pd.DataFrame(data), geometry=gpd.GeoSeries(geoms), crs=CRS)


def _landsurvey_frame(geoms, dlbm, czcsxm, qsdwmc, exact: bool) -> gpd.GeoDataFrame:
    """三调 layer: multi-part pieces become separate patches (a 图斑 is one polygon)."""
    parts, idx = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    n = len(parts)
    width = max(4, len(str(n)))
    dlbm = np.asarray(dlbm, dtype=object)[idx]
    return _frame(
        {
            "tbbh": [f"{i:0{width}d}" for i in range(1, n + 1)],
            "dlbm": dlbm,
            "dlmc": np.array([DLMC[c] for c in dlbm], dtype=object),
            "czcsxm": np.asarray(czcsxm, dtype=object)[idx],
            "tbmj": np.round(ellipsoidal_area(parts, exact=exact), 2),
            "qsdwmc": np.asarray(qsdwmc, dtype=object)[idx],
        },
        parts,
    )


def ellipsoidal_area(geoms: np.ndarray, exact: bool = True) -> np.ndarray:
    """Area on the CGCS2000 ellipsoid (GRS80) of EPSG:4544 geometries, in m²
    (lowland_plugin.core.common.areas: geodesic when ``exact``, else the vectorised
    equal-area projection)."""
    areas = _lowland().core.common.areas
    geoms = np.asarray(geoms, dtype=object)
    return areas.geodesic_area(geoms, CRS) if exact else areas.ellipsoidal_area(geoms, CRS)


def _lowland():
    """Import the plugin's modules without putting the repo root first on sys.path."""
    if importlib.util.find_spec("lowland_plugin") is None:
        sys.path.append(str(ROOT))  # at the END: the root's processing/ must not shadow QGIS's
    import lowland_plugin.bridge.ogr_io
    import lowland_plugin.core.common.areas
    import lowland_plugin.core.common.fields
    import lowland_plugin.core.identify.indicators

    return lowland_plugin


def write_district(layers: dict[str, gpd.GeoDataFrame], path: str | Path) -> None:
    """Write all layers to one GeoPackage (replacing the file) with Chinese aliases."""
    lowland = _lowland()
    write_ogr_layer = lowland.bridge.ogr_io.write_ogr_layer
    field_aliases = lowland.core.common.fields.field_aliases
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(LAYERS):
        gdf = layers[name]
        aliases = field_aliases([c for c in gdf.columns if c != gdf.geometry.name])
        write_ogr_layer(gdf, str(path), name, aliases=aliases, overwrite_file=i == 0)
