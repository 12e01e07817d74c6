-- Published monthly ranking reports (月度考核排名通报, issue 13 part 3). A city publishes a fixed report per month: the
-- ranking as it stood when a supervisor published it, so later appeals or ticket changes do not move a published
-- figure. A month is published once; publishing it again makes a new version with a reason and keeps the old one.
create table ranking_report (
    id            uuid          primary key,
    month         date          not null check (extract(day from month) = 1),
    version       int           not null check (version >= 1),
    -- the whole report (both tiers' rows, the period, the zone) as RankingService.Report JSON
    content       text          not null,
    -- the weighting the score was computed with, also inside content; kept apart to list reports without parsing them
    weights       text          not null,
    reason        varchar(2000),
    published_by  varchar(200)  not null,
    published_at  timestamptz   not null,
    unique (month, version),
    check (version = 1 or reason is not null)
);

create function ranking_report_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ranking_report is immutable: publish a new version instead';
end $$;
create trigger ranking_report_no_rewrite before update or delete on ranking_report
    for each row execute function ranking_report_immutable();
