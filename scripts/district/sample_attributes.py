"""Sample district parcel attributes: tenure, supply, uses, industry, tax, legacy-land
fields and owners per role, with the documented cases' overrides (``_CASE_ATTRS``)."""

from __future__ import annotations

import math

import numpy as np

from .common import (
    _AGRI_APPROVED,
    ESTATES,
    FILL_INDUSTRY_CODES,
    REFERENCE_YEAR,
    RESERVE_OWNER,
    TOWN,
    VILLAGE,
    _cn_number,
    _iso,
    _Names,
)
from .sample_layout import _HOME_ROLES


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
