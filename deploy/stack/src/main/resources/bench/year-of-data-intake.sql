-- A year of 110 calls in intake (1,000,000 by default), for measuring the pipeline on a database that looks like
-- one a city has run for a year: every category and district of the seed, daytime-heavy hours, 40 % of the calls
-- referred to 12345 (their tickets are made by year-of-data-router.sql with the same ids), the rest police matters.
-- Rows carry taken_by 'year-of-data' so they can be told from (and deleted apart from) real ones.
-- :calls is replaced by YearOfData before it runs; the script is one statement per table, straight SQL.
create temporary table yd_matter (n int primary key, category text, content text, urgency text);
insert into yd_matter values
 (0, 'WAGES', '老板拖欠我三个月工资一直不给，多次讨要无果', 'NORMAL'),
 (1, 'NOISE', '楼下广场舞音响太吵了，每天晚上十点以后还在放，影响休息', 'NORMAL'),
 (2, 'UTILITIES', '小区停水两天了，物业说是管道坏了一直没人来修', 'URGENT'),
 (3, 'ROADS', '路边有个大坑，下雨积水，电动车经过很危险，请尽快修补', 'NORMAL'),
 (4, 'ENVIRONMENT', '楼下烧烤店油烟直接排到我家窗户，多次沟通无果', 'NORMAL'),
 (5, 'PROPERTY', '物业乱收停车费，不给发票，业主多次反映没人管', 'NORMAL'),
 (6, 'CITY', '小区门口流动摊贩占道经营，垃圾乱扔，晚上很吵', 'NORMAL'),
 (7, 'CONSUMER', '在商场买的电器三天就坏了，商家拒绝退换', 'NORMAL'),
 (8, 'SOCIAL_SECURITY', '单位没有给我缴纳社保，想咨询怎么补缴', 'NORMAL'),
 (9, 'BLOCKED_CAR', '有辆车堵在我家车库门口，打电话没人接，车开不出去', 'URGENT'),
 (10, 'TRANSPORT', '公交车司机不按站停车，乘客下不了车', 'NORMAL'),
 (11, 'HOUSING', '买的新房延期交付快一年了，开发商一直拖着', 'NORMAL'),
 (12, 'HEALTH', '社区诊所收费不透明，药价比医院贵很多', 'NORMAL'),
 (13, 'EDUCATION', '培训机构倒闭了，预交的学费退不回来', 'NORMAL'),
 (14, 'TOURISM', '景区门口有人强买强卖，导游带去购物店', 'NORMAL'),
 (15, 'OTHER', '想咨询一下居住证怎么办理，需要哪些材料', 'NORMAL');
create temporary table yd_district (n int primary key, code text, name text);
insert into yd_district values
 (0,'510104','锦江区'),(1,'510105','青羊区'),(2,'510106','金牛区'),(3,'510107','武侯区'),(4,'510108','成华区'),
 (5,'510112','龙泉驿区'),(6,'510113','青白江区'),(7,'510114','新都区'),(8,'510115','温江区'),(9,'510116','双流区'),
 (10,'510117','郫都区'),(11,'510118','新津区'),(12,'510121','金堂县'),(13,'510129','大邑县'),(14,'510131','蒲江县'),
 (15,'510181','都江堰市'),(16,'510182','彭州市'),(17,'510183','邛崃市'),(18,'510184','崇州市'),(19,'510185','简阳市');
-- Calls by hour of day, as a 110 centre sees them: quiet before dawn, busiest late morning and evening.
create temporary table yd_hour (n int primary key, h int);
insert into yd_hour select row_number() over () - 1, h from
 (select h from generate_series(0, 23) h, generate_series(1, (array[2,1,1,1,1,2,3,5,7,8,9,9,8,8,8,8,8,8,9,9,8,6,4,3])[h + 1]) w
  order by h) x;

insert into call (id, call_number, retrieval_code, channel, caller_phone, caller_name, address, district_code, title,
                  content, received_at, taken_by, created_at, urgency, suggested_disposition, suggested_category,
                  confidence, signals, model_version, decision, disposition, category_code, decided_by, decided_at,
                  referral_id, referred_at, ticket_id, ticket_number, ticket_status, delivery_status, department_code,
                  ticket_updated_at, final_answer)
select md5('yd-call-' || g)::uuid,
       'YD' || lpad(g::text, 9, '0'),
       'Y' || lpad(g::text, 9, '0'),
       case when g % 10 = 0 then 'APP' else 'PHONE' end,
       '13' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
       null,
       '成都市' || d.name || '第' || (g % 300 + 1) || '街' || (g % 97 + 1) || '号',
       d.code,
       null,
       case when g % 5 < 2 then m.content else '有人在小区里打架，已经有人受伤了' end,
       t.at, 'year-of-data', t.at,
       case when g % 5 < 2 then m.urgency else 'URGENT' end,
       case when g % 5 < 2 then 'NON_POLICE' else 'POLICE' end,
       case when g % 5 < 2 then m.category end,
       0.9, null, 'year-of-data', 'CONFIRMED',
       case when g % 5 < 2 then 'NON_POLICE' else 'POLICE' end,
       case when g % 5 < 2 then m.category end,
       'year-of-data', t.at,
       case when g % 5 < 2 then md5('yd-referral-' || g)::uuid end,
       case when g % 5 < 2 then t.at end,
       case when g % 5 < 2 then md5('yd-ticket-' || g)::uuid end,
       case when g % 5 < 2 then 'YD-T' || lpad(g::text, 9, '0') end,
       case when g % 5 < 2 then (case when t.at > now() - interval '10 days' then 'DISPATCHED' else 'CLOSED' end) end,
       case when g % 5 < 2 then 'DELIVERED' end,
       null,
       case when g % 5 < 2 then t.at + interval '2 hours' end,
       case when g % 5 < 2 and t.at <= now() - interval '10 days' then '已联系当事人处理完毕' end
from generate_series(1, :calls) g
join yd_matter m on m.n = g % 16
join yd_district d on d.n = (g / 16) % 20
cross join lateral (select date_trunc('day', now()) - ((g % 365) || ' days')::interval
        + ((select h from yd_hour where n = (g * 31) % (select count(*) from yd_hour)) || ' hours')::interval
        + (((g * 17) % 3600) || ' seconds')::interval as at) t0
cross join lateral (select least(t0.at, now() - interval '1 hour') as at) t;
analyze call;
