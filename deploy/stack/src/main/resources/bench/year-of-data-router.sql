-- The router's side of year-of-data-intake.sql: a ticket for each referred call (every fifth call's first two of
-- five, 400,000 of 1,000,000 by default), with the same ids, contents, districts and times, dispatched to the lead
-- unit the seed's catalogue names, closed unless it is from the last ten days. Rows carry channel 'year-of-data'.
-- Runs after year-of-data-common.sql (yd_matter, yd_district, yd_hour).

insert into ticket (id, ticket_number, referral_id, call_id, call_number, channel, category_code, urgency, content,
                    address, district_code, caller_phone, status, version, rule_id, lead_department_code,
                    callback_required, received_at, created_at, dispatched_at, sign_by, resolve_by, signed_at,
                    replied_at, answer, called_back_at, satisfied, solved, closed_at, delivery_status)
select md5('yd-ticket-' || g)::uuid,
       'YD-T' || lpad(g::text, 9, '0'),
       md5('yd-referral-' || g)::uuid,
       md5('yd-call-' || g)::uuid,
       'YD' || lpad(g::text, 9, '0'),
       'year-of-data', m.category, m.urgency, m.content,
       '成都市' || d.name || '第' || (g % 300 + 1) || '街' || (g % 97 + 1) || '号',
       d.code,
       '13' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
       case when open then 'DISPATCHED' else 'CLOSED' end,
       1, r.id,
       coalesce(r.lead_department_code, (select code from department where code = d.code || '-' || r.lead_function),
                'CD-12345'),
       r.callback_required, t.at, t.at, t.at + interval '1 minute', t.at + interval '1 day', t.at + interval '7 days',
       case when not open then t.at + interval '3 hours' end,
       case when not open then t.at + interval '2 days' end,
       case when not open then '已联系当事人处理完毕' end,
       case when not open then t.at + interval '3 days' end,
       case when not open then (g % 7 <> 0) end,
       case when not open then (g % 9 <> 0) end,
       case when not open then t.at + interval '3 days' end,
       'DELIVERED'
from generate_series(1, :calls) g
join yd_matter m on m.n = g % 16
join yd_district d on d.n = (g / 16) % 20
join dispatch_rule r on r.category_code = m.category and r.current_rule
cross join lateral (select date_trunc('day', now()) - ((g % 365) || ' days')::interval
        + ((select h from yd_hour where n = (g * 31) % (select count(*) from yd_hour)) || ' hours')::interval
        + (((g * 17) % 3600) || ' seconds')::interval as at) t0
cross join lateral (select least(t0.at, now() - interval '1 hour') as at) t
cross join lateral (select t.at > now() - interval '10 days' as open) o
where g % 5 < 2;
analyze ticket;
