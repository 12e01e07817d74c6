-- Demo knowledge-base articles for the local stack only (deploy/run adds classpath:db/demo to the router's Flyway
-- locations; tests and production never read this folder). Repeatable and idempotent: an article whose Chinese
-- title is already present is left alone, so edits made in the console survive a restart.
-- search_text and bigrams are what KnowledgeService writes (KnowledgeText): lower-cased parts joined by new lines,
-- and every pair of adjacent letters or digits.

create temporary table demo_article (
    department_code varchar(40), category_code varchar(40), title_zh varchar(200), title_en varchar(200),
    body_zh text, keywords text[]) on commit drop;

insert into demo_article values
('CD-HRSS', 'WAGES', '被拖欠工资怎么办', 'Unpaid wages: what to do',
 '一、先与用人单位协商，请其在约定日期前支付。
二、保留证据：劳动合同或用工证明、考勤记录、工资条、银行转账记录、与老板或包工头的聊天记录。
三、协商不成的，可向用工所在地区（市）县人力资源和社会保障局的劳动保障监察机构投诉，也可申请劳动人事争议仲裁（一般自知道权利被侵害之日起一年内）。
四、农民工讨薪可申请法律援助。
接线提示：来电人已与对方发生冲突、有人受伤或扬言过激行为的，按警情处理，不能直接答复。',
 array['拖欠工资', '欠薪', '讨薪', '农民工工资', '工资']),
('CD-HRSS', 'SOCIAL_SECURITY', '社保卡丢失如何挂失和补办', 'Lost social security card',
 '挂失：拨打12333，或在“天府市民云”APP、社保卡服务网点办理挂失，挂失后卡片的金融功能和社保功能同时停用。
补办：本人携带有效身份证件到社保卡服务网点或合作银行网点申请补办；委托他人办理的，须带双方身份证件。
补卡后原卡作废，医保个人账户余额随新卡转移。',
 array['社保卡', '挂失', '补办', '社保']),
('CD-WATER', 'UTILITIES', '计划停水、停电、停气信息怎么查', 'Planned water, power or gas outages',
 '计划停水：供水企业一般提前24小时在官网、微信公众号及小区公告栏发布；可拨打供水服务热线询问恢复时间。
计划停电：可通过“网上国网”APP或供电服务热线95598查询停电范围和时间。
计划停气：燃气企业提前公告；闻到燃气异味时，立即关闭阀门、开窗通风、不开关电器，到室外拨打燃气抢修电话；有爆炸或人员中毒危险的立即拨打110或119。
非计划停水停电（突然停水、爆管）请按报修登记，不作直接答复。',
 array['停水', '停电', '停气', '停水通知', '恢复供水']),
('CD-ECO', 'NOISE', '夜间施工噪声扰民怎么反映', 'Construction noise at night',
 '在噪声敏感建筑物集中区域，夜间（22时至次日6时）禁止进行产生噪声的建筑施工作业。因抢修、抢险或生产工艺要求必须连续施工的，施工单位须取得有关部门证明并提前公告附近居民。
来电人可提供施工地点、施工单位名称、噪声发生的时间段，12345将转生态环境或住建部门核查。
邻里之间的生活噪声（装修、宠物、音响）由属地街道和物业先行调解。',
 array['夜间施工', '施工噪音', '噪声', '噪音扰民', '工地']),
('CD-HOUSING', 'PROPERTY', '与物业公司发生纠纷怎么办', 'Disputes with the property management company',
 '先向物业服务企业书面反映，要求其在合理期限内答复；物业服务合同约定的服务内容、收费标准可向业主委员会或社区居委会查询。
物业费收费标准、公共收益公示、电梯维修等问题，可向所在区（市）县住房和城乡建设部门投诉。
物业公司以停水停电方式催缴物业费的，属违规行为，可立即反映。',
 array['物业', '物业费', '物业纠纷', '业主委员会', '电梯维修']),
('CD-MARKET', 'CONSUMER', '预付卡（充值卡）商家关门不退款怎么办', 'Prepaid card: the shop closed without refunding',
 '保留好预付卡、充值凭证、消费记录和合同。
可向商家所在地区（市）县市场监督管理局投诉，或拨打12315；涉及金额较大、商家负责人失联且多人受害的，可能涉嫌诈骗，请来电人向公安机关报案（转110处理）。',
 array['预付卡', '充值卡', '退费', '退款', '跑路']),
('CD-12345', 'OTHER', '12345热线受理范围', 'What the 12345 hotline handles',
 '12345受理企业和群众对经济调节、市场监管、社会管理、公共服务、生态环境保护等方面的咨询、求助、投诉、举报和意见建议。
不受理：应当通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等法定途径解决的事项；已经或依法应当通过信访渠道解决的事项；涉及国家秘密、商业秘密、个人隐私的事项。
刑事、治安案件及危及人身财产安全的紧急求助请拨打110，火警119，医疗急救120。',
 array['受理范围', '12345', '热线', '不受理']);

do $$
declare
    d record;
    new_id bigint;
    st text;
begin
    for d in select * from demo_article loop
        if not exists (select 1 from knowledge_version v where v.title_zh = d.title_zh) then
            insert into knowledge_article (department_code, latest_version, published_version, created_at, created_by)
            values (d.department_code, 1, 1, now(), 'demo-seed') returning id into new_id;
            st := lower(d.title_zh || chr(10) || array_to_string(d.keywords, ' ') || chr(10) || d.body_zh || chr(10) || d.title_en);
            insert into knowledge_version (article_id, version, status, category_code, title_zh, title_en, body_zh,
                                           keywords, valid_from, search_text, bigrams, created_at, created_by,
                                           submitted_at, submitted_by, reviewed_at, reviewed_by)
            values (new_id, 1, 'PUBLISHED', d.category_code, d.title_zh, d.title_en, d.body_zh, d.keywords,
                    date '2026-01-01', st,
                    array(select distinct substr(st, i, 2) from generate_series(1, length(st) - 1) i
                          where substr(st, i, 2) ~ '^[[:alnum:]]{2}$'),
                    now(), 'demo-seed', now(), 'demo-seed', now(), 'demo-seed');
        end if;
    end loop;
end $$;
