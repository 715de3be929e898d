#!/usr/bin/env python3
"""Synthetic urban district in 银川市金凤区 (Yinchuan) for Lowland: the bundled sample and
benchmark districts.

``generate_district()`` returns six GeoDataFrames in EPSG:4544 (CGCS2000 / 3-degree
Gauss-Kruger CM 105E; *not* 4543 = CM 102E) with canonical English field names:
``boundary``, ``roads``, ``parcels`` (宗地), ``buildings``, ``landsurvey`` (三调图斑) and
``plan`` (控规地块). Everything is a pure function of the seed, names included.

- ``n_parcels=None``: the sample district, about 2.7 km² around (607300, 4262600): an
  urban-fringe 片区 on a road grid (arterial / secondary / branch, one slanted road, one
  dead-end lane), bounded in the north by an irrigation canal; industrial and logistics
  blocks, a village (城中村) of ~300 homesteads, old and new housing, commerce,
  public facilities, reserve land and fringe farmland. The parcel ids of the cases
  below do not depend on the seed: the block layout is fixed, the seed only varies
  sizes, names and the non-special values.
- ``n_parcels=N``: a benchmark district of exactly N parcels on a larger grid, same
  schema, about 3 buildings per parcel, about 80 % of buildings wholly inside one
  parcel and about 20 % straddling two neighbouring parcels. Vectorised (shapely 2
  array functions); 100k parcels / ~300k buildings in a few seconds.

Sample district: what each case is (the generator's intent; ``check_sample_cases()``
asserts every line of this table against the generated data)
=====================================================================================

Same-industry tax means: the five parcels with ``industry_code`` "30" have the same
area (67 m × 160 m) and taxes 12, 8, 25, 30, 25 → simple and area-weighted mean 20.0
万元/亩; P0008 pays 8.0 = exactly 40 % of it. No other parcel has code "30".
FAR below = GFA / planimetric area, GFA = ``gfa`` else footprint × ``floors``,
straddling buildings counted by footprint share (as ``lowland_plugin.core.identify.indicators``).

===========================================  ==============  =====================================
case                                         parcel_id       what it is
===========================================  ==============  =====================================
IND_EFFICIENT                                P0001           0601, FAR ≈ 1.9, tax 85, above_scale, built 2014-18, grade A
IND_STRADDLE_A / IND_STRADDLE_B              P0004 / P0005   industrial neighbours; one warehouse straddles their common line
IND_TAX30_A/B/C/D                            P0007 P0009-11  code "30" peers of the 40 % case (taxes 12, 25, 30, 25)
IND_TAX_AT_40PCT                             P0008           tax 8.0 = exactly 40 % of the code-30 mean 20.0; FAR ≈ 1.3, A/B, not exempt
IND_MULTIPOLYGON                             P0012           MultiPolygon (two parts, P0013 lies between them), code "33", tax 16
LOG_OLD                                      P0015           0508, four warehouses 1984-95, three of four C/D (≥ 50 %)
LOG_DANGER_EXACT_50                          P0016           0508, two identical warehouses, one C one B: C/D share exactly 0.5
LOG_MODERN                                   P0017           0508, built 2016-18, grade A, no danger
IND_FAR_EXACT_1                              P0021           120 m × 170 m, one building 100 m × 102 m × 2 floors: FAR exactly 1.0, tax 32
IND_YOUNG_EXEMPT                             P0022           FAR ≈ 0.4, tax 2.0, years_operating 2 (< 3: exempt)
IND_ABOVE_SCALE_LOW_FAR                      P0023           above_scale, FAR ≈ 0.5, tax 45
IND_CLEAR_LOWLAND                            P0024           FAR ≈ 0.35, tax 1.8, built 1986-94, all buildings C/D
IND_STOPPED                                  P0025           operating false (停产), FAR ≈ 0.5, tax 0.0
IND_FAR_BETWEEN_MINIMA                       P0026           code "26" (2008 minimum 0.6), FAR ≈ 0.75 (< 1.0), tax 40, A/B
FAC_SCHOOL / FAC_HOSPITAL / FAC_WATERWORKS   P0027-P0029     08H2 / 08H2 / 0809, allocated
IND_DANGER                                   P0030           FAR ≈ 1.2, tax 30, built 1978-90, C/D share of GFA ≥ 0.6
IND_TAX_BELOW_40PCT                          P0031           code "33", tax 1.0 (far below 40 % of the code-33 mean), FAR ≈ 1.2, A/B
IND_DISPUTED                                 P0032           disputed (权属争议) → excluded, otherwise low FAR ≈ 0.4
IND_L_SHAPE                                  P0033           L-shaped; two 三调 patches (0601 + 0508); its buildings hold the null cases below
IND_HOLE / FAC_SUBSTATION                    P0034 / P0035   parcel with an interior ring; the ring is filled by the 0809 substation parcel
LEGACY_PRE2010_REGULAR                       P0037           unapproved, occupied 2006-05-20, 二调 construction, plan-conforming → regular
LEGACY_POST2010                              P0038           unapproved, occupied 2014-08-01 → expropriation; two 三调 patches (0601 + 0102)
LEGACY_NO_DATE                               P0040           unapproved, occupied_date null → undecided; has the building with floors and gfa null
LEGACY_2009_12_31                            P0041           unapproved, occupied exactly 2009-12-31, both conditions true → regular
LEGACY_2010_01_01                            P0042           unapproved, occupied exactly 2010-01-01 → expropriation
LEGACY_ERDIAO_NOT_CONSTRUCTION               P0043           unapproved, occupied 2007-03-01, 二调 not construction → undecided
LEGACY_NOT_PLAN_CONFORMING                   P0044           unapproved, occupied 2008-09-10, not plan-conforming → undecided
LEGACY_ERDIAO_UNKNOWN                        P0045           unapproved, occupied 2005-11-11, erdiao_construction null → undecided
IND_NO_BUILDINGS                             P0047           supplied industrial storage yard with no building (FAR 0)
COM_OLD_LOW_FAR                              P0050           05H1 market built 1990-94, FAR ≈ 0.6, grade B; two 三调 patches (05H1 + 0701)
COM_STALLED                                  P0053           05H1 granted 2020-06-18, only a site office (FAR < 0.02), not idle
RES_OLD_LOW_FAR                              P0055           0701 built 1988-93, FAR ≈ 0.8, grade B
RES_BUILT_2000_LOW_FAR                       P0056           0701 all built in 2000 (not "before 2000"), FAR ≈ 0.9, grade A
RES_OLD_DANGER                               P0057           0701 built 1994-98, FAR ≈ 1.4, C/D share of GFA ≥ 0.6
RES_NEW                                      P0059           0701 built 2013-16, FAR ≈ 2.5, grade A
COLLECTIVE_INDUSTRIAL                        P0064           collective 村办企业, unapproved, occupied 1998-04-01, both conditions → regular
VILLAGE_HOMES                                P0065-P0302     0702 农村宅基地, collective (238 homesteads, incl. the six below)
VILLAGE_DISPUTED                             P0134           homestead with disputed = true
VILLAGE_HOME_LEGACY                          P0169           homestead, unapproved, occupied 2011-07-01 → expropriation
HOME_STRADDLE_1W/1E, HOME_STRADDLE_2W/2E     P0080/81, P0225/26  a shed (illegal) straddles each pair's common line
VILLAGE_COMMITTEE                            P0303           collective village committee (0702 / approved 0704)
VILLAGE_HOMES (second block)                 P0306-P0373     68 more homesteads
FAC_OLD_OFFICE                               P0375           08H1 government compound built 1984-87, FAR ≈ 0.5, allocated
UNSUPPLIED_VACANT                            P0383           approved_unsupplied (批而未供), 1201 空闲地, no building
IDLE_UNBUILT                                 P0384           idle (闲置), granted 2016-09-12, 1201, no building
IDLE_PARTLY_BUILT                            P0385           idle, granted 2014-04-25, 0601, one simple shed
UNSUPPLIED_FARMED                            P0386           approved_unsupplied, still farmed (0102), no building
VILLAGE_HOMES (fringe block)                 P0387-P0420     34 more homesteads
AGRI_DRYLAND                                 P0423           0103 旱地 at the fringe (non-construction land → excluded)
AGRI_ORCHARD                                 P0424           0201 果园 at the fringe
LEGACY_ON_FARMLAND                           P0425           unapproved sheds on collective farmland, occupied 2016-05-10 → expropriation
UNSUPPLIED_NEW_INDUSTRIAL                    P0433           approved_unsupplied, 0103, no building
===========================================  ==============  =====================================

Other facts the tests may rely on (sample, any seed):
- ``lawful_approval`` is false only on the LEGACY_* cases, COLLECTIVE_INDUSTRIAL and
  VILLAGE_HOME_LEGACY; ``idle`` only on IDLE_*; ``disputed`` only on IND_DISPUTED and
  VILLAGE_DISPUTED; ``approved_unsupplied`` only on UNSUPPLIED_*. ``supply_status`` is
  null where neither value applies: unapproved land and farmland.
- Buildings on IND_L_SHAPE: its first building has ``floors`` null (``gfa`` given), its
  second has ``gfa`` null (``floors`` given). LEGACY_NO_DATE's first building has both
  null. No other building has a null ``floors`` or ``gfa``.
- Straddling buildings: exactly three (IND_STRADDLE pair, two HOME_STRADDLE pairs).
  ``illegal`` is true on the buildings of unapproved parcels and on the two straddling
  sheds only.
- Roads: R004 凤翔路 (secondary) and R008 福安街 (branch) have ``width`` null; their
  geometry used 30 and 16 m. R011 创业巷 (branch, 12 m) is the dead-end lane (dangle).
  R003 兴源路 is slightly slanted. Road centre lines extend past the boundary.
- 三调 patches tile every block; the village homesteads of a block form one 0702
  patch together with their lanes; roads are 1004 patches. ``tbmj`` is the CGCS2000
  ellipsoidal area (pyproj Geod, GRS80) of the patch transformed to EPSG:4490.
- The plan (控规) does not cover blocks (3,1) and (3,4) (farmland outside the plan).

Run: ``python scripts/generate_district.py`` (sample → resources/sample/sample_district.gpkg),
``python scripts/generate_district.py --parcels 100000 --out /tmp/district_100k.gpkg``;
``--check`` also validates the result (and the table above for the sample).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, Polygon, box

ROOT = Path(__file__).resolve().parents[1]
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


# =========================================================================== sample
# Road grid (x of N-S centre lines, y of E-W centre lines); widths are even so that
# half widths, block edges and the rectangular parcels are whole metres.
_SLANT_Y0, _SLANT_X0, _SLANT_SLOPE = 4262590.0, 606340.0, 0.015625  # 兴源路: +30 m over 1920 m
_CANAL = [
    (608200, 4263240),
    (607900, 4263300),
    (607400, 4263365),
    (606900, 4263385),
    (606400, 4263330),
]
_X_LINES = (606400.0, 606770.0, 607128.0, 607520.0, 607880.0, 608200.0)

#: (name, grade, width attribute (None = null), width used for the geometry, coordinates)
_SAMPLE_ROADS = [
    ("长城西路", "arterial", 50.0, 50, [(606340, 4261850), (608260, 4261850)]),
    ("丰庆路", "secondary", 24.0, 24, [(606340, 4262230), (608260, 4262230)]),
    ("兴源路", "branch", 16.0, 16, [(606340, 4262590), (608260, 4262620)]),
    ("凤翔路", "secondary", None, 30, [(606340, 4262980), (608260, 4262980)]),
    ("阅海大街", "arterial", 50.0, 50, [(606400, 4261790), (606400, 4263360)]),
    ("良田北街", "branch", 16.0, 16, [(606770, 4261850), (606770, 4263395)]),
    ("正源北街", "secondary", 30.0, 30, [(607128, 4261790), (607128, 4263400)]),
    ("福安街", "branch", None, 16, [(607520, 4261850), (607520, 4262980)]),
    ("康平街", "branch", 18.0, 18, [(607880, 4261850), (607880, 4263325)]),
    ("宁安大街", "arterial", 60.0, 60, [(608200, 4261790), (608200, 4263290)]),
    ("创业巷", "branch", 12.0, 12, [(606950, 4262230), (606950, 4262470)]),
]


def _slant_y(x: float) -> float:
    return _SLANT_Y0 + (x - _SLANT_X0) * _SLANT_SLOPE


def _home_strips(
    n_double: int,
    lots: int,
    specials: dict[tuple[int, int], str] | None = None,
    leading_lane: bool = False,
    trailing_lane: bool = False,
) -> list:
    """Strips of homestead lots: double rows 18 m deep separated by 6 m village lanes."""
    specials = specials or {}
    strips: list = [(6, "lane")] if leading_lane else []
    for d in range(n_double):
        for half in range(2):
            row = 2 * d + half
            strips.append((18, [(1.0, specials.get((row, k), "home")) for k in range(lots)]))
        if d < n_double - 1 or trailing_lane:
            strips.append((6, "lane"))
    return strips


def _sample_block_specs() -> dict[tuple[int, int], list]:
    """Block (row from the south, column from the west) -> strips from south to north.

    A strip is (height, cells) and a cell (width, role); an int size is metres, a float
    a weight sharing what is left (jittered by the seed). Role None = gap (a road);
    cells "lane" = a village lane. Roles in capitals are the documented cases.
    """
    return {
        (0, 0): [
            (0.5, [(1.0, "IND_EFFICIENT"), (0.9, "ind"), (1.1, "ind")]),
            (0.5, [(1.0, "IND_STRADDLE_A"), (1.0, "IND_STRADDLE_B"), (0.8, "ind")]),
        ],
        (0, 1): [
            (
                160,
                [
                    (67, "IND_TAX30_A"),
                    (67, "IND_TAX_AT_40PCT"),
                    (67, "IND_TAX30_B"),
                    (67, "IND_TAX30_C"),
                    (67, "IND_TAX30_D"),
                ],
            ),
            (
                1.0,
                [
                    (110, "IND_MULTIPOLYGON"),
                    (30, "ind_small"),
                    (100, "IND_MULTIPOLYGON"),
                    (1.0, "ind"),
                ],
            ),
        ],
        (0, 2): [
            (0.55, [(1.2, "LOG_OLD"), (0.8, "LOG_DANGER_EXACT_50"), (1.0, "LOG_MODERN")]),
            (0.45, [(1.0, "log"), (1.0, "log"), (0.7, "ind")]),
        ],
        (0, 3): [
            (
                170,
                [
                    (120, "IND_FAR_EXACT_1"),
                    (0.9, "IND_YOUNG_EXEMPT"),
                    (1.1, "IND_ABOVE_SCALE_LOW_FAR"),
                ],
            ),
            (
                1.0,
                [(1.1, "IND_CLEAR_LOWLAND"), (0.9, "IND_STOPPED"), (1.0, "IND_FAR_BETWEEN_MINIMA")],
            ),
        ],
        (0, 4): [
            (0.55, [(1.0, "FAC_SCHOOL")]),
            (0.45, [(1.2, "FAC_HOSPITAL"), (0.8, "FAC_WATERWORKS")]),
        ],
        (1, 0): [
            (110, [(1.0, "IND_DANGER"), (1.0, "IND_TAX_BELOW_40PCT"), (1.0, "IND_DISPUTED")]),
            (120, [(90, "IND_L_SHAPE"), (1.0, "IND_HOLE"), (1.0, "ind")]),
            (
                1.0,
                [(150, "IND_L_SHAPE"), (1.0, "LEGACY_PRE2010_REGULAR"), (1.0, "LEGACY_POST2010")],
            ),
        ],
        (1, 1): [  # the dead-end lane 创业巷 runs between x 606944 and 606956 up to y 4262470
            (
                114,
                [
                    (80, "ind_workshop"),
                    (86, "LEGACY_NO_DATE"),
                    (12, None),
                    (80, "LEGACY_2009_12_31"),
                    (1.0, "LEGACY_2010_01_01"),
                ],
            ),
            (
                114,
                [
                    (90, "LEGACY_ERDIAO_NOT_CONSTRUCTION"),
                    (76, "LEGACY_NOT_PLAN_CONFORMING"),
                    (12, None),
                    (1.0, "LEGACY_ERDIAO_UNKNOWN"),
                    (1.0, "ind_workshop"),
                ],
            ),
            (1.0, [(1.0, "IND_NO_BUILDINGS"), (1.2, "ind"), (0.9, "ind")]),
        ],
        (1, 2): [
            (0.5, [(1.0, "COM_OLD_LOW_FAR"), (1.0, "com"), (0.8, "com")]),
            (0.5, [(1.2, "COM_STALLED"), (1.0, "com")]),
        ],
        (1, 3): [
            (0.5, [(1.0, "RES_OLD_LOW_FAR"), (1.0, "RES_BUILT_2000_LOW_FAR")]),
            (0.5, [(1.0, "RES_OLD_DANGER"), (1.0, "res_old")]),
        ],
        (1, 4): [
            (0.6, [(1.0, "RES_NEW")]),
            (0.4, [(1.3, "res_new"), (0.7, "fac_kindergarten")]),
        ],
        (2, 0): [(1.0, [(1.0, "col_ind"), (0.8, "village_shop"), (1.0, "COLLECTIVE_INDUSTRIAL")])]
        + _home_strips(
            7,
            17,
            specials={
                (0, 15): "HOME_STRADDLE_1W",
                (0, 16): "HOME_STRADDLE_1E",
                (4, 1): "VILLAGE_DISPUTED",
                (6, 2): "VILLAGE_HOME_LEGACY",
                (9, 7): "HOME_STRADDLE_2W",
                (9, 8): "HOME_STRADDLE_2E",
            },
            leading_lane=True,
        ),
        (2, 1): [(80, [(1.0, "VILLAGE_COMMITTEE"), (1.2, "col_ind"), (1.0, "village_shop")])]
        + _home_strips(2, 17, leading_lane=True, trailing_lane=True)
        + [(1.0, [(1.0, "res_resettlement")])],
        (2, 2): [
            (0.5, [(1.0, "FAC_OLD_OFFICE"), (1.0, "fac_office")]),
            (0.5, [(1.0, "park")]),
        ],
        (2, 3): [
            (0.5, [(1.0, "res_old"), (1.0, "com")]),
            (0.5, [(1.0, "res_new"), (0.7, "com"), (0.8, "res_old")]),
        ],
        (2, 4): [
            (0.5, [(1.0, "UNSUPPLIED_VACANT"), (1.0, "IDLE_UNBUILT")]),
            (0.5, [(1.0, "IDLE_PARTLY_BUILT"), (1.0, "UNSUPPLIED_FARMED")]),
        ],
        (3, 0): _home_strips(1, 17, trailing_lane=True)
        + [(1.0, [(1.0, "agri_0102"), (1.0, "agri_0102"), (1.0, "AGRI_DRYLAND")])],
        (3, 1): [
            (0.5, [(1.0, "AGRI_ORCHARD"), (0.8, "LEGACY_ON_FARMLAND"), (1.0, "agri_0103")]),
            (0.5, [(1.0, "agri_0102"), (1.0, "agri_1202")]),
        ],
        (3, 2): [
            (0.55, [(1.0, "ind_new"), (1.0, "ind_new"), (1.2, "ind_new"), (1.0, "ind_new")]),
            (0.45, [(1.0, "UNSUPPLIED_NEW_INDUSTRIAL"), (1.0, "ind_new"), (1.0, "agri_0102")]),
        ],
        (3, 4): [(1.0, [(1.0, "agri_0201"), (1.0, "agri_0102")])],
    }


#: 控规 per block: one code = the whole block, two = south / north halves. Blocks (3,1)
#: and (3,4) lie outside the plan.
_SAMPLE_PLAN = {
    (0, 0): ["100101"],
    (0, 1): ["100101"],
    (0, 2): ["110101"],
    (0, 3): ["100101", "0901"],
    (0, 4): ["0804", "0806"],
    (1, 0): ["0701", "0901"],
    (1, 1): ["100101", "0701"],
    (1, 2): ["0901"],
    (1, 3): ["0701"],
    (1, 4): ["0701"],
    (2, 0): ["0901", "0701"],
    (2, 1): ["0703", "0701"],
    (2, 2): ["0801", "1401"],
    (2, 3): ["0701", "0901"],
    (2, 4): ["0901", "0701"],
    (3, 0): ["0703"],
    (3, 2): ["100101", "100101"],
}

_MERGE_ROLES = {"IND_L_SHAPE", "IND_MULTIPOLYGON"}
_HOME_ROLES = {
    "home",
    "VILLAGE_DISPUTED",
    "VILLAGE_HOME_LEGACY",
    "HOME_STRADDLE_1W",
    "HOME_STRADDLE_1E",
    "HOME_STRADDLE_2W",
    "HOME_STRADDLE_2E",
}
#: parcels split into two 三调 patches: role -> (second class, which half is second)
_SURVEY_SPLITS = {"COM_OLD_LOW_FAR": "0701", "LEGACY_POST2010": "0102", "IND_L_SHAPE": "0508"}
_STRADDLE_PAIRS = [
    ("IND_STRADDLE_A", "IND_STRADDLE_B"),
    ("HOME_STRADDLE_1W", "HOME_STRADDLE_1E"),
    ("HOME_STRADDLE_2W", "HOME_STRADDLE_2E"),
]

#: The case table of the module docstring: case -> parcel ids (checked on every run).
SAMPLE_CASES: dict[str, tuple[str, ...]] = {
    "IND_EFFICIENT": ("P0001",),
    "IND_STRADDLE_A": ("P0004",),
    "IND_STRADDLE_B": ("P0005",),
    "IND_TAX30_A": ("P0007",),
    "IND_TAX_AT_40PCT": ("P0008",),
    "IND_TAX30_B": ("P0009",),
    "IND_TAX30_C": ("P0010",),
    "IND_TAX30_D": ("P0011",),
    "IND_MULTIPOLYGON": ("P0012",),
    "LOG_OLD": ("P0015",),
    "LOG_DANGER_EXACT_50": ("P0016",),
    "LOG_MODERN": ("P0017",),
    "IND_FAR_EXACT_1": ("P0021",),
    "IND_YOUNG_EXEMPT": ("P0022",),
    "IND_ABOVE_SCALE_LOW_FAR": ("P0023",),
    "IND_CLEAR_LOWLAND": ("P0024",),
    "IND_STOPPED": ("P0025",),
    "IND_FAR_BETWEEN_MINIMA": ("P0026",),
    "FAC_SCHOOL": ("P0027",),
    "FAC_HOSPITAL": ("P0028",),
    "FAC_WATERWORKS": ("P0029",),
    "IND_DANGER": ("P0030",),
    "IND_TAX_BELOW_40PCT": ("P0031",),
    "IND_DISPUTED": ("P0032",),
    "IND_L_SHAPE": ("P0033",),
    "IND_HOLE": ("P0034",),
    "FAC_SUBSTATION": ("P0035",),
    "LEGACY_PRE2010_REGULAR": ("P0037",),
    "LEGACY_POST2010": ("P0038",),
    "LEGACY_NO_DATE": ("P0040",),
    "LEGACY_2009_12_31": ("P0041",),
    "LEGACY_2010_01_01": ("P0042",),
    "LEGACY_ERDIAO_NOT_CONSTRUCTION": ("P0043",),
    "LEGACY_NOT_PLAN_CONFORMING": ("P0044",),
    "LEGACY_ERDIAO_UNKNOWN": ("P0045",),
    "IND_NO_BUILDINGS": ("P0047",),
    "COM_OLD_LOW_FAR": ("P0050",),
    "COM_STALLED": ("P0053",),
    "RES_OLD_LOW_FAR": ("P0055",),
    "RES_BUILT_2000_LOW_FAR": ("P0056",),
    "RES_OLD_DANGER": ("P0057",),
    "RES_NEW": ("P0059",),
    "COLLECTIVE_INDUSTRIAL": ("P0064",),
    "HOME_STRADDLE_1W": ("P0080",),
    "HOME_STRADDLE_1E": ("P0081",),
    "VILLAGE_DISPUTED": ("P0134",),
    "VILLAGE_HOME_LEGACY": ("P0169",),
    "HOME_STRADDLE_2W": ("P0225",),
    "HOME_STRADDLE_2E": ("P0226",),
    "VILLAGE_COMMITTEE": ("P0303",),
    "FAC_OLD_OFFICE": ("P0375",),
    "UNSUPPLIED_VACANT": ("P0383",),
    "IDLE_UNBUILT": ("P0384",),
    "IDLE_PARTLY_BUILT": ("P0385",),
    "UNSUPPLIED_FARMED": ("P0386",),
    "AGRI_DRYLAND": ("P0423",),
    "AGRI_ORCHARD": ("P0424",),
    "LEGACY_ON_FARMLAND": ("P0425",),
    "UNSUPPLIED_NEW_INDUSTRIAL": ("P0433",),
}
#: homestead id ranges (first, last), both blocks
SAMPLE_HOME_RANGES = (("P0065", "P0302"), ("P0306", "P0373"), ("P0387", "P0420"))


def _resolve(specs: list, total: float, rng: np.random.Generator) -> list[tuple[float, float]]:
    """(start, end) offsets of consecutive sizes along ``total``; ints are metres, floats
    weights of the rest (jittered ±12 %), interior cuts on whole metres."""
    fixed = sum(s for s in specs if isinstance(s, int))
    weights = [s * rng.uniform(0.88, 1.12) if isinstance(s, float) else 0.0 for s in specs]
    rest = total - fixed
    wsum = sum(weights)
    if wsum == 0 and abs(rest) > 1e-6:
        raise ValueError(f"fixed sizes {fixed} do not fill {total}")
    if rest < 0:
        raise ValueError(f"fixed sizes {fixed} exceed {total}")
    out, pos = [], 0.0
    for i, (s, w) in enumerate(zip(specs, weights, strict=True)):
        size = float(s) if isinstance(s, int) else rest * w / wsum
        end = total if i == len(specs) - 1 else float(round(pos + size))
        out.append((pos, end))
        pos = end
    return out


def _sample_roads_and_blocks():
    boundary = Polygon([(606400, 4261850), (608200, 4261850), *_CANAL])
    lines = [LineString(c) for *_, c in _SAMPLE_ROADS]
    corridors = [
        ln.buffer(w / 2, cap_style="flat", join_style="mitre")
        for ln, (_, _, _, w, _) in zip(lines, _SAMPLE_ROADS, strict=True)
    ]
    rest = boundary.difference(shapely.union_all(corridors))
    blocks: dict[tuple[int, int], Polygon] = {}
    for part in getattr(rest, "geoms", [rest]):
        if part.area < 1000:
            continue
        c = part.centroid
        col = int(np.searchsorted(_X_LINES, c.x)) - 1
        row = sum(c.y > y for y in (4261850, 4262230, _slant_y(c.x), 4262980)) - 1
        blocks[(row, col)] = part
    return boundary, lines, corridors, blocks


def _layout_block(poly: Polygon, strips: list, rng: np.random.Generator):
    """Cells (role, geometry, bounds) and lanes of one block."""
    minx, miny, maxx, maxy = poly.bounds
    cells, lanes = [], []
    heights = _resolve([h for h, _ in strips], maxy - miny, rng)
    for (_, spec), (h0, h1) in zip(strips, heights, strict=True):
        y0, y1 = miny + h0, miny + h1
        if isinstance(spec, str):
            lanes.append(box(minx, y0, maxx, y1).intersection(poly))
            continue
        widths = _resolve([w for w, _ in spec], maxx - minx, rng)
        for (_, role), (w0, w1) in zip(spec, widths, strict=True):
            if role is None:
                continue
            b = (minx + w0, y0, minx + w1, y1)
            geom = box(*b).intersection(poly)
            if geom.area > 1.0:
                cells.append((role, geom, b))
    return cells, lanes


def _sample_parcel_geometries(blocks, rng):
    """Parcels in id order: dicts with role, geometry, bounds, block."""
    specs = _sample_block_specs()
    parcels: list[dict] = []
    by_role: dict[str, dict] = {}
    lanes: dict[tuple[int, int], list] = {}
    for key in sorted(specs):
        cells, block_lanes = _layout_block(blocks[key], specs[key], rng)
        lanes[key] = block_lanes
        for role, geom, bounds in cells:
            if role in _MERGE_ROLES and role in by_role:
                p = by_role[role]
                p["geometry"] = p["geometry"].union(geom)
                p["parts"].append(bounds)
                continue
            p = {"role": role, "geometry": geom, "bounds": bounds, "parts": [bounds], "block": key}
            parcels.append(p)
            by_role.setdefault(role, p)
            if role == "IND_HOLE":
                x0, y0, x1, y1 = bounds
                w, h = x1 - x0, y1 - y0
                inner = box(
                    round(x0 + 0.55 * w),
                    round(y0 + 0.35 * h),
                    round(x0 + 0.8 * w),
                    round(y0 + 0.65 * h),
                )
                p["geometry"] = geom.difference(inner)
                sub = {
                    "role": "FAC_SUBSTATION",
                    "geometry": inner,
                    "bounds": inner.bounds,
                    "parts": [inner.bounds],
                    "block": key,
                }
                parcels.append(sub)
                by_role["FAC_SUBSTATION"] = sub
    width = max(4, len(str(len(parcels))))
    for i, p in enumerate(parcels, 1):
        p["parcel_id"] = f"P{i:0{width}d}"
    return parcels, lanes


# ------------------------------------------------------------------ sample attributes
def _kind(role: str) -> str:
    if role in _HOME_ROLES:
        return "home"
    if role.startswith(("IND_", "LEGACY_", "COLLECTIVE_")) or role in (
        "ind",
        "ind_small",
        "ind_workshop",
        "ind_new",
        "col_ind",
    ):
        return "industrial"
    if role.startswith("LOG") or role == "log":
        return "logistics"
    if role.startswith("COM") or role in ("com", "village_shop"):
        return "commercial"
    if role.startswith("RES") or role.startswith("res_"):
        return "residential"
    if role.startswith("AGRI") or role.startswith("agri_"):
        return "agricultural"
    if role.startswith(("UNSUPPLIED", "IDLE")):
        return "reserve"
    return "facility"


_AGRI_CLASS = {
    "AGRI_DRYLAND": "0103",
    "AGRI_ORCHARD": "0201",
    "agri_0102": "0102",
    "agri_0103": "0103",
    "agri_0201": "0201",
    "agri_1202": "1202",
}
_AGRI_APPROVED = {"0102": "0102", "0103": "0103", "0201": "0201", "1202": "0602"}
_FACILITY = {  # role -> (dlbm, approved_use, tenure, owner)
    "FAC_SCHOOL": ("08H2", "0804", "allocated", "银川市金凤区良田中学"),
    "FAC_HOSPITAL": ("08H2", "0806", "allocated", "银川市金凤区良田镇卫生院"),
    "FAC_WATERWORKS": ("0809", "1301", "allocated", "银川市城市供水有限公司"),
    "FAC_SUBSTATION": ("0809", "1303", "allocated", "银川市供电公司"),
    "FAC_OLD_OFFICE": ("08H1", "0801", "allocated", "银川市金凤区良田镇人民政府"),
    "fac_office": ("08H1", "0801", "allocated", "银川市金凤区市场监督管理局良田分局"),
    "fac_kindergarten": ("08H2", "0804", "allocated", "银川市金凤区第三幼儿园"),
    "park": ("0810", "1401", "allocated", "银川市金凤区园林管理所"),
    "VILLAGE_COMMITTEE": ("0702", "0704", "collective", f"{TOWN}{VILLAGE}村民委员会"),
}
#: overrides of the documented cases (parcel attributes)
_CASE_ATTRS: dict[str, dict] = {
    "IND_EFFICIENT": dict(
        industry_code="39", tax_per_mu=85.0, above_scale=True, contract_date="2013-05-16"
    ),
    "IND_TAX30_A": dict(industry_code="30", tax_per_mu=12.0, contract_date="2009-04-08"),
    "IND_TAX_AT_40PCT": dict(industry_code="30", tax_per_mu=8.0, contract_date="2010-07-21"),
    "IND_TAX30_B": dict(industry_code="30", tax_per_mu=25.0, contract_date="2011-03-02"),
    "IND_TAX30_C": dict(industry_code="30", tax_per_mu=30.0, contract_date="2008-10-30"),
    "IND_TAX30_D": dict(industry_code="30", tax_per_mu=25.0, contract_date="2012-06-12"),
    "IND_MULTIPOLYGON": dict(industry_code="33", tax_per_mu=16.0),
    "IND_FAR_EXACT_1": dict(industry_code="34", tax_per_mu=32.0, contract_date="2011-08-19"),
    "IND_YOUNG_EXEMPT": dict(
        industry_code="35", tax_per_mu=2.0, contract_date="2021-03-01", years_operating=2
    ),
    "IND_ABOVE_SCALE_LOW_FAR": dict(
        industry_code="13", tax_per_mu=45.0, above_scale=True, contract_date="2005-09-14"
    ),
    "IND_CLEAR_LOWLAND": dict(industry_code="17", tax_per_mu=1.8, contract_date="1995-06-30"),
    "IND_STOPPED": dict(
        industry_code="29", tax_per_mu=0.0, operating=False, contract_date="2000-11-05"
    ),
    "IND_FAR_BETWEEN_MINIMA": dict(industry_code="26", tax_per_mu=40.0, contract_date="2006-03-23"),
    "IND_DANGER": dict(industry_code="34", tax_per_mu=30.0, contract_date="1996-04-17"),
    "IND_TAX_BELOW_40PCT": dict(industry_code="33", tax_per_mu=1.0, contract_date="2005-12-01"),
    "IND_DISPUTED": dict(industry_code="18", tax_per_mu=3.0, disputed=True),
    "IND_NO_BUILDINGS": dict(industry_code="33", tax_per_mu=4.5, contract_date="2012-10-10"),
    "COLLECTIVE_INDUSTRIAL": dict(
        tenure="collective", lawful_approval=False, occupied_date="1998-04-01"
    ),
    "LEGACY_PRE2010_REGULAR": dict(lawful_approval=False, occupied_date="2006-05-20"),
    "LEGACY_POST2010": dict(
        lawful_approval=False, occupied_date="2014-08-01", erdiao_construction=False
    ),
    "LEGACY_NO_DATE": dict(lawful_approval=False, occupied_date=None),
    "LEGACY_2009_12_31": dict(lawful_approval=False, occupied_date="2009-12-31"),
    "LEGACY_2010_01_01": dict(lawful_approval=False, occupied_date="2010-01-01"),
    "LEGACY_ERDIAO_NOT_CONSTRUCTION": dict(
        lawful_approval=False, occupied_date="2007-03-01", erdiao_construction=False
    ),
    "LEGACY_NOT_PLAN_CONFORMING": dict(
        lawful_approval=False, occupied_date="2008-09-10", plan_conforming=False
    ),
    "LEGACY_ERDIAO_UNKNOWN": dict(
        lawful_approval=False, occupied_date="2005-11-11", erdiao_construction=None
    ),
    "LEGACY_ON_FARMLAND": dict(
        lawful_approval=False,
        occupied_date="2016-05-10",
        erdiao_construction=False,
        plan_conforming=False,
    ),
    "LOG_OLD": dict(tax_per_mu=3.2, contract_date="1993-02-11"),
    "LOG_DANGER_EXACT_50": dict(tax_per_mu=6.5, contract_date="1999-08-08"),
    "LOG_MODERN": dict(tax_per_mu=22.0, contract_date="2015-11-20", above_scale=True),
    "COM_OLD_LOW_FAR": dict(tax_per_mu=6.0, contract_date="1990-05-05"),
    "COM_STALLED": dict(tax_per_mu=0.0, contract_date="2020-06-18", operating=False),
    "RES_OLD_LOW_FAR": dict(tenure="allocated", contract_date="1988-03-15"),
    "RES_BUILT_2000_LOW_FAR": dict(contract_date="1999-06-01"),
    "RES_OLD_DANGER": dict(tenure="allocated", contract_date="1994-01-20"),
    "RES_NEW": dict(contract_date="2012-04-26", erdiao_construction=False),
    "VILLAGE_DISPUTED": dict(disputed=True),
    "VILLAGE_HOME_LEGACY": dict(
        lawful_approval=False, occupied_date="2011-07-01", erdiao_construction=False
    ),
    "IDLE_UNBUILT": dict(
        idle=True, tenure="granted", contract_date="2016-09-12", dlbm="1201", approved_use="0901"
    ),
    "IDLE_PARTLY_BUILT": dict(
        idle=True, tenure="granted", contract_date="2014-04-25", dlbm="0601", approved_use="100101"
    ),
    "UNSUPPLIED_VACANT": dict(
        supply_status="approved_unsupplied", dlbm="1201", approved_use="0901"
    ),
    "UNSUPPLIED_FARMED": dict(
        supply_status="approved_unsupplied", dlbm="0102", approved_use="0701"
    ),
    "UNSUPPLIED_NEW_INDUSTRIAL": dict(
        supply_status="approved_unsupplied", dlbm="0103", approved_use="100101"
    ),
}


def _sample_attributes(p: dict, rng: np.random.Generator, names: _Names) -> dict:
    role, kind = p["role"], _kind(p["role"])
    a = dict(
        owner=None,
        tenure="granted",
        contract_date=None,
        supply_status="supplied",
        idle=False,
        disputed=False,
        approved_use=None,
        dlbm=None,
        industry_code=None,
        tax_per_mu=None,
        years_operating=None,
        above_scale=False,
        operating=True,
        lawful_approval=True,
        occupied_date=None,
        erdiao_construction=True,
        plan_conforming=True,
    )
    year = None
    if kind == "industrial":
        code = str(rng.choice(FILL_INDUSTRY_CODES))
        lo, hi = {
            "ind_workshop": (1994, 2004),
            "ind_new": (2012, 2019),
            "col_ind": (1992, 2006),
        }.get(role, (1996, 2014))
        year = int(rng.integers(lo, hi + 1))
        a.update(
            dlbm="0601",
            approved_use=str(rng.choice(["100101", "100102"], p=[0.65, 0.35])),
            industry_code=code,
            tax_per_mu=float(np.clip(round(rng.lognormal(math.log(20), 0.5), 1), 5.0, 80.0)),
            contract_date=_iso(year, rng),
            above_scale=bool(role == "ind_new" and rng.random() < 0.4),
        )
        if role == "col_ind":
            a.update(tenure="collective", contract_date=_iso(year, rng))
    elif kind == "logistics":
        year = int(rng.integers(1998, 2016))
        a.update(
            dlbm="0508",
            approved_use="110101",
            tax_per_mu=float(round(rng.lognormal(math.log(9), 0.4), 1)),
            contract_date=_iso(year, rng),
        )
    elif kind == "commercial":
        year = int(rng.integers(1998, 2016))
        a.update(
            dlbm="05H1",
            approved_use="0901",
            tax_per_mu=float(round(rng.lognormal(math.log(30), 0.4), 1)),
            contract_date=_iso(year, rng),
        )
        if role == "village_shop":
            a.update(tenure="collective", contract_date=None, tax_per_mu=None)
    elif kind == "residential":
        new = role.startswith("RES_NEW") or role in ("res_new", "res_resettlement")
        year = int(rng.integers(2008, 2016) if new else rng.integers(1986, 1999))
        a.update(dlbm="0701", approved_use="0701", contract_date=_iso(year, rng))
        if role == "res_resettlement":
            a.update(tenure="allocated")
    elif kind == "home":
        a.update(dlbm="0702", approved_use="0703", tenure="collective", owner=names.person())
    elif kind == "agricultural":
        cls = _AGRI_CLASS.get(role, "0102")
        a.update(
            dlbm=cls,
            approved_use=_AGRI_APPROVED[cls],
            tenure="collective",
            supply_status=None,
            erdiao_construction=False,
            plan_conforming=None,
            owner=f"{VILLAGE}第{_cn_number(int(rng.integers(1, 9)))}村民小组",
        )
    elif kind == "reserve":
        a.update(
            tenure=None,
            owner=RESERVE_OWNER,
            operating=False,
            erdiao_construction=False,
        )
    else:  # facility
        dlbm, use, tenure, owner = _FACILITY[role]
        year = int(rng.integers(1990, 2012))
        a.update(dlbm=dlbm, approved_use=use, tenure=tenure, owner=owner)
        if tenure != "collective":
            a["contract_date"] = _iso(year, rng)
    a.update(_CASE_ATTRS.get(role, {}))
    if role.startswith("IDLE"):
        a.update(
            owner=names.of_kind("commercial") if a["dlbm"] == "1201" else names.industrial("33")
        )
        a.update(operating=False)
    if not a["lawful_approval"]:  # never approved: no right, no supply, no contract
        a.update(supply_status=None, contract_date=None)
        if a["tenure"] != "collective":
            a["tenure"] = "collective" if kind in ("home", "industrial") else None
    if kind in ("industrial", "logistics", "commercial") and a["tax_per_mu"] is not None:
        start = a["contract_date"] or a["occupied_date"]
        if a["years_operating"] is None and start:
            a["years_operating"] = REFERENCE_YEAR - int(start[:4])
        if a["owner"] is None:
            word = {"logistics": "logistics", "commercial": "commercial"}.get(kind)
            a["owner"] = names.of_kind(word) if word else names.industrial(a["industry_code"])
    if kind == "residential" and a["owner"] is None:
        if role.startswith("RES_NEW") or role == "res_new":
            a["owner"] = names.of_kind("developer")
        else:
            estate = ESTATES[int(rng.integers(len(ESTATES)))]
            a["owner"] = f"{estate}小区全体业主"
        if role == "res_resettlement":
            a["owner"] = f"{VILLAGE}安置小区全体业主"
    if a["owner"] is None and kind == "industrial":
        a["owner"] = names.industrial(a["industry_code"])
    if a["owner"] is None and role == "village_shop":
        a["owner"] = names.person()
    if a["lawful_approval"] and a["contract_date"] and kind != "reserve":
        # construction land in 二调 (2009) when supplied by then, else converted later
        if "erdiao_construction" not in _CASE_ATTRS.get(role, {}):
            a["erdiao_construction"] = int(a["contract_date"][:4]) <= 2009
    return a


# ------------------------------------------------------------------- sample buildings
#: building plans: n, far, cover, years, grades, setback, floors (None = from far/cover)
_BLD = {
    "ind": dict(n=(2, 4), far=(0.6, 1.6), cover=(0.35, 0.55), setback=8),
    "ind_small": dict(n=(1, 2), far=(0.5, 1.1), cover=(0.3, 0.5), setback=4),
    "ind_workshop": dict(n=(2, 3), far=(0.4, 0.9), cover=(0.35, 0.55), setback=5),
    "ind_new": dict(n=(2, 4), far=(1.1, 2.0), cover=(0.4, 0.55), setback=8),
    "col_ind": dict(n=(2, 4), far=(0.3, 0.7), cover=(0.3, 0.5), setback=6),
    "log": dict(n=(2, 4), far=(0.5, 0.9), cover=(0.45, 0.6), floors=(1, 2), setback=8),
    "com": dict(n=(1, 3), far=(1.2, 3.2), cover=(0.3, 0.45), setback=8),
    "village_shop": dict(n=(2, 4), far=(0.6, 1.0), cover=(0.35, 0.5), floors=(1, 2), setback=3),
    "res_old": dict(n=(4, 8), far=(1.0, 1.6), cover=(0.25, 0.35), setback=8),
    "res_new": dict(n=(6, 10), far=(1.8, 2.8), cover=(0.18, 0.25), setback=10),
    "res_resettlement": dict(n=(6, 10), far=(1.6, 2.2), cover=(0.2, 0.28), setback=10),
    "fac_office": dict(n=(1, 3), far=(0.8, 1.5), cover=(0.25, 0.35), setback=10),
    "fac_kindergarten": dict(n=(1, 2), far=(0.5, 0.8), cover=(0.25, 0.3), setback=8),
    "park": dict(n=(1, 1), far=(0.01, 0.01), cover=(0.01, 0.01), floors=(1, 1), setback=20),
    "agri_1202": dict(n=(3, 4), far=(0.3, 0.35), cover=(0.3, 0.35), floors=(1, 1), setback=6),
    # cases
    "IND_EFFICIENT": dict(n=3, far=1.9, cover=0.48, years=(2014, 2018), grades="A"),
    "IND_STRADDLE_A": dict(n=2, far=1.1, cover=0.4, grades="AB", setback=14),
    "IND_STRADDLE_B": dict(n=2, far=1.1, cover=0.4, grades="AB", setback=14),
    "IND_TAX30_A": dict(n=2, far=1.3, cover=0.45, grades="AB"),
    "IND_TAX_AT_40PCT": dict(n=2, far=1.3, cover=0.45, grades="AB"),
    "IND_TAX30_B": dict(n=2, far=1.4, cover=0.47, grades="AB"),
    "IND_TAX30_C": dict(n=2, far=1.5, cover=0.5, grades="AB"),
    "IND_TAX30_D": dict(n=2, far=1.2, cover=0.4, grades="AB"),
    "IND_MULTIPOLYGON": dict(n=4, far=0.9, cover=0.45, grades="AB"),
    "LOG_OLD": dict(n=4, far=0.5, cover=0.5, floors=1, years=(1984, 1995), grades=("cd", 3)),
    "LOG_MODERN": dict(n=2, far=0.7, cover=0.45, floors=1, years=(2016, 2018), grades="A"),
    "IND_YOUNG_EXEMPT": dict(n=2, far=0.4, cover=0.4, years=(2021, 2021), grades="A"),
    "IND_ABOVE_SCALE_LOW_FAR": dict(n=3, far=0.5, cover=0.5, years=(2005, 2010), grades="AB"),
    "IND_CLEAR_LOWLAND": dict(n=3, far=0.35, cover=0.35, years=(1986, 1994), grades="CD"),
    "IND_STOPPED": dict(n=3, far=0.5, cover=0.5, years=(1999, 2003), grades="AB"),
    "IND_FAR_BETWEEN_MINIMA": dict(n=3, far=0.75, cover=0.375, years=(2006, 2010), grades="AB"),
    "FAC_SCHOOL": dict(n=4, far=0.7, cover=0.233, years=(2005, 2010), grades="AB", setback=12),
    "FAC_HOSPITAL": dict(n=3, far=1.4, cover=0.35, years=(2008, 2012), grades="AB"),
    "FAC_WATERWORKS": dict(n=4, far=0.25, cover=0.25, floors=1, years=(1998, 2005), grades="AB"),
    "FAC_SUBSTATION": dict(n=1, far=0.3, cover=0.3, floors=1, years=(2003, 2003), setback=4),
    "IND_DANGER": dict(n=3, far=1.2, cover=0.4, years=(1978, 1990), grades=("cd", 2)),
    "IND_TAX_BELOW_40PCT": dict(n=3, far=1.2, cover=0.4, years=(2005, 2010), grades="AB"),
    "IND_DISPUTED": dict(n=3, far=0.4, cover=0.4, years=(1990, 1998)),
    "IND_L_SHAPE": dict(n=4, far=0.9, cover=0.45, years=(1998, 2008), grades="AB"),
    "IND_HOLE": dict(n=3, far=0.9, cover=0.45, years=(2002, 2008), grades="AB"),
    "COLLECTIVE_INDUSTRIAL": dict(n=3, far=0.5, cover=0.5, years=(1998, 2001)),
    "COM_OLD_LOW_FAR": dict(n=3, far=0.6, cover=0.3, years=(1990, 1994), grades="B"),
    "RES_OLD_LOW_FAR": dict(n=6, far=0.8, cover=0.267, floors=3, years=(1988, 1993), grades="B"),
    "RES_BUILT_2000_LOW_FAR": dict(
        n=5, far=0.9, cover=0.3, floors=3, years=(2000, 2000), grades="A"
    ),
    "RES_OLD_DANGER": dict(
        n=6, far=1.4, cover=0.28, floors=5, years=(1994, 1998), grades=("cd", 4)
    ),
    "RES_NEW": dict(
        n=8, far=2.5, cover=0.147, floors=17, years=(2013, 2016), grades="A", setback=12
    ),
    "FAC_OLD_OFFICE": dict(n=2, far=0.5, cover=0.25, floors=2, years=(1984, 1987), grades="B"),
    "VILLAGE_COMMITTEE": dict(n=2, far=0.5, cover=0.25, floors=2, years=(2006, 2006), grades="A"),
}
_LEGACY_BLD = dict(n=(2, 3), far=(0.3, 0.6), cover=(0.3, 0.45), setback=5)
_NO_BUILDINGS = {
    "IND_NO_BUILDINGS",
    "UNSUPPLIED_VACANT",
    "UNSUPPLIED_FARMED",
    "UNSUPPLIED_NEW_INDUSTRIAL",
    "IDLE_UNBUILT",
    "AGRI_DRYLAND",
    "AGRI_ORCHARD",
    "agri_0102",
    "agri_0103",
    "agri_0201",
}


def _pick_range(v, rng, integer=False):
    if isinstance(v, tuple):
        lo, hi = v
        return int(rng.integers(lo, hi + 1)) if integer else float(rng.uniform(lo, hi))
    return v


def _place(geom, n: int, cover: float, rng: np.random.Generator, setback: float) -> list:
    """Up to ``n`` non-overlapping rectangles (0.5 m grid) inside ``geom`` inset by
    ``setback``, sized for a total footprint of about ``cover`` × area (a few slot
    grids are tried; the one closest to that footprint wins)."""
    inner = geom.buffer(-setback, join_style="mitre")
    if inner.is_empty or inner.area < 0.15 * geom.area:
        inner = geom.buffer(-setback / 3, join_style="mitre")
    shapely.prepare(inner)
    minx, miny, maxx, maxy = inner.bounds
    width, height = maxx - minx, maxy - miny
    slots = max(n, math.ceil(n / max(inner.area / (width * height), 0.3)))
    target = cover * geom.area
    nr0 = max(1, round(math.sqrt(slots * height / width)))
    best, best_key = [], None
    for nr in sorted({max(1, nr0 - 1), nr0, nr0 + 1}):
        nc = max(1, math.ceil(slots / nr))
        sw, sh = width / nc, height / nr
        f = math.sqrt(target / n / (sw * sh))
        found = []
        for r in range(nr):
            for c in range(nc):
                for shrink in (1.0, 0.8, 0.6):
                    fx = min(0.95, f * shrink * rng.uniform(0.95, 1.05))
                    fy = min(0.95, f * shrink * rng.uniform(0.95, 1.05))
                    bw, bh = sw * fx, sh * fy
                    x0 = minx + c * sw + rng.uniform(0, sw - bw)
                    y0 = miny + r * sh + rng.uniform(0, sh - bh)
                    b = box(
                        math.ceil(x0 * 2) / 2,
                        math.ceil(y0 * 2) / 2,
                        math.floor((x0 + bw) * 2) / 2,
                        math.floor((y0 + bh) * 2) / 2,
                    )
                    if b.area > 0 and inner.contains(b):
                        found.append(b)
                        break
        if len(found) > n:  # keep the n largest-fitting subset in reading order
            keep = np.sort(rng.choice(len(found), n, replace=False))
            found = [found[i] for i in keep]
        key = (len(found) != n, abs(sum(b.area for b in found) - target))
        if best_key is None or key < best_key:
            best, best_key = found, key
    return best


def _structure(kind: str, floors: int, year: int, rng: np.random.Generator) -> str:
    if floors >= 7:
        return "frame"
    if kind in ("industrial", "logistics") and floors <= 2 and year >= 2000:
        return "steel" if rng.random() < 0.7 else "frame"
    if year < 2000 and floors <= 6:
        return "brick_concrete" if rng.random() < 0.85 else "simple"
    return "frame"


def _age_grade(year: int, rng: np.random.Generator) -> str:
    age = REFERENCE_YEAR - year
    p_cd = 0.5 if age > 40 else 0.3 if age > 30 else 0.1 if age > 20 else 0.02
    if rng.random() < p_cd:
        return "C" if rng.random() < 0.7 else "D"
    return "A" if rng.random() < (0.85 if age < 10 else 0.45) else "B"


def _grades(mode, gfa: list[float], years: list[int], rng) -> list[str]:
    n = len(gfa)
    if mode is None:
        return [_age_grade(y, rng) for y in years]
    if isinstance(mode, tuple):  # ("cd", k): the k largest are C/D, the rest B
        order = np.argsort(-np.asarray(gfa), kind="stable")
        out = ["B"] * n
        for rank, i in enumerate(order[: mode[1]]):
            out[i] = "CD"[rank % 2]
        return out
    return [mode[int(rng.integers(len(mode)))] for _ in range(n)]


def _building(geom, floors, year, kind, rng, grade=None, illegal=False, structure=None):
    return dict(
        geometry=geom,
        floors=floors,
        gfa=geom.area * floors,
        year_built=year,
        structure=structure or _structure(kind, floors, year, rng),
        danger_grade=grade,
        illegal=illegal,
    )


def _home_buildings(p: dict, rng, drop_shed: bool) -> list[dict]:
    x0, y0, x1, y1 = p["bounds"]
    year = int(rng.integers(1978, 2013))
    if p["role"] == "VILLAGE_HOME_LEGACY":
        year = 2011
    depth = math.floor(rng.uniform(8.0, 10.0) * 2) / 2
    main = box(math.ceil(x0 * 2) / 2 + 1, y1 - 1 - depth, math.floor(x1 * 2) / 2 - 1, y1 - 1)
    floors = int(rng.choice([1, 2, 3], p=[0.6, 0.35, 0.05]))
    out = [_building(main, floors, year, "home", rng, grade=_age_grade(year, rng))]
    out[0]["structure"] = "brick_concrete" if year >= 1990 or rng.random() < 0.7 else "simple"
    if not drop_shed:
        sx = math.ceil(x0 * 2) / 2 + 1
        shed = box(sx, y0 + 1, sx + rng.integers(8, 13) / 2, y0 + 1 + rng.integers(8, 11) / 2)
        sy = int(rng.integers(year, 2021))
        out.append(_building(shed, 1, sy, "home", rng, _age_grade(sy, rng), structure="simple"))
    return out


def _special_buildings(p: dict, rng) -> list[dict] | None:
    role = p["role"]
    x0, y0, x1, y1 = p["bounds"]
    if role == "IND_FAR_EXACT_1":  # 120 x 170 parcel, 100 x 102 x 2 floors = 20400 m²
        g = box(x0 + 10, y0 + 20, x0 + 110, y0 + 122)
        return [_building(g, 2, 2012, "industrial", rng, grade="A", structure="steel")]
    if role == "LOG_DANGER_EXACT_50":  # two identical warehouses, one C, one B
        w = math.floor((x1 - x0 - 30) / 2)
        d = math.floor((y1 - y0) * 0.5)
        by = math.floor(y0 + (y1 - y0 - d) / 2)
        g1 = box(x0 + 10, by, x0 + 10 + w, by + d)
        g2 = box(x1 - 10 - w, by, x1 - 10, by + d)
        return [
            _building(g1, 1, 1992, "logistics", rng, grade="C", structure="brick_concrete"),
            _building(g2, 1, 1997, "logistics", rng, grade="B", structure="brick_concrete"),
        ]
    if role == "COM_STALLED":  # only a site office since 2021
        g = box(round(x0) + 6, round(y0) + 6, round(x0) + 18, round(y0) + 12)
        return [_building(g, 1, 2021, "commercial", rng, grade="A", structure="simple")]
    if role == "IDLE_PARTLY_BUILT":
        g = box(round(x0) + 10, round(y0) + 10, round(x0) + 40, round(y0) + 28)
        return [_building(g, 1, 2015, "industrial", rng, grade="B", structure="simple")]
    return None


def _sample_buildings(parcels: list[dict], attrs: list[dict], rng) -> list[dict]:
    """Buildings in parcel order, each dict with ``parcel_index`` (first parcel)."""
    straddle_east = {east for _, east in _STRADDLE_PAIRS}
    by_role = {p["role"]: i for i, p in enumerate(parcels)}
    out: list[dict] = []
    for i, (p, a) in enumerate(zip(parcels, attrs, strict=True)):
        role, kind = p["role"], _kind(p["role"])
        if role in _NO_BUILDINGS:
            continue
        if kind == "home":
            blds = _home_buildings(p, rng, drop_shed=role in straddle_east)
        else:
            blds = _special_buildings(p, rng)
        if blds is None:
            plan = _BLD.get(role) or (_LEGACY_BLD if not a["lawful_approval"] else _BLD["ind"])
            n = _pick_range(plan["n"], rng, integer=True)
            far = _pick_range(plan["far"], rng)
            cover = _pick_range(plan["cover"], rng)
            floors = plan.get("floors")
            floors = (
                _pick_range(floors, rng, integer=True) if floors else max(1, round(far / cover))
            )
            cover = far / floors
            boxes = _place(p["geometry"], n, cover, rng, plan.get("setback", 8))
            base = int(a["contract_date"][:4]) if a.get("contract_date") else None
            if a.get("occupied_date"):
                base = int(a["occupied_date"][:4])
            years_rng = plan.get("years") or (
                (base, min(base + 3, REFERENCE_YEAR)) if base else (1990, 2015)
            )
            years = [int(rng.integers(years_rng[0], years_rng[1] + 1)) for _ in boxes]
            fixed_floors = plan.get("floors") is not None or role[0].isupper()
            fl = [
                floors if fixed_floors else max(1, floors + int(rng.integers(-1, 2))) for _ in boxes
            ]
            gfa = [b.area * f for b, f in zip(boxes, fl, strict=True)]
            grades = _grades(plan.get("grades"), gfa, years, rng)
            blds = [
                _building(b, f, y, kind, rng, grade=g)
                for b, f, y, g in zip(boxes, fl, years, grades, strict=True)
            ]
            if role == "park":
                blds[0]["structure"] = "simple"
        if not a["lawful_approval"]:
            for b in blds:
                b["illegal"] = True
        for b in blds:
            b["parcel_index"] = i
        out.extend(blds)
        west = [w for w, e in _STRADDLE_PAIRS if e == role]
        if west:  # the straddling building of the pair (west, this)
            out.append(_straddler(parcels[by_role[west[0]]], p, i, rng))
    # documented null cases
    first = {}
    for b in out:
        first.setdefault(parcels[b["parcel_index"]]["role"], []).append(b)
    lshape = first["IND_L_SHAPE"]
    lshape[0]["floors"] = None
    lshape[1]["gfa"] = None
    first["LEGACY_NO_DATE"][0].update(floors=None, gfa=None)
    return out


def _straddler(west: dict, east: dict, east_index: int, rng) -> dict:
    edge = west["bounds"][2]
    y0, y1 = east["bounds"][1], east["bounds"][3]
    if west["role"].startswith("HOME"):  # a shed built over the neighbour's line
        g = box(edge - 4, y0 + 1, edge + 5, y0 + 6.5)
        year = int(rng.integers(2005, 2020))
        b = _building(g, 1, year, "home", rng, grade="B", illegal=True, structure="simple")
    else:  # a warehouse across the common line of two industrial parcels
        h = y1 - y0
        by = math.floor(y0 + 0.35 * h)
        g = box(edge - 10, by, edge + 10, by + 40)
        b = _building(g, 1, 2004, "industrial", rng, grade="B", structure="steel")
    b["parcel_index"] = east_index
    return b


# ------------------------------------------------------------------ sample survey/plan
def _qsdwmc(tenure: str | None, block: tuple[int, int]) -> str:
    if tenure == "collective":
        return f"{VILLAGE}第{_cn_number(block[0] * 5 + block[1] + 1)}村民小组"
    return STATE_QSDW


def _czcsxm(dlbm: str, tenure: str | None) -> str | None:
    if dlbm[:2] in ("01", "02", "03", "04") or dlbm == "1202":
        return None
    if tenure == "collective":
        return "203"
    return "201A" if dlbm == "0601" else "201"


def _sample_landsurvey(parcels, attrs, lanes, blocks, boundary, corridors):
    rows: list[dict] = []
    village: dict[tuple[int, int], list] = {}
    for p, a in zip(parcels, attrs, strict=True):
        if p["role"] in _HOME_ROLES:
            village.setdefault(p["block"], []).append(p["geometry"])
            continue
        if p["role"] in _SURVEY_SPLITS:
            if p["role"] == "IND_L_SHAPE":  # the two cells of the L
                halves = [box(*b).intersection(p["geometry"]) for b in p["parts"]]
            else:  # west / east halves
                x0, y0, x1, y1 = p["geometry"].bounds
                xm = round((x0 + x1) / 2)
                halves = [
                    p["geometry"].intersection(box(x0 - 1, y0 - 1, xm, y1 + 1)),
                    p["geometry"].intersection(box(xm, y0 - 1, x1 + 1, y1 + 1)),
                ]
            halves.sort(key=lambda g: -g.area)
            second = _SURVEY_SPLITS[p["role"]]
            for g, cls in zip(halves, (a["dlbm"], second), strict=True):
                tenure = "collective" if cls == "0102" else a["tenure"]
                rows.append(dict(geometry=g, dlbm=cls, tenure=tenure, block=p["block"]))
            continue
        rows.append(
            dict(geometry=p["geometry"], dlbm=a["dlbm"], tenure=a["tenure"], block=p["block"])
        )
    for key, geoms in village.items():
        g = shapely.union_all(geoms + lanes.get(key, []))
        rows.append(dict(geometry=g, dlbm="0702", tenure="collective", block=key))
    # whatever of a block no patch covers yet (none expected) becomes 空闲地
    covered = shapely.union_all([r["geometry"] for r in rows])
    for key, blk in blocks.items():
        left = blk.difference(covered)
        for g in getattr(left, "geoms", [left]):
            if g.area > 1.0 and g.geom_type == "Polygon":
                rows.append(dict(geometry=g, dlbm="1201", tenure=None, block=key))
    # roads: arterials first, each patch = its corridor inside the boundary not yet taken
    road_area = boundary.difference(shapely.union_all(list(blocks.values())))
    order = sorted(
        range(len(_SAMPLE_ROADS)),
        key=lambda i: (("arterial", "secondary", "branch").index(_SAMPLE_ROADS[i][1]), i),
    )
    taken = None
    for i in order:
        piece = corridors[i].intersection(road_area)
        if taken is not None:
            piece = piece.difference(taken)
        taken = piece if taken is None else taken.union(piece)
        for g in getattr(piece, "geoms", [piece]):
            if g.geom_type == "Polygon" and g.area > 1.0:
                rows.append(dict(geometry=g, dlbm="1004", tenure=None, block=None))
    geoms = np.array([r["geometry"] for r in rows], dtype=object)
    return _landsurvey_frame(
        geoms,
        [r["dlbm"] for r in rows],
        [_czcsxm(r["dlbm"], r["tenure"]) for r in rows],
        [_qsdwmc(r["tenure"], r["block"]) if r["block"] else STATE_QSDW for r in rows],
        exact=True,
    )


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
    areas = _lowland().core.areas
    geoms = np.asarray(geoms, dtype=object)
    return areas.geodesic_area(geoms, CRS) if exact else areas.ellipsoidal_area(geoms, CRS)


def _plan_row(code: str) -> dict:
    far, density, green, height = PLAN_DEFAULTS[code]
    return dict(
        plan_code=code,
        plan_name=PLAN_NAMES[code],
        far_max=far,
        density_max=density,
        green_min=green,
        height_max=height,
    )


def _sample_plan(blocks) -> gpd.GeoDataFrame:
    rows, geoms = [], []
    for n_block, key in enumerate(sorted(_SAMPLE_PLAN), 1):
        codes, blk = _SAMPLE_PLAN[key], blocks[key]
        x0, y0, x1, y1 = blk.bounds
        if len(codes) == 1:
            parts = [blk]
        else:
            ym = round((y0 + y1) / 2)
            parts = [
                blk.intersection(box(x0 - 1, y0 - 1, x1 + 1, ym)),
                blk.intersection(box(x0 - 1, ym, x1 + 1, y1 + 1)),
            ]
        pieces = [
            (code, g)
            for code, part in zip(codes, parts, strict=True)
            for g in shapely.get_parts(part)
        ]
        for k, (code, g) in enumerate(pieces, 1):  # the dead-end lane splits one half in two
            rows.append(dict(plan_id=f"LT{n_block:02d}-{k:02d}", **_plan_row(code)))
            geoms.append(g)
    df = pd.DataFrame(rows)
    return _frame({c: df[c].to_numpy() for c in FIELDS["plan"]}, np.array(geoms, dtype=object))


def _generate_sample(seed: int) -> dict[str, gpd.GeoDataFrame]:
    r_layout, r_attr, r_bld, r_names = _spawn(seed, 4)
    boundary, lines, corridors, blocks = _sample_roads_and_blocks()
    parcels, lanes = _sample_parcel_geometries(blocks, r_layout)
    for case, ids in SAMPLE_CASES.items():  # the docstring table must stay true
        got = [p["parcel_id"] for p in parcels if p["role"] == case]
        if tuple(got) != ids:
            raise AssertionError(f"sample layout changed: {case} is {got}, table says {ids}")
    names = _Names(r_names)
    attrs = [_sample_attributes(p, r_attr, names) for p in parcels]
    blds = _sample_buildings(parcels, attrs, r_bld)

    parcel_cols = {"parcel_id": [p["parcel_id"] for p in parcels]}
    for f in FIELDS["parcels"][1:]:
        parcel_cols[f] = [a[f] for a in attrs]
    parcels_gdf = _frame(parcel_cols, np.array([p["geometry"] for p in parcels], dtype=object))

    width = max(5, len(str(len(blds))))
    bld_cols = {"building_id": [f"B{i:0{width}d}" for i in range(1, len(blds) + 1)]}
    for f in FIELDS["buildings"][1:]:
        bld_cols[f] = [b[f] for b in blds]
    buildings_gdf = _frame(bld_cols, np.array([b["geometry"] for b in blds], dtype=object))

    roads_gdf = _frame(
        {
            "road_id": [f"R{i:03d}" for i in range(1, len(lines) + 1)],
            "name": [r[0] for r in _SAMPLE_ROADS],
            "grade": [r[1] for r in _SAMPLE_ROADS],
            "width": [np.nan if r[2] is None else r[2] for r in _SAMPLE_ROADS],
        },
        np.array(lines, dtype=object),
    )
    boundary_gdf = _frame(
        {"name": [f"银川市金凤区低效用地试点片区(样例,{TOWN})"], "admin_code": [ADMIN_CODE]},
        np.array([boundary], dtype=object),
    )
    return {
        "boundary": boundary_gdf,
        "roads": roads_gdf,
        "parcels": parcels_gdf,
        "buildings": buildings_gdf,
        "landsurvey": _sample_landsurvey(parcels, attrs, lanes, blocks, boundary, corridors),
        "plan": _sample_plan(blocks),
    }


# ======================================================================== benchmark
Z_IND, Z_LOG, Z_COM, Z_RES, Z_VIL, Z_FAC, Z_AGR = range(7)


def _splits(lo: np.ndarray, hi: np.ndarray, weights: np.ndarray, sizes: np.ndarray):
    """Cut each group's interval [lo, hi] into ``sizes`` pieces in proportion to
    ``weights`` (flat, grouped): (start, end) per piece; neighbours share one float."""
    g = np.repeat(np.arange(sizes.size), sizes)
    cs = np.cumsum(weights)
    first = np.cumsum(sizes) - sizes
    last = first + sizes - 1
    base = (cs[first] - weights[first])[g]
    total = cs[last][g] - base
    end = np.round(lo[g] + (cs - base) / total * (hi - lo)[g], 1)
    end[last] = hi
    start = np.empty_like(end)
    start[1:] = end[:-1]
    start[first] = lo
    return start, end


def _choice(rng, values, p, size) -> np.ndarray:
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=size, p=p)]


def _dates(rng, years: np.ndarray) -> np.ndarray:
    """ISO date strings, a random day of each given year (NaN/≤0 -> None)."""
    out = np.full(years.shape, None, dtype=object)
    ok = years > 0
    days = (years[ok] - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    days = days + rng.integers(0, 365, ok.sum()).astype("timedelta64[D]")
    out[ok] = np.datetime_as_string(days, unit="D").astype(object)
    return out


def _pick_str(rng, pool, size) -> np.ndarray:
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size)]


def _bench_owners(rng, zone, dlbm, industry, tenure, village_of) -> np.ndarray:
    n = zone.size
    pre = _pick_str(rng, PREFIXES, n)
    brand = _pick_str(rng, BRANDS, n)
    suf = _pick_str(rng, SUFFIXES, n)
    word = np.full(n, "实业", dtype=object)
    for code, words in INDUSTRY_WORDS.items():
        m = industry == code
        word[m] = _pick_str(rng, words, m.sum())
    for z, kind in ((Z_LOG, "logistics"), (Z_COM, "commercial"), (Z_RES, "developer")):
        m = zone == z
        word[m] = _pick_str(rng, KIND_WORDS[kind], m.sum())
    owner = pre + brand + word + suf
    person = _pick_str(rng, SURNAMES, n) + _pick_str(rng, GIVEN_NAMES, n)
    m = zone == Z_VIL
    owner[m] = person[m]
    m = zone == Z_AGR
    owner[m] = village_of[m] + "村民小组"
    m = zone == Z_FAC
    owner[m] = np.where(
        dlbm[m] == "0809",
        "银川市城市供水有限公司",
        np.where(dlbm[m] == "08H1", "银川市金凤区人民政府", "银川市金凤区教育局"),
    )
    return owner


def _generate_benchmark(n: int, seed: int) -> dict[str, gpd.GeoDataFrame]:
    if n < 1:
        raise ValueError("n_parcels must be >= 1")
    r_lay, r_att, r_bld, r_ls = _spawn(seed, 4)
    n_notch = n // 150 if n >= 150 else 0  # L-shaped parcel + the corner parcel cut from it
    n_hole = n // 300 if n >= 300 else 0  # parcel with a hole + the parcel inside it
    n_ditch = n // 200 if n >= 200 else 0  # MultiPolygon: a parcel cut by a ditch (沟渠)
    n_cells = n - n_notch - n_hole

    # ---- road grid and blocks (row-major from the south-west)
    nb_target = max(1, round(n_cells / 10.5))
    nx = max(1, math.ceil(math.sqrt(nb_target)))
    ny = max(1, math.ceil(nb_target / nx))
    nb = nx * ny
    k = r_lay.integers(6, 16, nb).astype(float)
    k = np.maximum(1, np.floor(k * n_cells / k.sum())).astype(np.int64)
    while (diff := n_cells - int(k.sum())) != 0:
        if diff > 0:
            k[r_lay.choice(nb, size=min(diff, nb), replace=False)] += 1
        else:
            cand = np.flatnonzero(k > 1)
            k[r_lay.choice(cand, size=min(-diff, cand.size), replace=False)] -= 1
    col_w = np.round(r_lay.uniform(240, 380, nx))
    row_h = np.round(r_lay.uniform(200, 320, ny))
    xs = np.round(CENTRE[0] - col_w.sum() / 2) + np.concatenate([[0.0], np.cumsum(col_w)])
    ys = np.round(CENTRE[1] - row_h.sum() / 2) + np.concatenate([[0.0], np.cumsum(row_h)])

    def grades_of(count):
        i = np.arange(count)
        return np.where(
            (i % 4 == 0) | (i == count - 1), "arterial", np.where(i % 2 == 0, "secondary", "branch")
        )

    gx, gy = grades_of(nx + 1), grades_of(ny + 1)
    wx = np.array([GRADE_WIDTHS[g][int(r_lay.integers(3))] for g in gx], dtype=float)
    wy = np.array([GRADE_WIDTHS[g][int(r_lay.integers(3))] for g in gy], dtype=float)
    hx, hy = wx / 2, wy / 2
    bi, bj = np.arange(nb) % nx, np.arange(nb) // nx
    bx0, bx1 = xs[bi] + hx[bi], xs[bi + 1] - hx[bi + 1]
    by0, by1 = ys[bj] + hy[bj], ys[bj + 1] - hy[bj + 1]
    block_zone = r_lay.choice(7, size=nb, p=[0.42, 0.1, 0.1, 0.16, 0.1, 0.07, 0.05])

    # ---- strips (rows of parcels) and cells
    n_str = np.select([k <= 3, k <= 8, k <= 15], [1, 2, 3], 4)
    s_block = np.repeat(np.arange(nb), n_str)
    s_local = np.arange(s_block.size) - np.repeat(np.cumsum(n_str) - n_str, n_str)
    sy0, sy1 = _splits(by0, by1, r_lay.uniform(0.75, 1.25, s_block.size), n_str)
    cells_per = k[s_block] // n_str[s_block] + (s_local < k[s_block] % n_str[s_block])
    c_strip = np.repeat(np.arange(s_block.size), cells_per)
    cx0, cx1 = _splits(bx0[s_block], bx1[s_block], r_lay.uniform(0.6, 1.4, c_strip.size), cells_per)
    cy0, cy1 = sy0[c_strip], sy1[c_strip]
    c_block = s_block[c_strip]
    cw, ch = cx1 - cx0, cy1 - cy0
    zone = block_zone[c_block].copy()
    mixable = ~np.isin(zone, [Z_VIL, Z_AGR]) & (r_lay.random(n_cells) < 0.12)
    zone[mixable] = r_lay.choice([Z_IND, Z_LOG, Z_COM, Z_RES, Z_FAC], size=mixable.sum())

    # ---- modified cells: L-shape (+ corner parcel), hole (+ inner parcel), ditch
    eligible = np.flatnonzero((cw >= 45) & (ch >= 45) & (zone != Z_AGR))
    n_mod = n_notch + n_hole + n_ditch
    if eligible.size < n_mod:
        raise RuntimeError("district too small for its modified parcels")
    mods = r_lay.choice(eligible, size=n_mod, replace=False)
    notch_c, hole_c, ditch_c = (
        mods[:n_notch],
        mods[n_notch : n_notch + n_hole],
        mods[n_mod - n_ditch :],
    )
    modified = np.zeros(n_cells, bool)
    modified[mods] = True

    cell_geom = shapely.box(cx0, cy0, cx1, cy1)
    # buildable rectangle of every parcel (cells first, extra parcels appended later)
    sl = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * cw)
    sr = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * cw)
    sb = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * ch)
    st = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * ch)

    # L-shapes: a top corner (east or west) becomes its own small parcel
    nw = np.round(r_lay.uniform(0.3, 0.45, n_notch) * cw[notch_c], 1)
    nh = np.round(r_lay.uniform(0.3, 0.45, n_notch) * ch[notch_c], 1)
    east = r_lay.random(n_notch) < 0.5
    nx0 = np.where(east, cx1[notch_c] - nw, cx0[notch_c])
    nx1 = np.where(east, cx1[notch_c], cx0[notch_c] + nw)
    notch_geom = shapely.box(nx0, cy1[notch_c] - nh, nx1, cy1[notch_c])
    cell_geom[notch_c] = shapely.difference(cell_geom[notch_c], notch_geom)
    # holes: an inner parcel (e.g. a substation) strictly inside
    hx0 = np.round(cx0[hole_c] + 0.62 * cw[hole_c], 1)
    hx1 = np.round(cx0[hole_c] + 0.82 * cw[hole_c], 1)
    hy0 = np.round(cy0[hole_c] + 0.4 * ch[hole_c], 1)
    hy1 = np.round(cy0[hole_c] + 0.65 * ch[hole_c], 1)
    inner_geom = shapely.box(hx0, hy0, hx1, hy1)
    cell_geom[hole_c] = shapely.difference(cell_geom[hole_c], inner_geom)
    # ditches: a 3 m 沟渠 crosses the parcel, which becomes a MultiPolygon
    ym = np.round(cy0[ditch_c] + r_lay.uniform(0.55, 0.65, n_ditch) * ch[ditch_c], 1)
    ditch_geom = shapely.box(cx0[ditch_c], ym - 1.5, cx1[ditch_c], ym + 1.5)
    cell_geom[ditch_c] = shapely.difference(
        cell_geom[ditch_c], shapely.box(cx0[ditch_c] - 1, ym - 1.5, cx1[ditch_c] + 1, ym + 1.5)
    )

    # ---- straddling pairs: east-west neighbours in one strip, both plain and built
    left = np.flatnonzero(c_strip[:-1] == c_strip[1:])
    right = left + 1
    builtzone = ~np.isin(zone, [Z_AGR])
    ok = ~modified[left] & ~modified[right] & builtzone[left] & builtzone[right]
    ok &= (cw[left] >= 40) & (cw[right] >= 40)
    left, right = left[ok], right[ok]
    sr[left] = np.maximum(6.0, r_bld.uniform(0.13, 0.18, left.size) * cw[left])
    sl[right] = np.maximum(6.0, r_bld.uniform(0.13, 0.18, right.size) * cw[right])

    bx_lo, bx_hi = cx0 + sl, cx1 - sr
    by_lo, by_hi = cy0 + sb, cy1 - st
    by_hi[notch_c] = cy1[notch_c] - nh - st[notch_c]
    bx_hi[hole_c] = cx0[hole_c] + 0.55 * cw[hole_c]
    by_hi[ditch_c] = ym - 1.5 - st[ditch_c]

    # extra parcels: notch corners and hole interiors, each right after its cell
    extra_geom = np.concatenate([notch_geom, inner_geom])
    extra_of = np.concatenate([notch_c, hole_c])
    eb = shapely.bounds(extra_geom) if extra_geom.size else np.zeros((0, 4))
    geom_all = np.concatenate([cell_geom, extra_geom])
    zone_all = np.concatenate(
        [zone, np.where(np.arange(extra_of.size) < n_notch, zone[extra_of], Z_FAC)]
    )
    block_all = np.concatenate([c_block, c_block[extra_of]])
    bxl = np.concatenate([bx_lo, eb[:, 0] + 3])
    bxh = np.concatenate([bx_hi, eb[:, 2] - 3])
    byl = np.concatenate([by_lo, eb[:, 1] + 3])
    byh = np.concatenate([by_hi, eb[:, 3] - 3])
    order = np.argsort(np.concatenate([np.arange(n_cells), extra_of + 0.5]), kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)  # position (parcel row) of each cell / extra
    assert order.size == n

    # ---- parcel attributes (in cell/extra numbering, reordered at the end)
    att = _bench_parcel_attributes(r_att, zone_all, block_all, n_cells, n_notch)
    no_build = att.pop("_no_buildings")

    # ---- inside buildings: m per parcel in slots along the buildable rectangle's long side
    lam = np.array([1.7, 1.3, 1.3, 2.6, 1.4, 1.4, 0.0])[zone_all]
    m = 1 + r_bld.poisson(lam)
    m[(zone_all == Z_AGR) & (att["dlbm"] != "1202")] = 0
    m[no_build] = 0
    bw, bh = bxh - bxl, byh - byl
    horiz = bw >= bh
    long_side, short_side = np.where(horiz, bw, bh), np.where(horiz, bh, bw)
    m = np.minimum(m, np.floor(long_side / 8).astype(np.int64))
    m[(bw < 5) | (bh < 5)] = 0
    m = np.maximum(m, 0)
    pid = np.repeat(np.arange(m.size), m)
    kk = np.arange(pid.size) - np.repeat(np.cumsum(m) - m, m)
    slot = long_side[pid] / m[pid]
    along = slot * r_bld.uniform(0.55, 0.9, pid.size)
    across = short_side[pid] * r_bld.uniform(0.5, 0.95, pid.size)
    a0 = kk * slot + r_bld.random(pid.size) * (slot - along)
    c0 = r_bld.random(pid.size) * (short_side[pid] - across)
    hz = horiz[pid]
    ix0 = np.where(hz, bxl[pid] + a0, bxl[pid] + c0)
    iy0 = np.where(hz, byl[pid] + c0, byl[pid] + a0)
    ix1 = ix0 + np.where(hz, along, across)
    iy1 = iy0 + np.where(hz, across, along)

    # ---- straddlers: ~20 % of all buildings, across the common line of a pair
    has = (m[left] > 0) & (m[right] > 0)
    left, right = left[has], right[has]
    target = 0.25 * pid.size
    mean = target / max(1, left.size)
    ms = np.floor(mean).astype(int) + (r_bld.random(left.size) < mean - np.floor(mean))
    ms = np.minimum(ms, 3)
    sp = np.repeat(np.arange(left.size), ms)
    sk = np.arange(sp.size) - np.repeat(np.cumsum(ms) - ms, ms)
    lo_y = np.maximum(byl[left], byl[right])[sp]
    hi_y = np.minimum(byh[left], byh[right])[sp]
    sslot = (hi_y - lo_y) / ms[sp]
    slen = sslot * r_bld.uniform(0.5, 0.85, sp.size)
    sy_0 = lo_y + sk * sslot + r_bld.random(sp.size) * (sslot - slen)
    edge = cx1[left][sp]
    sx_0 = edge - r_bld.uniform(0.5, 0.85, sp.size) * sr[left][sp]
    sx_1 = edge + r_bld.uniform(0.5, 0.85, sp.size) * sl[right][sp]
    good = slen >= 5
    sp, sy_0, sx_0, sx_1, slen = sp[good], sy_0[good], sx_0[good], sx_1[good], slen[good]
    s_pid = left[sp]

    bx_0 = np.concatenate([ix0, sx_0])
    by_0 = np.concatenate([iy0, sy_0])
    bx_1 = np.concatenate([ix1, sx_1])
    by_1 = np.concatenate([iy1, sy_0 + slen])
    b_parcel = np.concatenate([pid, s_pid])
    b_order = np.argsort(np.concatenate([rank[pid], rank[s_pid] + 0.5]), kind="stable")
    bx_0, by_0 = np.ceil(bx_0[b_order] * 10) / 10, np.ceil(by_0[b_order] * 10) / 10
    bx_1, by_1 = np.floor(bx_1[b_order] * 10) / 10, np.floor(by_1[b_order] * 10) / 10
    b_parcel = b_parcel[b_order]
    b_geom = shapely.box(bx_0, by_0, bx_1, by_1)
    buildings = _bench_buildings(r_bld, b_geom, zone_all[b_parcel], att, b_parcel)

    # ---- parcels frame in id order
    width = max(4, len(str(n)))
    p_cols = {"parcel_id": np.array([f"P{i:0{width}d}" for i in range(1, n + 1)], dtype=object)}
    for f in FIELDS["parcels"][1:]:
        col = att[f]
        p_cols[f] = col[order] if isinstance(col, np.ndarray) else col.take(order)
    parcels = _frame(p_cols, geom_all[order])

    # ---- 三调: one patch per parcel, ~3 % split in two classes, ditches, roads
    ls = _bench_landsurvey(
        r_ls, geom_all[order], att["dlbm"][order], att["tenure"][order], att["_village"][order]
    )
    d_geoms = ditch_geom
    road_geoms = _bench_road_patches(xs, ys, hx, hy)
    geoms = np.concatenate([ls["geometry"], d_geoms, road_geoms])
    dl = np.concatenate(
        [
            ls["dlbm"],
            np.full(d_geoms.size, "1107", object),
            np.full(road_geoms.size, "1004", object),
        ]
    )
    cz = np.concatenate(
        [
            ls["czcsxm"],
            np.full(d_geoms.size, "201", object),
            np.full(road_geoms.size, "201", object),
        ]
    )
    qs = np.concatenate([ls["qsdwmc"], np.full(d_geoms.size + road_geoms.size, STATE_QSDW, object)])
    landsurvey = _landsurvey_frame(geoms, dl, cz, qs, exact=False)

    # ---- roads, plan, boundary
    roads = _bench_roads(xs, ys, gx, gy, wx, wy, r_lay)
    plan = _bench_plan(r_ls, bx0, by0, bx1, by1, block_zone)
    boundary = _frame(
        {
            "name": [f"银川市金凤区低效用地基准片区(合成,{n}宗)"],
            "admin_code": [ADMIN_CODE],
        },
        np.array([box(xs[0], ys[0], xs[-1], ys[-1])], dtype=object),
    )
    return {
        "boundary": boundary,
        "roads": roads,
        "parcels": parcels,
        "buildings": buildings,
        "landsurvey": landsurvey,
        "plan": plan,
    }


def _bench_parcel_attributes(rng, zone, block, n_cells, n_notch) -> dict:
    n = zone.size
    is_inner = np.zeros(n, bool)
    is_inner[n_cells + n_notch :] = True  # parcels inside holes: substations / pump houses
    dlbm = np.empty(n, dtype=object)
    use = np.empty(n, dtype=object)
    m = zone == Z_IND
    dlbm[m] = "0601"
    use[m] = _choice(rng, ["100101", "100102", "100103"], [0.6, 0.35, 0.05], m.sum())
    m = zone == Z_LOG
    dlbm[m], use[m] = "0508", _choice(rng, ["110101", "110102"], [0.8, 0.2], m.sum())
    m = zone == Z_COM
    dlbm[m], use[m] = "05H1", "0901"
    m = zone == Z_RES
    dlbm[m], use[m] = "0701", "0701"
    m = zone == Z_VIL
    dlbm[m], use[m] = "0702", "0703"
    m = zone == Z_FAC
    dlbm[m] = _choice(rng, ["08H1", "08H2", "0809"], [0.3, 0.5, 0.2], m.sum())
    dlbm[is_inner] = "0809"
    fac_use = {"08H1": "0801", "0809": "1301"}
    use[m] = [fac_use.get(c) or ("0804" if rng.random() < 0.6 else "0806") for c in dlbm[m]]
    m = zone == Z_AGR
    dlbm[m] = _choice(rng, ["0102", "0103", "0201", "1202"], [0.55, 0.2, 0.15, 0.1], m.sum())
    use[m] = [_AGRI_APPROVED[c] for c in dlbm[m]]

    enterprise = np.isin(zone, [Z_IND, Z_LOG, Z_COM]) & ~is_inner
    tenure = np.full(n, "granted", dtype=object)
    tenure[np.isin(zone, [Z_FAC])] = "allocated"
    tenure[np.isin(zone, [Z_VIL, Z_AGR])] = "collective"
    r = rng.random(n)
    tenure[(zone == Z_IND) & (r < 0.1)] = "collective"
    tenure[(zone == Z_RES) & (r < 0.2)] = "allocated"

    year = rng.integers(1992, 2022, n)
    year[zone == Z_RES] = rng.integers(1985, 2020, (zone == Z_RES).sum())
    contract_year = np.where(np.isin(tenure, ["granted", "allocated"]), year, 0)
    supply = np.full(n, "supplied", dtype=object)
    supply[zone == Z_AGR] = None
    lawful = ~((rng.random(n) < 0.07) & np.isin(zone, [Z_IND, Z_LOG, Z_VIL]) & ~is_inner)
    flags = rng.random((3, n))
    unsupplied = (flags[0] < 0.02) & (zone != Z_AGR) & ~is_inner & lawful
    idle = (flags[1] < 0.015) & ~unsupplied & lawful & np.isin(zone, [Z_IND, Z_COM])
    disputed = (flags[2] < 0.01) & (zone != Z_AGR)

    industry = np.full(n, None, dtype=object)
    m = zone == Z_IND
    industry[m] = BENCH_INDUSTRY_CODES[rng.integers(0, BENCH_INDUSTRY_CODES.size, m.sum())]
    tax = np.full(n, np.nan)
    med = {Z_IND: 18.0, Z_LOG: 9.0, Z_COM: 30.0}
    for z, md in med.items():
        mm = (zone == z) & ~is_inner
        tax[mm] = np.round(rng.lognormal(math.log(md), 0.8, mm.sum()), 1)
    above = enterprise & (rng.random(n) < np.where(zone == Z_IND, 0.15, 0.08))
    operating = ~(enterprise & (rng.random(n) < 0.08))

    occ_kind = rng.random(n)
    occ_year = np.where(
        occ_kind < 0.45,
        rng.integers(1990, 2010, n),
        np.where(occ_kind < 0.9, rng.integers(2010, 2023, n), 0),
    )
    occ_year[lawful] = 0
    occupied = _dates(rng, occ_year)
    first_year = np.where(lawful, contract_year, occ_year)
    erdiao = pd.array(
        (first_year > 0) & (first_year <= 2009) | (rng.random(n) < 0.3), dtype="boolean"
    )
    erdiao[zone == Z_VIL] = True
    erdiao[zone == Z_AGR] = False
    erdiao[~lawful & (rng.random(n) < 0.05)] = pd.NA
    conforming = pd.array(rng.random(n) < np.where(lawful, 0.97, 0.85), dtype="boolean")
    conforming[zone == Z_AGR] = pd.NA

    # reserve land (批而未供): no user, no right, nothing built
    dlbm[unsupplied] = np.where(rng.random(unsupplied.sum()) < 0.5, "1201", "0102")
    supply[unsupplied] = "approved_unsupplied"
    tenure[unsupplied] = None
    contract_year[unsupplied] = 0
    industry[unsupplied] = None
    tax[unsupplied] = np.nan
    tax[idle] = 0.0
    above[unsupplied] = False
    operating[unsupplied | idle] = False
    erdiao[unsupplied] = False
    # unapproved land: no right, no supply, no contract
    supply[~lawful] = None
    m = ~lawful & (zone != Z_VIL)
    tenure[m] = np.where(rng.random(m.sum()) < 0.6, "collective", None)
    contract_year[~lawful] = 0
    start = np.where(contract_year > 0, contract_year, occ_year)
    years_op = pd.array(REFERENCE_YEAR - start, dtype="Int64")
    years_op[~enterprise | unsupplied | (start == 0)] = pd.NA
    village_of = np.array([f"{BRANDS[b % len(BRANDS)]}村" for b in block], dtype=object)
    owner = _bench_owners(rng, zone, dlbm, industry, tenure, village_of)
    owner[unsupplied] = RESERVE_OWNER
    no_buildings = unsupplied | (idle & (rng.random(n) < 0.7))
    return {
        "owner": owner,
        "tenure": tenure,
        "contract_date": _dates(rng, contract_year),
        "supply_status": supply,
        "idle": idle,
        "disputed": disputed,
        "approved_use": use,
        "dlbm": dlbm,
        "industry_code": industry,
        "tax_per_mu": tax,
        "years_operating": years_op,
        "above_scale": above,
        "operating": operating,
        "lawful_approval": lawful,
        "occupied_date": occupied,
        "erdiao_construction": erdiao,
        "plan_conforming": conforming,
        "_no_buildings": no_buildings,
        "_village": village_of,
        "_first_year": np.where(first_year > 0, first_year, rng.integers(1980, 2018, n)),
    }


def _bench_buildings(rng, geoms, zone, att, parcel) -> gpd.GeoDataFrame:
    nbld = geoms.size
    base = att["_first_year"][parcel]
    year = np.minimum(REFERENCE_YEAR, base + rng.integers(0, 5, nbld))
    year = np.clip(year, 1975, REFERENCE_YEAR)
    floors = np.select(
        [zone == Z_IND, zone == Z_LOG, zone == Z_COM, zone == Z_RES, zone == Z_VIL, zone == Z_FAC],
        [
            rng.choice([1, 1, 1, 2, 2, 3, 4], nbld),
            rng.choice([1, 1, 1, 2], nbld),
            rng.integers(2, 11, nbld),
            np.where(year < 2000, rng.integers(4, 7, nbld), rng.integers(6, 27, nbld)),
            rng.choice([1, 1, 2, 2, 3], nbld),
            rng.integers(2, 7, nbld),
        ],
        1,
    )
    footprint = shapely.area(geoms)
    gfa = footprint * floors
    structure = np.where(
        floors >= 7,
        "frame",
        np.where(
            np.isin(zone, [Z_IND, Z_LOG]) & (floors <= 2) & (year >= 2000),
            np.where(rng.random(nbld) < 0.7, "steel", "frame"),
            np.where(year < 2000, "brick_concrete", "frame"),
        ),
    ).astype(object)
    structure[(zone == Z_AGR) | (rng.random(nbld) < 0.04)] = "simple"
    age = REFERENCE_YEAR - year
    p_cd = np.select([age > 40, age > 30, age > 20], [0.5, 0.3, 0.1], 0.02)
    r = rng.random(nbld)
    grade = np.where(
        r < p_cd,
        np.where(rng.random(nbld) < 0.7, "C", "D"),
        np.where(rng.random(nbld) < np.where(age < 10, 0.85, 0.45), "A", "B"),
    ).astype(object)
    unlawful = ~att["lawful_approval"][parcel]
    illegal = (rng.random(nbld) < 0.02) | (unlawful & (rng.random(nbld) < 0.5))
    floors_col = pd.array(floors, dtype="Int64")
    floors_col[rng.random(nbld) < 0.005] = pd.NA
    gfa[rng.random(nbld) < 0.005] = np.nan
    width = max(5, len(str(nbld)))
    return _frame(
        {
            "building_id": np.array([f"B{i:0{width}d}" for i in range(1, nbld + 1)], dtype=object),
            "floors": floors_col,
            "gfa": gfa,
            "year_built": year.astype(np.int64),
            "structure": structure,
            "danger_grade": grade,
            "illegal": illegal,
        },
        geoms,
    )


_SECOND_CLASS = {"0601": "0508", "0508": "0601", "05H1": "0701", "0701": "05H1", "0702": "0102"}


def _bench_landsurvey(rng, geoms, dlbm, tenure, village) -> dict:
    n = geoms.size
    b = shapely.bounds(geoms)
    w = b[:, 2] - b[:, 0]
    split = (rng.random(n) < 0.03) & (w >= 30) & np.isin(dlbm, list(_SECOND_CLASS))
    split &= shapely.get_type_id(geoms) == 3  # plain polygons
    split &= shapely.get_num_interior_rings(geoms) == 0
    idx = np.flatnonzero(split)
    xm = np.round(b[idx, 0] + rng.uniform(0.35, 0.65, idx.size) * w[idx], 1)
    west = shapely.intersection(
        geoms[idx], shapely.box(b[idx, 0] - 1, b[idx, 1] - 1, xm, b[idx, 3] + 1)
    )
    east = shapely.intersection(
        geoms[idx], shapely.box(xm, b[idx, 1] - 1, b[idx, 2] + 1, b[idx, 3] + 1)
    )
    west_main = shapely.area(west) >= shapely.area(east)
    second = np.array([_SECOND_CLASS[c] for c in dlbm[idx]], dtype=object)
    out_geoms = geoms.copy()
    out_geoms[idx] = np.where(west_main, west, east)
    extra = np.where(west_main, east, west)
    all_geoms = np.concatenate([out_geoms, extra])
    all_dlbm = np.concatenate([dlbm, second])
    all_tenure = np.concatenate([tenure, tenure[idx]])
    all_village = np.concatenate([village, village[idx]])
    order = np.argsort(np.concatenate([np.arange(n), idx + 0.5]), kind="stable")
    all_geoms, all_dlbm, all_tenure = all_geoms[order], all_dlbm[order], all_tenure[order]
    all_village = all_village[order]
    cz = np.where(
        np.isin(all_dlbm, ["0102", "0103", "0201", "1202"]),
        None,
        np.where(all_tenure == "collective", "203", np.where(all_dlbm == "0601", "201A", "201")),
    ).astype(object)
    qs = np.where(all_tenure == "collective", all_village + "村民委员会", STATE_QSDW).astype(object)
    return {"geometry": all_geoms, "dlbm": all_dlbm, "czcsxm": cz, "qsdwmc": qs}


def _bench_road_patches(xs, ys, hx, hy) -> np.ndarray:
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    horiz = shapely.box(x_lo, np.maximum(ys - hy, y_lo), x_hi, np.minimum(ys + hy, y_hi))
    ii, jj = np.meshgrid(np.arange(xs.size), np.arange(ys.size - 1), indexing="xy")
    ii, jj = ii.ravel(), jj.ravel()
    vert = shapely.box(
        np.maximum(xs[ii] - hx[ii], x_lo),
        ys[jj] + hy[jj],
        np.minimum(xs[ii] + hx[ii], x_hi),
        ys[jj + 1] - hy[jj + 1],
    )
    return np.concatenate([horiz, vert])


def _bench_roads(xs, ys, gx, gy, wx, wy, rng) -> gpd.GeoDataFrame:
    ext = 40.0
    ew = shapely.linestrings(
        np.stack(
            [np.full(ys.size, xs[0] - ext), ys, np.full(ys.size, xs[-1] + ext), ys], axis=1
        ).reshape(-1, 2, 2)
    )
    ns = shapely.linestrings(
        np.stack(
            [xs, np.full(xs.size, ys[0] - ext), xs, np.full(xs.size, ys[-1] + ext)], axis=1
        ).reshape(-1, 2, 2)
    )
    mid = xs[xs.size // 2]
    stub = LineString([(mid + 0.0, ys[0]), (mid, ys[0] - 150.0)])  # dead-end branch (dangle)
    geoms = np.concatenate([ew, ns, np.array([stub], dtype=object)])
    names = [f"纬{_cn_number(i + 1)}路" for i in range(ys.size)]
    names += [f"经{_cn_number(i + 1)}街" for i in range(xs.size)] + ["南环支巷"]
    grades = np.concatenate([gy, gx, ["branch"]]).astype(object)
    width = np.concatenate([wy, wx, [12.0]])
    branch = np.flatnonzero(grades == "branch")
    if branch.size > 2:
        width[rng.choice(branch[:-1], size=2, replace=False)] = np.nan  # two without a width
    digits = max(3, len(str(geoms.size)))
    return _frame(
        {
            "road_id": [f"R{i:0{digits}d}" for i in range(1, geoms.size + 1)],
            "name": names,
            "grade": grades,
            "width": width,
        },
        geoms,
    )


_ZONE_PLAN = {
    Z_IND: (["100101", "100102", "0701", "0901"], [0.55, 0.15, 0.2, 0.1]),
    Z_LOG: (["110101", "100101", "0901"], [0.6, 0.2, 0.2]),
    Z_COM: (["0901", "0701"], [0.7, 0.3]),
    Z_RES: (["0701", "0901"], [0.85, 0.15]),
    Z_VIL: (["0701", "0703"], [0.6, 0.4]),
    Z_FAC: (["0801", "0804", "0806", "1301", "1401"], [0.25, 0.3, 0.2, 0.1, 0.15]),
    Z_AGR: (["0701", "100101", "1401"], [0.4, 0.4, 0.2]),
}


def _bench_plan(rng, bx0, by0, bx1, by1, block_zone) -> gpd.GeoDataFrame:
    nb = bx0.size
    code = np.empty(nb, dtype=object)
    for z, (codes, p) in _ZONE_PLAN.items():
        m = block_zone == z
        code[m] = _choice(rng, codes, p, m.sum())
    params = np.array([PLAN_DEFAULTS[c] for c in code])
    jitter = rng.choice([0.8, 0.9, 1.0, 1.0, 1.1, 1.2], nb)
    digits = max(4, len(str(nb)))
    return _frame(
        {
            "plan_id": [f"KG{i:0{digits}d}" for i in range(1, nb + 1)],
            "plan_code": code,
            "plan_name": np.array([PLAN_NAMES[c] for c in code], dtype=object),
            "far_max": np.round(params[:, 0] * jitter, 1),
            "density_max": params[:, 1],
            "green_min": params[:, 2],
            "height_max": params[:, 3],
        },
        shapely.box(bx0, by0, bx1, by1),
    )


# ========================================================================== shared
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


def generate_district(
    n_parcels: int | None = None, seed: int = DEFAULT_SEED
) -> dict[str, gpd.GeoDataFrame]:
    """The synthetic district as layer name -> GeoDataFrame (EPSG:4544).

    ``n_parcels=None`` -> the bundled sample district (about 2.7 km², 437 parcels, the
    hand-designed mix and edge cases of the module docstring); an int -> a benchmark
    district of exactly that many parcels (same schema, ~3 buildings per parcel,
    ~80 % of buildings wholly inside one parcel, ~20 % straddling two parcels).
    """
    if n_parcels is None:
        return _generate_sample(seed)
    return _generate_benchmark(int(n_parcels), seed)


# ========================================================================== checks
def check_district(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, float]:
    """Structural checks (raise AssertionError): CRS, validity, no parcel overlaps,
    buildings inside / straddling parcels. Returns a few statistics."""
    for name in LAYERS:
        gdf = layers[name]
        assert gdf.crs is not None and gdf.crs.to_epsg() == 4544, name
        assert list(gdf.columns[:-1]) == FIELDS[name], (name, list(gdf.columns))
        assert shapely.is_valid(np.asarray(gdf.geometry.values)).all(), f"invalid {name}"
        assert not gdf.geometry.is_empty.any(), f"empty geometry in {name}"
    parcels = np.asarray(layers["parcels"].geometry.values)
    tree = shapely.STRtree(parcels)
    a, b = tree.query(parcels, predicate="overlaps")
    assert a.size == 0, f"{a.size // 2} overlapping parcel pairs"
    a, b = tree.query(parcels, predicate="intersects")
    pairs = a < b
    if pairs.any():
        inter = shapely.area(shapely.intersection(parcels[a[pairs]], parcels[b[pairs]]))
        assert inter.max() < 1e-6, f"parcel overlap area {inter.max()}"
    blds = np.asarray(layers["buildings"].geometry.values)
    bt = shapely.STRtree(blds)
    x, y = bt.query(blds, predicate="overlaps")
    assert x.size == 0, "overlapping buildings"
    bi, pi = tree.query(blds, predicate="intersects")
    shapely.prepare(parcels)
    inside = shapely.contains_properly(parcels[pi], blds[bi])
    n_inside = np.unique(bi[inside]).size
    touched = np.bincount(bi, minlength=blds.size)
    ov = shapely.area(shapely.intersection(parcels[pi[~inside]], blds[bi[~inside]])) > 1e-6
    n_parts = np.bincount(bi[~inside][ov], minlength=blds.size)
    straddling = int((n_parts >= 2).sum())
    outside = int(
        ((touched == 0) | ((n_parts == 0) & ~np.isin(np.arange(blds.size), bi[inside]))).sum()
    )
    assert outside == 0, f"{outside} buildings outside every parcel"
    assert int((n_parts > 2).sum()) == 0, "a building on more than two parcels"
    assert n_inside + straddling == blds.size
    ls = np.asarray(layers["landsurvey"].geometry.values)
    lt = shapely.STRtree(ls)
    a, b = lt.query(ls, predicate="overlaps")
    assert a.size == 0, "overlapping 三调 patches"
    boundary = layers["boundary"].geometry.iloc[0]
    covered = shapely.area(ls).sum()
    assert abs(covered - boundary.area) < 1e-6 * boundary.area + 1.0, (covered, boundary.area)
    return {
        "parcels": float(parcels.size),
        "buildings": float(blds.size),
        "buildings_per_parcel": blds.size / parcels.size,
        "inside_share": n_inside / blds.size,
        "straddling_share": straddling / blds.size,
        "multipolygons": float((shapely.get_type_id(parcels) == 6).sum()),
        "with_holes": float((shapely.get_num_interior_rings(parcels) > 0).sum()),
        "area_km2": boundary.area / 1e6,
    }


def _lowland():
    """Import the plugin's modules without putting the repo root first on sys.path."""
    if importlib.util.find_spec("lowland_plugin") is None:
        sys.path.append(str(ROOT))  # at the END: the root's processing/ must not shadow QGIS's
    import lowland_plugin.bridge.ogr_io
    import lowland_plugin.core.common.areas
    import lowland_plugin.core.common.fields
    import lowland_plugin.core.identify.indicators

    return lowland_plugin


def _indicators(parcels: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame) -> pd.DataFrame:
    """FAR, C/D share, building count (lowland_plugin.core.identify.indicators) and the build years."""
    core = _lowland().core.indicators
    parcels = parcels.reset_index(drop=True)
    buildings = buildings.reset_index(drop=True)
    table = core.compute_parcel_indicators(parcels, buildings).table
    p, b, _ = core.footprint_overlaps(
        np.asarray(parcels.geometry.values), np.asarray(buildings.geometry.values)
    )
    years = buildings["year_built"].to_numpy()
    out = pd.DataFrame(
        {
            "far": table["far"].to_numpy(),
            "cd_share": table["danger_cd_share"].to_numpy(),
            "count": table["building_count"].to_numpy(),
        },
        index=parcels["parcel_id"],
    )
    out["years"] = [sorted(set(years[b[p == i]].tolist())) for i in range(len(parcels))]
    return out


def check_sample_cases(layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Assert the case table of the module docstring against generated sample data."""
    pq = layers["parcels"].set_index("parcel_id", drop=False)
    ind = _indicators(layers["parcels"], layers["buildings"])

    def one(case):
        (pid,) = SAMPLE_CASES[case]
        return pq.loc[pid], ind.loc[pid]

    def far_near(case, target, tol=0.15):
        _, i = one(case)
        assert abs(i["far"] - target) <= tol * target + 0.02, (case, i["far"], target)

    code30 = pq[pq["industry_code"] == "30"]
    assert sorted(code30["parcel_id"]) == sorted(
        SAMPLE_CASES[c][0]
        for c in ("IND_TAX30_A", "IND_TAX_AT_40PCT", "IND_TAX30_B", "IND_TAX30_C", "IND_TAX30_D")
    )
    areas = code30.geometry.area.to_numpy()
    assert np.all(areas == areas[0]) and areas[0] == 67 * 160
    mean = code30["tax_per_mu"].mean()
    assert mean == 20.0 and one("IND_TAX_AT_40PCT")[0]["tax_per_mu"] == 0.4 * mean
    code33 = pq[pq["industry_code"] == "33"]
    w = code33.geometry.area.to_numpy()
    for m in (code33["tax_per_mu"].mean(), np.average(code33["tax_per_mu"], weights=w)):
        assert one("IND_TAX_BELOW_40PCT")[0]["tax_per_mu"] < 0.4 * m
    p, i = one("IND_FAR_EXACT_1")
    assert p.geometry.area == 20400.0 and i["far"] == 1.0 and i["count"] == 1
    for case, target in (
        ("IND_EFFICIENT", 1.9),
        ("IND_TAX_AT_40PCT", 1.3),
        ("IND_YOUNG_EXEMPT", 0.4),
        ("IND_ABOVE_SCALE_LOW_FAR", 0.5),
        ("IND_CLEAR_LOWLAND", 0.35),
        ("IND_STOPPED", 0.5),
        ("IND_FAR_BETWEEN_MINIMA", 0.75),
        ("IND_DANGER", 1.2),
        ("IND_TAX_BELOW_40PCT", 1.2),
        ("IND_DISPUTED", 0.4),
        ("COM_OLD_LOW_FAR", 0.6),
        ("RES_OLD_LOW_FAR", 0.8),
        ("RES_BUILT_2000_LOW_FAR", 0.9),
        ("RES_OLD_DANGER", 1.4),
        ("RES_NEW", 2.5),
        ("FAC_OLD_OFFICE", 0.5),
    ):
        far_near(case, target)
    assert one("IND_FAR_BETWEEN_MINIMA")[1]["far"] < 1.0
    assert 0.6 < one("IND_FAR_BETWEEN_MINIMA")[1]["far"]
    assert one("IND_CLEAR_LOWLAND")[1]["cd_share"] == 1.0
    assert one("IND_DANGER")[1]["cd_share"] >= 0.6
    assert one("RES_OLD_DANGER")[1]["cd_share"] >= 0.6
    assert one("LOG_DANGER_EXACT_50")[1]["cd_share"] == 0.5
    assert one("LOG_OLD")[1]["cd_share"] >= 0.5 and one("LOG_OLD")[1]["count"] == 4
    assert one("LOG_MODERN")[1]["cd_share"] == 0.0
    assert one("RES_OLD_LOW_FAR")[1]["cd_share"] == 0.0
    assert one("COM_OLD_LOW_FAR")[1]["cd_share"] == 0.0
    assert one("RES_BUILT_2000_LOW_FAR")[1]["years"] == [2000]
    assert max(one("RES_OLD_LOW_FAR")[1]["years"]) < 2000
    assert one("IND_NO_BUILDINGS")[1]["count"] == 0
    assert one("COM_STALLED")[1]["far"] < 0.02
    assert one("IND_YOUNG_EXEMPT")[0]["years_operating"] == 2
    # (a GeoPackage layer stores every parcel as MultiPolygon: count parts, not types)
    assert shapely.get_num_geometries(one("IND_MULTIPOLYGON")[0].geometry) == 2
    (with_hole,) = shapely.get_parts(one("IND_HOLE")[0].geometry)
    assert len(with_hole.interiors) == 1
    hole = Polygon(with_hole.interiors[0])
    assert abs(hole.symmetric_difference(one("FAC_SUBSTATION")[0].geometry).area) < 1e-6

    # flags only where documented
    def ids(mask):
        return set(pq.loc[mask, "parcel_id"])

    def cases(*names):
        return {SAMPLE_CASES[c][0] for c in names}

    legacy = {c for c in SAMPLE_CASES if c.startswith("LEGACY_")}
    assert ids(~pq["lawful_approval"]) == cases(
        *legacy, "COLLECTIVE_INDUSTRIAL", "VILLAGE_HOME_LEGACY"
    )
    assert ids(pq["idle"]) == cases("IDLE_UNBUILT", "IDLE_PARTLY_BUILT")
    assert ids(pq["disputed"]) == cases("IND_DISPUTED", "VILLAGE_DISPUTED")
    unsupplied = [c for c in SAMPLE_CASES if c.startswith("UNSUPPLIED")]
    assert ids(pq["supply_status"] == "approved_unsupplied") == cases(*unsupplied)
    assert pq.loc[list(cases("LEGACY_NO_DATE")), "occupied_date"].isna().all()
    for lo, hi in SAMPLE_HOME_RANGES:
        homes = pq.loc[lo:hi]
        assert (homes["dlbm"] == "0702").all() and (homes["tenure"] == "collective").all()
    assert int((pq["dlbm"] == "0702").sum()) == 238 + 68 + 34 + 1  # + the committee
    # legacy land as tabled: (occupied_date, erdiao_construction, plan_conforming)
    legacy_table = {
        "LEGACY_PRE2010_REGULAR": ("2006-05-20", True, True),
        "LEGACY_POST2010": ("2014-08-01", False, True),
        "LEGACY_NO_DATE": (None, True, True),
        "LEGACY_2009_12_31": ("2009-12-31", True, True),
        "LEGACY_2010_01_01": ("2010-01-01", True, True),
        "LEGACY_ERDIAO_NOT_CONSTRUCTION": ("2007-03-01", False, True),
        "LEGACY_NOT_PLAN_CONFORMING": ("2008-09-10", True, False),
        "LEGACY_ERDIAO_UNKNOWN": ("2005-11-11", None, True),
        "LEGACY_ON_FARMLAND": ("2016-05-10", False, False),
        "COLLECTIVE_INDUSTRIAL": ("1998-04-01", True, True),
        "VILLAGE_HOME_LEGACY": ("2011-07-01", False, True),
    }
    for case, (date, erdiao, conforming) in legacy_table.items():
        p = one(case)[0]
        assert p["occupied_date"] == date and p["supply_status"] is None, case
        assert (None if pd.isna(p["erdiao_construction"]) else p["erdiao_construction"]) == erdiao
        assert bool(p["plan_conforming"]) == conforming, case
    assert pq["occupied_date"].notna().sum() == len(legacy_table) - 1
    assert one("IND_STOPPED")[0]["operating"] == False  # noqa: E712 (numpy bool)
    for case in ("IND_EFFICIENT", "IND_ABOVE_SCALE_LOW_FAR"):
        assert one(case)[0]["above_scale"]
    agri = pq["dlbm"].isin(["0102", "0103", "0201", "1202"]) & pq["tenure"].eq("collective")
    assert pq.loc[agri, "supply_status"].isna().all()
    assert pq.loc[~agri & pq["lawful_approval"], "supply_status"].notna().all()
    # roads: null widths, the dead-end lane
    roads = layers["roads"].set_index("road_id")
    assert set(roads.index[roads["width"].isna()]) == {"R004", "R008"}
    lane = roads.loc["R011"].geometry
    others = shapely.union_all([g for r, g in roads.geometry.items() if r != "R011"])
    assert lane.boundary.geoms[0].intersects(others) and not lane.boundary.geoms[1].intersects(
        others.buffer(1.0)
    )
    # buildings: null cases, illegal flags, straddlers
    bq = layers["buildings"]
    assert int(bq["floors"].isna().sum()) == 2 and int(bq["gfa"].isna().sum()) == 2
    pg = np.asarray(pq.geometry.values)
    bg = np.asarray(bq.geometry.values)
    bi, pi = shapely.STRtree(pg).query(bg, predicate="intersects")
    area = shapely.area(shapely.intersection(pg[pi], bg[bi]))
    bi, pi = bi[area > 1e-6], pi[area > 1e-6]
    pid = pq["parcel_id"].to_numpy()
    parcels_of = pd.Series(pid[pi]).groupby(bi).agg(lambda x: tuple(sorted(x)))
    straddlers = parcels_of[parcels_of.map(len) == 2]
    pairs = {tuple(sorted((SAMPLE_CASES[w][0], SAMPLE_CASES[e][0]))) for w, e in _STRADDLE_PAIRS}
    assert set(straddlers) == pairs and len(straddlers) == 3
    unlawful = set(pq.loc[~pq["lawful_approval"], "parcel_id"])
    on_unlawful = parcels_of.map(lambda t: t[0] in unlawful)
    sheds = set(
        straddlers.index[
            straddlers.map(lambda t: t[0] in cases("HOME_STRADDLE_1W", "HOME_STRADDLE_2W"))
        ]
    )
    expected = set(on_unlawful.index[on_unlawful]) | sheds
    assert set(np.flatnonzero(bq["illegal"].to_numpy())) == expected
    assert len(sheds) == 2
    # 三调: split parcels, village patches, plan coverage
    ls = layers["landsurvey"]
    for case, second in _SURVEY_SPLITS.items():
        g = one(case)[0].geometry
        hit = ls[ls.geometry.intersection(g).area > 1.0]
        assert sorted(hit["dlbm"]) == sorted([one(case)[0]["dlbm"], second]), case
    assert int((ls["dlbm"] == "0702").sum()) == 3 + 1  # three village blocks + the committee
    plan = shapely.union_all(np.asarray(layers["plan"].geometry.values))
    _, _, blocks = _sample_roads_and_blocks()[1:]
    for key, blk in blocks.items():
        covered = blk.intersection(plan).area / blk.area
        assert (covered > 0.999) if key in _SAMPLE_PLAN else (covered < 1e-9), key
    stats = check_district(layers)
    assert round(stats["straddling_share"] * stats["buildings"]) == 3


# ========================================================================== writing
def write_district(layers: dict[str, gpd.GeoDataFrame], path: str | Path) -> None:
    """Write all layers to one GeoPackage (replacing the file) with Chinese aliases."""
    lowland = _lowland()
    write_ogr_layer = lowland.ogr_io.write_ogr_layer
    field_aliases = lowland.core.fields.field_aliases
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(LAYERS):
        gdf = layers[name]
        aliases = field_aliases([c for c in gdf.columns if c != gdf.geometry.name])
        write_ogr_layer(gdf, str(path), name, aliases=aliases, overwrite_file=i == 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Lowland synthetic district.")
    parser.add_argument(
        "--parcels", type=int, default=None, help="benchmark size (default: sample)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=None, help=f"GeoPackage (default {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true", help="validate the generated layers")
    args = parser.parse_args(argv)
    out = Path(args.out) if args.out else DEFAULT_OUT
    t0 = time.perf_counter()
    layers = generate_district(args.parcels, args.seed)
    t1 = time.perf_counter()
    counts = ", ".join(f"{k} {len(v)}" for k, v in layers.items())
    print(f"generated in {t1 - t0:.2f} s: {counts}")
    if args.check:
        stats = check_district(layers)
        if args.parcels is None:
            check_sample_cases(layers)
        print("checks passed: " + ", ".join(f"{k} {v:.3g}" for k, v in stats.items()))
    write_district(layers, out)
    print(f"written {out} in {time.perf_counter() - t1:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
