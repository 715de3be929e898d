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
      <location filename="../processing/base.py" line="171" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>Cancelled: the output was incomplete and has been discarded.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="118" />
      <source>无法读取输入图层 {0}。</source>
      <translation>Cannot read input layer {0}.</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="46" />
      <source>低效用地认定</source>
      <translation>Low-efficiency land identification</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="55" />
      <source>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议 → 不纳入（Y-1）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案，数值均注明来源）：容积率低于行业/类型下限、建筑系数不足、亩均税收低于绝对值或同行业平均的比例、C/D 级危房占比、老旧低容积率住宅、停产、合同签订后长期未建成、现状用途与控规不符（需控规图层）、城中村（需三调图层）。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满 3 年、战略性新兴产业。&lt;/p&gt;&lt;p&gt;reasons 字段以 JSON 列出每条已检查规则的条款、实测值、阈值与是否满足；输出记录规则档案及版本。规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Decides for every parcel whether it is low-efficiency land, of which type, and why (Yinchuan opinions clause (1); MNR notice 2023-171 tasks 12 and 13).&lt;/p&gt;&lt;p&gt;1. Current use: with a 三调 (third national land survey) layer, the class covering most of the parcel (all class shares go to survey_shares); otherwise the parcel's dlbm. The code tables give its land category and type (industrial incl. logistics, village, commercial/residential, facility, other).&lt;/p&gt;&lt;p&gt;2. Exclusions: non-construction land, approved but unsupplied land, idle land, disputed ownership → excluded (Y-1).&lt;/p&gt;&lt;p&gt;3. Criteria of the rule profile (every value with its source): FAR below the industry/type minimum, building coverage too low, tax per mu below an absolute value or a share of the same-industry mean, share of C/D-grade dangerous buildings, old low-density housing, stopped operation, no building years after the contract, current use not conforming to the detailed plan (needs the plan layer), urban village (needs the 三调 layer).&lt;/p&gt;&lt;p&gt;4. Exemptions: above-scale enterprises, operating for less than 3 years, strategic industries.&lt;/p&gt;&lt;p&gt;The reasons field lists, as JSON, every rule checked with its clause, measured value, threshold and whether it is met; outputs record the profile and its version. Profile: bundled default or yinchuan, or the path of a JSON profile. Field mapping: e.g. dlbm=DLBM; parcel_id=宗地代码.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="136" />
      <source>宗地图层</source>
      <translation>Parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="228" />
      <source>认定汇总（宗数，亩，公顷）：</source>
      <translation>Summary (parcels, mu, hectares):</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="74" />
      <source>建筑图层</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="79" />
      <source>三调图斑图层</source>
      <translation>Land survey (三调) patches</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="84" />
      <source>控规地块图层</source>
      <translation>Detailed-plan parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="98" />
      <source>字段映射（标准字段=实际字段; …）</source>
      <translation>Field mapping (canonical=actual; …)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="104" />
      <source>认定基准日（默认今天）</source>
      <translation>Reference date (default: today)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="111" />
      <source>低效用地认定结果</source>
      <translation>Identified parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="116" />
      <source>认定汇总表</source>
      <translation>Identification summary</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="124" />
      <source>规则档案：{0}（{1}）</source>
      <translation>Rule profile: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="90" />
      <source>规则档案（内置 {0}，或 JSON 文件路径）</source>
      <translation>Rule profile (bundled {0}, or the path of a JSON file)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="170" />
      <source>字段映射 {0} 所指的字段在各输入图层中都不存在。</source>
      <translation>Field map entries {0} name fields that no input layer has.</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="30" />
      <source>地块指标计算</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="39" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、C/D 级危房面积占比。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Per parcel: area (m², mu), floor area, floor area ratio, building density, building count, oldest building year and the share of floor area in C/D-grade dangerous buildings. These are the current-condition indicators used to identify low-efficiency land (Yinchuan opinions clause (1), MNR notice 2023-171 task 12).&lt;/p&gt;&lt;p&gt;A building across two parcels counts on each by its clipped footprint share. Floor area is the field gfa, else footprint × floors; where both are null the building is left out and counted in gfa_unknown_count.&lt;/p&gt;&lt;p&gt;Parcels must be in a projected CRS in metres (e.g. CGCS2000 3-degree Gauss-Kruger, EPSG:4544); a geographic CRS is refused with the CRS to use. Buildings in another CRS are reprojected to the parcels' CRS.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="70" />
      <source>读取宗地…</source>
      <translation>Reading parcels…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="78" />
      <source>读取建筑…</source>
      <translation>Reading buildings…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="65" />
      <source>地块指标</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="116" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>{0} parcels, {1} buildings.</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="107" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>Input fields {0} have the names of indicators and were replaced by the computed values.</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="27" />
      <source>低效用地再开发 Lowland</source>
      <translation>Lowland — low-efficiency land redevelopment</translation>
    </message>
  </context>
</TS>
