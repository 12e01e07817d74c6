-- Districts as the router, their owner, last announced them on linkage.districts (DistrictChanged). A call's
-- district code is accepted by this table first; codes the router never announced fall back to the list intake
-- ships with (classpath districts/*.csv).
create table announced_district (
    code        varchar(20)  primary key,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    active      boolean      not null,
    changed_at  timestamptz  not null
);
