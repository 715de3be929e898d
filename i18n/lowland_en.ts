<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>Lowland</name>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="180" />
      <source>亩</source>
      <translation>mu</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="181" />
      <source>万元/亩</source>
      <translation>10k yuan/mu</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="182" />
      <source>年</source>
      <translation>years</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="183" />
      <source>栋</source>
      <translation>buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="184" />
      <source>层</source>
      <translation>floors</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="162" />
      <source>是</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="162" />
      <source>否</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="484" />
      <source>地块核查</source>
      <translation>Parcel review</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="485" />
      <source>结果图层</source>
      <translation>Result layer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="486" />
      <source>低效用地认定（lowland:identifyparcels）的结果图层</source>
      <translation>Result layer of the low-efficiency land identification (lowland:identifyparcels)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="487" />
      <source>建筑图层</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="488" />
      <source>可选：列出与所选宗地相交的建筑</source>
      <translation>Optional: lists the buildings intersecting the selected parcel</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="490" />
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="493" />
      <source>按现状用途类型或低效类型筛选</source>
      <translation>Filter by current use type or low-efficiency type</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="495" />
      <source>全部结论</source>
      <translation>All verdicts</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="498" />
      <source>按计算的认定结论筛选</source>
      <translation>Filter by the computed verdict</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="500" />
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="503" />
      <source>按核查状态筛选</source>
      <translation>Filter by review status</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="505" />
      <source>全部单元</source>
      <translation>All units</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="506" />
      <source>搜索宗地编号或权利人</source>
      <translation>Search parcel ID or owner</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="507" />
      <source>仅显示结论已变化</source>
      <translation>⚠ only</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="509" />
      <source>只列出重新认定后计算结论与核查时不同的宗地（⚠），其核查决定需要复核</source>
      <translation>List only parcels whose computed verdict differs, after re-running the identification, from the one they were reviewed on (⚠): their decision needs another look</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="511" />
      <source>认定理由</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="512" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="513" />
      <source>建筑</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="514" />
      <source>三调地类</source>
      <translation>Survey classes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="515" />
      <source>核查人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="516" />
      <source>姓名（会被记住）</source>
      <translation>Name (remembered)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="517" />
      <source>为</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="519" />
      <source>（选择低效类型）</source>
      <translation>(choose a low-efficiency type)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="522" />
      <source>改判时宗地认定为此类型的低效用地</source>
      <translation>On override the parcel becomes low-efficiency land of this type</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="523" />
      <source>核查意见</source>
      <translation>Review note</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="524" />
      <source>否定、改判时必填</source>
      <translation>Required to reject or override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="525" />
      <source>确认</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="526" />
      <source>否定</source>
      <translation>Reject</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="527" />
      <source>改判</source>
      <translation>Override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="528" />
      <source>重置</source>
      <translation>Reset</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="529" />
      <source>撤销该宗地的核查决定，恢复为待核查</source>
      <translation>Withdraw the decision on this parcel: back to pending</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="530" />
      <source>导出核查记录…</source>
      <translation>Export review log…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="532" />
      <source>把已核查宗地的决定导出为 CSV（含未保存的编辑），供会议纪要使用</source>
      <translation>Export the decisions on reviewed parcels as CSV (unsaved edits included) for the meeting minutes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="831" />
      <source>列表中当前显示的宗地里已作出核查决定的数量</source>
      <translation>How many of the parcels now listed have a review decision</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1092" />
      <source>排除情形</source>
      <translation>Exclusions</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1093" />
      <source>认定标准</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1094" />
      <source>豁免情形</source>
      <translation>Exemptions</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="320" />
      <source>⚠：重新认定后结论与核查时不同，请复核</source>
      <translation>⚠: after re-running the identification the verdict differs from the one reviewed; check again</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="543" />
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="545" />
      <source>地类编码</source>
      <translation>Class code</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="545" />
      <source>地类名称</source>
      <translation>Class name</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="545" />
      <source>占比</source>
      <translation>Share</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="556" />
      <source>下一宗（{0}）</source>
      <translation>Next parcel ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="557" />
      <source>上一宗（{0}）</source>
      <translation>Previous parcel ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="562" />
      <source>确认计算的认定结论（{0}）</source>
      <translation>Confirm the computed verdict ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="568" />
      <source>否定低效用地认定，改为非低效用地；须填写核查意见（{0}）</source>
      <translation>Reject the low-efficiency verdict: the parcel becomes not low-efficiency; a review note is required ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="574" />
      <source>改判为所选类型的低效用地；须填写核查意见（{0}）</source>
      <translation>Override: the parcel becomes low-efficiency land of the chosen type; a review note is required ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="655" />
      <source>请选择低效用地认定（lowland:identifyparcels）的结果图层。</source>
      <translation>Choose a result layer of the low-efficiency land identification (lowland:identifyparcels).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="763" />
      <source>按再开发单元（unit_id）筛选</source>
      <translation>Filter by redevelopment unit (unit_id)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="765" />
      <source>图层没有 unit_id 字段（再开发单元），不能按单元筛选</source>
      <translation>The layer has no unit_id field (redevelopment unit): no filter by unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1001" />
      <source>在列表中选择一宗地，或在地图上选择宗地。</source>
      <translation>Select a parcel in the list or on the map.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1047" />
      <source>认定结论：{0}</source>
      <translation>Verdict: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1125" />
      <source>没有认定理由。</source>
      <translation>No reasons.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1239" />
      <source>请先在列表中选择一宗地。</source>
      <translation>Select a parcel in the list first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1282" />
      <source>写入图层失败，核查决定未写入。</source>
      <translation>Writing to the layer failed: the decision was not written.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1309" />
      <source>请先选择低效用地认定结果图层。</source>
      <translation>Choose an identification result layer first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1316" />
      <source>导出核查记录</source>
      <translation>Export review log</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1316" />
      <source>CSV 文件 (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="830" />
      <source>已核查 {0} / {1}</source>
      <translation>Reviewed {0} / {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="971" />
      <source>地图上所选的宗地不在当前筛选结果中。</source>
      <translation>The parcel selected on the map is not in the filtered list.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1054" />
      <source>核查状态：{0}</source>
      <translation>Review status: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1173" />
      <source>请在上方选择建筑图层。</source>
      <translation>Choose a buildings layer above.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1193" />
      <source>建筑（{0}）</source>
      <translation>Buildings ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1213" />
      <source>无三调数据（认定时未给出三调图层）</source>
      <translation>No land survey data (no survey layer was given to the identification)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1275" />
      <source>地块核查 {0}：{1}</source>
      <translation>Parcel review {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1314" />
      <source>地块核查记录</source>
      <translation>parcel_review_log</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="340" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」。</source>
      <translation>Verdict changed after re-running the identification: “{0}” when reviewed, now “{1}”.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="659" />
      <source>图层「{0}」不是矢量图层。</source>
      <translation>Layer “{0}” is not a vector layer.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="664" />
      <source>图层「{0}」不是低效用地认定结果，缺少字段：{1}。请选择 lowland:identifyparcels 的输出图层。</source>
      <translation>Layer “{0}” is not a low-efficiency land identification result; missing fields: {1}. Choose an output layer of lowland:identifyparcels.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1051" />
      <source>（满足认定标准 {0} 条）</source>
      <translation> ({0} criteria met)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1062" />
      <source>最终：{0}</source>
      <translation>final: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1261" />
      <source>图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。</source>
      <translation>Layer “{0}” cannot be edited (read-only, or its data source does not support editing): the decision was not written.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1330" />
      <source>已导出 {0} 条核查记录：{1}</source>
      <translation>Exported {0} review records: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1069" />
      <source>核查意见：{0}</source>
      <translation>Review note: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1325" />
      <source>无法写入 {0}：{1}</source>
      <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="1075" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」，请复核。</source>
      <translation>Verdict changed after re-running the identification: “{0}” when reviewed, now “{1}”. Check the decision again.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="39" />
      <source>低效用地再开发</source>
      <translation>Lowland redevelopment</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="72" />
      <source>地块核查：逐宗核查认定结果，确认、否定或改判</source>
      <translation>Parcel review: check the identification result parcel by parcel; confirm, reject or override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="80" />
      <source>关于 Lowland</source>
      <translation>About Lowland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="120" />
      <source>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</source>
      <translation>Lowland: identifies low-efficiency urban land, delineates redevelopment units, checks policy indicators and writes implementation plans, following MNR notice 2023-171 and Yinchuan's implementation opinions.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="172" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>Cancelled: the output was incomplete and has been discarded.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="118" />
      <source>无法读取输入图层 {0}。</source>
      <translation>Cannot read input layer {0}.</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="48" />
      <source>年度更新对比</source>
      <translation>Annual version comparison</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="51" />
      <source>上图入库</source>
      <translation>Database (上图入库)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="57" />
      <source>&lt;p&gt;对比低效用地数据库（或两次认定结果）的两个版本，逐宗列出新增、删除、图形变化（含面积变化）、属性变化（变化字段及旧值→新值）、重新编号与未变化，并按变化类型汇总宗数与面积（银川实施意见（二）建立年度更新机制、自然资发〔2023〕171号 第12项 上图入库）。&lt;/p&gt;&lt;p&gt;1. 匹配：先按编号字段（默认 parcel_id，按文本比较，忽略首尾空格）；编号只在一个版本中出现或为空的要素再按图形匹配：重叠面积同时达到新、旧两个图形面积的“最小重叠比例”（默认 0.9）即为同一宗地，一对一、重叠最大者优先；因此一宗地分割为两半（各 50%）不会被强行匹配，而是报为删除 + 新增。按图形匹配且编号不同的记为重新编号（renumbered = 是）。同一版本内编号重复时拒绝运行并列出重复编号。&lt;/p&gt;&lt;p&gt;2. 图形变化：新旧图形对称差面积大于“图形容差”（默认 0.01 平方米）。area_change_m2 = 新面积 − 旧面积（新增为 +新面积，删除为 −旧面积）。&lt;/p&gt;&lt;p&gt;3. 属性变化：对比字段默认取两个版本共有的全部字段，不含编号字段和易变字段（fid、ogc_fid、objectid、shape_area、shape_length、shape_leng、area_m2、area_mu、ellipsoid_area_m2、reviewed_at、verdict_changed）；在“对比字段”中列出则照样对比。数值按 1e-9 相对误差比较，空值只等于空值，日期按日期比较，文本须完全一致。&lt;/p&gt;&lt;p&gt;输出几何为新版本图形（删除的为旧版本图形），并带该版本的属性；变化类型：added 新增、removed 删除、geometry_and_attributes_changed 图形和属性变化、geometry_changed 图形变化、attributes_changed 属性变化、renumbered 重新编号、unchanged 未变化。两个图层须为投影坐标系（米），新版本重投影到旧版本的坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Compares two versions of the low-efficiency land database (or two identification results) parcel by parcel: added, removed, geometry changed (with the area change), attributes changed (which fields, old → new), renumbered and unchanged, with counts and areas per kind of change (Yinchuan opinions clause (2) yearly update; MNR notice 2023-171 task 12).&lt;/p&gt;&lt;p&gt;1. Matching: by the ID field first (default parcel_id, compared as trimmed text); features whose ID is missing or in one version only are then matched by geometry: the same parcel when the overlap reaches the minimum overlap share (default 0.9) of both areas, one to one, largest overlap first; a parcel split in halves is therefore reported as removed + added. A geometric match with a different ID is renumbered. Duplicate IDs within a version are refused.&lt;/p&gt;&lt;p&gt;2. Geometry changed: the symmetric difference exceeds the geometry tolerance (default 0.01 m²). area_change_m2 = new − old (added +new, removed −old).&lt;/p&gt;&lt;p&gt;3. Attributes changed: by default all fields both versions share, except the ID field and volatile fields (fid, ogc_fid, objectid, shape_area, shape_length, shape_leng, area_m2, area_mu, ellipsoid_area_m2, reviewed_at, verdict_changed); fields listed to compare are compared anyway. Numbers are equal within 1e-9 relative, nulls equal only nulls, dates compare as dates, text must match exactly.&lt;/p&gt;&lt;p&gt;The output geometry is the new one (the old one for removed parcels) with that version's attributes. Both layers must be in a projected CRS in metres; the new version is reprojected to the old one's CRS.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="146" />
      <source>旧版本</source>
      <translation>Old version</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="198" />
      <source>变化汇总（宗数，其中重新编号，面积变化 平方米）：</source>
      <translation>Changes (parcels, of which renumbered, area change m²):</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="81" />
      <source>旧版本（上一年度）</source>
      <translation>Old version (previous year)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="84" />
      <source>新版本（本年度）</source>
      <translation>New version (this year)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="89" />
      <source>编号字段（默认 parcel_id）</source>
      <translation>ID field (default parcel_id)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="98" />
      <source>对比字段（默认：两个版本共有的字段，易变字段除外）</source>
      <translation>Fields to compare (default: all fields both versions share, except volatile ones)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="107" />
      <source>图形匹配的最小重叠比例（占新、旧两个图形面积）</source>
      <translation>Minimum overlap share for geometric matching (of both the old and the new area)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="117" />
      <source>图形容差（对称差面积，平方米）</source>
      <translation>Geometry tolerance (symmetric difference area, m²)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="125" />
      <source>年度更新对比结果</source>
      <translation>Version comparison</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="130" />
      <source>变化汇总表</source>
      <translation>Change summary</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="154" />
      <source>旧版本 {0} 个要素，新版本 {1} 个要素；编号字段 {2}。</source>
      <translation>Old version {0} features, new version {1} features; ID field {2}.</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="173" />
      <source>对比字段：{0}</source>
      <translation>Compared fields: {0}</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="87" />
      <source>上图入库成果导出与质检</source>
      <translation>Database export and quality check</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="96" />
      <source>&lt;p&gt;把低效用地认定成果按字段标准导出为上图入库数据库，并作质检（银川实施意见（二）Y-2、自然资发〔2023〕171号 第12项 N-12：以三调及最新变更调查为底图，低效用地上图入库、年度更新）。&lt;/p&gt;&lt;p&gt;导出：最终结论（核查后结论，未核查取计算结论）为低效用地的宗地；取消“仅导出低效用地”则导出全部宗地，以 SFDX 是/否区分。字段标准为资源文件 resources/standards/lowland_db_v1.csv（拼音缩写字段名 TBBH、XZQDM、ZDDM、SFDX、DXLX、XZDL、XZYT、GHYT、PZYT、CYLX、RJL、JZMD、DJRKSJ、MJ、MJM、TQMJ、HCZT、RDYJ、RKSJ 等，带中文别名）。图斑编号 TBBH = 6 位行政区代码 + 6 位顺序号（按宗地编号排序）；面积 MJ 保留 2 位小数(平方米)、MJM 保留 4 位小数(亩)，四舍五入。格式为 GeoPackage 或 Shapefile（.cpg 写明 UTF-8 或 GBK，字段名不超过 10 个字符）。&lt;/p&gt;&lt;p&gt;质检（只报告，不修改）：必填字段、值域（代码须在代码表中）、字段长度与字符编码、编号重复、图斑编号格式、几何无效/自相交、多部件（警告）、碎片图斑、图斑重叠、非建设用地、与三调的一致性（现状地类、面积差在容差内；含三调非建设用地为警告）、面积不自洽。输出质检错误图层（含几何）与 HTML 质检报告；有错误即不通过（QC_PASSED = false），可选择不通过时使算法失败。字段值超出 Shapefile 字段宽度或编码时不写出 Shapefile，绝不截断。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Exports the identified low-efficiency land as the database in a field standard, with a quality check (Yinchuan opinions clause (2) Y-2; MNR notice 2023-171 task 12 N-12: mapping on the 三调 and the latest change survey, yearly update).&lt;/p&gt;&lt;p&gt;Export: parcels whose final verdict (after review, else the computed one) is low-efficiency; untick 'Export low-efficiency land only' to export all parcels, told apart by SFDX 是/否. The field standard is the resource resources/standards/lowland_db_v1.csv (pinyin-abbreviation field names TBBH, XZQDM, ZDDM, SFDX, DXLX, XZDL, XZYT, GHYT, PZYT, CYLX, RJL, JZMD, DJRKSJ, MJ, MJM, TQMJ, HCZT, RDYJ, RKSJ … with Chinese aliases). Patch number TBBH = 6-digit administrative code + 6-digit sequence (by parcel ID); areas MJ to 2 decimals (m²), MJM to 4 decimals (mu), rounded half up. Format GeoPackage or Shapefile (.cpg UTF-8 or GBK, field names of at most 10 characters).&lt;/p&gt;&lt;p&gt;Quality check (reports, never modifies): mandatory fields, value domains (codes in the code tables), field widths and encoding, duplicate IDs, patch number format, invalid/self-intersecting geometry, multipart (warning), slivers, overlaps, non-construction land, consistency with 三调 (current class, area difference within the tolerance; non-construction 三调 land as a warning), areas that do not add up. Outputs an error layer with geometry and an HTML report; any error fails the check (QC_PASSED = false), optionally failing the algorithm. Values that exceed a Shapefile field width or encoding stop the Shapefile being written; nothing is truncated.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="151" />
      <source>碎片图斑面积阈值（平方米）</source>
      <translation>Sliver area threshold (m²)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="234" />
      <source>低效用地认定成果</source>
      <translation>Identified low-efficiency land</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="451" />
      <source>质检结果（规则、数量、结论）：</source>
      <translation>Quality check (rule, count, result):</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="453" />
      <source>通过</source>
      <translation>passed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="454" />
      <source>不通过</source>
      <translation>failed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="455" />
      <source>警告</source>
      <translation>warning</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="456" />
      <source>未检查</source>
      <translation>not checked</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="116" />
      <source>低效用地认定成果（lowland:identifyparcels 输出）</source>
      <translation>Identified parcels (output of lowland:identifyparcels)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="121" />
      <source>三调图斑图层（一致性检查）</source>
      <translation>Land survey (三调) patches (consistency check)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="127" />
      <source>行政区代码（6 位；留空则取输入的 admin_code 字段）</source>
      <translation>Administrative code (6 digits; empty = the input field admin_code)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="133" />
      <source>仅导出低效用地</source>
      <translation>Export low-efficiency land only</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="138" />
      <source>输出格式</source>
      <translation>Output format</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="144" />
      <source>Shapefile 字符编码</source>
      <translation>Shapefile character encoding</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="160" />
      <source>与三调面积差容差（相对值，0.001 = 0.1%）</source>
      <translation>Tolerance of the area difference to 三调 (relative, 0.001 = 0.1 %)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="170" />
      <source>字段标准（内置 lowland_db_v1，或 CSV 文件路径）</source>
      <translation>Field standard (bundled lowland_db_v1, or the path of a CSV file)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="175" />
      <source>入库时间（默认今天）</source>
      <translation>Database date (default: today)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="180" />
      <source>质检不通过时算法失败</source>
      <translation>Fail the algorithm when the quality check fails</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="189" />
      <source>上图入库数据库</source>
      <translation>Low-efficiency land database</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="190" />
      <source>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</source>
      <translation>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="195" />
      <source>质检错误图层</source>
      <translation>Quality check errors</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="200" />
      <source>质检报告（HTML）</source>
      <translation>Quality check report (HTML)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="200" />
      <source>HTML (*.html)</source>
      <translation>HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="203" />
      <source>质检通过</source>
      <translation>Quality check passed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="204" />
      <source>错误数</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="205" />
      <source>警告数</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="246" />
      <source>三调图斑图层</source>
      <translation>Land survey (三调) patches</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="252" />
      <source>未提供三调图层：与三调一致性的规则未检查（报告中注明）。</source>
      <translation>No 三调 layer given: the consistency rules against 三调 were not checked (the report says so).</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="265" />
      <source>没有最终结论为低效用地的宗地：数据库为空。</source>
      <translation>No parcel has the final verdict low-efficiency land: the database is empty.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="344" />
      <source>请指定上图入库数据库的输出文件。</source>
      <translation>Choose the output file of the database.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="260" />
      <source>导出 {0} 条记录（输入 {1} 宗），字段标准 {2}。</source>
      <translation>Exported {0} records ({1} parcels in), field standard {2}.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="284" />
      <source>有 {0} 个值超出 Shapefile 字段宽度或无法以 {1} 编码，未写出 Shapefile（不截断）；请修正后重新导出，或导出为 GeoPackage。</source>
      <translation>{0} values exceed a Shapefile field width or cannot be encoded in {1}: no Shapefile written (nothing is truncated); fix them and export again, or export a GeoPackage.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="291" />
      <source>数据库已写出：{0}</source>
      <translation>Database written: {0}</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="312" />
      <source>质检通过（警告 {0} 处）。</source>
      <translation>Quality check passed ({0} warnings).</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="315" />
      <source>质检不通过：错误 {0} 处，警告 {1} 处，详见质检报告与错误图层。</source>
      <translation>Quality check failed: {0} errors, {1} warnings; see the report and the error layer.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="376" />
      <source>输出不得覆盖输入图层：{0}</source>
      <translation>The output must not overwrite an input layer: {0}</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="322" />
      <source>质检不通过：错误 {0} 处（报告：{1}）。</source>
      <translation>Quality check failed: {0} errors (report: {1}).</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="73" />
      <source>低效用地认定</source>
      <translation>Low-efficiency land identification</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="82" />
      <source>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议 → 不纳入（Y-1）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案，数值均注明来源）：容积率低于行业/类型下限、建筑系数不足、亩均税收低于绝对值或同行业平均的比例、C/D 级危房占比、老旧低容积率住宅、停产、合同签订后长期未建成、现状用途与控规不符（需控规图层）、城中村（需三调图层）。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满 3 年、战略性新兴产业。&lt;/p&gt;&lt;p&gt;reasons 字段以 JSON 列出每条已检查规则的条款、实测值、阈值与是否满足；输出记录规则档案及版本。规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Decides for every parcel whether it is low-efficiency land, of which type, and why (Yinchuan opinions clause (1); MNR notice 2023-171 tasks 12 and 13).&lt;/p&gt;&lt;p&gt;1. Current use: with a 三调 (third national land survey) layer, the class covering most of the parcel (all class shares go to survey_shares); otherwise the parcel's dlbm. The code tables give its land category and type (industrial incl. logistics, village, commercial/residential, facility, other).&lt;/p&gt;&lt;p&gt;2. Exclusions: non-construction land, approved but unsupplied land, idle land, disputed ownership → excluded (Y-1).&lt;/p&gt;&lt;p&gt;3. Criteria of the rule profile (every value with its source): FAR below the industry/type minimum, building coverage too low, tax per mu below an absolute value or a share of the same-industry mean, share of C/D-grade dangerous buildings, old low-density housing, stopped operation, no building years after the contract, current use not conforming to the detailed plan (needs the plan layer), urban village (needs the 三调 layer).&lt;/p&gt;&lt;p&gt;4. Exemptions: above-scale enterprises, operating for less than 3 years, strategic industries.&lt;/p&gt;&lt;p&gt;The reasons field lists, as JSON, every rule checked with its clause, measured value, threshold and whether it is met; outputs record the profile and its version. Profile: bundled default or yinchuan, or the path of a JSON profile. Field mapping: e.g. dlbm=DLBM; parcel_id=宗地代码.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="171" />
      <source>宗地图层</source>
      <translation>Parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="281" />
      <source>认定汇总（宗数，亩，公顷）：</source>
      <translation>Summary (parcels, mu, hectares):</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="111" />
      <source>控规地块图层</source>
      <translation>Detailed-plan parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="125" />
      <source>字段映射（标准字段=实际字段; …）</source>
      <translation>Field mapping (canonical=actual; …)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="131" />
      <source>认定基准日（默认今天）</source>
      <translation>Reference date (default: today)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="139" />
      <source>上次认定结果（保留核查决定）</source>
      <translation>Previous identification result (keeps the review decisions)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="146" />
      <source>低效用地认定结果</source>
      <translation>Identified parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="151" />
      <source>认定汇总表</source>
      <translation>Identification summary</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="159" />
      <source>规则档案：{0}（{1}）</source>
      <translation>Rule profile: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="117" />
      <source>规则档案（内置 {0}，或 JSON 文件路径）</source>
      <translation>Rule profile (bundled {0}, or the path of a JSON file)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="234" />
      <source>保留上次核查决定 {kept} 宗，其中认定结论已变化 {changed} 宗；新宗地 {new} 宗；上次有决定但本次不存在的宗地 {dropped} 宗。</source>
      <translation>Kept {kept} previous review decisions, of which {changed} with a changed verdict; {new} new parcels; {dropped} parcels with a previous decision are gone.</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="205" />
      <source>字段映射 {0} 所指的字段在各输入图层中都不存在。</source>
      <translation>Field map entries {0} name fields that no input layer has.</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="41" />
      <source>历史遗留用地认定</source>
      <translation>Historical legacy land</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="50" />
      <source>&lt;p&gt;对无合法用地手续的建设用地认定历史遗留用地类别（银川实施意见（九），自然资发〔2023〕171号 第14项）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;2009年12月31日及以前占用、二调和三调均为建设用地、且符合国土空间规划 → 常态化管理（regular）；&lt;/li&gt;&lt;li&gt;2010年1月1日及以后占用 → 按占用当年土地变更调查的实际地类办理征收报批（expropriation），该地类取字段 occupied_dlbm，缺失时逐宗报告；&lt;/li&gt;&lt;li&gt;其他情形 → 待认定（undecided），legacy_failed 写明未满足或缺失的条件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;所需字段：lawful_approval、occupied_date、erdiao_construction、plan_conforming；三调状态取三调图层面积最大的地类（或宗地的 land_category / dlbm）。缺失的日期或标志逐宗报告，不作推测。有合法手续的宗地不在范围内（legacy_class 为空），但仍写入输出。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Classifies construction land without lawful approval as historical legacy land (Yinchuan opinions clause (9); MNR notice 2023-171 task 14):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;occupied on or before 2009-12-31, construction land in both the 2nd and 3rd land surveys and conforming to the spatial plan → regular management (regular);&lt;/li&gt;&lt;li&gt;occupied on or after 2010-01-01 → expropriation and approval by the actual land class of that year's change survey (expropriation); the class comes from the field occupied_dlbm and is reported per parcel when missing;&lt;/li&gt;&lt;li&gt;anything else → to be decided (undecided), legacy_failed naming the failed or missing condition.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Fields needed: lawful_approval, occupied_date, erdiao_construction, plan_conforming; the 三调 status is the class covering most of the parcel in the 三调 layer (or the parcel's land_category / dlbm). Missing dates or flags are reported per parcel, never guessed. Parcels with lawful approval are out of scope (empty legacy_class) but stay in the output.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="78" />
      <source>历史遗留用地认定结果</source>
      <translation>Legacy land classes</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="83" />
      <source>历史遗留用地汇总表</source>
      <translation>Legacy land summary</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="127" />
      <source>{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。</source>
      <translation>{0} parcels need more data or fail a condition; see the field legacy_failed.</translation>
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
      <location filename="../processing/progress_statistics.py" line="32" />
      <source>低效用地再开发进展统计</source>
      <translation>Redevelopment progress statistics</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="41" />
      <source>&lt;p&gt;为半年度进展报告（自然资发〔2023〕171号 三（二）；银川实施意见（二））统计低效用地的宗数与面积（亩、公顷）：按低效类型（核查后的最终类型）、行政区（admin_code）、再开发单元（unit_id）和进展状态（redevelopment_status：identified 已认定、planned 已纳入实施方案、under_way 实施中、completed 已完成；缺失时计为已认定）。输入为低效用地认定结果；输出为长表，可在文档与电子表格中透视。&lt;/p&gt;</source>
      <translation>&lt;p&gt;For the half-yearly progress report (MNR notice 2023-171 section 3(2); Yinchuan opinions clause (2)): counts and areas (mu, hectares) of low-efficiency land by type (the final type after review), district (admin_code), redevelopment unit (unit_id) and progress (redevelopment_status: identified, planned = in an implementation plan, under_way, completed; missing counts as identified). Input: an identification result; output: a long table to pivot in documents and spreadsheets.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="56" />
      <source>统计期（如 2025年上半年）</source>
      <translation>Period (e.g. first half of 2025)</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="61" />
      <source>进展统计表</source>
      <translation>Progress statistics</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="83" />
      <source>低效用地 {0} 宗，{1:.2f} 亩。</source>
      <translation>Low-efficiency land: {0} parcels, {1:.2f} mu.</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="38" />
      <source>低效用地再开发 Lowland</source>
      <translation>Lowland — low-efficiency land redevelopment</translation>
    </message>
  </context>
</TS>
