"""What a provincial implementing text is not expected to carry (无需地方落实).

A province implements what falls to local governments, departments, units and citizens. It is
not expected to restate provisions that only central organs can act on (国务院, the armed
forces, relations with foreign governments, the national legislature), the date a national law
takes effect, criminal and civil liability, public-security penalties, litigation procedure
and who owns land, water or relics (which only national law can set), matters the law leaves
to another law (……依照防洪法的规定执行), procedures central organs run (……报国务院文物行政部门
批准; 文物出境……海关凭……放行), national days and the bridge from the rules before the law,
nor — in policy texts — sentences that state no task at all (形势、现状、意义). These rules read
the national text alone; the engine applies them only where the provincial text restates
nothing of the provision (the effective date: always), so a province that does restate such a
provision is still shown as covering it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import Reason
from core.text import (AUTONOMOUS_AREA_REGIONS, BORDER_REGIONS, COASTAL_REGIONS, ITEM_LABEL,
                       PROVINCIAL_REGIONS, issuing_region)

# Organs whose duties no province can carry. 国家 alone is not among them: "国家建立……制度"
# is carried out by every level of government and provinces restate it.
# A character of a body's name after 国家: not a joint, nor a verb 国家 acts by.
_NAMING = r"(?:(?![和或及与的对]|设立|建立|健全|鼓励|支持|加强|引导|完善|组织|推动|推进|采取)[\u4e00-\u9fff])"
CENTRAL_ACTOR = re.compile(
    # 国务院 and any of its departments (国务院食品安全监督管理部门, 国务院有关部门).
    r"国务院(?:授权的)?(?:住房和城乡建设|人力资源和社会保障|工业和信息化|文化和旅游|[^，,。；、和及或的]){0,12}?"
    r"(?:部门|机构)|国务院|党中央|中共中央|中央军事委员会|"
    r"(?:中国人民解放军|中国人民武装警察部队)(?:有关部门)?|民兵组织|中华人民共和国政府|外国政府|(?:有关)?国际组织|"
    # Central funds act from the centre (中央财政要……适时对其进行资金补充).
    r"中央财政|中央预算内投资|"
    # The State Council's departments by name, as its policies write them (教育部, 国家卫生健康委,
    # 国家中医药局, 市场监管总局); not 教育部门, every level's, and a province's own are 省教育厅.
    r"(?:外交|国防|教育|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源社会保障|自然资源|"
    r"生态环境|住房城乡建设|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理|应急)部(?![门署队])|"
    r"审计署|国资委|市场监管总局|海关总署|税务总局|广电总局|体育总局|银保监会|证监会|"
    r"国家(?!级|[^，。；]{0,4}机关)[\u4e00-\u9fff]{1,10}?"
    r"(?:委员会|委(?![托任派])|总局|(?<![格布结时当变])局(?!面|势)|(?<![部签公])署|(?<=管理)机构)|"
    # ... and the national department of a field as laws name it (国家保密行政管理部门, 国家人民防空
    # 主管部门); not 国家有关部门, which policies use for every level's.
    r"国家(?!有关|级)[\u4e00-\u9fff]{2,8}?(?:行政管理部门|行政主管部门|主管部门)|"
    r"全国人民代表大会(?:常务委员会)?|最高人民法院|最高人民检察院|中央人民政府|中央和国家机关|"
    # The national bodies of the people's organisations (not their local ones: 及其地方组织).
    r"中华全国总工会|中国红十字会总会|中华全国妇女联合会|中国残疾人联合会|"
    # ... and the national bodies of a field (中国奥林匹克委员会, 中华全国体育总会, 全国性单项体育协会).
    r"中国(?!共产党|人民|公民|境内)(?:(?!的)[\u4e00-\u9fff]){2,10}?(?:委员会|协会|总会)|"
    r"中华全国(?:(?!的)[\u4e00-\u9fff]){2,8}?(?:总会|联合会)|"
    r"全国性[\u4e00-\u9fff]{0,8}?(?:协会|学会|社会组织|行业组织)|"
    # A national body a plan sets up (国家粮食应急工作指挥部（办公室）, 国家……领导小组), a national
    # fund and a central enterprise (国家融资担保基金, 中国储备粮管理总公司): named by nouns, not
    # what 国家 does (国家建立部际联席会议制度, 国家设立中小企业发展基金).
    rf"国家(?![^，。；]{{0,4}}机关){_NAMING}{{2,12}}?(?:指挥部|领导小组|工作小组|联席会议)(?!制度)(?:办公室)?|"
    rf"国家{_NAMING}{{2,10}}?基金(?!会|管理|的)|中国{_NAMING}{{2,10}}?(?:总公司|集团(?:有限)?公司)|"
    # Administered from the centre, not by local governments: customs and border inspection,
    # the central bank.
    r"海关|(?:国家)?(?:出入境|进出境)检验检疫(?:机构|部门)|中国人民银行")
_NOT_ACTING = (r"的?(?:同意|决策|部署|要求|精神|关于|领导|批准|规定|决定|命令)"
               # ……only naming whose units these are (国务院有关部门所属的三级公立医院).
               r"|[^，。；]{0,12}所属的?[^，。；]{0,10}(?:医院|学校|院校|单位|企业|机构)|[^，。；]{0,12}管理的")
_CENTRAL_SUBJECT = re.compile(
    rf"(?:^|[，,：:])(?:(?:{CENTRAL_ACTOR.pattern})(?:[、和及]|或者|以及)?)+(?!{_NOT_ACTING})"
    # After 由 they act (由国务院……部门制定), unless a clause says what they made (应当执行由
    # 国务院……部门组织编制的测量技术规范: the surveyors act).
    rf"|由(?:(?:{CENTRAL_ACTOR.pattern})(?:[、和及]|或者|以及)?)+"
    rf"(?!{_NOT_ACTING}|[^，。；]{{0,40}}?(?:组织)?(?:编制|制定|发布|颁布|公布)的)")
# An article that only leaves a matter to central organs (……的行政处罚，由国务院规定).
_DELEGATED = re.compile(rf"^[^。；，,]*[，,]?由(?:{CENTRAL_ACTOR.pattern})(?:(?:会同|商)(?:{CENTRAL_ACTOR.pattern}))?"
                        r"(?:规定|制定|决定)。?$")
# What such an article leaves to them, at the end of its head (……的办法, ……的标准).
_MATTER = re.compile(r"(?:办法|规定|标准|制度|规则|范围|目录|名录|条件|程序)$")
# 国家 acting on something nationwide: a national platform, a nationwide list or standard.
_NATIONWIDE = re.compile(r"^国家[^。；]{0,30}?(?:全国统一|全国性|全国范围|国家级)"
                         # What the centre makes for the localities to use (国家制定《……考核指标》
                         # 供各地使用).
                         r"|^国家[^。；]{0,40}?供各地(?:使用|参考|参照|执行)"
                         # The national standard itself (国家制定统一标准、关键指标……).
                         r"|^国家(?:制定|确定|建立)统一(?:标准|指标|规范)"
                         # Setting up a national body (研究设立全国数字政府标准化技术组织).
                         r"|^(?:研究)?(?:设立|成立|组建)全国[^，。；]{0,16}(?:组织|机构|委员会|中心)"
                         # Choosing pilots across the country (在全国范围内选择10个左右……城市).
                         r"|^在全国(?:范围内)?[^，。；]{0,6}?(?:选择|遴选|确定|选取)"
                         # Making the rules of international relations (参与……国际规则制定).
                         r"|^(?:积极|深度|主动)?参与[^，。；]{0,16}国际规则"
                         # The Party Central Committee's own leadership of the work.
                         r"|^(?:加强|坚持)党中央对[^，。；]{0,20}集中统一领导$"
                         # Placing a body's office in a central department (试点工作小组办公室设在
                         # 国家医保局): the body is a national one.
                         rf"|^[^。；，]{{0,30}}(?:办公室|秘书处)设在(?:{CENTRAL_ACTOR.pattern})")
# Local governments and departments, wherever they are named (乡 as a township or 乡村, not
# 城乡).
_LOCAL_GOVERNMENT = re.compile(
    r"地方|省|自治区|直辖市|设区的市|县|(?<!城)乡|街道|各地区|本行政区域|有关部门|主管部门|各部门|"
    r"人民政府|行政机关|公安机关|监督管理部门|"
    # A department named by its field alone is every level's (财政部门应当向代收机构支付手续费).
    r"(?:财政|教育|卫生健康|民政|司法|公安|自然资源|生态环境|交通运输|水利|农业农村|商务|文化和旅游|"
    r"应急管理|住房城乡建设|人力资源社会保障|市场监督管理|税务)部门")
# A local government or department named with its level (县级以上地方人民政府, 乡镇人民政府,
# 省、自治区、直辖市人民政府……部门): list items that name one give it a duty.
_LOCAL_LEVEL = re.compile(r"(?:地方|省|自治区|直辖市|设区的市|县|乡|镇)[^，。；]{0,12}?(?:人民政府|部门)")
# Units and people, when a sentence opens with them as the ones who act.
_LOCAL_SUBJECT = re.compile(
    r"(?:^|[。；])(?!对(?!外)|向|为|给|与(?![^，。；]{0,16}?(?:有关|相关)的))"
    r"[^。；，]{0,8}(?:单位|企业|市场主体|公民|个人|居民|学校|院校|医院|机构|协会|法人|组织|馆)")
# A reference to central rules as the source of a duty, not as the one who acts.
_CENTRAL_REFERENCE = re.compile(
    r"(?:按照|依照|根据|依据|经|报)?(?:国务院|全国人民代表大会常务委员会)"
    r"(?:的)?(?:另有规定|规定|决定|批准|授权|有关规定|相关规定)(?!的[^，。；]{0,8}(?:部门|机构))")
_EFFECTIVE_DATE = re.compile(
    r"^本(?:条例|法|办法|规定|细则|决定|实施办法|实施细则|意见|方案)"
    r"(?:自.{2,30}?(?:起)?施行|自公布之日起施行)")
_DATING = re.compile(_EFFECTIVE_DATE.pattern.lstrip("^"))
# What may follow the date in a 施行 article: repeals, and how older texts and cases bridge over.
_AFTER_EFFECTIVE_DATE = re.compile(r"废止|不再执行|施行前|施行之日|继续有效|过渡|参照|依照原")
_CRIMINAL = re.compile(r"构成犯罪的?，?依法追究刑事责任")
# Liability only national law can set (立法法: crimes and their penalties, the civil law):
# criminal liability however it is worded, and 民事责任, set for a breach (……的，依法承担民事
# 责任; not 不承担赔偿责任). 治安管理处罚 beside them is the public-security law's.
_RESERVED_LIABILITY = re.compile(
    r"(?:构成犯罪的?，?)?(?:应当)?(?:依法|依照[^。；]{0,20}?规定)?追究(?:其)?刑事责任|"
    r"(?<![不再])(?:应当)?(?:依法)?(?:承担|负)(?:民事|赔偿|民事赔偿)责任")
# ... set for a breach: a condition (……的，) or 违反 before it in its sentence.
_FOR_A_BREACH = re.compile(rf"(?:的[，,]|违反)[^。；]*?(?:{_RESERVED_LIABILITY.pattern})")
# Where penalties only the law sets are named (尚不够刑事处罚的，给予治安管理处罚).
_RESERVED_NAMED = re.compile(r"(?:依法)?给予治安管理处罚|刑事处罚|治安管理处罚")
# A duty beside the liability (应当及时将案件移送公安机关): the article is the province's to carry.
_DUTY = re.compile(r"应当|必须|不得|禁止|有权|负有|具有|可以")
# Sanctions a local regulation may set (行政处罚法, 处分): a liability article holding one of
# these is the province's to render.
_LOCAL_SANCTION = re.compile(r"罚款|处分|责令|吊销|没收|警告|通报批评|暂扣|停产|停业|撤销|取消|处罚|"
                             r"查封|扣押|降低资质|关闭|制止|批评教育|查处")
# The civil regime (立法法: 民事基本制度): when one is not liable for a loss, how a loss is
# shared or which civil law governs its compensation (……对……的损失不承担赔偿责任; 不参与
# 分摊共同海损; ……的损失赔偿，适用有关民事法律的规定).
_CIVIL_RULE = re.compile(r"不承担(?:民事|赔偿|民事赔偿)?责任|不负(?:民事|赔偿|民事赔偿)责任|共同海损|"
                         r"(?:赔偿|损失)[^。；]{0,12}适用(?:本章规定|有关[^。；]{0,6}民事法律)")
# ... beside which a provision may hold its exception (但是，……的除外) and what it means by a
# word (邮件的损失，是指……).
_CIVIL_ASIDE = re.compile(r"^但是?[，,][^。；]*除外$|是指")
# Litigation and arbitration procedure: limitation periods and proceedings suspended. Like
# crimes and penalties, only national law can set it (立法法 on the matters reserved to law).
_JUDICIAL = re.compile(r"(?:时效|程序)(?:中止|中断)|诉讼时效")
# 所有权 (not 有权), 不容侵犯 and 受法律保护 in an ownership statement set no duty of anybody local.
_OWNERSHIP_DUTY = re.compile(r"所有权|不容侵犯|受法律保护")
# ... but a duty beside it does (赡养人有义务耕种……，收益归老年人所有).
_OWNED_DUTY = re.compile(rf"{_DUTY.pattern}|义务|负责")
# Who owns land, water, minerals or relics (……属于国家所有; ……属于农民集体所有; 所有权由国务院代表
# 国家行使; 所有权不因……而改变): the basic property regime, which only national law sets (立法法).
_OWNED = (r"属于(?:国家|全民|[^，。；]{0,8}集体)所有|所有权[，,]?(?:由国务院代表国家行使|不因)|"
          r"所有权受法律保护")
_OWNERSHIP = re.compile(rf"{_OWNED}|(?<!划)归(?!口)[^，。；]{{0,12}}(?:所有|使用)")
# ... as a policy states it, of property or rights with a long owner (赛事相关权利归各级单项体育协会
# 以及其他各类社会组织……等合法办赛的赛事主办方所有); not 归还, 归口, 归属 (探索建立数据归属制度),
# nor 归……统筹使用, which arranges use, and no 所有 that goes on (归……所有的, 所有权人).
_OWNED_BY = re.compile(rf"{_OWNED}|(?<!划)归(?![口还属])[^，。；]{{1,40}}?所有(?![的权制人者])")
# A sentence that only leaves a matter to another law (海水的开发、利用……，依照有关法律的规定执行;
# 职工代表的产生，依照公司法有关规定执行). Not this law's own scope (……适用本法), which its
# provincial counterpart carries.
_OTHER_LAW = re.compile(
    r"^[^。；]{0,40}?(?:依照|按照|适用)(?!本)(?:《?[^。；，]{0,16}?(?<![办方做])法》?|有关法律(?:、行政法规)?)"
    # ... the part of it named (按照《……土地管理法》有关征地的规定办理).
    r"(?:的)?(?:有关(?:[^。；，]{1,6}的)?)?(?:规定)?(?:执行|办理)?$")
# A decision that rests with central organs: 报国务院文物行政部门批准, 由国务院价格主管部门……制定,
# 经国务院药品监督管理部门核准, or a duty owed to their demands (根据国务院……部门的要求).
_CENTRAL_DECISION = re.compile(
    rf"(?:报|经|由|向|从)(?:{CENTRAL_ACTOR.pattern})[^，。；]{{0,16}}?"
    r"(?:批准|审批|核准|审核|审定|许可|备案|注册|提交[^，。；]{0,20}?(?:申请|材料)|指定|发给|颁发|确定|制定"
    r"|放行|审查)"
    rf"|(?:根据|按照)(?:(?:{CENTRAL_ACTOR.pattern})[、和及]?)+的要求")
# Crossing the national border (出境、进境): controlled from the centre.
_BORDER = re.compile(r"(?<![传引输])(?:出境|进境|入境)(?!内)|外国(?:人|团体|组织)"
                     # ... and a sentence on some goods' trade across it (煤炭的进出口……).
                     r"|^(?!支持|促进|鼓励|扩大|推动|加强|发展)[^，。；]{1,10}的进出口")
# Foreigners and foreign ships entering the country's waters or territory (外国人、外国渔业船舶进入
# 中华人民共和国管辖水域……; ……违反本法规定，擅自进入中华人民共和国管辖水域……的): the state's own
# affair, whatever the article lays down.
# A sentence about goods or people crossing the border, opening with them: 进口种子和出口种子必须
# 实施检疫; 从事种子进出口业务的，……; 从境外引进……的; 禁止进出口……; 在中国境内没有经常居所……的
# 境外机构、个人……. Customs, border inspection and the licences for them are the state's.
_CROSSING = re.compile(r"^(?:其中[，,])?(?:禁止|为境外[^，。；]{0,6})?(?:进口|出口|进出口|进出境|出境|入境)"
                       r"|^(?:其中[，,])?从事[^，。；]{0,10}进出口"
                       r"|^(?:从|向)境外|^向(?:我国|中华人民共和国)(?:境内)?出口|^进口的"
                       r"|^(?:在中国境内[^，。；]{0,20}的)?境外(?:的)?(?:机构|组织|个人|出口商|生产企业)")
_FOREIGN_ENTRY = re.compile(r"^外国[^。；]{0,30}?进入(?:中华人民共和国|我国)(?:管辖)?(?:水域|海域|领海|领空|境内|领域)")
_PROHIBITION = re.compile(r"不得|禁止")
# An article that only leaves a matter to the provinces' own rules (……的管理办法，由省、自治区、
# 直辖市人民代表大会或者其常务委员会制定): the provincial text is itself that rule.
_TO_PROVINCES = re.compile(
    r"^[^。；]*[，,]?由省、自治区、直辖市(?:的)?(?:人民代表大会(?:及其|或者其)?常务委员会|人民政府)"
    r"[^。；，]{0,20}?(?:规定|制定)。?$")
# The article that authorises the law's implementing rules (国务院根据本法制定实施条例; 省、自治区、
# 直辖市的人民代表大会常务委员会可以根据本法……制定实施办法): the provincial 实施办法 is what it
# authorises.
_AUTHORISES_RULES = re.compile(
    rf"^(?:(?:{CENTRAL_ACTOR.pattern})(?:和中央军事委员会)?(?:可以)?(?:根据|依照|依据)本法[^。；]{{0,50}}?制定"
    r"[^。；]{0,8}?(?:实施条例|实施办法|实施细则|具体办法)(?:[，,]报国务院批准(?:后)?施行)?"
    # ... or the details of the law left to the provinces' own rules (……可以根据本地区的实际情况，
    # 在本法规定的罚款幅度内，规定具体的执行标准).
    r"|省、自治区、直辖市(?:的)?(?:人民代表大会(?:及其|或者其)?常务委员会|人民政府)(?:可以)?"
    r"(?:根据|依照|依据)(?:本法|本地区|本行政区域)[^。；]{0,50}?(?:制定|规定)[^。；]{0,8}?"
    r"(?:实施办法|实施细则|具体办法|执行标准|具体标准)"
    # ... or a matter of the law left to local rules (省、自治区、直辖市和设区的市、自治州可以结合
    # 实际，制定本地方生活垃圾具体管理办法).
    r"|省、自治区、直辖市[^。；，]{0,12}?可以(?:根据|结合)[^。；]{0,20}?[，,]?"
    r"制定本(?:地方|行政区域)[^。；]{0,20}?(?:办法|规定|细则)"
    # ... and the frame of the autonomous areas' own variations (民族自治地方的人民代表大会……
    # 制定变通的或者补充的规定。自治区的规定，报……批准后生效).
    r"|民族自治地方的人民代表大会[^。；]{0,60}?制定(?:变通|补充)[^。；]{0,10}?规定"
    r"|(?:自治区|自治州|自治县|自治州、自治县)的规定[，,]报[^。；]{0,40}?(?:批准|备案)[^。；]{0,30}?)[。；]?$")
# Which rule prevails between a treaty the State has concluded and its own law (……缔结或者参加的
# 国际条约同本法有不同规定的，适用该国际条约的规定), with its reservation (声明保留的条款除外) or
# its fallback to international custom (……没有规定的，可以适用国际惯例): foreign affairs, the
# State's alone.
_TREATY_RULE = re.compile(
    r"^[^。；]{0,60}?国际条约[^。；]{0,50}?(?:有不同规定|另有规定|有规定)的[，,][^。；]{0,6}?"
    r"(?:适用|按照|从)[^。；]{0,10}?(?:国际条约|协定|其)[^。；]{0,4}?规定|^但是?[，,]?[^。；]{0,20}声明保留的条款除外"
    r"|可以适用国际惯例")
# The State's own dealings abroad: international cooperation it carries out itself (国家根据……
# 国际条约，开展反兴奋剂国际合作; 国家组织开展……国际合作与交流), what it does under treaties (国家对
# ……在境外的正当权益，根据……国际条约……给予保护), and the principles of its foreign exchanges
# (对外体育交往坚持独立自主……), and its bodies' relations abroad. Not what it encourages (国家鼓励开展……国际交流与合作), which
# provinces take up in their own words, nor 国家鼓励和支持引进国外先进的……技术.
_FOREIGN_AFFAIRS = re.compile(
    r"^国家(?:组织)?开展[^，。；]{0,20}?(?:国际(?:合作|交流)|对外[^，。；]{0,4}交往)"
    # ... and the relations a national body keeps with its peers abroad (中国红十字会……发展同各国
    # 红十字会和红新月会的友好合作关系).
    r"|^(?:国家|中国[^，。；]{1,12}?)(?:(?!鼓励|支持|引导|地方)[^。；]){0,30}?"
    r"发展同(?:各国|外国|世界各国|其他国家)(?!地方)"
    r"|^国家[^。；]{0,20}?根据[^，。；]{0,30}?国际条约|^对外[^，。；]{0,6}交往坚持")
# Which law governs foreign investment in the field (外商投资企业使用土地的，适用本法；法律另有规定
# 的，从其规定): the State's rule on foreign investment.
_FOREIGN_INVESTMENT = re.compile(
    r"^外商投资[^。；，,]{0,30}?[，,](?:适用本法[；;，,])?(?:法律|法律、行政法规|法律、法规)另有规定的[，,]"
    r"(?:从其规定|依照其规定|适用其规定)。?$")
# A national day or week the law sets (每年九月十日为教师节).
_NATIONAL_DAY = re.compile(r"^每年[^。，；]{2,12}为[“\"「]?[^。，；]{2,20}[节日周月][”\"」]?。?$")
# A bridge from the rules before the national law to it (本法施行前……; ……前，……继续执行).
_TRANSITIONAL = re.compile(r"本(?:法|条例|办法|规定|细则)(?:施行|公布|实施)(?:以)?前|"
                           r"前[^。；]*继续(?:执行|有效|适用)")
# Sanctions a 通报 records as taken (……受到撤销党内职务处分; ……被移交司法机关; ……在事故中死亡，
# 不再追究责任), not set for a breach (……的，依法给予处分).
_SANCTIONS_TAKEN = re.compile(r"受到[^。；]{0,40}处分|被移交司法机关|不再追究(?:其)?责任")
# What a sentence about the situation says: achievements, trends, shortcomings, significance.
_DESCRIPTION = re.compile(
    r"以来|(?:^|[，,])(?:近|多|\d+|[一二三四五六七八九十]+)年来|\d+多年来|取得了?(?:[^，。]{0,6})(?:成效|成绩|进展|成果)|已经|已(?=[成建形基初全取实])|"
    r"日益|面临(?![^，。；]*出发)|(?:还|仍然?|依然)[^，。；]{0,6}存在|时有发生|亟待解决|尚未|尚不|意义|必然要求|必然选择|"
    # Why it matters, said as drafters say it (没有农业机械化，就没有农业农村现代化).
    r"^没有[^。，；]{2,20}[，,]?就没有|"
    # Problems listed (存在有效供给不充分、总体规模不大等问题), not one to solve (整改存在的问题).
    r"^(?!.*(?:针对|解决|整治|整改)).*存在[^。，；]{0,30}、[^。；]{0,40}等(?:突出)?问题[。；]?$|"
    r"是[^，。]{0,20}的?(?:关键|重要(?:举措|支撑|内容|途径|抓手|保障|基础|指标|标志|体现|组成部分|平台|载体|窗口|力量)|"
    # What a body is for (提供高质量的医疗服务是三级公立医院的核心任务).
    r"(?:核心|首要|根本|中心)任务)|"
    # The part a thing plays (……对发展对外贸易……发挥着重要作用): 着 tells what it does, not what
    # it is asked to do.
    r"发挥着[^，。；]{0,6}作用|"
    # What a thing is and is not (……并不是……，而是一种……理念).
    r"^[^。；]{0,24}并不是[^。]*而是|"
    r"是[^，。]{0,30}的(?:战略|重大)(?:举措|部署|决策|选择)|"
    # Trends (随着……不断加快; ……越来越紧迫) and what has been done (形成了, 制约了): the
    # aspect marker 了, not 为了, 除了 or 了解.
    r"^随着|越来越|(?<![为除])了(?![解结])|"
    # What happened, as a report or a 通报 tells it: dated events and last year's figures
    # (2003年5月13日，……发生……事故，造成……; 据初步统计，1996年……共造成……), not a deadline
    # (2019年起……), which asks something.
    r"^(?:据[^，。；]{0,10}统计[，,])?(?:\d{4}年(?![起后以开])|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月\d{1,2}日)"
    r"[^。；]*?(?:发生|造成|死亡|遇难|损失|有所(?:下降|上升|增长|减少))|"
    # The sanctions already taken (……受到撤销党内职务处分; ……被移交司法机关; 不再追究责任).
    rf"{_SANCTIONS_TAKEN.pattern}|"
    # Why a field matters (……是一项十分重要而艰巨的任务，关系到人民生命和财产安全), what
    # experience shows (实践表明，……), a danger that is there (……却客观存在着).
    r"^[^。；，]{2,20}是一项[^。；，]{0,16}(?:任务|工作|工程|事业)[，,]关系到|实践(?:表明|证明)|"
    # What is at stake (……事关人民群众的生命财产安全，事关社会稳定大局) and what the work is
    # like (……办学工作，政治性强，涉及面广).
    r"事关|(?:政治性|政策性|敏感性|专业性|技术性|综合性|复杂性)(?:很|较|比较|特别)?强(?!的)|"
    # What an inquiry found and what it shows (经调查认定，……均为责任事故; 这4起事故，反映出……).
    r"^经[^，。；]{0,8}(?:调查|核查|鉴定)(?:认定|核实|确认)?[，,]|反映出|暴露出|"
    r"事实(?:表明|证明)|客观存在|^值得注意的是|"
    # A forecast (……发生7级以上地震的可能性较大; 发震地区可能在……).
    r"可能性(?:较|很|比较)?大|有可能(?:发生|出现)(?![^，,。；]*的)|(?:地区|区域|地带)可能在|"
    # What a thing will bring or weigh on (……将对我国未来地震活动产生重要影响; ……给……部署工作
    # 带来一定困难), and what does not necessarily hold (……不一定有完全的对应关系).
    r"将(?:会)?对[^，。；]{0,20}产生[^，。；]{0,6}影响|带来[^，。；]{0,4}(?:困难|不便)|不一定|未必")
# The problems a description lists, whose later pieces (……；有的……；……) ask nothing either.
_PROBLEMS = re.compile(r"^(?!.*(?:针对|解决|整治|整改)).*(?:(?:还|仍然?|依然)[^，。；]{0,6}存在|时有发生|"
                       r"亟待解决|存在[^。；]{0,40}问题)")
# A turn of phrase that asks nothing (但也要看到，……存在……等问题).
_ASIDE = re.compile(r"(?:但|同时|但同时)?(?:也|还)?(?:要|应当?)看到|"
                    # ……到了必须下大力气抓好的时候: a way of saying it matters.
                    r"到了[^，。；]{0,16}的时候|"
                    # Where a forecast says to watch (……的可能性较大，……，特别应注意……交界一带).
                    r"(?:特别|尤其)应注意(?!加强|做好|抓好|防范|开展|落实|组织|提高|完善)[^，。；]{2,30}?一带|"
                    # What a report or a meeting stressed (党的十九大报告强调要……), told, not asked.
                    r"^[^。，；]{0,20}(?:报告|会议|全会|讲话|指示|批示)(?:中)?(?:强调|指出|明确|提出)[^，。；]*")
# What a sentence that asks something says.
_DEMAND = re.compile(r"(?<![重需主必纲概只提摘])要(?![求素点件])|(?<![适响反供对感相])应(?![用对急])|必须|"
                     # A request to those who act (……已经国务院同意，请各省、自治区、直辖市人民政府认真
                     # 贯彻落实), not a report's 请示.
                     r"(?:^|[，,])请(?!示)|"
                     r"(?<![必无])须|不得|严禁|力争|确保|到\d{4}年|\d{4}年[^，。；]{0,6}前|原则上")
# Headings of the parts that set goals (发展目标, 主要目标, 工作目标).
_GOAL_HEADING = re.compile(r"目标")
# Headings of the parts that describe the situation rather than set tasks.
_SITUATION_HEADING = re.compile(r"现状|形势|背景|意义|成效|进展")
# A part that only sets out the situation (一、发展现状 / 面临形势 / 重要意义): even its closing
# exhortation (要主动顺应……全面开创……新局面) sums up tasks the later parts set; a province
# writes its own situation.
_BACKGROUND_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?"
    r"(?:(?:发展|基本|当前|面临的?|工作)?(?:现状|形势|背景)(?:[和与及](?:形势|现状|问题|挑战|意义))?"
    # 基础 only as the ground already laid (发展基础), not 夯实……基础 or 基础设施, which set tasks.
    r"|(?:发展|工作|现实)基础|(?:重要|重大)意义)$")
_BRACKETED_PART = re.compile(r"[（(][^（）()]*[）)]")
# The sentence that introduces the document's own text.
_INTRODUCTION = re.compile(r"(?:现|特)(?:提出|制定)(?:如下|以下|本)|现[^。；]{0,40}?(?:通知如下|提出(?:如下|以下))|"
                           # A report's formulas: 现将……报告如下; 为此，提出以下几点意见; 以上意见如无
                           # 不妥，请批转……执行.
                           r"现[^。；]{0,80}?(?:报告|请示)如下|^(?:为此|对此|据此)[，,]?特?提出(?:以下|如下)|"
                           r"^以上[^。；，]{0,8}如无不妥|"
                           # A transmittal's formula: ……已经国务院同意，现转发给你们，请认真贯彻执行;
                           # 现将《……》印发给你们.
                           # One that also sets a deadline or asks for a report asks something.
                           r"(?:转发|印发)给你们(?![^。]*?(?:\d|[年月]底?前|报送|上报))|"
                           # 为指导地方开展……，制定本方案.
                           r"^为[^。；]{2,80}[，,]特?制定本(?:方案|意见|办法|预案|计划|规划|细则|措施)。?$")
# A lead-in that only opens the items below it (为此，在……应切实抓好以下几方面工作：; 办公室承担
# 以下职责：): the items carry the tasks. One that sets them a deadline (……要在2030年底前完成以下工作：) states a task.
_LEAD_IN = re.compile(r"(?:以下|下列|如下)(?:几|各|[一二三四五六七八九十]+)?(?:个|项|点)?(?:方面)?的?"
                      r"(?:工作|内容|措施|任务|要求|事项|职责)[：:]$")
# What may stand before such a lead-in: how it connects (为此，), the occasion (向国务院请示……时，),
# but no task of its own (加快建立……体系，重点做好以下工作：).
_LEAD_IN_OPENING = re.compile(r"^(?:为此|对此|据此|因此|同时|此外|为[^，,]*|针对[^，,]*|在[^，,]*|按照[^，,]*|"
                              r"根据[^，,]*|围绕[^，,]*|[^，,]*时)[，,]")
_DEADLINE_WORDS = re.compile(r"[0-9０-９]|[年月]底?前|年内|月内|日内|限期|期限")


def _opens_items_only(text: str) -> bool:
    """Whether a sentence only opens the items below it (``_LEAD_IN``): nothing before its last
    phrase but a connecting or framing phrase, and no deadline."""
    if not _LEAD_IN.search(text) or _DEADLINE_WORDS.search(text):
        return False
    head = re.split(r"[，,]", text)[:-1]
    return not head or bool(_LEAD_IN_OPENING.match("，".join(head) + "，"))


def article_not_expected(paragraphs: Sequence[str], bodies: Sequence[str] = ()) -> Reason | None:
    """Why a national article is not expected of a province, or None when it is.

    Args:
        paragraphs: the article's 款 as printed (without the 第N条 label).
        bodies: the national bodies the statute has a central organ set up
            (``statute_bodies``): an article about their work alone is the centre's.
    """
    text = "".join(paragraphs).strip()
    if not text:
        return None
    if effective_date(text):
        return Reason("effective_date", "本条规定国家文件的施行日期，地方文件无需承接。")
    if _CRIMINAL.search(text) and len(_CRIMINAL.sub("", text)) <= 12:
        return Reason("criminal", "刑事责任只能由法律规定，地方文件无需承接。")
    rest = _RESERVED_NAMED.sub("", _RESERVED_LIABILITY.sub("", text))
    # The acts a list of offences names (（四）将国家禁止出境的文物私自出售的) are no duty of it.
    own = _RESERVED_NAMED.sub("", _RESERVED_LIABILITY.sub("", "".join(
        p for p in paragraphs if not ITEM_LABEL.match(p.strip()))))
    if _FOR_A_BREACH.search(text) and not _LOCAL_SANCTION.search(rest) and not _DUTY.search(own):
        return Reason("reserved", "本条只规定刑事责任、治安管理处罚或者民事责任，只能由法律规定，"
                                  "地方文件无需承接。")
    if _JUDICIAL.search(text) and len(text) <= 120:
        return Reason("judicial", "诉讼和仲裁制度只能由法律规定，地方文件无需承接。")
    # Its 款 as sentences of their own: a lead-in ending in "：" is no part of the next 款.
    if _civil_rule("。".join(p for p in paragraphs if not ITEM_LABEL.match(p.strip()))):
        return Reason("civil", "本条规定民事赔偿责任的承担或者免除，属民事基本制度，只能由法律规定，"
                               "地方文件无需承接。")
    if _states_only(own, _OWNERSHIP):
        return Reason("ownership", "本条规定财产所有权的归属，只能由法律规定，地方文件无需承接。")
    if _states_only(text, _OTHER_LAW, whole=True):
        return Reason("other_law", "本条只指明适用其他法律的规定，地方文件无需承接。")
    # Its list items, if any, name the acts or matters (（一）提供虚假材料，进口……); whom the
    # article addresses is said around them (……的，由出入境检验检疫机构……给予处罚：).
    # Each 款 a sentence of its own: a lead-in ending in "：" does not run into the next 款.
    frame = "。".join(p.strip().rstrip("：:") for p in paragraphs if not ITEM_LABEL.match(p.strip()))
    items = CENTRAL_ACTOR.sub("", "".join(p for p in paragraphs if ITEM_LABEL.match(p.strip())))
    if central_only(text) or (items and frame.strip() and central_only(frame)
                              and not _LOCAL_LEVEL.search(items)):
        return Reason("central", "本条只规定国务院等中央层面的职责，地方文件无需承接。")
    if bodies and all(_about_national_body(s, bodies) for s in _sentences(text)):
        return Reason("central", "本条规定国家设立的机构（如由国务院部门设立的委员会）的工作及其程序，"
                                 "地方文件无需承接。")
    if central_procedure(text):
        return Reason("central_procedure", "本条规定的审批、备案等事项由国务院或其有关部门办理，"
                                           "或属国家统一管理的出入境事项，地方文件无需承接。")
    if _crossing_only(text):
        return Reason("central_procedure", "本条规定进出口、出入境等涉外事项，由国家统一管理，地方文件无需承接。")
    if _FOREIGN_ENTRY.match(text) and not _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", text)):
        return Reason("central_procedure", "本条规定外国人、外国船舶等进入我国管辖区域的管理，属国家涉外事务，"
                                           "地方文件无需承接。")
    if _TO_PROVINCES.match(text) or all(_AUTHORISES_RULES.match(s) for s in _sentences(text)):
        return Reason("to_provinces", "本条把有关事项交由省级人大或者政府规定，地方文件本身即是这一规定，"
                                      "无需逐条承接。")
    if all(_TREATY_RULE.search(s) for s in _sentences(text)):
        return Reason("treaty", "本条规定国际条约与国家法律的适用关系，属国家对外事务，地方文件无需承接。")
    if all(_FOREIGN_AFFAIRS.match(s) for s in _sentences(text)):
        return Reason("foreign", "本条规定国家的对外交往和国际合作，属国家对外事务，地方文件无需承接。")
    if _FOREIGN_INVESTMENT.match(text):
        return Reason("foreign", "本条规定外商投资适用的法律，属国家对外经济事务，地方文件无需承接。")
    if _NATIONAL_DAY.match(text):
        return Reason("national_day", "本条设立全国性的节日或纪念日，地方文件无需承接。")
    if _bridges_only(text) and not _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", text)):
        return Reason("transitional", "本条是国家法律施行前后的过渡安排，地方文件无需承接。")
    return None


def _sentences(text: str) -> list[str]:
    """A provision's sentences and semicolon pieces, stripped, without their stops."""
    return [s.strip() for s in re.split(r"[。；]", text) if s.strip()]


def _crossing_only(text: str) -> bool:
    """Whether every sentence of a provision opens with goods or people crossing the border
    (``_CROSSING``), it sets a control on the crossing (检疫, 许可, 批准, 代理……: not 出口企业应当
    依法纳税, nor 向境外提供个人信息的，应当取得个人单独同意) and no local government is named in it."""
    sentences = _sentences(text)
    return (bool(sentences) and all(_CROSSING.search(s) for s in sentences)
            and bool(_BORDER_CONTROL.search(text))
            and not _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", text)))


_BORDER_CONTROL = re.compile(r"检疫|许可|审批|批准|海关|口岸|代理|审查|限制|不得进出口|禁止进出口")


def _bridges_only(text: str) -> bool:
    """Whether an article only bridges the rules before the law to it (本法公布前……的企业，应当在
    ……期限内达到本法规定的条件): its other sentences, if any, are central organs' duties
    (国务院邮政管理部门应当将……情况……通报)."""
    state_council = _state_council_lists(text)
    bridges = [s for s in re.split(r"[。；]", state_council) if s.strip() and (
        _TRANSITIONAL.search(s) or not _CENTRAL_SUBJECT.search(_CENTRAL_REFERENCE.sub("", s)))]
    # What those before the law must do to meet it (应当在……期限内达到本法规定的条件) is part
    # of the bridge; a local government given a duty is not (the caller's test).
    return bool(bridges) and all(_TRANSITIONAL.search(s) for s in bridges)


def _civil_rule(text: str) -> bool:
    """Whether an article (its list items left out) only states who bears a loss: every
    sentence is a civil rule, its exception or a definition, and at least one a civil rule."""
    sentences = _sentences(text)
    rules = [bool(_CIVIL_RULE.search(s)) for s in sentences]
    return any(rules) and all(rule or _CIVIL_ASIDE.search(s) for rule, s in zip(rules, sentences))


def _states_only(text: str, statement: re.Pattern[str], *, whole: bool = False) -> bool:
    """Whether every sentence of the text makes the statement (matches the pattern) — the
    whole sentence when ``whole`` — and none sets a duty (县级以上地方人民政府应当依照……执行).
    The list a statement opens (下列可移动文物，属于国家所有：) is left out by the caller."""
    sentences = _sentences(text)
    if not sentences:
        return False
    for sentence in sentences:
        found = statement.match(sentence) if whole else statement.search(sentence)
        if not found or _OWNED_DUTY.search(_OWNERSHIP_DUTY.sub("", sentence)):
            return False
    return True


def effective_date(text: str) -> bool:
    """Whether an article only states when the text takes effect: it opens 本法自……起施行,
    and whatever follows repeals or bridges to older texts (……同时废止; 本法施行前……)."""
    sentences = [s for s in re.split(r"[。；]", text.strip()) if s.strip()]
    if not sentences or not _EFFECTIVE_DATE.match(sentences[0].strip()):
        return False
    return all(_AFTER_EFFECTIVE_DATE.search(s) for s in sentences[1:])


def dates_the_text(sentence: str) -> bool:
    """Whether a sentence states when its own text takes effect (本条例自……起施行), whatever
    stands before it in the sentence."""
    return len(sentence) <= 80 and bool(_DATING.search(sentence))


def repeals_older_text(sentence: str) -> bool:
    """Whether a sentence repeals an older text, as a 施行 article goes on after its date
    (2005年……通过的《西岭省法律援助条例》同时废止; 原《……办法》不再执行)."""
    return len(sentence) <= 160 and bool(_REPEAL.search(sentence))


_REPEAL = re.compile(r"(?:同时|一并|即行)?(?:废止|停止执行|不再执行|同时失效)[。；]?$")


# Departments listed after a State Council one share its 国务院 (国务院人力资源社会保障行政部门、
# 教育行政部门……).
_LISTED_AFTER_CENTRAL = re.compile(
    r"(国务院[^，,。；、]{0,14}?部门)((?:(?:、|和|及|以及|会同)(?!国务院|有关|其他|相关)[^，,。；、和及]{1,14}?部门)+)")
# ……and fields listed under one 部门 (国务院教育、公安部门).
_FIELD = (r"(?:教育|公安|交通运输|财政|民政|司法|卫生健康|农业农村|自然资源|生态环境|商务|文化和旅游|"
          r"应急管理|住房城乡建设|人力资源社会保障|市场监督管理|税务|发展改革|工业和信息化|科学技术|"
          r"价格|邮政管理|体育|广播电视|网信|外交|国防|水利|审计)(?:行政|主管)?")
_FIELDS_OF_CENTRAL = re.compile(rf"国务院((?:{_FIELD}、)+{_FIELD})部门")
_JOINED = re.compile(r"(、|和|及|以及|会同)")


def _state_council_lists(text: str) -> str:
    """The text with 国务院 written before every department of a list a State Council
    department opens (国务院科学技术行政部门会同财政部门; 国务院教育、公安部门), and before the
    other departments such a list ends with (国务院教育行政部门、……和其他有关部门: the State
    Council's other departments)."""
    text = _FIELDS_OF_CENTRAL.sub(
        lambda m: "、".join(f"国务院{field}部门" for field in m.group(1).split("、")), text)
    text = _LISTED_AFTER_CENTRAL.sub(lambda m: m.group(1) + _JOINED.sub(r"\1国务院", m.group(2)), text)
    return _OTHERS_AFTER_CENTRAL.sub(r"\1国务院其他有关部门", text)


# A list of State Council departments that ends with "the other departments concerned".
_OTHERS_AFTER_CENTRAL = re.compile(r"(国务院[^，,。；]{0,40}?部门(?:、|和|及|以及))其他有关部门")


def central_only(text: str) -> bool:
    """Whether a provision addresses central organs only.

    At least half of its sentences have a central organ as the one who acts — at the head of
    the sentence or of one of its comma phrases, or after 由 (not merely named as the source of
    a rule: 按照国务院的规定, 贯彻党中央、国务院决策部署) — or have 国家 act nationwide; and it
    addresses nobody a local text could (local governments and departments, or units and people
    as subjects).
    """
    text = _state_council_lists(text)
    if _DELEGATED.match(text.strip()):
        rest = CENTRAL_ACTOR.sub("", text)
        # The head of 境外的组织和个人……合作办学的办法，由国务院规定 names a matter, not who acts.
        head = re.split(r"[，,]?由", rest.strip(), maxsplit=1)[0]
        return not (_LOCAL_GOVERNMENT.search(rest)
                    or (_LOCAL_SUBJECT.search(rest) and not _MATTER.search(head)))
    acting = _CENTRAL_REFERENCE.sub("", text)
    sentences = [s for s in re.split(r"[。；]", acting) if s.strip()]
    central = sum(1 for s in sentences if _CENTRAL_SUBJECT.search(s) or _NATIONWIDE.search(s))
    if not sentences or 2 * central < len(sentences):
        return False
    # Local governments a central organ works with (国务院水行政主管部门应当会同……省、自治区、
    # 直辖市人民政府制定……规划) take part in its duty; they do not share it.
    rest = _PARTNERS.sub("", CENTRAL_ACTOR.sub("", acting))
    return not (_LOCAL_GOVERNMENT.search(rest) or _LOCAL_SUBJECT.search(rest))


# ... up to another actor (……会同国务院财政部门或者由省、自治区人民政府……部门……: the province acts).
_PARTNERS = re.compile(r"会同(?:(?!由|或者)[^，,。；]){0,40}(?:人民政府|部门)"
                       # ... or works with (与省、市、县融资担保机构合作).
                       r"|(?<![参给])与(?:(?!由|或者)[^，,。；]){0,40}?(?:合作|对接|联动)"
                       # ... and those it oversees (对省、自治区、直辖市人民政府……进行督察).
                       r"|^(?:(?!人民政府|地方|省|各地)[^，,。；]){0,30}?对(?:(?!由|或者)[^，,。；]){0,50}"
                       r"(?:人民政府|各地区|各部门|各地)"
                       r"(?=[^，,。；]{0,30}(?:进行|开展|实施)?(?:网上)?"
                       r"(?:督察|督查|检查|考核|监督|评估|监测|抽查|巡查))"
                       # ... and those it rewards (中央财政要对……工作成效明显的地方予以奖补激励).
                       r"|^(?:(?!人民政府|地方|省|各地)[^，,。；]){0,30}?对(?:(?!由|或者)[^，,。；]){0,60}?"
                       r"(?:人民政府|地方|地区|省份|各地)"
                       r"(?=(?:予以|给予)[^，,。；]{0,4}?(?:奖补|奖励|激励|补助|补贴|倾斜|表扬))")


def central_procedure(text: str) -> bool:
    """Whether a provision sets a procedure run by central organs: most of its sentences
    route the decision to them (报国务院……批准, 由国务院……部门制定, 根据国务院……的要求)
    or have them act alone, or — where the provision names a central organ — deal with
    crossing the border (文物出境……海关凭……放行); no local government is named, and no other
    sentence has units or people act (学校……自主进行教师管理工作). A sentence of 国家
    (国家实行……制度，具体办法由国务院制定) is every level of government's and does not count.
    """
    text = _state_council_lists(text)
    if not CENTRAL_ACTOR.search(text) or _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", text)):
        return False
    sentences = _sentences(_CENTRAL_REFERENCE.sub("", text))
    central = [not s.startswith("国家") and bool(
        # A prohibition on units (……未经国务院……批准进口的，不得……) is theirs to obey locally.
        (_CENTRAL_DECISION.search(s) and not _PROHIBITION.search(s))
        or _BORDER.search(CENTRAL_ACTOR.sub("", s))
        or (_CENTRAL_SUBJECT.search(s) and not _LOCAL_SUBJECT.search(CENTRAL_ACTOR.sub("", s))))
        for s in sentences]
    if 2 * sum(central) <= len(sentences):
        return False
    return not any(not is_central and _LOCAL_SUBJECT.search(s)
                   for is_central, s in zip(central, sentences))


def states_no_task(text: str, heading: str = "") -> bool:
    """Whether a policy sentence states no task: it stands in a part that only sets out the
    situation (发展现状), or it tells what has been achieved or what the situation is
    (形势、现状、意义) — or stands in a part about the situation — and asks nothing, or it only
    introduces the document."""
    if _INTRODUCTION.search(text):
        return True
    if _BACKGROUND_HEADING.match(heading.strip().rstrip("。")):
        return True
    if _GOAL_HEADING.search(heading):
        # A goal says what is to be achieved (……机械化取得明显进展), however it is worded.
        return False
    # What brackets add (……（其中……共落实了165名扩招任务）) tells nothing of the sentence itself.
    describes = bool(_DESCRIPTION.search(_BRACKETED_PART.sub("", text))
                     or _SITUATION_HEADING.search(heading))
    return describes and not _DEMAND.search(_ASIDE.sub("", text))


def plainly_no_task(text: str, heading: str = "") -> bool:
    """Whether a policy sentence is no task beyond doubt: the formula introducing the text, or
    a sentence of a part that only sets out the situation. A description read from its words
    (……尚未……, ……日益……) may be a task's condition (对污水处理率尚未达标的城市，加大……)."""
    return bool(_INTRODUCTION.search(text) or _BACKGROUND_HEADING.match(heading.strip().rstrip("。")))


def echo_not_expected(reason: Reason, text: str, heading: str = "") -> bool:
    """Whether a policy sentence not expected of a province (for ``reason``) stays so when the
    province carries it in part: a central organ's duty or the introduction formula does, a
    task only read as a description (对……尚未达标的城市，加大……) does not."""
    return reason.code != "no_task" or plainly_no_task(text, heading)


# A body a national text sets up (成立联合采购办公室; 由国务院办公厅、国家医保局……组成……试点
# 工作小组（以下简称试点工作小组）) is a national one, whatever its name.
_BODY = r"[\u4e00-\u9fff]{2,24}?(?:工作小组|领导小组|小组|委员会|办公室|联席会议|指挥部)"
_SET_UP = re.compile(rf"(?:成立|组建|设立)({_BODY})(?=[，,。；、及和（]|$)")
# Who sets up a body of their own: local governments (各试点城市政府要……成立领导小组), units
# (设董事会的公司……须设立编辑委员会).
_LOCAL_FOUNDER = re.compile(rf"{_LOCAL_GOVERNMENT.pattern}|各|政府|市|单位|企业|公司|学校|机构|组织")
_MADE_UP = re.compile(rf"组成({_BODY})(?:（以下简称“?([\u4e00-\u9fff]{{2,16}}?)”?）)?")


def national_bodies(sentences: Sequence[str]) -> tuple[str, ...]:
    """The bodies a national policy sets up for the centre, by every name it gives them.

    A body is set up (成立/组建/设立) or made up of members (由……组成……工作小组（以下简称……）)
    in a sentence that names no local government or unit before it (各地要成立领导小组 sets up
    local ones), and it is the centre's when that sentence also names a central organ (组长由
    国务院副秘书长担任; 由国家医保局……组成) or a body already found to be the centre's (在试点
    工作小组领导下，成立联合采购办公室). A body with no tie to the centre (成立……专家委员会) may
    be one every province sets up too.
    """
    founded: list[tuple[list[str], str]] = []
    for sentence in sentences:
        for found in list(_SET_UP.finditer(sentence)) + list(_MADE_UP.finditer(sentence)):
            if not _LOCAL_FOUNDER.search(CENTRAL_ACTOR.sub("", sentence[:found.start()])):
                founded.append(([name for name in found.groups() if name], sentence))
    names: list[str] = []
    grown = True
    while grown:  # a body led by one found since, however long the chain
        grown = False
        for bodies, sentence in founded:
            if all(name in names for name in bodies):
                continue
            others = sentence
            for name in bodies:
                others = others.replace(name, "")
            if (CENTRAL_ACTOR.search(others) or any(name in others for name in names)
                    or any(CENTRAL_ACTOR.fullmatch(name) for name in bodies)):
                names.extend(name for name in bodies if name not in names)
                grown = True
    # The groups a national body sets up under itself (联合采购办公室下设监督组、专家组、集中采购
    # 小组) are national too.
    for sentence in sentences:
        for found in _SUBORDINATE.finditer(sentence):
            if found.group(1) in names:
                names.extend(name for name in _SUBORDINATE_NAME.findall(found.group(2))
                             if name not in names)
    return tuple(names)


_SUBORDINATE_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:小组|组|委员会|办公室|中心)")
_SUBORDINATE = re.compile(rf"({_BODY})下设((?:{_SUBORDINATE_NAME.pattern})(?:[、和及](?:{_SUBORDINATE_NAME.pattern}))*)")


def statute_bodies(sentences: Sequence[str]) -> tuple[str, ...]:
    """The names of the bodies a national statute has a central organ set up (国务院体育行政部门
    依照本法组织设立体育仲裁委员会), and of their work (体育仲裁) where that is the body's own:
    national bodies, whose work and procedure are the centre's. A body a local government sets
    up (由……市人民政府组织……组建仲裁委员会) is every place's own.

    A body's work is named by what is left of its name (体育仲裁委员会 → 体育仲裁), when that has
    four characters at least and stands in few of the statute's sentences (``_BODY_WORK_SHARE``):
    食品安全 of 食品安全委员会 is what the whole law is about, not the body's work.
    """
    sentences = [sentence for sentence in sentences if sentence.strip()]
    names: list[str] = []
    for sentence in sentences:
        for found in _SET_UP.finditer(sentence):
            founder = sentence[:found.start()]
            # A committee: a 指挥部, 领导小组 or 办公室 of the same name every level sets up.
            if (found.group(1).endswith("委员会") and CENTRAL_ACTOR.search(founder)
                    and not _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", founder))
                    and found.group(1) not in names):
                names.append(found.group(1))
    works = []
    for name in names:
        work = _BODY_KIND.sub("", name)
        holding = sum(work in sentence for sentence in sentences)
        if len(work) >= 4 and holding <= _BODY_WORK_SHARE * len(sentences):
            works.append(work)
    return tuple(names + works)


# What is left of a body's name to name its work by (体育仲裁委员会 → 体育仲裁).
_BODY_KIND = re.compile(r"(?:委员会|办公室|工作小组|领导小组|小组)$")
# The largest share of a statute's sentences a body's work may stand in to be the body's own.
_BODY_WORK_SHARE = 0.1


def _about_national_body(sentence: str, bodies: Sequence[str]) -> bool:
    """Whether a statute's sentence is about a national body or its work (``statute_bodies``:
    体育仲裁裁决书……; 当事人……申请体育仲裁), naming no local government or department."""
    return (not _LOCAL_GOVERNMENT.search(CENTRAL_ACTOR.sub("", sentence))
            and any(name in sentence for name in bodies))


def _led_by(text: str, bodies: Sequence[str]) -> bool:
    """Whether a sentence sets up one of a national text's own bodies or has one act (试点工作
    小组办公室对……进行指导监督; 在试点工作小组领导下，成立联合采购办公室; ……的具体指标由联合
    采购办公室负责拟定), with no local government acting beside it."""
    if not bodies:
        return False
    names = "|".join(re.escape(name) for name in sorted(bodies, key=len, reverse=True))
    acting = re.search(rf"^(?:在[^，。；]{{0,30}}领导下[，,])?(?:由|成立|组建|设立)?(?:{names})"
                       rf"|由(?:{names})"
                       # ... or sets one up in its last phrase, after what it is for (为把握……，
                       # ……，在政府指导下组建国家职业教育指导咨询委员会).
                       rf"|(?P<last>(?:成立|组建|设立)(?:{names})[^，,。；]*[。；]?$)", text)
    if acting is None:
        return False
    if acting.group("last") is not None:
        # Set up at the end: by the centre unless the last phrase has a local government or
        # unit set it up (各地要成立……; 试点城市要组建……); under guidance (在政府指导下) is none.
        founder = re.split(r"[，,；;]", text[:acting.start()])[-1]
        founder = re.sub(r"在[^，,。；]{0,20}?(?:指导|领导)下", "", founder)
        return not _LOCAL_FOUNDER.search(re.sub(names, "", CENTRAL_ACTOR.sub("", founder)))
    # Local governments or pilot areas acting beside the body (……办公室和省级人民政府要……;
    # ……办公室和试点地区如遇……) make it a shared duty; named later as those it
    # works with (协调部门与地方之间相关工作) they do not.
    first = re.split(r"[，,；;]", text, maxsplit=1)[0]
    beside = re.search(rf"(?:{names})(?:及其办公室)?(?:和|及|与|、|以及)[^，。；]{{0,6}}"
                       r"(?:地区|城市|地方|政府|省|市|县)", text)
    return beside is None and not _LOCAL_GOVERNMENT.search(
        re.sub(names, "", CENTRAL_ACTOR.sub("", first)))


# A sentence under a body's name that says what it does (1.监督组。负责对……进行监督……): the body's
# duty.
_BODY_DUTY = re.compile(r"^(?:主要|具体)?(?:负责|承担)")


def clause_not_expected(text: str, *, heading: str = "", before: str = "",
                        bodies: Sequence[str] = (), mirrored: bool = False) -> Reason | None:
    """Why a policy sentence is not expected of a province, or None when it is.

    Args:
        text: the sentence.
        heading: the title of the section it stands in ("" for the preamble).
        before: the first piece of its sentence when it was cut at semicolons: the rest of a
            description (……还存在各类问题，有的……；有的……仍然由相关机构管理) or of a record of
            sanctions (……受到……处分；责令……写出书面检查) asks nothing either.
        bodies: the bodies the national text sets up for itself (``national_bodies``): their
            duties are central ones.
        mirrored: the provincial text is its government's own rules after the State Council's
            (``mirrors``): 国务院 and its heads stand for the province's, and naming them sets
            nothing apart.
    """
    if _INTRODUCTION.search(text):
        # Said of this sentence, not as a list of patterns (a reviewer read the list as the
        # program's own workings).
        return Reason("no_task", "本句是引出正文的行文用语，未提出具体任务，地方文件无需逐句承接。")
    if _opens_items_only(text.strip()):
        return Reason("no_task", "本句只引出下列各项，任务见各项内容，地方文件无需单独承接。")
    if states_no_task(text, heading) or (
            before and (_PROBLEMS.search(before) or _SANCTIONS_TAKEN.search(before))
            and not _DEMAND.search(text)):
        where = f"（{heading}）" if heading else ""
        return Reason("no_task", f"本句{where}叙述形势、现状或意义，未提出具体任务，地方文件无需逐句承接。")
    if _DEFINITION.match(text.strip()) and not _DEMAND.search(text):
        return Reason("no_task", "本句说明概念的含义、分类或范围，未提出具体任务，地方文件无需逐句承接。")
    if (_REGION_PRACTICE.match(text) and not _REGION_ACTS.match(text)
            and not _DEMAND.search(_ASIDE.sub("", text))):
        return Reason("no_task", "本句介绍特定地区的做法或情况，未提出具体任务，地方文件无需逐句承接。")
    if not mirrored and central_only(text):
        return Reason("central", "本句只规定国务院等中央层面的职责，地方文件无需承接。")
    if _states_only(text, _OWNED_BY):
        return Reason("ownership", "本句规定财产或者权利的归属，只能由法律规定，地方文件无需承接。")
    if _OWN_PLAN.match(text.strip()):
        return Reason("to_provinces", "本句要求各省出台本地的实施方案，地方文件本身即是这一方案，无需逐句承接。")
    if repeals_older_text(text) and _NAMED_TEXT.search(text):
        return Reason("central", "本句停止执行国家此前印发的文件，只能由原发文机关决定，地方文件无需承接。")
    if _COMMENDED.search(text):
        return Reason("central", "本句是国务院对有关地方或单位的表扬或批评，属发文机关自身的决定，"
                                 "地方文件无需承接。")
    if _REPORTER.match(text):
        return Reason("central", "本句是起草报告的国家部门（我局、我部等）自身的工作安排，地方文件无需承接。")
    if _led_by(text, bodies) or (heading in bodies and _BODY_DUTY.match(text.strip())):
        return Reason("central", "本句规定国家文件设立的工作机构（如工作小组、办公室）的组成或职责，"
                                 "地方文件无需承接。")
    return None


# A request that each province issue its own plan, and nothing more (2019年6月底前各省份要出台具体实施
# 方案): the provincial text is that plan.
_OWN_PLAN = re.compile(r"^(?:[^，。；]{0,16}前[，,]?)?各(?:省份|省（区、市）|省、自治区、直辖市)(?:人民政府)?"
                       r"(?:要|应当)(?:结合(?:本地)?实际[，,]?)?(?:出台|制定|研究制定)(?:具体|本地区)?的?"
                       r"(?:实施方案|实施意见|工作方案|实施细则)。?$")
# Where a State Council measure applies, as its note says (（负责部门：民航局，适用范围：河南自贸试验区）).
_SCOPE_NOTE = re.compile(r"[（(][^（）()]*?适用范围\s*[：:]\s*([^）)]+)[）)]")
# A scope that takes in every place (所有自贸试验区, 以下除标注……外适用范围均为所有……).
_EVERYWHERE = re.compile(r"所有|全部|各地|全国")


# A text named by its title or number (《……的通知》（国办发〔2016〕82号）), as a repeal names the one
# it ends.
_NAMED_TEXT = re.compile(r"《[^》]+》|〔\d{4}〕")
# The State Council praising or criticising named places itself (……，经国务院同意，对北京市……等130项
# 地方典型经验做法予以通报表扬): its own act, which no province repeats.
_COMMENDED = re.compile(r"经国务院(?:同意|批准)[，,]对[^。；]{2,}?予以(?:通报)?(?:表扬|表彰|嘉奖|批评)")
# The national department whose report a transmittal prints, speaking of its own work (我局将
# 尽快向各地提供……; 我部将会同……).
_REPORTER = re.compile(r"^(?:[^，,。；]{0,12}[，,])?我(?:局|部|委|署|办)(?!国|省|市|区|县)")
_REGION_SUFFIX = r"(?:市|省|自治区|[壮回]族自治区|维吾尔自治区|特别行政区)"
# What a named place did, as a 通报 praises it or a preamble tells it (北京市大力推进……; 河北省
# 邢台市实施……改革): no task of this province or any other.
_REGION_PRACTICE = re.compile(
    rf"^(?:(?:{PROVINCIAL_REGIONS})(?:{_REGION_SUFFIX}|自贸试验区|自由贸易试验区)|新疆生产建设兵团)"
    # ... one place, not several (天津市和河北省……, 北京市和周边地区……; but 天津市和平区 is one).
    r"(?![、及与]|和(?![平田]))(?!.*请(?:你|各|有关))")
# What a term means, what it comprises, into what it is divided (微创手术是指……; 职业教育包括职业
# 学校教育和职业培训; 职业技能等级证书分为初级、中级、高级; 职业教育与普通教育是两种不同教育类型):
# said of the term at the head of the sentence, not inside a bracket (……建筑业（包括设计、施工……）
# 资质许可……下放) and not of people to be reached (……人才特别是技术工人……).
_DEFINITION = re.compile(r"^(?:\d{1,2}[.．、])?(?:(?!特别|尤其)[^，,。；：:（(\d]){2,24}?"
                         r"(?:是指|分为|(?<!不)包括(?!在内)|是(?:一|两|三|几)(?:项|种|个|类))"
                         # A quoted term said what it is (“无废城市”是以……为引领，……的城市发展模式).
                         r"|^“[^”]{2,14}”是")
# Pilots chosen by name (确定北京、吉林、安徽……10个省（区、市）……作为试点地区).
_PILOT_PLACE = rf"(?:{PROVINCIAL_REGIONS})(?:{_REGION_SUFFIX})?"
_PILOTS_NAMED = re.compile(rf"(?:确定|选择|遴选|选取|选定)((?:{_PILOT_PLACE}、)+{_PILOT_PLACE})"
                           r"(?:等?[0-9一二三四五六七八九十]+个省(?:（[^）]{1,6}）)?)?(?:和[^，。；、]{2,20}?)?"
                           r"(?:作为|为)[^，。；]{0,6}?试点")
_PILOTS_BEYOND = re.compile(r"等(?![0-9一二三四五六七八九十]+个)|其他|周边|全国|推广|推开")
# A named region's own organ acting (由上海市医药集中招标采购事务管理所承担……日常工作).
_REGION_ACTS = re.compile(rf"^(?:由|请)?({PROVINCIAL_REGIONS}){_REGION_SUFFIX}"
                          r"[^，,。；]{0,30}?(?:承担|负责|牵头|要|应当)")


# A duty laid on the governments of coastal or border places only: 沿海地区的县级以上地方人民政府
# 应当……; 国务院海洋主管部门和沿海省、自治区、直辖市人民政府……负责; 边境地区各级人民政府要…….
# The subject names the place; its opening phrase names no other government (县级以上人民政府应当
# 支持边境贸易，……) and no other places beside it (沿海地区和内陆地区的……).
_PLACES_OF_A_KIND = re.compile(r"^(?:(?!人民政府|应当|要)[^。；，]){0,30}?(沿海|边境)"
                               r"(?:地区|地方|各级|省|县|设区的市|城市)?"
                               r"(?![^。；，]{0,6}(?:和|及|与|、)(?:内陆|内地|其他|非))"
                               r"[^。；，]{0,24}?(?:人民政府|地区)[^。；，]{0,16}?[，,]?"
                               r"(?:应当|要|可以|负责|必须|组织|建立|制定)")
_KIND_OF_PLACE = {"沿海": (COASTAL_REGIONS, "不临海"), "边境": (BORDER_REGIONS, "没有陆地边境")}
# What a sentence says of ethnic autonomous areas (国家在民族自治地方开采矿产资源，……; 民族自治地方
# 的自治机关……; ……对民族自治地方的森林保护……实行更加优惠的政策).
_AUTONOMOUS_AREAS = re.compile(r"民族自治地方|自治机关")
# ... not when it names them beside other places (国家扶持和促进民族自治地方和经济不发达地区发展对外
# 贸易; 革命老区、民族自治地方、边疆地区、贫困地区): those a province may have.
_AUTONOMOUS_AND_OTHERS = re.compile(r"民族自治地方(?:和|、|及|以及|或者)|(?:和|、|及|以及|或者)民族自治地方")


def laid_on_other_places(text: str, region: str, what: str = "本条") -> Reason | None:
    """Why a national article or sentence is not expected of the region: every duty it lays
    falls on the governments of coastal (沿海) or border (边境) places, and the region has no sea
    coast or land border — or every sentence of it is about ethnic autonomous areas (民族自治地方)
    and the region has none; None otherwise, or when the region is not known ("").

    Args:
        text: the article or sentence as printed.
        region: the provincial text's region (``core.text.issuing_region``).
        what: how the reason names the text ("本条", "本句").
    """
    if not region:
        return None
    sentences = [s for s in re.split(r"(?<=[。；])", text.strip()) if s.strip()]
    if sentences and region not in AUTONOMOUS_AREA_REGIONS and all(
            _AUTONOMOUS_AREAS.search(s) and not _AUTONOMOUS_AND_OTHERS.search(s) for s in sentences):
        return Reason("scope", f"{what}针对民族自治地方，本地没有民族自治地方，地方文件无需承接。")
    first = _PLACES_OF_A_KIND.match(sentences[0].strip()) if sentences else None
    if first is None:
        return None
    kind = first.group(1)
    places, lacks = _KIND_OF_PLACE[kind]
    if region in places:
        return None
    # Another sentence laying a duty on local governments at large, or on units and people, is
    # the province's too.
    for sentence in sentences[1:]:
        if (_LOCAL_GOVERNMENT.search(sentence) or _LOCAL_SUBJECT.search(sentence)) and kind not in sentence:
            return None
    return Reason("scope", f"{what}针对{kind}地区，本地{lacks}，地方文件无需承接。")


# The period a plan's title gives it: 三年行动计划（2023—2025年）, 实施方案（2021-2025年）.
_TITLE_PERIOD = re.compile(r"(?<!\d)(20\d{2})\s*年?\s*[—–\-－~～至到]+\s*(20\d{2})\s*年")
# A five-year plan's (“十四五”数字政府建设规划): the 11th ran 2006—2010, each five years on.
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五(?:规划|时期|期间|[”\"])")
_PLAN_NUMBER = "一二三四五六七八九"
# A goal set for a year, opening its sentence (到2035年，……; 力争到2030年，……).
_GOAL_YEAR = re.compile(r"^(?:力争|争取)?到(20\d{2})年")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})年")


def plan_end(provincial_title: str) -> int | None:
    """The last year of the period a provincial plan's title gives it, or None when it gives
    none (实施意见 and 条例 have no period). A later year the title names too is the end
    (“十四五”规划和2035年远景目标纲要 looks to 2035)."""
    end = None
    period = _TITLE_PERIOD.search(provincial_title)
    if period and int(period.group(1)) <= int(period.group(2)):
        end = int(period.group(2))
    plan = _FIVE_YEAR_PLAN.search(provincial_title)
    if end is None and plan:
        end = 2010 + 5 * _PLAN_NUMBER.index(plan.group(1))  # 十一五 ended in 2010
    if end is None:
        return None
    return max([end, *(int(year) for year in _ANY_YEAR.findall(provincial_title))])


# The rules a government sets for its own work, named by it (《国务院工作规则》), and those a
# province sets for its own after them (《北原省人民政府工作规则》).
_CENTRAL_OWN = re.compile(r"^(?:国务院|中央人民政府)(办公厅)?(?!办公厅)(.{2,})$")
_PROVINCIAL_OWN = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市)(?:人民)?政府(办公厅)?(?!办公厅)(.{2,})$")


def _own_name(title: str) -> str:
    """The name a title gives its text: the one it issues (关于印发《……》的通知, quoted or not),
    else the title, without a trailing bracket (（试行）, （示例文本）)."""
    quoted = re.search(r"《([^》]+)》", title) or re.search(r"关于印发(.+?)的(?:通知|决定)", title)
    name = quoted.group(1) if quoted else title
    return re.sub(r"(?:[（(][^（）()]*[）)])+$", "", name.replace(" ", "").replace("\u3000", ""))


def mirrors(national_title: str, provincial_title: str) -> bool:
    """Whether a provincial text is its government's own rules written after the State
    Council's (《国务院工作规则》 → 《北原省人民政府工作规则》). There 国务院, 总理 and 国务院办公厅
    stand for the province's government, governor and general office: what they do is the
    province's to carry, not the centre's alone."""
    national_name, provincial_name = _own_name(national_title), _own_name(provincial_title)
    if "关于" in national_name or "关于" in provincial_name:
        return False  # what the government issues on a matter (国务院办公厅关于……的意见), not its rules
    central = _CENTRAL_OWN.match(national_name)
    local = _PROVINCIAL_OWN.match(provincial_name)
    return bool(central and local and central.groups() == local.groups())


def beyond_horizon(sentence: str, provincial_title: str) -> Reason | None:
    """Why a national goal is not expected of a provincial plan: it is set for a year after
    the period the plan's title gives it (到2035年，……基本建成, against a 三年行动计划
    （2023—2025年）), and names no year within it. None otherwise."""
    end = plan_end(provincial_title)
    if end is None:
        return None
    goal = _GOAL_YEAR.match(sentence.strip())
    if goal is None or int(goal.group(1)) <= end:
        return None
    if any(int(year) <= end for year in _ANY_YEAR.findall(sentence)):
        return None
    return Reason("horizon", f"本句是到{goal.group(1)}年的目标，超出地方文件的规划期（至{end}年），"
                             "地方文件无需承接。")


def scoped_elsewhere(paragraph: str, sentence: str, provincial_title: str) -> Reason | None:
    """Why a national policy sentence is not expected of this province when the note after it
    limits the measure to named places (适用范围：河南自贸试验区), or a named region's own organ
    carries it (由上海市……管理所承担……), and the provincial text's title names none of them;
    None otherwise.

    Args:
        paragraph: the national paragraph as printed, notes included.
        sentence: the sentence (its notes removed).
        provincial_title: the provincial text's title (南海省人民政府关于……的实施意见).
    """
    if not provincial_title:
        return None
    # The province the text is from, named before 关于 (西陵省人民政府关于……西藏班……的实施意见).
    issuer = provincial_title.split("关于", 1)[0]
    region = _REGION_ACTS.match(sentence.strip())
    if region and region.group(1) not in issuer:
        return Reason("scope", f"本句由{region.group(1)}的机构承担，不含本地，地方文件无需承接。")
    pilots = _PILOTS_NAMED.search(sentence)
    # Only when the issuer is known (a title that opens with 关于 names none), and the sentence
    # spreads the work no further (……等省份和其他地区; 2025年底前在全国推广).
    if pilots and issuer.strip() and not _PILOTS_BEYOND.search(sentence):
        named = re.findall(PROVINCIAL_REGIONS, pilots.group(1))
        if not any(place in issuer for place in named):
            return Reason("scope", f"本句确定的试点地区为{'、'.join(named)}等，不含本地，地方文件无需承接。")
    elsewhere = laid_on_other_places(sentence, issuing_region(provincial_title), "本句")
    if elsewhere:
        return elsewhere
    start = paragraph.find(sentence.strip()[:8]) if sentence.strip() else -1
    if start < 0:
        return None
    note = _SCOPE_NOTE.search(paragraph, start)
    if note is None:
        return None
    scope = note.group(1)
    if _EVERYWHERE.search(scope):
        return None
    places = [part.strip()[:2] for part in re.split(r"[、，,和及]", scope) if len(part.strip()) >= 2]
    if not places or any(place in provincial_title for place in places):
        return None
    return Reason("scope", f"本句措施的适用范围为{scope.strip()}，不含本地，地方文件无需承接。")
