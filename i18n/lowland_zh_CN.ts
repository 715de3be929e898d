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
      <location filename="../processing/base.py" line="171" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>已取消：输出不完整，未保留。</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="118" />
      <source>无法读取输入图层 {0}。</source>
      <translation>无法读取输入图层 {0}。</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="46" />
      <source>低效用地认定</source>
      <translation>低效用地认定</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="55" />
      <source>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议 → 不纳入（Y-1）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案，数值均注明来源）：容积率低于行业/类型下限、建筑系数不足、亩均税收低于绝对值或同行业平均的比例、C/D 级危房占比、老旧低容积率住宅、停产、合同签订后长期未建成、现状用途与控规不符（需控规图层）、城中村（需三调图层）。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满 3 年、战略性新兴产业。&lt;/p&gt;&lt;p&gt;reasons 字段以 JSON 列出每条已检查规则的条款、实测值、阈值与是否满足；输出记录规则档案及版本。规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议 → 不纳入（Y-1）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案，数值均注明来源）：容积率低于行业/类型下限、建筑系数不足、亩均税收低于绝对值或同行业平均的比例、C/D 级危房占比、老旧低容积率住宅、停产、合同签订后长期未建成、现状用途与控规不符（需控规图层）、城中村（需三调图层）。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满 3 年、战略性新兴产业。&lt;/p&gt;&lt;p&gt;reasons 字段以 JSON 列出每条已检查规则的条款、实测值、阈值与是否满足；输出记录规则档案及版本。规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="136" />
      <source>宗地图层</source>
      <translation>宗地图层</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="228" />
      <source>认定汇总（宗数，亩，公顷）：</source>
      <translation>认定汇总（宗数，亩，公顷）：</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="74" />
      <source>建筑图层</source>
      <translation>建筑图层</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="79" />
      <source>三调图斑图层</source>
      <translation>三调图斑图层</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="84" />
      <source>控规地块图层</source>
      <translation>控规地块图层</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="98" />
      <source>字段映射（标准字段=实际字段; …）</source>
      <translation>字段映射（标准字段=实际字段; …）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="104" />
      <source>认定基准日（默认今天）</source>
      <translation>认定基准日（默认今天）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="111" />
      <source>低效用地认定结果</source>
      <translation>低效用地认定结果</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="116" />
      <source>认定汇总表</source>
      <translation>认定汇总表</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="124" />
      <source>规则档案：{0}（{1}）</source>
      <translation>规则档案：{0}（{1}）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="90" />
      <source>规则档案（内置 {0}，或 JSON 文件路径）</source>
      <translation>规则档案（内置 {0}，或 JSON 文件路径）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="170" />
      <source>字段映射 {0} 所指的字段在各输入图层中都不存在。</source>
      <translation>字段映射 {0} 所指的字段在各输入图层中都不存在。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="30" />
      <source>地块指标计算</source>
      <translation>地块指标计算</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="39" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="70" />
      <source>读取宗地…</source>
      <translation>读取宗地…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="78" />
      <source>读取建筑…</source>
      <translation>读取建筑…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="65" />
      <source>地块指标</source>
      <translation>地块指标</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="116" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>共 {0} 宗地，{1} 栋建筑。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="107" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>输入字段 {0} 与指标同名，已由计算结果替换。</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="27" />
      <source>低效用地再开发 Lowland</source>
      <translation>低效用地再开发 Lowland</translation>
    </message>
  </context>
</TS>
