"""Field types for ``QgsField`` on every QGIS the plugin supports.

QGIS up to 3.36 takes ``QVariant.Type`` (3.22 has no ``QMetaType`` overload); QGIS 3.38
and later take ``QMetaType.Type``, and PyQt6 (QGIS 4) has no ``QVariant.Type`` at all.
The names here are the one place that choice is made. The basic types have the same
numbers in both enums (Bool 1, Int 2, UInt 3, LongLong 4, ULongLong 5, Double 6, String
10, Date 14, DateTime 16), so a field's ``type()`` compares equal to them either way.
"""

from __future__ import annotations

from typing import Any

from qgis.core import Qgis
from qgis.PyQt.QtCore import QVariant

_USE_METATYPE = Qgis.QGIS_VERSION_INT >= 33800 or not hasattr(QVariant, "String")

if _USE_METATYPE:  # QGIS 3.38+ and QGIS 4 (Qt 6)
    from qgis.PyQt.QtCore import QMetaType

    _T: Any = QMetaType.Type
    BOOL, INT, UINT, LONG, ULONG = _T.Bool, _T.Int, _T.UInt, _T.LongLong, _T.ULongLong
    DOUBLE, STRING, DATE, DATETIME = _T.Double, _T.QString, _T.QDate, _T.QDateTime
else:  # QGIS 3.22 – 3.36
    _V: Any = QVariant
    BOOL, INT, UINT, LONG, ULONG = _V.Bool, _V.Int, _V.UInt, _V.LongLong, _V.ULongLong
    DOUBLE, STRING, DATE, DATETIME = _V.Double, _V.String, _V.Date, _V.DateTime

#: Integer field types of any width.
INTEGERS = (INT, LONG, UINT, ULONG)
