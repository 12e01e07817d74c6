-- A year of 110 calls in intake (1,000,000 by default), for measuring the pipeline on a database that looks like
-- one a city has run for a year: every category and district of the seed, daytime-heavy hours, 40 % of the calls
-- referred to 12345 (their tickets are made by year-of-data-router.sql with the same ids), the rest police matters.
-- Rows carry taken_by 'year-of-data' so they can be told from (and deleted apart from) real ones.
-- :calls is replaced by YearOfData before it runs; the script is one statement per table, straight SQL, after
-- year-of-data-common.sql (yd_matter, yd_district, yd_hour).

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
