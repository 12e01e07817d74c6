-- Open311 GeoReport v2 server: its clients, its view of tickets (built from linkage.tickets), its tokens.

create table open311_client (
    client_id      varchar(60)  primary key,
    -- Only a hash of the api_key is kept, so a database dump does not hand out working keys.
    api_key_sha256 varchar(64)  not null unique,
    seeded_at      timestamptz  not null
);

create table open311_request (
    ticket_id          uuid          primary key,
    service_request_id varchar(40)   not null unique,
    status             varchar(10)   not null,
    ticket_status      varchar(40)   not null,
    status_notes       varchar(4000),
    service_code       varchar(40),
    description        text,
    agency_responsible varchar(200),
    address            varchar(500),
    district_code      varchar(20),
    lat                double precision,
    lon                double precision,
    channel            varchar(80),
    requested_at       timestamptz   not null,
    updated_at         timestamptz   not null,
    expected_at        timestamptz
);
create index open311_request_requested on open311_request (requested_at);
create index open311_request_code on open311_request (service_code, requested_at);

create table open311_token (
    token              varchar(60)   primary key,
    client_id          varchar(60)   not null,
    service_request_id varchar(40),
    police_transfer_id uuid,
    service_notice     varchar(1000),
    created_at         timestamptz   not null
);
