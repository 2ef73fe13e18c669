"""Statutes judged article by article, provisions not expected of a province, and the reason
every verdict carries."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from core.align import compare_outlines
from core.articles import carried_shares, covered_share, sentence_carriage, sentence_credit, untangle
from core.expected import (article_not_expected, central_only, clause_not_expected, plainly_no_task,
                           scoped_elsewhere, states_no_task, statute_bodies)
from core.model import Status
from core.outline import outline_document
from core.read import read_text
from core.serialize import comparison_to_dict


def _outline(text: str):
    return outline_document(read_text(text))


@pytest.mark.parametrize("text, code", [
    ("本条例自2030年1月1日起施行。", "effective_date"),
    # Who bears a loss is the civil regime's (民事基本制度), however the article puts it.
    ("监测机构对不可抗力造成的损失不承担赔偿责任。", "civil"),
    ("监测机构对普通样品的损失不承担赔偿责任。但是，监测机构因故意或者重大过失造成样品损失的除外。", "civil"),
    ("样品通过海上运输时，不参与分摊共同海损。", "civil"),
    # A bridge that gives those before the law a term to meet it, beside a central organ's duty.
    ("本法公布前经营监测业务的企业，应当在国务院监测管理部门规定的期限内达到本法规定的条件。"
     "国务院监测管理部门应当将企业取得许可的情况通报其原登记机关。", "transitional"),
    # Provinces a State Council department works with take part in its duty, not share it.
    ("国务院水行政主管部门应当会同有关部门和省、自治区、直辖市人民政府制定入海河口的监测规划。", "central"),
    # A matter left to the provinces' own rules: the provincial text is that rule.
    ("地方重点监测对象的管理办法，由省、自治区、直辖市人民代表大会或者其常务委员会制定。", "to_provinces"),
    # The article authorising the law's implementing rules: the provincial 实施办法 is what it
    # authorises.
    ("国务院根据本法制定实施办法。省、自治区、直辖市的人民代表大会常务委员会可以根据本法和国务院的实施办法，"
     "制定实施办法。", "to_provinces"),
    ("省、自治区、直辖市的人民代表大会常务委员会根据本法，结合本行政区域的实际情况，制定实施办法。", "to_provinces"),
    ("国务院监测行政主管部门根据本法制定实施条例，报国务院批准施行。省、自治区、直辖市人民代表大会常务委员会"
     "可以根据本法和本地区的实际情况，制定实施办法。", "to_provinces"),
    # ... with the frame of the autonomous areas' own variations beside it.
    ("省、自治区、直辖市人民代表大会常务委员会可以根据本法制定实施办法。民族自治地方的人民代表大会，可以依据本法"
     "规定的原则，结合当地的具体情况，制定变通的或者补充的规定。自治区的规定，报全国人民代表大会常务委员会批准后"
     "生效；自治州、自治县的规定，报省、自治区、直辖市人民代表大会常务委员会批准后生效。", "to_provinces"),
    # ... and a matter of the law they and the cities may rule on locally.
    ("省、自治区、直辖市和设区的市、自治州可以结合实际，制定本地方生活垃圾具体管理办法。", "to_provinces"),
    # The national department of a field, as laws name it.
    ("国家示例行政管理部门依照法律、行政法规的规定，制定示例规章和国家示例标准。", "central"),
    # Which law governs foreign investment in the field.
    ("外商投资企业使用监测设施的，适用本法；法律另有规定的，从其规定。", "foreign"),
    ("外商投资勘查、开采监测资源，法律、行政法规另有规定的，从其规定。", "foreign"),
    # Ownership, however its sentence is punctuated.
    ("监测资源属于国家所有。地下的监测资源的国家所有权，不因其依附的土地的所有权的不同而改变。", "ownership"),
    # The national inspection authority, and imported goods and foreign exporters as subjects.
    ("国家出入境检验检疫部门可以对向我国境内出口监测设备的国家（地区）的监测管理体系进行评估和审查，"
     "并根据评估和审查结果，确定相应检验检疫要求。", "central"),
    ("进口的监测设备应当符合我国国家标准。进口的监测设备应当经出入境检验检疫机构依照进出口商品检验相关法律、"
     "行政法规的规定检验合格。", "central_procedure"),
    # Goods crossing the border under the centre's rules.
    ("监测设备的进出口依照国务院的规定，实行统一管理。具备条件的企业经国务院商务主管部门依法许可，"
     "有权从事监测设备出口经营。", "central_procedure"),
    # ... and the details it leaves to the provinces' own rules.
    ("省、自治区、直辖市人民代表大会常务委员会可以根据本地区的实际情况，在本法规定的罚款幅度内，规定具体的执行标准。",
     "to_provinces"),
    # The national body of a people's organisation acts at the centre.
    ("中华全国总工会根据独立、平等的原则，加强同各国工会组织的友好合作关系。", "central"),
    # The armed forces' own departments act from the centre.
    ("中国人民解放军和中国人民武装警察部队在编监测设备的检验，由中国人民解放军、中国人民武装警察部队有关部门负责。",
     "central"),
    # A national 管理机构 (国家濒危物种进出口管理机构, 国家无线电管理机构) is a central organ.
    ("监测设备名录，由国家无线电管理机构制定并公布。", "central"),
    # ... and so do the provincial governments it oversees.
    ("国务院授权的机构对省、自治区、直辖市人民政府的水质监测工作进行督察。", "central"),
    # A State Council body called 机构 (国务院保险监督管理机构) is a central organ.
    ("国务院监测监督管理机构会同国务院有关部门制定监测资产管理公司的管理办法。", "central"),
    ("委托范围以外的样品的损失赔偿，适用有关民事法律的规定。样品的损失，是指样品丢失或者损毁。", "civil"),
    ("本办法自公布之日起施行。", "effective_date"),
    ("违反本条例规定，构成犯罪的，依法追究刑事责任。", "criminal"),
    ("因采取应急措施，诉讼、行政复议、仲裁活动不能正常进行的，适用有关时效中止和程序中止的规定。", "judicial"),
    ("国务院有关部门应当分领域制定全国统一的监测规则，并向社会公开。", "central"),
    ("国家推动建立全国统一的水质监测服务平台，为公众提供便捷的查询服务。", "central"),
    ("中国人民解放军和中国人民武装警察部队依照本法参加抢险救灾工作。", "central"),
    ("全流域水质严重恶化时，由国务院或者国务院授权的有关主管部门决定启用备用水源。", "central"),
    ("进出境邮件的检疫，由进出境检验检疫机构依法实施。", "central"),
    ("国务院食品安全监督管理部门应当会同国务院有关部门制定食品安全风险监测计划。", "central"),
    ("海关依照《中华人民共和国海关法》的规定，对进出境的国际邮袋实施监管。", "central"),
    ("对违反本法第三十九条有关河道采砂许可制度规定的行政处罚，由国务院规定。", "central"),
    # The head names the matter left to the centre, not units who act; a department whose name
    # holds 和 is one department.
    ("境外的组织和个人在中国境内合作办学的办法，由国务院规定。", "central"),
    ("建设工程消防设计审查和验收的具体办法，由国务院住房和城乡建设主管部门规定。", "central"),
    # ... and one left to two central organs together.
    ("监测收费的项目和标准，由国务院教育行政部门会同财政部门规定。", "central"),
    # Criminal and civil liability however worded, with 治安管理处罚 beside them.
    ("侵占、盗窃或者抢夺防汛物资，挪用救灾款物，构成犯罪的，依照刑法的有关规定追究刑事责任。", "reserved"),
    ("在水事纠纷中煽动闹事、结伙斗殴，构成犯罪的，依照刑法的有关规定追究刑事责任；"
     "尚不够刑事处罚的，由公安机关依法给予治安管理处罚。", "reserved"),
    ("引水、截水、排水，损害公共利益或者他人合法权益的，依法承担民事责任。", "reserved"),
    # A list of crimes whose last item is "the other acts that call for criminal liability".
    ("违反本法规定，有下列行为之一，构成犯罪的，依法追究刑事责任:\n（一）盗掘古文化遗址、古墓葬的；\n"
     "（二）将国家禁止出境的珍贵文物私自出售的；\n（三）应当追究刑事责任的其他妨害文物管理行为。", "reserved"),
    # Who owns a resource: the basic property regime only national law sets.
    ("水资源属于国家所有。水资源的所有权由国务院代表国家行使。农村集体经济组织修建管理的水库中的水，"
     "归各该农村集体经济组织使用。", "ownership"),
    ("城市市区的土地属于国家所有。\n农村和城市郊区的土地，除由法律规定属于国家所有的以外，属于农民集体所有。", "ownership"),
    ("下列可移动文物，属于国家所有：\n（一）中国境内出土的文物；\n（二）国家征集、购买的文物。\n"
     "国有文物所有权受法律保护，不容侵犯。", "ownership"),
    # A matter left to another law.
    ("海水的开发、利用、保护和管理，依照有关法律的规定执行。", "other_law"),
    ("从事防洪活动，依照防洪法的规定执行。\n水污染防治，依照《中华人民共和国水污染防治法》的规定执行。", "other_law"),
    ("国家建设征用集体所有的水域、滩涂，按照《中华人民共和国土地管理法》有关征地的规定办理。", "other_law"),
    # Goods and people crossing the border, each sentence opening with them.
    ("进口检测试剂和出口检测试剂必须实施检疫，具体检疫工作按照有关进出境检疫法律、行政法规的规定执行。",
     "central_procedure"),
    ("从事检测试剂进出口业务的，应当具备生产经营许可证；其中，从事危险试剂进出口业务的，还应当取得进出口许可。"
     "从境外引进检测试剂的审批办法，由国务院规定。", "central_procedure"),
    ("在中国境内没有经常居所的境外机构、个人在境内申请检测资质的，应当委托境内检测机构代理。", "central_procedure"),
    ("禁止进出口假、劣检测试剂。", "central_procedure"),
    # Foreigners entering the country's waters, whatever the article lays down.
    ("外国人、外国渔船违反本法规定，擅自进入中华人民共和国管辖水域从事渔业生产的，责令其离开或者将其驱逐，"
     "并处五十万元以下的罚款。", "central_procedure"),
    ("中央财政要根据检测基金的业务拓展情况，适时对其进行资金补充。", "central"),
    ("2019年3月底前，国家卫生健康委推行统一的检测编码。", "central"),
    ("财政部、税务总局要落实检测服务税收优惠政策。", "central"),
    ("国务院市场监督管理部门、教育行政部门在职责范围内，分别负责检测人员的资格认定。", "central"),
    ("检测收费的具体办法，由国务院市场监督管理部门会同国务院发展改革部门和财政部门制定。", "central"),
    ("国务院教育、公安部门会同国务院有关部门建立检测安全管理信息共享机制。", "central"),
    ("中国人民武装警察部队所属检测设施的保护，由中央军事委员会规定。", "central"),
    # 对外 is no preposition: 对外承包工程的单位 act (below, among the expected).
    # The other departments a State Council list ends with are the State Council's.
    ("国务院检测行政部门和其他有关部门按照职责分工负责检测监督管理工作。", "central"),
    # Units named after a preposition are what a central organ acts on, not who acts.
    ("国务院银行业监督管理机构对金融机构开展检测服务应当制定差异化监管政策，引导金融机构增加检测投入。", "central"),
    # The national bodies of a field.
    ("中国检测委员会是以发展检测事业为主要任务的组织，代表中国参与国际检测事务。", "central"),
    ("全国性单项检测协会是依法登记的检测社会组织，代表中国参加相应的国际检测组织。全国性单项检测协会负责相应项目的"
     "普及与提高，制定相应项目的技术规范。", "central"),
    # 城乡 names no township government.
    ("国务院自然资源主管部门负责全国城乡规划的管理工作。", "central"),
    # A procedure central organs run, and crossing the border under them.
    ("从事航道测量的单位，应当编制测量计划，报国务院交通运输主管部门批准；涉及界河的，应当经国务院交通"
     "运输主管部门审核后报国务院批准。国务院交通运输主管部门在批准前，应当征求有关方面的意见。",
     "central_procedure"),
    ("检测服务收费标准由国务院价格主管部门制定。检测机构应当按照国务院价格主管部门的要求报送成本数据。",
     "central_procedure"),
    ("携带种质资源出境的单位和个人，应当经国务院农业农村主管部门批准，并向海关申报。", "central_procedure"),
    # A national day; a bridge from the rules before the law.
    ("每年十月十日为全民检测日。", "national_day"),
    ("每年9月5日为“中华检测日”。", "national_day"),
    # Which rule prevails between a treaty and the law is the State's own foreign affairs.
    ("中华人民共和国缔结或者参加的有关水质检测的国际条约同本法有不同规定的，适用该国际条约的规定。"
     "但是，中华人民共和国声明保留的条款除外。", "treaty"),
    ("中华人民共和国缔结或者参加的国际条约与本条例有不同规定的，适用国际条约的规定。"
     "本条例和中华人民共和国缔结或者参加的国际条约没有规定的，可以适用国际惯例。", "treaty"),
    # The State's own dealings abroad: cooperation it carries out, what it does under treaties.
    ("国家根据缔结或者参加的有关国际条约，开展检测国际合作，履行检测国际义务。", "foreign"),
    ("国家组织开展检测执法活动的国际合作与交流。对外检测交往坚持独立自主、平等互利的原则。", "foreign"),
    ("本法施行前已经取得的检测资质证书，在有效期内继续有效。", "transitional"),
    # Registration with, and papers sent to, a central organ.
    ("首次进口的监测设备应当经国务院市场监督管理部门注册。", "central_procedure"),
    ("生产企业应当向国务院卫生行政部门提交监测设备的安全性评估材料。国务院卫生行政部门应当自收到申请之日起"
     "六十日内组织审查。", "central_procedure"),
    # A penalty a central organ imposes: its items name the acts, not who acts.
    ("违反本法规定，有下列情形之一的，由出入境检验检疫机构依照本法第三十条的规定给予处罚：\n"
     "（一）提供虚假材料，进口不符合国家标准的监测设备；\n（二）未遵守本法的规定出口监测设备。", "central"),
])
def test_provisions_no_province_is_expected_to_carry(text, code):
    reason = article_not_expected(text.split("\n"))
    assert reason is not None and reason.code == code and reason.text


@pytest.mark.parametrize("text", [
    # 国家 alone is every level of government: provinces restate such duties.
    "国家建立水质监测制度。县级以上地方人民政府应当组织开展监测。",
    # 国务院 named as the source of a rule, not as the one who acts.
    "开征水质检测费，须有法律依据或者经国务院批准。",
    "县级以上人民政府应当按照国务院的规定，公开水质监测信息。",
    # Units and people as subjects are addressed by a local text too.
    "国务院有关部门和企业事业单位应当加强水质监测。",
    "任何单位和个人不得破坏水质监测设施。",
    # Public security organs are local; so is a local government working with customs.
    "进出口野生动物及其制品的，由海关、公安机关依照有关规定处罚。",
    "县级以上人民政府应当会同海关建立口岸联防联控机制。",
    # A detail left to the State Council beside a system local governments run, or beside them.
    "国家实行教师职务制度，具体办法由国务院规定。",
    # Implementing rules a province must make and carry out, or a county's own rules, are tasks.
    "省、自治区、直辖市人民政府应当根据本法制定实施办法，并组织实施。",
    "县级以上地方人民政府可以结合实际，制定本地方生活垃圾具体管理办法。",
    "外商投资企业应当遵守本法关于监测设施管理的规定。",
    "外商投资企业应当依法纳税，接受监督，法律另有规定的，从其规定。",
    # ... and an institution of every level beside it (档案馆, 图书馆) acts locally.
    "国家示例主管部门应当建立健全示例档案工作机制。档案馆应当加强示例档案的研究整理和开发利用。",
    "县级以上人民政府应当根据本法制定具体办法。",
    "省、自治区、直辖市人民政府可以根据本地实际，制定严于国家标准的地方监测标准。",
    # Bringing species in from abroad: an approval of the centre beside duties a province
    # carries (防范措施), with 进出口 named only as a certificate.
    "从境外引进监测物种的，应当经国务院林业主管部门批准。从境外引进列入名录的物种，还应当依法取得允许进出口"
    "证明书。从境外引进物种的，应当采取安全可靠的防范措施；确需将其放归野外的，按照国家有关规定执行。",
    # Units reporting to a central organ; a list whose items give local governments duties;
    # support for some trade across the border.
    "学校应当向国务院教育行政部门报送监测情况。",
    "支持中小企业的进出口业务，海关应当简化通关手续。",
    # Local governments supporting trade across the border.
    "县级以上人民政府应当支持企业开展监测设备进出口业务。",
    # ... and its local organisations beside it are every level's.
    "中国残疾人联合会及其地方组织依照法律、法规或者接受政府委托，开展残疾人工作。",
    # Units acting under a decision left to the centre; a local department beside a central one.
    "企业和个人违反规定的，由国务院决定。",
    "国务院住房和城乡建设主管部门和省人民政府应当加强消防设计审查管理。",
    "国务院和县级以上地方各级人民政府是应对工作的行政领导机关，其办事机构由国务院规定。",
    # Civil liability stated as a company's standing, not set for a breach; a local measure.
    "公司可以设立子公司。子公司具有法人资格，依法独立承担民事责任。",
    "干涉老年人婚姻自由的，由有关单位给予批评教育；构成犯罪的，依法追究刑事责任。",
    # A detail left to the State Council beside a duty of its own.
    "教师的平均工资水平应当不低于国家公务员的平均工资水平。建立正常晋级增薪制度，具体办法由国务院规定。",
    # A sanction a local regulation may set stands beside the criminal one.
    "违反本法规定，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，由主管部门给予处分。",
    # A duty beside the liability, a penalty named as a condition, liability excluded.
    "监督管理部门发现涉嫌犯罪的，应当及时将案件移送公安机关；需要追究刑事责任的，依法处理。",
    "受到有期徒刑以上刑事处罚的，不能取得监测人员资格。",
    # 治安管理处罚 alone: left to the reader of the province's penalties.
    "冒领、私自开拆他人邮件，尚不构成犯罪的，依法给予治安管理处罚。",
    # Ownership beside a duty, and a duty whose fruits belong to someone.
    "水资源属于国家所有。县级以上人民政府应当加强水资源的统一管理。",
    "赡养人有义务耕种老年人承包的田地，收益归老年人所有。",
    "国务院商务主管部门应当建立对外承包工程安全风险评估机制。对外承包工程的单位应当定期发布安全风险提示。",
    "国务院有关部门负责组织调查。与事故相关的单位和人员不得迟报、漏报。",
    # ... not when local governments act beside them.
    "国务院检测行政部门和其他有关部门按照职责分工负责检测工作。县级以上地方人民政府检测行政部门负责本行政区域内的检测工作。",
    # A national body named beside its local ones.
    "中华全国检测总会和地方各级检测总会是群众性检测组织，应当在发展检测事业中发挥作用。",
    # What every level takes up beside cooperation abroad, and a local duty beside it; what the
    # State only encourages.
    "国家鼓励和支持引进国外先进的检测技术，促进检测的国际合作与交流。",
    "国家鼓励开展平等、互利的检测国际合作与交流，支持参加境外检测展会。",
    # A local body named after 中国公民.
    "中国公民住所地的居民委员会应当协助做好检测工作。",
    "国家鼓励和支持开展检测科学研究以及国际合作与交流。各级人民政府应当加强检测宣传。",
    # A duty that follows a treaty is a duty still; a prohibition beside a treaty's exception too.
    "检测机构应当依照中华人民共和国缔结或者参加的国际条约的要求，取得相应证书。",
    "检测机构不得从事营利性活动。国际条约另有规定的，从其规定。",
    # The law's own scope: its provincial counterpart carries it.
    "在中华人民共和国境内进行招标投标活动，适用本法。",
    # A local duty that follows another law; a matter left to rules made below the law.
    "县级以上人民政府应当依照防洪法的规定组织防汛抗洪。",
    "县级以上地方人民政府应当依照《防洪法》的规定执行。",
    "小作坊的管理，依照省级人民政府制定的具体办法执行。",
    "工会经费的使用和管理按照中华全国总工会制定的办法执行。",
    # Funds managed by a department (归口管理) are no ownership.
    "文物保护专项经费由县级以上人民政府文物行政部门归口管理使用。",
    # The Party Central Committee's leadership beside local committees' duties.
    "坚持党中央对数字政府建设工作的集中统一领导，各级党委要切实履行领导责任。",
    # 教育部门 is every level's department, not the Ministry.
    "住房城乡建设部门要加强对小区配套幼儿园建设的监管。",
    # Second reading: 入境 inside an organ's name is no border; one central sentence of two is
    # no procedure; a prohibition on units beside a central approval is theirs to obey; 国家机关
    # are every level's organs; a department a central organ merely owns.
    "任何单位或者个人不得公开检测对象的个人信息。出入境检验检疫机构应当加强检测。",
    "广播电台以普通话为基本的播音用语。需要使用外国语言为播音用语的，须经国务院广播电视部门批准。",
    "经营单位不得经营未经国务院文化行政部门批准进口的音像制品。",
    "国家机关委托他人建设、维护电子政务系统，应当经过严格的批准程序。",
    "财政部门应当向代收机构支付手续费。",
    "国务院有关部门所属的三级公立医院均参加属地绩效考核。",
    # The State Council's own office acting on local governments' accounts.
    "国务院办公厅将对各地区、各部门政务新媒体进行网上监测和抽查，各地区要及时整改。",
    # A norm a central department made, which units must follow.
    "城乡建设领域的工程检测活动，应当执行由国务院住房城乡建设主管部门组织编制的检测技术规范。"
    "其他领域的工程检测活动，应当执行国家有关的工程检测技术规范。",
    # Central and local funds together.
    "中央财政和地方财政应当安排检测经费。",
    # 国家 is every level of government, though the State Council makes the detailed rules.
    "国家实行检测机构资质制度，具体办法由国务院市场监督管理部门制定。",
    # A procedure beside a local government's duty, or beside a duty of units.
    "检测机构应当报国务院市场监督管理部门备案。县级以上地方人民政府市场监督管理部门应当加强监督。",
    "学校可以根据实际情况参照本法执行。军队院校的有关规定由中央军事委员会制定。",
    "国务院教育行政部门主管全国的检测工作。国务院有关部门在各自职权范围内负责有关工作。检测机构自主管理。",
    # A duty to pay for a loss one caused, and a duty to publish how losses are paid: no rule
    # of the civil regime.
    "监测机构违反本法规定，造成委托人损失的，应当依法赔偿。",
    "监测机构应当公示其收费标准和样品损失赔偿办法。",
    # Irresponsible (严重不负责任) is no exemption from liability.
    "监测人员严重不负责任，延误检测造成损失的，由其所在单位给予处分。",
    # A duty beside the rules left to the provinces is the province's to carry.
    "县级以上人民政府应当建立监测网络。具体办法由省、自治区、直辖市人民政府制定。",
    # A government overseeing the one below it.
    "县级以上人民政府对下级人民政府的水质监测工作进行监督检查。",
    # A province's department acting in its own right beside a central one.
    "违反本条例规定的，由国务院监测主管部门会同国务院财政部门或者由省、自治区人民政府监测主管部门会同同级财政部门"
    "责令限期改正。",
    # Customs only named; the border named with no central organ (people's rights abroad).
    "邮件处理场所的设计，应当符合国家安全机关和海关依法履行职责的要求。",
    "归侨、侨眷有权接受境外亲友的赠与。",
    # A bridge that gives local governments a duty.
    "本法施行前设立的检测站，由县级人民政府在一年内组织清理，符合条件的继续有效。",
    # Crossing the border beside a duty that is not about it, or only named inside a duty.
    "从境外引进检测菌种的，应当采取安全可靠的防范措施。确需将其用于野外试验的，按照国家有关规定执行。",
    "属于国家所有的检测档案禁止擅自携带出境。确需出境的，按照国家有关规定办理。",
    "国家鼓励企业对检测事业捐资助学，鼓励境外的组织和个人提供资助和捐赠。",
    "制造、购置、进口的检测船舶必须经检验合格后，方可下水作业。",
    # Opening with exports or abroad, with no control on the crossing.
    "出口检测企业应当依法纳税。",
    "向境外提供检测数据的，应当取得委托人同意。",
    # Only a phrase ending in 的 after the other law is no part of it named.
    "农民集体所有的检测站用地，依照《土地管理法》确定所有权的。",
    # Foreigners acting inside the country under a local government's approval.
    "外国人在我国对国家重点保护野生动物进行野外考察，应当经省、自治区、直辖市人民政府野生动物保护主管部门批准。",
])
def test_provisions_a_province_is_expected_to_carry(text):
    assert article_not_expected([text]) is None


def test_a_central_frame_whose_items_give_local_governments_duties_is_expected():
    assert article_not_expected(["国务院应当采取下列措施：", "（一）县级以上地方人民政府应当建立监测物资储备制度；",
                                 "（二）乡镇人民政府应当组织群众开展自救。"]) is None
    # A lead-in is a sentence of its own: what it protects does not run into the central
    # organ's sentence after the items.
    assert article_not_expected(["在中华人民共和国境内，下列监测设施受国家保护:", "（一）具有科学价值的监测站；",
                                 "（二）历史上重要的观测记录。", "监测设施认定的标准由国务院气象主管部门制定，并报国务院批准。",
                                 "具有科学价值的古观测仪器同监测设施一样受国家保护。"]) is None


def test_the_work_of_a_committee_a_central_organ_sets_up_is_the_centres():
    sentences = ["国务院检测行政部门依照本法组织设立检测仲裁委员会，制定检测仲裁规则",
                 "县级以上人民政府应当加强检测工作", "检测机构应当依法开展检测",
                 "县级以上人民政府检测行政部门负责本行政区域内的检测监督管理工作",
                 "检测机构应当建立质量管理体系", "检测机构应当保存原始记录",
                 "检测人员应当具备相应能力", "检测机构不得出具虚假报告",
                 "检测收费应当公开", "检测机构应当接受监督", "检测报告应当真实准确"]
    bodies = statute_bodies(sentences)
    assert bodies == ("检测仲裁委员会", "检测仲裁")
    # Its work and procedure, named by the committee or by its work.
    for article in (["检测仲裁委员会裁决检测纠纷实行仲裁庭制。"],
                    ["当事人自收到处理决定之日起二十一日内申请检测仲裁。"],
                    ["检测仲裁裁决书自作出之日起发生法律效力。"]):
        reason = article_not_expected(article, bodies)
        assert reason is not None and reason.code == "central", article
    # A local government beside it, and the same article without the statute's bodies.
    assert article_not_expected(["县级以上人民政府应当支持检测仲裁委员会的工作。"], bodies) is None
    assert article_not_expected(["检测仲裁裁决书自作出之日起发生法律效力。"]) is None
    # A committee local governments set up, a 指挥部 every level has, and a body's "work"
    # that is what the whole statute is about are no national body's.
    assert statute_bodies(["由市人民政府组织有关部门组建检测仲裁委员会"] + sentences[1:]) == ()
    assert statute_bodies(["国务院成立检测救灾指挥部"] + sentences[1:]) == ()
    assert statute_bodies(["国务院设立检测机构委员会"] + sentences[1:]) == ("检测机构委员会",)


def test_a_transmittal_formula_states_no_task_and_a_request_to_carry_a_report_out_does():
    # The formula that passes a document on asks nothing of its own, however it is worded.
    for formula in ("水质监测总站《关于加强水质监测工作的报告》已经国务院同意，现转发给你们，请认真贯彻执行。",
                    "现将《关于加强水质监测工作的指导意见》印发给你们，请结合实际认真贯彻落实。"):
        reason = clause_not_expected(formula)
        assert reason is not None and reason.code == "no_task", formula
        assert reason.text.startswith("本句是引出正文的行文用语")
        assert plainly_no_task(formula)
    # A report approved and handed to the provinces to carry out is their task (请……认真贯彻落实),
    # though 已经 alone reads as what has been done.
    assert clause_not_expected("水质监测总站、财政部《关于建立水质监测经费渠道的报告》已经国务院同意，"
                               "请各省、自治区、直辖市人民政府认真贯彻落实。") is None
    # A transmittal that also sets a deadline asks something.
    assert clause_not_expected("现将《关于加强水质监测工作的指导意见》印发给你们，请认真贯彻执行，"
                               "并于2019年6月底前报送落实情况。") is None
    # A report's 请示 is no request.
    assert states_no_task("水质监测总站《关于扩大监测范围的请示》已经国务院批准。")


def test_a_penalty_local_organs_impose_is_expected_whatever_its_items_name():
    assert article_not_expected(["违反本法规定，有下列情形之一的，由县级以上人民政府监测主管部门责令改正，处一万元以下罚款：",
                                 "（一）未经国务院有关部门批准进口监测设备；", "（二）未遵守本法的规定出口监测设备。"]) is None


def test_policy_sentences_that_state_no_task():
    assert states_no_task("党的十八大以来，各地区水质监测工作取得显著成效。")
    assert states_no_task("为贯彻落实有关决策部署，现提出如下意见。")
    assert states_no_task("近年来，我国检测装备总量持续增长，检测水平快速提高，进入了高质量发展的新阶段。")
    assert states_no_task("但也要看到，我国检测服务业存在有效供给不充分、总体规模不大等问题。")
    assert not states_no_task("及时整改检查中存在的问题。")
    assert states_no_task("没有检测现代化，就没有质量强国。")
    assert states_no_task("但在有关政策落实过程中还不同程度存在各类问题，有的单位仍然按照老办法来操作。")
    assert states_no_task("运营效率体现检测机构的精细化管理水平，是实现科学管理的关键。")
    # The part a thing plays (a bonded zone's, in a plan written blind to the engine).
    assert states_no_task("示例保税区是开放型经济的重要平台，对发展对外贸易、促进产业转型升级发挥着重要作用。")
    assert not states_no_task("充分发挥示例保税区对发展对外贸易的重要作用。")
    assert states_no_task("人才队伍建设体现机构的持续发展能力，是反映创新发展的重要指标。")
    # A problem to solve, a deadline, 近年来 inside a task: tasks.
    assert not states_no_task("针对检测网站存在的建设分散、数据不通等突出问题，建设集约化平台。")
    assert not states_no_task("对于已经建成的，原则上于2019年9月底前完成移交。")
    assert not states_no_task("由社会团体结合近年来工作、活动情况进行自查。")
    # The problems the preamble names.
    assert states_no_task("但一些政务新媒体还存在信息发布不严谨、监督管理不到位等问题，“僵尸”现象时有发生。")
    assert states_no_task("监测网络覆盖范围不断扩大。", heading="发展现状")
    # A sentence that demands something is a task, even in a part about achievements.
    assert not states_no_task("要主动适应新形势，全面提升监测能力。", heading="工作进展")
    # A part that only sets out the situation is background, its closing exhortation too.
    assert states_no_task("要主动适应新形势，全面开创监测工作新局面。", heading="发展现状")
    assert states_no_task("要主动适应新形势，全面开创监测工作新局面。", heading="一、面临形势")
    # 基础 as the ground already laid is background; 基础设施 and 夯实……基础 set tasks.
    assert states_no_task("监测基础设施日益完善。", heading="发展基础")
    assert not states_no_task("加快建设全省统一的监测平台。", heading="构建集约高效的监测基础设施体系")
    assert not states_no_task("加快建设全省统一的监测平台。", heading="夯实监测工作基础")
    assert not states_no_task("加快建设全省统一的水质监测平台。")
    assert not states_no_task("对工作成效好的单位予以表扬。")
    assert clause_not_expected("加快建设全省统一的水质监测平台。") is None
    assert clause_not_expected("国务院各部门监测数据纳入全国统一平台管理。").code == "central"
    # A request that each province issue its plan: the provincial text is that plan. One that
    # asks more of the plan is a task.
    assert clause_not_expected("2030年6月底前各省份要出台具体实施方案。").code == "to_provinces"
    assert clause_not_expected("各省（区、市）要结合实际制定实施方案，明确监测重点和责任分工。") is None
    # National bodies, international rules and the Party Central Committee's own leadership.
    for central in ("研究设立全国水质监测标准化技术组织，统筹推进监测标准化工作。",
                    "积极参与水质监测国际规则制定，促进跨境信息共享。",
                    "加强党中央对水质监测工作的集中统一领导。",
                    # A national body the plan sets up (国家粮食应急工作指挥部（办公室）).
                    "国家水质应急工作指挥部办公室必须24小时值班，及时记录并反映有关情况。",
                    # National funds and central enterprises, whoever they work with.
                    "国家水质保障基金要充分依托现有政府性水质担保机构开展业务，主要通过再担保方式与省、市、县担保机构合作。",
                    "中国水务投资总公司负责中央储备水源调度计划的执行。"):
        assert clause_not_expected(central).code == "central", central
    for local in ("成立省水质监测专家委员会。", "支持企业参与国际标准制定。", "坚持党的全面领导。",
                  "省水质应急工作指挥部要随时掌握水质状况。", "国家和地方分别成立水质应急领导小组。",
                  "各地要积极申报国家自然科学基金项目。", "省水质保障基金要与市、县担保机构合作。",
                  # What 国家 does to a fund or a body is no body of its own.
                  "国家设立水质监测发展基金，支持初创期检测企业。", "国家加强对水质保障基金的监督。",
                  "国家建立部际联席会议制度，统筹协调水质监测工作。"):
        assert clause_not_expected(local) is None, local
    # A lead-in that only opens the items below it; one that states a task itself is a task.
    assert clause_not_expected("为此，在重点监测区域应切实抓好以下几方面工作：").code == "no_task"
    assert clause_not_expected("请示启动本预案时，应当包括下列内容：").code == "no_task"
    assert clause_not_expected("各地要在2030年底前完成以下工作：") is None
    assert clause_not_expected("各地要在明年年内完成以下几项任务：") is None
    assert clause_not_expected("加快建立健全水质监测体系，重点做好以下工作：") is None
    assert clause_not_expected("要重点做好以下工作：").code == "no_task"
    # 国办函〔2005〕57号: the duties are in the items (a blind draft carries them, not this line).
    assert clause_not_expected("监测办公室承担以下职责：").code == "no_task"
    assert central_only("国务院各部门监测数据纳入全国统一平台管理。")
    assert not central_only("全面贯彻党中央、国务院决策部署，加快建设监测平台。")


def test_a_province_s_rules_for_its_own_government_mirror_the_state_council_s():
    from core.expected import mirrors
    assert mirrors("国务院关于印发《国务院工作规则》的通知",
                   "北原省人民政府关于印发《北原省人民政府工作规则》的通知（示例文本）")
    assert mirrors("国务院办公厅工作规则（试行）", "广西壮族自治区人民政府办公厅工作规则")
    assert mirrors("国务院工作规则", "北原省人民政府关于印发北原省人民政府工作规则的通知")
    # Another body's rules, or a text the government issues on something else, mirror nothing.
    assert not mirrors("国务院工作规则", "北原省人民政府办公厅工作规则")
    assert not mirrors("国务院关于加强数字政府建设的指导意见", "北原省人民政府关于加强数字政府建设的实施意见")
    assert not mirrors("国务院办公厅关于加强政务诚信建设的指导意见",
                       "北原省人民政府办公厅关于加强政务诚信建设的指导意见")


def test_central_rewards_and_the_ownership_of_rights_are_not_asked_of_a_province():
    """Sentences of real 国务院 policies that provincial plans written blind to the engine rightly
    left out were listed 未覆盖: the central budget rewarding the places that do well (the places
    are what it acts on, as those it oversees are), who owns a right (the property regime only
    national law sets), a list the centre makes for the localities, what a body is for, what a
    term means."""
    central = clause_not_expected("中央财政要对扩大示例担保业务规模、降低示例担保费率等工作成效明显的地方"
                                  "予以奖补激励。")
    assert central is not None and central.code == "central"
    owned = clause_not_expected("示例赛事相关权利归各级单项示例协会以及其他各类社会组织、企事业单位等"
                                "合法办赛的赛事主办方所有。")
    assert owned is not None and owned.code == "ownership" and "归属" in owned.text
    # What the centre makes for the localities to use, and what a body is for.
    made = clause_not_expected("国家制定《三级示例机构绩效考核指标》（见附件）供各地使用，同时确定部分指标作为"
                               "国家监测指标。")
    assert made is not None and made.code == "central"
    told = clause_not_expected("提供高质量的示例服务是三级示例机构的核心任务。")
    assert told is not None and told.code == "no_task"
    # What a term means, comprises or is divided into.
    for definition in ("示例教育与普通教育是两种不同教育类型，具有同等重要地位。",
                       "院校内实施的示例等级证书分为初级、中级、高级，是示例技能水平的凭证。",
                       "示例教育包括示例学校教育和示例培训。", "4.微创示例是指在日间手术室内完成的示例。",
                       # A quoted term said what it is (国办发〔2018〕128号).
                       "“无废示例”是以新发展理念为引领，持续推进示例源头减量的城市发展模式。"):
        reason = clause_not_expected(definition)
        assert reason is not None and reason.code == "no_task" and "含义" in reason.text, definition
    # A province rewarding its own places, a place rewarding others, and local duties beside a
    # central reward are the province's to carry.
    for local in ("省财政要对工作成效明显的市县予以奖补激励。", "各地要对成效明显的地方予以奖励。",
                  "中央财政要对地方予以支持，地方各级人民政府要加大投入。",
                  # Returning, arranging use, setting up a regime of ownership, and ownership
                  # beside a duty are tasks.
                  "将闲置示例用房归还原所有人。", "示例数据资源归全省统一调度使用。",
                  "探索建立示例数据资源归属制度。", "成果归属单位所有的，应当及时公开。",
                  "财政资金形成的示例资产归项目所在地村集体所有，由村集体负责管护。",
                  # A province's own list for its places; a task named as the core one.
                  "省示例委制定考核指标供各地使用。", "各地要把提供高质量的示例服务作为核心任务。",
                  # A definition in a bracket, people to be reached, a demand beside it, and who
                  # answers for a field are tasks.
                  "将外商投资设立示例业（包括设计、施工等所有相关主体）资质许可的审批权限下放至试验区。",
                  "逐步提高示例人才特别是技术工人收入水平和地位。",
                  "考核内容包括示例质量、运营效率等，各地要结合实际细化。",
                  "省政府办公厅是全省示例工作的主管单位。"):
        assert clause_not_expected(local) is None, local


def test_a_preamble_tells_what_was_done_and_why_it_matters():
    # What happened (……形成了……, ……制约了……), trends, what a report stressed, why it
    # matters and how the text introduces itself: no task.
    for told in ("之后，有关方面继续加强探索，形成了新一批水质监测经验，经国务院批准，决定在更大范围内推广。",
                 "这些问题制约了监测效果，影响了基层人员的积极性。",
                 "随着城镇化进程加快，各地对水质监测的需求越来越紧迫。",
                 "建设水质监测网络是党中央、国务院在新形势下保障饮水安全的战略举措。",
                 "党的十九大报告强调要加强水质监测，为新时代监测工作指明了方向。",
                 "但是，与发达国家相比，我国水质监测还存在着标准不够健全等问题，到了必须下大力气抓好的时候。",
                 "为指导地方开展水质监测试点工作，制定本方案。",
                 "水质监测服务业是环境服务业的重要组成部分，表现为监测机构向社会提供各类检测产品。",
                 "“清水城市”并不是没有污染物排放，而是一种先进的城市管理理念。",
                 "为进一步加强水质监测，经国务院同意，现就加强监测能力建设提出以下意见。"):
        assert clause_not_expected(told, heading="前言").code == "no_task", told
    # A task says what is to be done, whatever words stand around it.
    for task in ("各地要在2025年底前完成监测网络建设。", "为了保障饮水安全，加快建设监测平台。",
                 "及时了解监测数据变化情况，定期向社会公布。",
                 "党的十九大报告提出的各项监测任务，各地要逐项抓好落实。"):
        assert clause_not_expected(task, heading="前言") is None, task
    # A report or a 通报 tells what happened, what was done about it and what may come.
    for told in ("2029年，全国水质安全形势总体稳定，水污染事件总起数比上年有所下降。",
                 "2029年5月13日，某县水厂发生重大水质污染事件，造成3000余人就医。",
                 "据初步统计，2029年水质污染事件共造成直接经济损失约5亿元。",
                 "对事件负有主要责任的水厂厂长某某受到撤销职务处分；",
                 "事件的直接责任人某某被移交司法机关依法追究刑事责任。",
                 "今年东部沿海地区发生重大水质污染事件的可能性较大。",
                 "现将监测结果和加强水质监测工作的意见报告如下：",
                 "为此，提出以下几点意见：",
                 "以上意见如无不妥，请批转各地区、各部门贯彻执行。",
                 "水质监测工作是一项十分重要而艰巨的任务，关系到人民群众的生命健康。",
                 "然而实践表明，监测重点区域和监测重点目标之间有着显著差别。",
                 "虽然目前还没有发生重大污染事件，但其潜在的危险却客观存在着。",
                 "值得注意的是，当前水质污染事件的多发，是在全球气候变化的背景上出现的。"):
        assert clause_not_expected(told).code == "no_task", told
    # The national department whose report is transmitted, speaking of its own work.
    assert clause_not_expected("我局将尽快向各地、各部门提供水质监测宣传材料。").code == "central"
    assert clause_not_expected("我国水质监测能力要进一步提高。") is None
    # The rest of a sentence that records sanctions records them too.
    assert clause_not_expected("责令某县人民政府县长向市人民政府写出书面检查。",
                               before="对事件负有领导责任的副县长某某受到行政记过处分").code == "no_task"
    # A deadline, a start year and a condition a task names are tasks.
    for task in ("2030年起，在全省推行水质在线监测。",
                 "各地要在2030年6月底前完成水厂隐患排查。",
                 "对受到处分的人员，要依法依规严肃处理，不得从轻。",
                 "加强对可能发生水质污染的重点水域的监测。"):
        assert clause_not_expected(task) is None, task
    # What a named place did, as a 通报 praises it: no task of this province or any other.
    for practice in ("北京市大力推进水质监测制度改革。", "河北省邢台市实施“两不见面”监测改革。",
                     "内蒙古自治区呼和浩特市实现监测数据“一窗式”受理。", "辽宁自贸试验区营口片区以制度创新优化监测服务。",
                     # 天津市和平区 is one place; the 兵团 is a region of its own.
                     "天津市和平区狠抓监测精细化管控。", "新疆生产建设兵团狠抓水源地监管。"):
        assert clause_not_expected(practice).code == "no_task", practice
    # A named region asked to act, or acting beside others, is a task (for it, or for all).
    for task in ("北京市、天津市要率先建成监测网络。", "北京市要率先建成监测网络。",
                 "天津市和河北省要加强水质联防联控。", "北京市和周边地区联防联控水质污染。",
                 "新疆生产建设兵团和各省区市加大水质监测对口支援力度。",
                 "辽宁监测站项目已列入国家规划，请你省继续保护好站址资源。"):
        assert clause_not_expected(task) is None, task
    # A central office checking the local governments' work acts from the centre; one working
    # with them shares their duty.
    assert clause_not_expected("国务院办公厅将对各地区、各部门监测网站进行网上监测和抽查。").code == "central"
    assert clause_not_expected("国务院办公厅将会同各地区加强监测网站建设。") is None
    # ... and one a local government checks beside it shares that duty.
    assert clause_not_expected("国务院办公厅和各省级人民政府对各地区落实情况进行抽查。") is None
    # A ministry by its short name, not 应急部署 or 应急部队.
    assert clause_not_expected("应急部负责制定监测车辆保险办法。").code == "central"
    assert clause_not_expected("应急部署要科学精准，确保人员及时转移。") is None
    # Choosing pilots across the country is the centre's choice.
    assert clause_not_expected("在全国范围内选择10个左右有条件的城市，开展水质监测试点。").code == "central"
    assert clause_not_expected("在全省范围内选择3个城市开展水质监测试点。") is None
    # A body whose office sits in a central department acts from the centre.
    assert clause_not_expected("监测工作小组办公室设在生态环境部，负责日常工作。").code == "central"
    assert clause_not_expected("监测工作小组办公室设在省生态环境厅，负责日常工作。") is None



def test_what_is_at_stake_what_an_inquiry_found_and_the_centres_own_acts_ask_nothing():
    """Sentences of national notices written blind to the engine, which the gold sets apart."""
    # What is at stake and what the work is like, said of it, not asked.
    for told in ("水质安全事关人民群众的生命健康，事关社会稳定大局。",
                 "水质监测工作，政治性强，涉及面广并且难度大。",
                 "跨境水污染是历史遗留问题，敏感性、专业性较强，情况复杂。",
                 # What an inquiry found and what the events show.
                 "经调查认定，某县发生的3起水质污染事件均为责任事件。",
                 "这3起事件，反映出部分地方监测责任制不落实的问题仍然很严重；",
                 # How long it has gone on, what it will weigh on, what need not hold.
                 "水厂建成30多年来，沿岸群众多次遭受水质污染的危害。",
                 "上游来水主要集中在与本流域水质相关性很强的干流上，因此将对下游水质产生重要影响。",
                 "年度监测重点常有变动，给各级人民政府部署监测工作带来一定困难。",
                 "因此，年度“重点监测区”与“水源保护区”不一定有完全的对应关系。",
                 # Where a forecast says to watch (国办发〔1997〕2号).
                 "今年发生重大水污染事件的可能性较大，特别应注意长江中下游至洞庭湖一带。",
                 "东部近海海域有可能发生赤潮，尤其应注意渤海至北黄海一带。"):
        assert clause_not_expected(told).code == "no_task", told
    # ... but a task about such matters, or about cases of that kind, is a task; so is a principle
    # that starts from the problems a field faces (国办发〔2018〕121号: 从……面临的实际问题出发，加快……).
    for task in ("从示例产业发展面临的实际问题出发，加快推进政府职能转变，推动示例产业健康发展。","对事关群众切身利益的监测事项，要及时向社会公开。",
                 "集中优势力量办理技术性、专业性较强的监测案件。",
                 "要认真分析事件暴露出的问题，举一反三，堵塞漏洞。",
                 "要研究气候变化将对水质产生的影响，提前做好应对准备。",
                 "监测点位不一定要新建，可以利用现有水文站点。",
                 "今年发生水污染事件的可能性较大，特别应注意加强长江一带的水质监测。"):
        assert clause_not_expected(task) is None, task
    # The national standard itself (国办发〔2019〕4号).
    def code(text: str) -> str | None:
        reason = clause_not_expected(text)
        return reason.code if reason is not None else None

    assert code("国家制定统一标准、关键指标、体系架构和实现路径，以点带面，逐级考核。") == "central"
    assert code("省示例委制定统一标准、关键指标，逐级考核。") is None
    # The State Council praising named places, and ending a national text of its own.
    assert code("为表扬先进，经国务院同意，对北京市大力推进水质监测改革等30项地方典型经验做法予以通报表扬。") == "central"
    repealed = clause_not_expected("自本通知印发之日起，《国务院办公厅关于加强水质监测工作的通知》"
                                   "（国办发〔2026〕82号）停止执行。")
    assert repealed is not None and repealed.code == "central" and "停止执行" in repealed.text
    # A province praising its own, or asked to stop a practice, is asked something.
    assert clause_not_expected("对监测工作成效突出的单位予以通报表扬。") is None
    assert clause_not_expected("各地自行设立的监测收费项目一律停止执行。") is None

NATIONAL_STATUTE = """中华人民共和国水质监测法
第一章 总则
第一条 为了加强水质监测，保障饮用水安全，制定本法。
第二条 县级以上人民政府应当建立水质监测网络，定期公布饮用水水源地水质状况。
第三条 水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据。
第四条 县级以上人民政府应当将水质监测经费列入本级财政预算，保障监测设备更新和人员培训。
第五条 国务院有关部门应当制定全国统一的水质监测技术规范，并向社会公开。
第六条 本法自2030年1月1日起施行。
"""

PROVINCIAL_STATUTE = """示例省水质监测条例
第一章 总则
第一条 为了加强水质监测，保障饮用水安全，根据《中华人民共和国水质监测法》，结合本省实际，制定本条例。
第二条 县级以上人民政府应当建立覆盖城乡的水质监测网络，每季度公布饮用水水源地水质状况；水质监测机构应当按照国家标准开展采样和检测，如实记录监测数据，不得篡改或者伪造监测数据。
第三条 省人民政府应当建设全省水质监测数据平台，实现监测数据共享。
第四条 本条例自2031年3月1日起施行。
"""


def test_one_provincial_article_carries_two_national_ones_and_the_rest_is_judged_whole():
    result = compare_outlines(_outline(NATIONAL_STATUTE), _outline(PROVINCIAL_STATUTE))
    by_label = {result.national.section(s.national).label: s for s in result.sections
                if result.national.section(s.national).kind == "article"}
    provincial_label = {s.id: s.label for s in result.provincial.sections}
    links = {label: {provincial_label[p] for p in s.provincial} for label, s in by_label.items()}
    # 第二条 of the province merges national 第二条 and 第三条: both are carried by it.
    assert "第二条" in links["第二条"] and "第二条" in links["第三条"]
    assert by_label["第二条"].status is not Status.MISSING
    assert by_label["第三条"].status is Status.COVERED
    # Funding is dropped: missing, with the nearest article named in the reason.
    assert by_label["第四条"].status is Status.MISSING
    assert by_label["第四条"].reason.code == "too_weak"
    # A duty of the State Council only is not expected of a province, and says why.
    assert by_label["第五条"].status is Status.NOT_EXPECTED
    assert by_label["第五条"].reason.code == "central"
    # Clauses of a not-expected article share its verdict.
    fifth = [f for f in result.clauses if f.clause.section == by_label["第五条"].national]
    assert fifth and all(f.status is Status.NOT_EXPECTED for f in fifth)
    # The national effective date is not carried by the province's own 施行 article.
    assert by_label["第六条"].status is Status.NOT_EXPECTED and not links["第六条"]
    assert by_label["第六条"].reason.code == "effective_date"
    sixth = [f for f in result.clauses if f.clause.section == by_label["第六条"].national]
    assert result.summary.not_expected == len(fifth) + len(sixth)


def test_every_verdict_says_why_and_the_json_carries_it():
    result = compare_outlines(_outline(NATIONAL_STATUTE), _outline(PROVINCIAL_STATUTE))
    for finding in result.clauses:
        assert finding.reason.code and finding.reason.text
        if finding.status is Status.PARTIAL:
            assert finding.reason.code in ("lost", "part", "weak_match")
    data = json.loads(json.dumps(comparison_to_dict(result), ensure_ascii=False))
    assert data["schema"] == "duizhao.compare/2"
    assert "not_expected" in data["summary"]
    articles = [s for s in data["sections"] if s["reason"]["code"] not in ("", "rollup")]
    assert articles and all(s["reason"]["text"] for s in articles)
    # A chapter says why too: what it holds (本部分共3条：已覆盖2条、未覆盖1条).
    chapters = [s for s in data["sections"] if s["reason"]["code"] == "rollup"]
    assert chapters and all(s["reason"]["text"].startswith("本部分共") for s in chapters)
    counts = data["summary"]["articles"]
    assert counts["articles"] == len(articles) == 6
    assert counts["covered"] + counts["partial"] + counts["missing"] + counts["not_expected"] == 6
    assert result.article_summary.not_expected == counts["not_expected"] >= 1


def test_the_command_line_reports_statutes_by_article(tmp_path, capsys):
    from core.cli import main

    national, provincial = tmp_path / "national.txt", tmp_path / "provincial.txt"
    national.write_text(NATIONAL_STATUTE, encoding="utf-8")
    provincial.write_text(PROVINCIAL_STATUTE, encoding="utf-8")
    assert main(["compare", str(national), str(provincial)]) == 0
    out = capsys.readouterr().out
    assert "国家文件按条对照，共 6 条" in out and "无需地方落实" in out
    missing = out.split("【未覆盖】", 1)[1]
    assert "第四条" in missing and "最相近的是" in missing
    # The articles set apart are listed with why, and a long article ends in an ellipsis.
    apart = out.split("【无需地方落实】", 1)[1]
    assert "第五条" in apart and "中央层面" in apart and "第六条" in apart
    assert "国务院有关部门应当制定全国统一的水质监测技术规范，并向社会公开。" in apart
    assert "……" not in apart.split("第五条", 1)[1].split("\n", 1)[0]


def test_a_sentence_two_national_articles_repeat_counts_for_the_likelier_one_only():
    # National clauses 0 (article 0) and 1 (article 1) both match provincial clause 0 at 100;
    # provincial clause 0 lies in provincial article 0, whose text is likest national article 0.
    similarity = [[0.9, 0.1], [0.4, 0.8]]
    candidates = untangle(nat_article=[0, 1, 1], prov_article=[0, 1],
                          candidates=[[(100.0, 0)], [(100.0, 0)], [(80.0, 1)]],
                          similarity=similarity, tie=3.0)
    assert candidates == [[(100.0, 0)], [], [(80.0, 1)]]
    carried = carried_shares(sentence_carriage(nat_article=[0, 1, 1], weights=[1.0, 1.0, 1.0],
                                               prov_article=[0, 1], candidates=candidates,
                                               articles_count=2, credit=sentence_credit(62.0, 39.0)),
                             provincial_count=2)
    assert carried[0][0] == 1.0
    assert carried[1][0] == 0.0      # the repeated sentence is no evidence for article 1
    assert carried[1][1] == 0.5      # its own sentence, carried in full by provincial article 1


def test_two_unlike_national_sentences_merged_verbatim_into_one_count_for_both():
    # Clause 0 (article 0) and clause 1 (article 1) both stand verbatim in provincial clause 0:
    # a merge, not a repeated formula, so it is evidence of both articles.
    texts = ["国家建立统一领导综合协调分类管理的应急管理体制", "突发事件应对工作实行预防为主预防与应急相结合的原则"]
    untangled = untangle(nat_article=[0, 1], prov_article=[0], candidates=[[(100.0, 0)], [(100.0, 0)]],
                         similarity=[[0.9], [0.4]], tie=3.0, texts=texts)
    assert untangled == [[(100.0, 0)], [(100.0, 0)]]
    # A sentence two articles repeat is still evidence of the likelier one only, and so is a
    # match short of verbatim.
    repeated = ["违反本法规定的依法给予处分", "违反本法规定的依法给予处分"]
    assert untangle(nat_article=[0, 1], prov_article=[0], candidates=[[(100.0, 0)], [(100.0, 0)]],
                    similarity=[[0.9], [0.4]], tie=3.0, texts=repeated) == [[(100.0, 0)], []]
    assert untangle(nat_article=[0, 1], prov_article=[0], candidates=[[(80.0, 0)], [(80.0, 0)]],
                    similarity=[[0.9], [0.4]], tie=3.0, texts=texts) == [[(80.0, 0)], []]


def test_a_sentence_two_provincial_articles_render_is_carried_once():
    credit = sentence_credit(62.0, 39.0)
    # National article 0: two sentences of equal weight. Provincial articles 0 and 1 both render
    # its first sentence; neither renders the second.
    carriage = sentence_carriage(nat_article=[0, 0], weights=[1.0, 1.0], prov_article=[0, 1],
                                 candidates=[[(100.0, 0), (100.0, 1)], []], articles_count=1,
                                 credit=credit)
    carried = carried_shares(carriage, provincial_count=2)
    assert carried[0] == [0.5, 0.5]          # each provincial article carries half of it ...
    assert covered_share(carriage[0], [0, 1]) == 0.5   # ... but together still only that half
    assert covered_share(carriage[0], [0]) == 0.5 and covered_share(carriage[0], []) == 0.0


def test_sentence_credit_grows_with_the_score():
    credit = sentence_credit(62.0, 39.0)
    assert credit(100.0) == credit(62.0) == 1.0
    assert credit(39.0) == 0.5
    assert 0.5 < credit(50.0) < 1.0
    assert credit(20.0) < 0.25


def test_notices_list_warnings_and_the_lines_set_aside_around_the_body():
    from core.compare import notices

    national = NATIONAL_STATUTE.replace("第五条", "第七条")  # a gap in the numbering
    provincial = ("示例省水质监测工作实施意见\n一、加强监测\n（一）建设全省水质监测网络。\n"
                  "示例省人民政府\n2031年3月1日\n（此件公开发布）\n")
    found = notices(compare_outlines(_outline(national), _outline(provincial)))
    assert any(where == "国家文件" and "不连续" in note for where, note in found)
    assert ("地方文件·正文后", "（此件公开发布）") in found
    assert any(where == "对照" and "编号体例不同" in note for where, note in found)


def test_the_word_checklist_gives_each_article_its_own_verdict(tmp_path):
    from docx import Document

    from core.export import export

    result = compare_outlines(_outline(NATIONAL_STATUTE), _outline(PROVINCIAL_STATUTE))
    path = export(result, tmp_path / "清单.docx")
    headings = [row.cells[0].text for table in Document(str(path)).tables for row in table.rows
                if "本条整体" in row.cells[0].text]
    fourth = next(text for text in headings if text.startswith("第一章第四条"))
    assert "本条整体：未覆盖" in fourth and "最相近的是" in fourth
    assert any(text.startswith("第一章第五条") and "无需地方落实" in text for text in headings)


def test_the_excel_workbook_has_a_sheet_of_articles_judged_whole(tmp_path):
    from openpyxl import load_workbook

    from core.export import export

    result = compare_outlines(_outline(NATIONAL_STATUTE), _outline(PROVINCIAL_STATUTE))
    sheet = load_workbook(export(result, tmp_path / "清单.xlsx"))["按条对照"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 6
    assert rows["第一章第四条"][3] == "未覆盖" and "最相近的是" in rows["第一章第四条"][6]
    assert rows["第一章第五条"][3] == "无需地方落实"
    assert "第二条" in rows["第一章第三条"][2]
    assert sheet.print_title_rows == "$1:$1"


def test_a_long_article_is_shortened_with_an_ellipsis_on_the_command_line():
    from core.cli import _shortened

    assert _shortened("县" * 60) == "县" * 60
    assert _shortened("县" * 61) == "县" * 60 + "……"


def test_an_item_rendered_with_a_weaker_binding_word_than_its_lead_in_is_partial():
    national = """中华人民共和国应急处置法
第一章 总则
第一条 为了规范应急处置工作，制定本法。
第二条 突发事件发生后，县级以上人民政府应当采取下列应急处置措施：
（一）组织营救和救治受害人员，疏散、撤离并妥善安置受到威胁的人员；
（二）迅速控制危险源，标明危险区域，封锁危险场所，划定警戒区。
"""
    provincial = """示例省应急处置办法
第一条 为了规范本省应急处置工作，根据《中华人民共和国应急处置法》，制定本办法。
第二条 突发事件发生后，县级以上人民政府可以组织营救和救治受害人员，疏散、撤离并妥善安置受到威胁的人员。
县级以上人民政府应当迅速控制危险源，标明危险区域，封锁危险场所，划定警戒区。
"""
    result = compare_outlines(_outline(national), _outline(provincial))
    first, second = (f for f in result.clauses if f.clause.item)
    assert first.clause.lead_in.endswith("应当采取下列应急处置措施：")
    # The item itself says no 应当: its list's opening sentence binds it, and 可以 weakens it.
    assert first.status is Status.PARTIAL
    assert [(g.kind, g.national, g.provincial) for g in first.gaps] == [("binding", "应当", "可以")]
    assert first.reason.code == "lost" and "可以" in first.reason.text
    # Kept as firmly as the lead-in binds it: nothing lost.
    assert not [g for g in second.gaps if g.kind == "binding"]


def test_the_bodies_a_national_policy_sets_up_for_the_centre_act_from_the_centre():
    from core.expected import national_bodies
    sentences = ["由国务院办公厅、国家医保局组成国家水质监测试点工作小组（以下简称监测小组），领导试点工作。",
                 "在监测小组领导下，成立联合监测办公室，代表试点地区开展集中监测。",
                 "成立水质监测专家委员会，引导高校设置相关专业。",
                 "各地要成立水质监测领导小组，健全工作机制。"]
    bodies = national_bodies(sentences)
    # Made up of central organs, and led by a body of the centre's; not a committee every
    # province may set up too, nor the groups the provinces set up.
    assert bodies == ("国家水质监测试点工作小组", "监测小组", "联合监测办公室")
    assert clause_not_expected("联合监测办公室汇总试点地区的监测数据，开展集中监测。", bodies=bodies).code == "central"
    assert clause_not_expected("监测小组办公室对集中监测全过程进行指导监督。", bodies=bodies).code == "central"
    assert clause_not_expected(sentences[1], bodies=bodies).code == "central"
    assert clause_not_expected(sentences[2], bodies=bodies) is None
    assert clause_not_expected("入围标准的具体指标由联合监测办公室负责拟定。", bodies=bodies).code == "central"
    # A duty it shares with local governments is theirs too; local governments it works with
    # are no sharers.
    assert clause_not_expected("联合监测办公室和省级人民政府要及时报告重大问题。", bodies=bodies) is None
    assert clause_not_expected("监测小组办公室设在生态环境部，负责组织开展试点，协调部门与地方之间相关工作。",
                               bodies=bodies).code == "central"
    # Set up at the end of a sentence that first says what it is for; not by local governments.
    assert clause_not_expected("为把握水质监测改革方向，提出重大政策建议，在政府指导下成立联合监测办公室。",
                               bodies=bodies).code == "central"
    assert clause_not_expected("为加强统筹，各省要成立联合监测办公室。", bodies=bodies) is None
    assert clause_not_expected("为加强统筹，试点城市要组建联合监测办公室。", bodies=bodies) is None
    # A body acting in the first phrase is judged by that phrase, as before.
    assert clause_not_expected("监测指标由联合监测办公室负责拟定，做好部门与地方之间的衔接工作。",
                               bodies=bodies).code == "central"
    # The groups it sets up under itself are the centre's, and so is what an item headed by
    # one of them says it does (1.监督组。负责……); a province's group of the same kind is its own.
    grouped = national_bodies(sentences + ["联合监测办公室下设监督组、专家组、集中监测小组。",
                                           "各地要成立水质监测领导小组，下设督查组、宣传组。"])
    assert grouped[3:] == ("监督组", "专家组", "集中监测小组")
    duty = "负责对集中监测工作进行监督，及时受理、处理相关检举和投诉。"
    assert clause_not_expected(duty, heading="监督组", bodies=grouped).code == "central"
    assert clause_not_expected(duty, heading="督查组", bodies=grouped) is None
    assert clause_not_expected(duty, heading="加强监督", bodies=grouped) is None


def test_pilots_chosen_by_name_are_expected_only_of_the_places_named():
    sentence = "根据申报情况，确定北京、吉林、安徽等3个省（市）作为水质监测试点地区。"
    reason = scoped_elsewhere(sentence, sentence, "北湖省人民政府关于水质监测的实施方案")
    assert reason.code == "scope" and "北京、吉林、安徽" in reason.text
    assert scoped_elsewhere(sentence, sentence, "吉林省人民政府关于水质监测的实施方案") is None
    # Pilots chosen by the province itself, or not by name, are its own task; so are pilots
    # the list leaves open or spreads further, or cities that are not provinces.
    for task in ("在全省范围内确定3个城市作为水质监测试点。", "确定一批地区开展水质监测试点。",
                 "确定北京、上海等省份和其他有条件的地区开展试点。", "选择北京、天津及京津冀周边城市开展试点。",
                 "确定北京、上海、浙江为首批试点地区，2025年底前在全国推广。",
                 "确定北京、上海、广州、深圳作为试点城市。"):
        assert scoped_elsewhere(task, task, "河北省人民政府关于水质监测的实施方案") is None, task
    # An issuer the title does not name (关于印发……的通知) is not known to be elsewhere.
    assert scoped_elsewhere(sentence, sentence, "关于印发北京市水质监测实施方案的通知") is None


def test_an_article_two_provincial_articles_both_render_in_part_is_not_carried_twice():
    from core.align import compare_outlines
    from core.read import read_text

    national = outline_document(read_text(
        "数据法\n第一条　县级以上人民政府应当建立数据安全管理制度。数据处理者应当每年开展数据安全风险评估，"
        "向主管部门报送评估报告，并对发现的安全漏洞及时采取补救措施。\n第二条　本法自公布之日起施行。\n", "国家.txt"))
    once = outline_document(read_text(
        "某省数据条例\n第一条　县级以上人民政府应当建立数据安全管理制度。\n"
        "第二条　本条例自公布之日起施行。\n", "一处.txt"))
    twice = outline_document(read_text(
        "某省数据条例\n第一条　县级以上人民政府应当建立数据安全管理制度。\n"
        "第二条　县级以上人民政府应当建立数据安全管理制度，加强数据安全监督检查。\n"
        "第三条　本条例自公布之日起施行。\n", "两处.txt"))
    [alone] = [a for a in compare_outlines(national, once).articles if a.status is Status.PARTIAL]
    [both] = [a for a in compare_outlines(national, twice).articles if a.status is Status.PARTIAL]
    # The first sentence carried by two provincial articles is still only that sentence (the
    # word weights of the two pairs differ a little; summed per article it came to twice).
    assert both.provincial == ("1", "2") and both.score <= 1.2 * alone.score


def test_a_faint_link_far_from_an_articles_best_is_dropped_and_a_near_or_strong_one_kept():
    import numpy as np

    from core.align import Parameters
    from core.articles import _far_and_faint_dropped
    # One national article linked to provincial articles 0 (its best), 1 (next to it, faint),
    # 15 (far, faint) and 18 (far, nearly as strong) of twenty.
    evidence = np.zeros((1, 20))
    evidence[0, [0, 1, 15, 18]] = [0.40, 0.15, 0.15, 0.35]
    links = evidence > 0
    kept = _far_and_faint_dropped(links, evidence, Parameters())
    assert list(np.flatnonzero(kept[0])) == [0, 1, 18]
    # In a short provincial text the next article is never far.
    short = np.zeros((1, 5))
    short[0, [0, 1]] = [0.40, 0.10]
    assert list(np.flatnonzero(_far_and_faint_dropped(short > 0, short, Parameters())[0])) == [0, 1]
    # An article with one link keeps it, however faint.
    lone = np.zeros((1, 20))
    lone[0, 15] = 0.05
    assert _far_and_faint_dropped(lone > 0, lone, Parameters())[0, 15]


# Written for these tests: a province that writes one article for two national ones (第二条
# carries national 第二条 and 第三条) and keeps half of national 第四条.
SHARING_NATIONAL = (
    "示例资源保护条例\n第一条 为了加强示例资源保护，制定本条例。\n"
    "第二条 国家持续推进示例资源分类保护、分级管理、动态监测改革，最大限度减少对示例资源的直接开发，"
    "最大限度减少人为干扰。\n"
    "第三条 示例资源保护应当坚持科学化、规范化、法治化原则，以生态需求为导向，以提升保护能力为核心，"
    "创新保护方式。\n"
    "第四条 示例资源保护区内禁止采砂、取土、倾倒垃圾。保护区管理机构应当每季度组织一次巡护检查，"
    "并建立巡护台账。\n"
    "第五条 本条例自2025年1月1日起施行。")
SHARING_PROVINCIAL = (
    "江南省示例资源保护办法\n第一条 为了加强本省示例资源保护，根据《示例资源保护条例》，制定本办法。\n"
    "第二条 示例资源保护应当坚持科学化、规范化、法治化原则，以生态需求为导向，持续推进示例资源分类保护、"
    "分级管理、动态监测改革，建立健全保护长效机制。\n"
    "第三条 示例资源保护区内禁止采砂、取土、倾倒垃圾。\n"
    "第四条 省人民政府设立示例资源保护专项资金。\n"
    "第五条 本办法自2026年1月1日起施行。")


def test_the_sentence_rows_are_the_evidence_of_their_articles_verdict():
    result = compare_outlines(_outline(SHARING_NATIONAL), _outline(SHARING_PROVINCIAL))
    sections = {s.national: s for s in result.sections}
    rows = {f.clause.id: f for f in result.clauses}
    # National 第二条 is carried by provincial 第二条, which renders 第三条 better: its sentence
    # was 未覆盖 ("已对应国家文件第三条") under an article called 部分覆盖. It now shows the
    # sentence it shares, as a partial carriage to check.
    assert sections["2"].status is Status.PARTIAL and sections["2"].provincial == ("2",)
    shared = rows["2-1"]
    assert shared.status is Status.PARTIAL and [m.clause.id for m in shared.matches] == ["2-1"]
    assert "主要承接国家文件第三条第1句" in shared.reason.text
    assert rows["3-1"].status is Status.COVERED  # its owner keeps it
    # The article no longer says no sentence of it was found; it says what the rows show.
    assert "具体要求未见对应表述" not in sections["2"].reason.text
    # Its only sentence is the article: one verdict, said once.
    assert "本条唯一的一句" not in sections["2"].reason.text
    # A sentence found nowhere in the article that carries the rest says where the article went.
    assert sections["4"].status is Status.PARTIAL
    assert sections["4"].reason.text.endswith("逐句比对，第2句未见对应表述。")
    assert rows["4-1"].status is Status.COVERED and rows["4-2"].status is Status.MISSING
    assert rows["4-2"].reason.text.startswith("本条整体对应地方第三条，但其中未见本句的对应表述。")
    # The province's own 专项资金 article is its addition; the shared sentence is none.
    assert [a.id for a in result.additions] == ["4-1"]


def test_a_dropped_sentence_does_not_share_its_siblings_counterpart():
    national = _outline("示例条例\n第一条 县级以上人民政府应当每五年开展一次示例资源调查。"
                        "县级以上人民政府应当每三年开展一次示例资源调查。\n第二条 本条例自2025年1月1日起施行。")
    provincial = _outline("江南省示例办法\n第一条 县级以上人民政府应当每五年开展一次示例资源调查。\n"
                          "第二条 本办法自2026年1月1日起施行。")
    rows = {f.clause.id: f for f in compare_outlines(national, provincial).clauses}
    assert rows["1-1"].status is Status.COVERED
    assert rows["1-2"].status is not Status.COVERED  # its twin's counterpart is not its own


def test_reasons_speak_to_a_drafter_not_of_thresholds():
    """低于部分覆盖阈值39 meant nothing to a drafter: a reason says what was found and how far it
    is from the national text, never the engine's cut-offs."""
    from core.compare import compare_files
    from tests.conftest import SAMPLES

    sample = compare_files(SAMPLES / "national-guideline-sample.docx", SAMPLES / "provincial-opinion-sample.docx")
    statute = compare_outlines(_outline(SHARING_NATIONAL), _outline(SHARING_PROVINCIAL))
    for result in (sample, statute):
        reasons = [f.reason.text for f in result.clauses] + [s.reason.text for s in result.sections]
        assert reasons and not any("阈值" in text or "相似程度" in text for text in reasons)
    weak = next(f for f in sample.clauses if f.reason.code == "too_weak")
    assert "内容差别较大，不能认定为承接本句" in weak.reason.text


def test_an_addition_inside_a_carrying_article_says_where_it_stands(tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from core.export.excel import export_excel
    from core.export.word import export_word

    national = _outline("示例条例\n第一条 县级以上人民政府应当每五年开展一次示例资源调查，调查结果向社会公布。\n"
                        "第二条 本条例自2025年1月1日起施行。")
    provincial = _outline("江南省示例办法\n第一条 县级以上人民政府应当每五年开展一次示例资源调查，调查结果向社会公布。"
                          "调查经费列入本级财政预算。\n第二条 省人民政府设立示例资源保护专项资金。\n"
                          "第三条 本办法自2026年1月1日起施行。")
    result = compare_outlines(national, provincial)
    within, alone = (next(a for a in result.additions if a.section == place) for place in ("1", "2"))
    assert result.addition_context(within).startswith("所在的地方第一条承接国家文件第一条（已覆盖）")
    assert "本句在国家文件该条中未见对应表述，是地方第一条补充或改写的内容" in result.addition_context(within)
    assert result.addition_context(alone) == ""  # an article of the province's own
    from core.serialize import comparison_to_dict
    listed = {a["section"]: a["within"] for a in comparison_to_dict(result)["additions"]}
    assert listed == {"1": ["1"], "2": []}  # the JSON says it too, by national section id
    text = "\n".join(cell.text for table in Document(str(export_word(result, tmp_path / "r.docx"))).tables
                     for row in table.rows for cell in row.cells)
    assert "所在的地方第一条承接国家文件第一条" in text
    sheet = load_workbook(export_excel(result, tmp_path / "r.xlsx"))["本省新增"]
    assert [c.value for c in sheet[1]][6] == "说明"
    assert any(str(row[6] or "").startswith("所在的地方第一条") for row in sheet.iter_rows(min_row=2, values_only=True))

    # A reviewer who finds the national article missing there: the note no longer says the
    # provincial article carries it (the reports read the verdicts after review).
    from core.model import ReviewDecision, Status, national_id
    from core.review import review, review_articles
    missing = [ReviewDecision(national_id(f.clause.id), Status.MISSING) for f in result.clauses
               if f.clause.section == "1"]
    text = "\n".join(cell.text for table in Document(str(export_word(
        result, tmp_path / "m.docx", decisions=missing))).tables for row in table.rows for cell in row.cells)
    assert "所在的地方第一条承接" not in text
    sheet = load_workbook(export_excel(result, tmp_path / "m.xlsx", decisions=missing))["本省新增"]
    assert not any(row[6] for row in sheet.iter_rows(min_row=2, values_only=True))
    partial = [ReviewDecision(d.item, Status.PARTIAL) for d in missing]
    reviewed = review_articles(result, review(result, partial)[0])
    assert "承接国家文件第一条（部分覆盖）" in result.addition_context(
        within, {article.national: article.status for article in reviewed})


def test_a_key_term_stated_once_for_a_paragraph_cut_at_semicolons_is_not_lost():
    """A reviewer read 缺少关键词“市场主体” beside a match cut at "；" from a paragraph that
    names 市场主体 in its first piece."""
    from core.review import assess

    # 第二条 has a second sentence: an article's only sentence takes the article's verdict.
    national = _outline("示例登记条例\n第一条 为了规范示例登记，制定本条例。\n"
                        "第二条 对外商投资企业的设立登记申请，能够当场办结的，应当当场办结。"
                        "登记机关应当公开登记办理程序。\n"
                        "第三条 本条例自2025年1月1日起施行。")
    public = "\n登记机关应当公开登记办理程序。"
    provincial = _outline("江南省示例登记办法\n第一条 为了规范本省示例登记，制定本办法。\n"
                          "第二条 登记机关应当优化外商投资企业登记服务；能够当场办结的，应当当场办结，"
                          "不能当场办结的，应当在一个工作日内办结。" + public + "\n第三条 本办法自2026年1月1日起施行。")
    result = compare_outlines(national, provincial)
    finding = next(f for f in result.clauses if f.clause.id == "2-1")
    assert [m.clause.id for m in finding.matches] == ["2-2"]
    assert finding.status is Status.COVERED and finding.gaps == ()
    # A reviewer who picks the same match is told the same.
    match = next(c for c in result.provincial.clauses() if c.id == "2-2")
    assert assess(result, finding.clause, match).gaps == ()
    # A term the paragraph does not state is still lost.
    other = compare_outlines(national, _outline(str(provincial.title) + "\n" + "\n".join(
        ["第一条 为了规范本省示例登记，制定本办法。",
         "第二条 登记机关应当优化登记服务；能够当场办结的，应当当场办结，不能当场办结的，应当在一个工作日内办结。"
         + public,
         "第三条 本办法自2026年1月1日起施行。"])))
    lost = next(f for f in other.clauses if f.clause.id == "2-1")
    assert [g.national for g in lost.gaps] == ["外商投资"]
    # Nor does another sentence of the paragraph state it for the match: it says other things.
    apart = compare_outlines(national, _outline(str(provincial.title) + "\n" + "\n".join(
        ["第一条 为了规范本省示例登记，制定本办法。",
         "第二条 登记机关应当优化外商投资企业登记服务。能够当场办结的，应当当场办结，不能当场办结的，"
         "应当在一个工作日内办结。" + public,
         "第三条 本办法自2026年1月1日起施行。"])))
    lost = next(f for f in apart.clauses if f.clause.id == "2-1")
    assert [m.clause.id for m in lost.matches] == ["2-2"] and [g.national for g in lost.gaps] == ["外商投资"]


def test_what_an_article_says_of_its_rows_is_dropped_once_a_reviewer_changes_one(tmp_path):
    from docx import Document

    from core.export.word import export_word
    from core.model import ReviewDecision, national_id
    from core.review import review, review_articles

    result = compare_outlines(_outline(SHARING_NATIONAL), _outline(SHARING_PROVINCIAL))
    assert "逐句比对，第2句未见对应表述" in next(s for s in result.sections if s.national == "4").reason.text
    decision = ReviewDecision(item=national_id("4-2"), status=Status.COVERED, note="巡护在第九条")
    clauses, _ = review(result, [decision])
    article = next(a for a in review_articles(result, clauses) if a.national == "4")
    assert article.changed == 1
    assert "逐句比对" not in article.reason_text and "其中的句子经审核调整" in article.reason_text
    path = export_word(result, tmp_path / "r.docx", decisions=[decision])
    text = "\n".join(cell.text for table in Document(str(path)).tables for row in table.rows
                     for cell in row.cells)
    assert "第2句未见对应表述" not in text and "其中的句子经审核调整" in text


def test_a_dropped_sentence_does_not_ride_on_another_articles_like_sentence(corpus):
    """Sharing a provincial sentence across linked articles let sentences the generated
    provinces dropped from the emergency-response law read 部分覆盖 through a like sentence of
    another article (generated miss R 1.000 → .973)."""
    from core.compare import load_outline
    from tests.generator import make_variant

    national = load_outline(corpus / "laws" / "national-emergency-response-law-2007.txt")
    for seed in range(10):
        variant = make_variant(national, seed)
        result = compare_outlines(national, outline_document(read_text(variant.text, name=f"v{seed}")))
        status = {f.clause.id: f.status for f in result.clauses}
        sentences = Counter(f.clause.section for f in result.clauses)
        articles = {s.national: s.status for s in result.sections}
        # As the bench scores them: one the engine finds not expected of a province is set apart.
        dropped = [c for c, truth in variant.truth.clause_status.items()
                   if truth == "missing" and status[c] is not Status.NOT_EXPECTED]
        # The only sentence of an article is the article, and has its verdict.
        alone = [c for c in dropped if sentences[c.rsplit("-", 1)[0]] == 1]
        assert all(status[c] is articles[c.rsplit("-", 1)[0]] for c in alone), seed
        dropped = [c for c in dropped if c not in alone]
        assert dropped and all(status[c] is Status.MISSING for c in dropped), seed


def test_a_central_organs_sentence_in_a_carried_article_is_no_gap():
    """国务院在总理领导下研究、决定和部署…… stood as a 未覆盖 row under an article the province
    carries: a duty of central organs alone is not expected of a province, sentence or article."""
    national = _outline("示例应对法\n第一条 国务院在总理领导下研究、决定和部署特别重大示例事件的应对工作；"
                        "县级以上地方各级人民政府负责本行政区域内示例事件的应对工作。\n"
                        "第二条 本法自2025年1月1日起施行。")
    provincial = _outline("江南省示例应对办法\n第一条 县级以上地方各级人民政府负责本行政区域内示例事件的应对工作，"
                          "建立示例事件应对工作责任制。\n第二条 本办法自2026年1月1日起施行。")
    result = compare_outlines(national, provincial)
    rows = {f.clause.text[:4]: f for f in result.clauses if f.clause.section == "1"}
    assert rows["国务院在"].status is Status.NOT_EXPECTED and rows["国务院在"].reason.code == "central"
    assert rows["县级以上"].status is Status.COVERED
    article = next(a for a in result.articles if a.national == "1")
    assert article.status is Status.COVERED and "未见对应表述" not in article.reason.text
    # Its content share counted the central sentence: 已覆盖 beside it read as a contradiction,
    # so none is printed (—), as for an article that corresponds as a whole.
    from core.export.labels import article_share
    from core.model import ALL_BUT_CENTRAL
    assert article.reason.code == ALL_BUT_CENTRAL and article_share(article) is None


def test_an_articles_share_is_printed_alike_in_its_reason_the_outline_and_the_reports():
    """约35% in the reason beside 34% in the outline: the share is rounded once, as kept."""
    from core.articles import _percent
    from core.export.labels import article_share
    from core.model import Reason, SectionAlignment

    for coverage in (0.34505, 0.3449, 0.355, 0.5049, 0.995):
        kept = SectionAlignment("1", ("1",), round(100.0 * coverage, 1), Status.PARTIAL,
                                Reason("part", ""))
        assert _percent(coverage) == f"{100 * article_share(kept):.0f}%"


ONLY_NATIONAL = ("示例条例\n第一条 为了规范示例资源管理，制定本条例。\n"
                 "第二条 县级以上人民政府应当建立示例资源调查制度，定期开展示例资源调查和示例资源评价，"
                 "并向社会公布调查结果。\n"
                 "第三条 县级以上人民政府应当建立示例资源保护名录，对列入名录的示例资源实施重点保护。\n"
                 "第四条 本条例自2025年1月1日起施行。")
ONLY_PROVINCIAL = ("江南省示例办法\n第一条 为了规范本省示例资源管理，制定本办法。\n"
                   "第二条 县级以上人民政府应当建立示例资源调查制度，定期开展调查。\n"
                   "第三条 县级以上人民政府可以建立示例资源保护名录，对列入名录的示例资源实施重点保护。\n"
                   "第四条 本办法自2026年1月1日起施行。")


def test_the_only_sentence_of_an_article_has_the_articles_verdict():
    """本条整体：已覆盖 stood over its one sentence's 部分覆盖 — two verdicts on one text. Where
    they differ, the real pairs' gold bears the article out three times in four."""
    result = compare_outlines(_outline(ONLY_NATIONAL), _outline(ONLY_PROVINCIAL))
    articles = {s.national: s for s in result.sections}
    rows = {f.clause.id: f for f in result.clauses}
    assert articles["2"].status is rows["2-1"].status is Status.COVERED
    # What the sentence-by-sentence reading found is said, as a hint to check.
    assert "本条只有一句，按整条判定为已覆盖" in rows["2-1"].reason.text
    assert "逐句比对的提示：" in rows["2-1"].reason.text and "并向社会公布调查结果" in rows["2-1"].reason.text
    assert rows["2-1"].gaps == () and [m.clause.id for m in rows["2-1"].matches] == ["2-1"]
    # A weakened binding word stands whatever the article's verdict, and the article says it
    # as what it is, not as a second verdict.
    assert articles["3"].status is Status.COVERED and rows["3-1"].status is Status.PARTIAL
    assert articles["3"].reason.text.endswith("逐句比对，约束减弱：应当→可以。")
    assert not any("本条唯一的一句" in s.reason.text for s in result.sections)


def test_on_the_real_pairs_an_article_of_one_sentence_and_its_row_agree(corpus):
    from core.compare import compare_files

    texts = corpus / "real-pairs" / "texts"
    for national, provincial in (
            ("law_national_youhua_yingshang_huanjing_tiaoli_2019.txt",
             "law_henan_youhua_yingshang_huanjing_tiaoli_2020.txt"),
            ("law_national_youhua_yingshang_huanjing_tiaoli_2019.txt",
             "law_guangdong_youhua_yingshang_huanjing_tiaoli_2022.txt")):
        result = compare_files(texts / national, texts / provincial)
        rows = Counter(f.clause.section for f in result.clauses)
        for article in result.sections:
            if rows[article.national] != 1 or article.status not in (Status.COVERED, Status.PARTIAL):
                continue
            [row] = [f for f in result.clauses if f.clause.section == article.national]
            weakened = any(g.kind in ("binding", "number", "deadline") for g in row.gaps)
            assert row.status is article.status or weakened, article.national
            assert "本条唯一的一句" not in article.reason.text


def test_the_only_sentence_keeps_every_counterpart_and_no_addition_appears():
    """Given the article's verdict, the only sentence kept its first match alone: the other
    sentences of the provincial article that say it were listed as 本省新增 (second reading)."""
    national = ("示例条例\n第一条 为了规范示例资源管理，制定本条例。\n"
                "第二条 县级以上人民政府应当建立示例资源调查制度，定期开展示例资源调查和示例资源评价，"
                "并向社会公布调查结果，建立示例资源档案和数据库。\n"
                "第三条 本条例自2025年1月1日起施行。")
    provincial = ("江南省示例办法\n第一条 为了规范本省示例资源管理，制定本办法。\n"
                  "第二条 县级以上人民政府应当建立示例资源调查制度，定期开展示例资源调查。"
                  "县级以上人民政府应当开展示例资源评价，向社会公布调查结果。"
                  "县级以上人民政府应当建立示例资源档案和数据库。\n"
                  "第三条 本办法自2026年1月1日起施行。")
    result = compare_outlines(_outline(national), _outline(provincial))
    row = next(f for f in result.clauses if f.clause.id == "2-1")
    article = next(s for s in result.sections if s.national == "2")
    assert row.status is article.status
    assert {m.clause.id for m in row.matches} == {"2-1", "2-2", "2-3"}
    assert [a.id for a in result.additions] == []


def test_a_central_duty_that_is_an_articles_only_sentence_stays_not_expected():
    from core.align import _within_article
    from core.articles import ArticleVerdict
    from core.model import Clause, ClauseFinding, Reason

    clause = Clause(id="3-1", section="3", text="国务院示例资源主管部门负责全国示例资源的监督管理工作。")
    finding = ClauseFinding(clause, Status.NOT_EXPECTED, 0.0,
                            reason=Reason("central", "本句只规定中央层面的职责，地方无需承接。"))
    provincial = _outline("江南省示例办法\n第一条 为了示例，制定本办法。\n第二条 县级以上人民政府负责示例工作。")
    article = provincial.sections[-1].id
    verdict = ArticleVerdict((article,), 0.3, Status.PARTIAL, Reason("part", "地方第三条只承接了部分内容。"))
    assert _within_article(finding, verdict, provincial, alone=True) is finding
    # Nor does a sentence with nothing to show beside it take the article's 部分覆盖.
    missing = ClauseFinding(clause, Status.MISSING, 0.0, reason=Reason("no_candidate", "未见。"))
    assert _within_article(missing, verdict, provincial, alone=True).status is Status.MISSING
