-- Fair clocks (issue 13 part 2): 挂起 (pause), 挂账 (park) and 终止办理 (terminate), each asked for and decided.
-- A ticket has at most one request awaiting a decision; approved pauses are what the per-ticket limits count.
create table clock_request (
    id               uuid          primary key,
    ticket_id        uuid          not null references ticket (id),
    kind             varchar(12)   not null check (kind in ('PAUSE', 'PARK', 'TERMINATE')),
    status           varchar(12)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    department_code  varchar(40),
    requested_by     varchar(200)  not null,
    requested_at     timestamptz   not null,
    reason           varchar(2000) not null,
    -- PAUSE: the end asked for (the clock runs again then at the latest)
    pause_until      timestamptz,
    -- PARK: the day the ticket comes back
    plan_date        date,
    -- TERMINATE: UNLAWFUL_DEMAND or CALLER_REFUSES_CONTACT
    ground           varchar(40),
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_note    varchar(2000),
    -- when an approved pause or park began and ended
    started_at       timestamptz,
    ended_at         timestamptz,
    ended_by         varchar(200),
    check (kind <> 'PAUSE' or pause_until is not null),
    check (kind <> 'PARK' or plan_date is not null),
    check (kind <> 'TERMINATE' or ground in ('UNLAWFUL_DEMAND', 'CALLER_REFUSES_CONTACT'))
);
create unique index clock_request_one_pending on clock_request (ticket_id) where status = 'PENDING';
create index clock_request_ticket on clock_request (ticket_id, requested_at);

-- The ticket's clock as it stands: since when it is held, until when (a pause's approved end, a parked ticket's
-- return), and the working minutes it was held in all, which the reply time leaves out.
alter table ticket
    add column clock_since          timestamptz,
    add column clock_until          timestamptz,
    add column held_working_minutes bigint not null default 0,
    add column terminated_at        timestamptz,
    add column termination_ground   varchar(40);
-- The job that ends pauses and returns parked tickets reads only held tickets that are due.
create index ticket_clock_due on ticket (clock_until) where status in ('PAUSED', 'PARKED');
