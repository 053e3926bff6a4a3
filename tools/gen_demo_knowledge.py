"""Write resources/knowledge/demo_knowledge.csv: the demo's knowledge file (issue #18).

Points over the demo catalog's codes (so the demo's screen has something to
show) and over codes of the national lists that the demo's institutions do not
bill (as a real knowledge base mostly holds), across all nine templates, with
sources written like the national batches. Deterministic; run it again after
changing the demo catalog: ``python tools/gen_demo_knowledge.py``.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from workstation.services.demo import claims_data as D

OUT = Path(__file__).resolve().parent.parent / "resources" / "knowledge" / "demo_knowledge.csv"
HEAD = ["规则编号", "规则模板", "规则名称", "项目编码", "关联项目编码", "限定就医方式", "限定医院等级", "限定险种", "限定诊断",
        "时间窗口", "限定值", "排除诊断", "依据来源", "生效日期", "失效日期", "启用"]
B1 = "国家医保智能监管规则知识库（第一批）"
B2 = "国家医保智能监管规则知识库（第二批）"
B3 = "国家医保智能监管规则知识库（第三批）"
DRUG_LIST = "《国家基本医疗保险、工伤保险和生育保险药品目录（2024年）》"
PRICE = "《全国医疗服务价格项目规范（2023年版）》"
MAKERS = 6


def drug_codes(stem: str) -> str:
    for s, _n, _t, _l, _c, _a, _b, _m, _k, specs in D.DRUGS:
        if s == stem:
            return ";".join(f"{stem}{si + 1:02d}{mi + 1:02d}0101" for si in range(len(specs))
                            for mi in range(MAKERS if len(specs) == 1 else 5))
    raise KeyError(stem)


def base(name: str) -> str:
    for code, n, *_ in D.BASE_ITEMS:
        if n == name:
            return code
    raise KeyError(name)


def row(rid, template, name, items="", others="", cls="", lv="", ins="", dise="", window="", limit="", excl="",
        source="", start="", end="", active="是"):
    return [rid, template, name, items, others, cls, lv, ins, dise, window, limit, excl, source, start, end, active]


def national(prefix: str, n: int) -> str:
    return ";".join(f"{prefix}{k:02d}0101" for k in range(1, n + 1))


SCOPE_DRUGS = [  # (stem in the demo, name, classes, levels, diagnoses, clause)
    ("XA10ABA004", "门冬胰岛素注射液", "", "", "E10;E11;O24", "限1型、2型及妊娠期糖尿病"),
    ("XB03XAA018", "重组人促红素注射液", "", "", "N18;D63", "限肾性贫血"),
    ("XN06BXA019", "依达拉奉注射液", "住院", "1;2", "I63", "限急性缺血性脑卒中住院患者"),
    ("ZA12EAA023", "血塞通注射液", "住院", "1;2", "I63;I25", "限二级及以上医疗机构住院"),
    ("XL01CDA015", "注射用紫杉醇（白蛋白结合型）", "住院；门诊", "1;2", "C50;C34;C25", "限恶性肿瘤"),
    ("XL01XCA016", "贝伐珠单抗注射液", "", "1", "C18;C19;C20;C34", "限三级医疗机构恶性肿瘤"),
    ("XB05AAA017", "人血白蛋白", "住院", "", "R57;K72;N04;E88.0", "限抢救、重症或低白蛋白血症"),
    ("XR03BAA012", "布地奈德混悬液", "", "", "J45;J44;J20;J21;J06", "限雾化吸入治疗"),
    ("XJ01MAA007", "左氧氟沙星氯化钠注射液", "住院", "", "", "限住院使用"),
    ("XC10AAA003", "阿托伐他汀钙片", "门诊；住院", "", "I25;I63;I10;E78", "限心脑血管疾病"),
]
NATIONAL_SCOPE = [  # drugs of the national list not billed in the demo's data: (code stem, name, dx, clause)
    ("XA10BJA1", "司美格鲁肽注射液", "E11", "限二甲双胍等口服降糖药控制不佳的2型糖尿病"),
    ("XA10BKA1", "达格列净片", "E11;I50;N18", "限2型糖尿病、心力衰竭或慢性肾脏病"),
    ("XA10BKA2", "恩格列净片", "E11;I50", "限2型糖尿病或心力衰竭"),
    ("XC09DXA1", "沙库巴曲缬沙坦钠片", "I50", "限慢性心力衰竭"),
    ("XB01AFA1", "利伐沙班片", "I48;I26;I80;Z96.6", "限房颤、静脉血栓或关节置换术后"),
    ("XB01ACA2", "替格瑞洛片", "I20;I21;I24", "限急性冠脉综合征"),
    ("XL01EBA1", "甲磺酸奥希替尼片", "C34", "限EGFR突变阳性非小细胞肺癌"),
    ("XL01FDA1", "注射用曲妥珠单抗", "C50;C16", "限HER2阳性乳腺癌或胃癌"),
    ("XL04ABA1", "阿达木单抗注射液", "M05;M45;L40;K50", "限类风湿关节炎、强直性脊柱炎、银屑病或克罗恩病"),
    ("XL04AAA1", "枸橼酸托法替布片", "M05", "限类风湿关节炎"),
    ("XJ05AXA1", "奈玛特韦片/利托那韦片组合包装", "U07", "限新冠病毒感染"),
    ("XN05AHA1", "奥氮平片", "F20;F31", "限精神分裂症或双相障碍"),
    ("XM05BXA1", "地舒单抗注射液", "M80;M81", "限骨质疏松"),
    ("XH05AAA1", "特立帕肽注射液", "M80;M81", "限骨折高风险的骨质疏松"),
    ("XS01LAA1", "雷珠单抗注射液", "H35.3;H36.0", "限黄斑变性或糖尿病性黄斑水肿"),
    ("XB02BXA1", "艾曲泊帕乙醇胺片", "D69.3", "限原发免疫性血小板减少症"),
    ("XN07XXA1", "利鲁唑片", "G12.2", "限肌萎缩侧索硬化"),
    ("XL03ABA1", "聚乙二醇干扰素α-2b注射液", "B18", "限慢性乙型肝炎"),
    ("XJ05AFA1", "恩替卡韦片", "B18", "限慢性乙型肝炎"),
    ("XJ05AFA2", "富马酸丙酚替诺福韦片", "B18;B20", "限慢性乙型肝炎或艾滋病"),
    ("XA16ABA1", "注射用阿加糖酶β", "E75.2", "限法布雷病"),
    ("XC10BAA1", "依折麦布片", "E78", "限高胆固醇血症"),
    ("XC10AXA1", "阿利西尤单抗注射液", "E78;I25", "限家族性高胆固醇血症或动脉粥样硬化性心血管病"),
    ("XN02CCA1", "利扎曲普坦苯甲酸盐片", "G43", "限偏头痛"),
    ("XG04BEA1", "他达拉非片", "N40", "限前列腺增生"),
    ("XR03DXA1", "奥马珠单抗注射液", "J45;L50", "限重度过敏性哮喘或慢性荨麻疹"),
    ("XD11AHA1", "度普利尤单抗注射液", "L20;J45", "限特应性皮炎或哮喘"),
    ("XL01XEA1", "甲磺酸伊马替尼片", "C92.1;C88;C49", "限慢性髓性白血病或胃肠间质瘤"),
    ("XL01XXA1", "来那度胺胶囊", "C90;D46", "限多发性骨髓瘤或骨髓增生异常综合征"),
    ("XB05BAA1", "脂肪乳氨基酸（17）葡萄糖（11%）注射液", "", "限经营养风险筛查明确具有营养风险的住院患者"),
]
FREQ = [  # (item, window, limit, clause)
    ("血糖测定", "单日", "4", "每日不超过4次"), ("血常规", "当日", "2", "每日不超过2次"), ("尿常规", "单日", "1", "每日1次"),
    ("肝功能测定", "7天", "1", "7日内不重复"), ("肾功能测定", "7天", "1", "7日内不重复"),
    ("糖化血红蛋白测定", "90天", "1", "3个月内1次"), ("胸部CT平扫", "7天", "1", "7日内不重复"),
    ("头颅磁共振平扫", "30天", "1", "30日内不重复"), ("心电图检查", "同一小时", "1", "同一小时内不重复"),
    ("腹部彩色多普勒超声", "7天", "1", "7日内不重复"), ("心脏彩色多普勒超声", "30天", "1", "30日内不重复"),
    ("前列腺特异性抗原测定", "180天", "1", "半年1次"), ("新生儿甲状腺功能筛查", "3660天", "1", "一生1次"),
    ("静脉输液", "单日", "3", "每日不超过3组"), ("雾化吸入", "单日", "3", "每日不超过3次"), ("针灸", "单日", "1", "每日1次"),
    ("小儿推拿", "单日", "1", "每日1次"), ("换药（中）", "单日", "2", "每日不超过2次"),
    ("普通门诊诊察费", "单日", "1", "同日1次"), ("住院诊察费", "单日", "1", "每日1次"), ("一般诊疗费", "单日", "1", "每日1次"),
    ("特级护理", "单日", "1", "每日1次"), ("一级护理", "单日", "1", "每日1次"), ("血液透析", "单日", "1", "每日1次"),
    ("宫颈细胞学检查", "365天", "1", "每年1次"), ("胸部X线正位片", "单日", "1", "同日不重复"),
]
PAIRS = [  # (main, sub, window, clause)
    ("静脉输液", "一次性使用输液器", "同一小时", "输液操作已含输液器以外耗材，重复收费"),
    ("住院诊察费", "一般诊疗费", "单日", "住院诊察费已含一般诊疗"),
    ("普通门诊诊察费", "一般诊疗费", "单日", "诊察费与一般诊疗费不得同时收取"),
    ("床位费（三人间）", "床位费（双人间）", "单日", "同日不得重复收取床位费"),
    ("床位费（双人间）", "重症监护病房床位费", "单日", "同日不得重复收取床位费"),
    ("特级护理", "一级护理", "单日", "同日护理等级不得重复"), ("一级护理", "二级护理", "单日", "同日护理等级不得重复"),
    ("二级护理", "三级护理", "单日", "同日护理等级不得重复"),
    ("腹腔镜胆囊切除术", "阑尾切除术", "单次就诊", "主手术已含探查，不得另收"),
    ("人工股骨头置换术", "换药（中）", "24小时", "术后24小时内换药已含于手术"),
    ("剖宫产术", "换药（中）", "24小时", "术后24小时内换药已含于手术"),
    ("血液透析", "静脉输液", "6小时", "透析过程输液已含于透析"),
    ("心脏彩色多普勒超声", "心电图检查", "同一小时", "同一检查过程重复收费"),
    ("头颅磁共振平扫", "胸部CT平扫", "同一小时", "同时段影像检查重复"),
    ("肝功能测定", "肾功能测定", "同一小时", "组合项目拆分收费"),
]
COURSE = [("XJ01DDA006", "注射用头孢曲松钠", "14"), ("XJ01MAA007", "左氧氟沙星氯化钠注射液", "14"),
          ("XN06BXA019", "依达拉奉注射液", "14"), ("ZA12EAA023", "血塞通注射液", "14"),
          ("XB05AAA017", "人血白蛋白", "10"), ("XR03BAA012", "布地奈德混悬液", "7"),
          ("XJ01CRA013", "阿莫西林克拉维酸钾干混悬剂", "10"), ("ZA01BAA022", "连花清瘟胶囊", "10")]
CAPS = [("XA10ABA004", "门冬胰岛素注射液", "6000"), ("XB03XAA018", "重组人促红素注射液", "12000"),
        ("XL01XCA016", "贝伐珠单抗注射液", "150000"), ("XL01CDA015", "注射用紫杉醇（白蛋白结合型）", "120000"),
        ("XB05AAA017", "人血白蛋白", "20000"), ("ZA12BAA021", "复方丹参滴丸", "1500")]
MISSING = [("人工股骨头假体", "人工股骨头置换术", "假体须与置换术同时发生"),
           ("一次性使用输液器", "静脉输液", "输液器须伴随静脉输液"),
           ("静脉留置针", "静脉输液", "留置针须伴随静脉输液"),
           ("经尿道前列腺电切术", "前列腺彩色多普勒超声", "电切术前须有前列腺检查"),
           ("肺癌根治术", "胸部CT平扫", "肺癌根治术须有术前胸部CT")]
DISCOUNT = [("胸部CT平扫;头颅磁共振平扫", "0.5", "同次多部位影像检查，次要部位按50%收取"),
            ("腹部彩色多普勒超声;心脏彩色多普勒超声;前列腺彩色多普勒超声", "0.5", "同次多部位超声，次要部位按50%收取"),
            ("阑尾切除术;腹腔镜胆囊切除术", "0.5", "同一切口多项手术，次要手术按50%收取"),
            ("肝功能测定;肾功能测定;血糖测定", "0.7", "同次多项生化检验，次要项目按70%收取")]


def build() -> list[list[str]]:
    rows = []
    for i, (stem, name, cls, lv, dise, clause) in enumerate(SCOPE_DRUGS, 1):
        rows.append(row(f"KB1-FW-{i:04d}", "限定支付范围", f"{name}{clause}", drug_codes(stem), cls=cls, lv=lv, dise=dise,
                        source=f"{B1} 限定支付范围 {DRUG_LIST}备注", start="2024-01-01"))
    for i, (stem, name, dise, clause) in enumerate(NATIONAL_SCOPE, len(rows) + 1):
        rows.append(row(f"KB1-FW-{i:04d}", "限定支付范围", f"{name}{clause}", national(stem, 6), dise=dise,
                        cls="" if dise else "住院", source=f"{B1} 限定支付范围 {DRUG_LIST}备注", start="2024-01-01"))
    # hospital-level and insurance-type limits of the second batch: item groups of the price list
    for i, (code, name, typ, *_r) in enumerate(D.BASE_ITEMS, 1):
        if typ == "06":
            rows.append(row(f"KB2-JB-{i:04d}", "限定支付范围", f"{name}限二级及以上医疗机构", code, lv="1;2",
                            source=f"{B2} 限医院等级 {PRICE}"))
        if name.startswith("血液透析"):
            rows.append(row(f"KB2-XZ-{i:04d}", "限定支付范围", f"{name}限职工及居民基本医保", code, ins="310;390",
                            source=f"{B2} 限险种"))
    for i, (item, window, limit, clause) in enumerate(FREQ, 1):
        rows.append(row(f"KB3-PC-{i:04d}", "限频次", f"{item}{clause}", base(item), window=window, limit=limit,
                        source=f"{B3} 限频次 {PRICE}", start="2025-01-01"))
    for i, (main, sub, window, clause) in enumerate(PAIRS, 1):
        rows.append(row(f"KB2-ZC-{i:04d}", "主从项目重复收费", f"{main}与{sub}：{clause}", base(main), base(sub),
                        window=window, source=f"{B2} 主从项目（第{(i - 1) // 5 + 1}组） {PRICE}"))
    for i, (stem, name, days) in enumerate(COURSE, 1):
        rows.append(row(f"KB3-LC-{i:04d}", "限支付疗程", f"{name}单次住院支付不超过{days}天", drug_codes(stem), limit=days,
                        source=f"{B3} 限支付疗程 {DRUG_LIST}备注"))
    for i, (stem, name, cap) in enumerate(CAPS, 1):
        rows.append(row(f"KB3-JE-{i:04d}", "限年度支付金额", f"{name}年度支付不超过{cap}元", drug_codes(stem),
                        limit=f"{cap}.00", source=f"{B3} 限年度支付金额"))
    for i, (x, y, clause) in enumerate(MISSING, 1):
        rows.append(row(f"KB2-GL-{i:04d}", "关联项目缺失", f"{x}：{clause}", base(x), base(y), source=f"{B2} 关联项目"))
    for i, (items, rate, clause) in enumerate(DISCOUNT, 1):
        codes = ";".join(base(n) for n in items.split(";"))
        rows.append(row(f"KB3-ZJ-{i:04d}", "主次项目折价", clause, codes, limit=rate, source=f"{B3} 主次项目 {PRICE}"))
    rows.append(row("KB1-ZY-0001", "住院期间门诊购药", "住院期间门诊或药店购药结算",
                    excl="Z49;N18.5", source=f"{B1} 住院期间门诊结算"))
    rows.append(row("KB1-ZY-0002", "住院期间门诊购药", "住院期间门诊结算（旧口径）", source=f"{B1} 住院期间门诊结算（已废止）",
                    end="2024-12-31", active="否"))
    rows.append(row("KB2-GC-0001", "挂床住院", "连续3天以上仅有床位护理诊察费用", limit="3", source=f"{B2} 挂床住院线索"))
    rows.append(row("KB2-GC-0002", "挂床住院", "住院期间仅有床位护理诊察费用达5天", limit="5", source=f"{B2} 挂床住院线索"))
    # the rest of the national first batch: payment-scope points on codes this region does not bill
    k = len(rows)
    for n in range(1, 301 - k):
        rows.append(row(f"KB1-FW-{1000 + n:04d}", "限定支付范围", f"限定支付范围药品（国家目录第{n}号备注）",
                        national(f"XZ{n:04d}", 3), dise="C;D0", cls="住院", source=f"{B1} 限定支付范围 {DRUG_LIST}备注",
                        start="2024-01-01"))
    return rows


def main() -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD)
    w.writerows(build())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue().encode("utf-8-sig"))
    print(OUT, len(build()))


if __name__ == "__main__":
    main()
