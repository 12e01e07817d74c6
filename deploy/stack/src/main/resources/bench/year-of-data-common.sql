-- What both year-of-data scripts draw from, run before each of them by YearOfData: the matters (a category, what
-- the caller said, its urgency), the districts of the seed, and the hours of the day weighted as calls arrive.
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
