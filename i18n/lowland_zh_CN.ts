<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
  <context>
    <name>Lowland</name>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="39" />
      <source>低效用地再开发</source>
      <translation>低效用地再开发</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="65" />
      <source>关于 Lowland</source>
      <translation>关于 Lowland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="85" />
      <source>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</source>
      <translation>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="153" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>已取消：输出不完整，未保留。</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="104" />
      <source>无法读取输入图层 {0}。</source>
      <translation>无法读取输入图层 {0}。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="29" />
      <source>地块指标计算</source>
      <translation>地块指标计算</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="32" />
      <source>低效用地认定</source>
      <translation>低效用地认定</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="38" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="69" />
      <source>读取宗地…</source>
      <translation>读取宗地…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="73" />
      <source>宗地图层</source>
      <translation>宗地图层</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="77" />
      <source>读取建筑…</source>
      <translation>读取建筑…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="57" />
      <source>建筑图层</source>
      <translation>建筑图层</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="64" />
      <source>地块指标</source>
      <translation>地块指标</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="115" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>共 {0} 宗地，{1} 栋建筑。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="106" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>输入字段 {0} 与指标同名，已由计算结果替换。</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="26" />
      <source>低效用地再开发 Lowland</source>
      <translation>低效用地再开发 Lowland</translation>
    </message>
  </context>
</TS>
