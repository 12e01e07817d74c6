-- Events Kafka rejected for good (too large, invalid topic): parked here so they stop blocking every later event.
-- Repeatable and idempotent rather than V0_x, because commons migrations share a history with each service's own V1...
-- and a new low version would be refused on a database that already ran later ones.
create table if not exists outbox_parked (
    like outbox_event,
    error      varchar(2000) not null,
    parked_at  timestamptz   not null,
    primary key (seq)
);
