<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>Lowland</name>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="39" />
      <source>低效用地再开发</source>
      <translation>Lowland redevelopment</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="65" />
      <source>关于 Lowland</source>
      <translation>About Lowland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="85" />
      <source>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</source>
      <translation>Lowland: identifies low-efficiency urban land, delineates redevelopment units, checks policy indicators and writes implementation plans, following MNR notice 2023-171 and Yinchuan's implementation opinions.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="153" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>Cancelled: the output was incomplete and has been discarded.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="104" />
      <source>无法读取输入图层 {0}。</source>
      <translation>Cannot read input layer {0}.</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="29" />
      <source>地块指标计算</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="32" />
      <source>低效用地认定</source>
      <translation>Low-efficiency land identification</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="38" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Per parcel: area (m², mu), floor area, floor area ratio, building density, building count, oldest building year and the share of floor area in C/D-grade dangerous buildings. These are the current-condition indicators used to identify low-efficiency land (Yinchuan opinions clause (1), MNR notice 2023-171 task 12).&lt;/p&gt;&lt;p&gt;A building across two parcels counts on each by its clipped footprint share. Floor area is the field gfa, else footprint × floors; where both are null the building is left out and counted in gfa_unknown_count.&lt;/p&gt;&lt;p&gt;Parcels must be in a projected CRS in metres (e.g. CGCS2000 3-degree Gauss-Kruger, EPSG:4544); a geographic CRS is refused with the CRS to use. Buildings in another CRS are reprojected to the parcels' CRS.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="69" />
      <source>读取宗地…</source>
      <translation>Reading parcels…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="73" />
      <source>宗地图层</source>
      <translation>Parcels</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="77" />
      <source>读取建筑…</source>
      <translation>Reading buildings…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="57" />
      <source>建筑图层</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="64" />
      <source>地块指标</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="115" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>{0} parcels, {1} buildings.</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="106" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>Input fields {0} have the names of indicators and were replaced by the computed values.</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="26" />
      <source>低效用地再开发 Lowland</source>
      <translation>Lowland — low-efficiency land redevelopment</translation>
    </message>
  </context>
</TS>
