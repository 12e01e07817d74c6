-- Assessment (issue 13 part 3): appeals against a ticket's counting (申诉) and the supervisor's theme of the month
-- (每月一题).

-- A unit disputes that a ticket counts in its figures; one appeal per ticket and unit, decided once by a supervisor.
-- An ACCEPTED appeal takes the ticket out of that unit's rankings and unit statistics.
create table appeal (
    id               uuid          primary key,
    ticket_id        uuid          not null references ticket (id),
    department_code  varchar(40)   not null references department (code),
    ground           varchar(30)   not null check (ground in ('WRONG_DISPATCH', 'UNREASONABLE_DEMAND', 'OTHER')),
    reason           varchar(2000),
    status           varchar(12)   not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    filed_by         varchar(200)  not null,
    filed_at         timestamptz   not null,
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_reason  varchar(2000),
    unique (ticket_id, department_code),
    check (ground <> 'OTHER' or reason is not null),
    check ((status = 'PENDING') = (decided_at is null))
);
create index appeal_pending on appeal (filed_at) where status = 'PENDING';
create index appeal_department on appeal (department_code, filed_at);

-- A category × district a supervisor flags for a month; its tickets are followed as a group.
create table monthly_theme (
    id             uuid          primary key,
    month          date          not null check (extract(day from month) = 1),
    category_code  varchar(40)   not null,
    district_code  varchar(20)   not null references district (code),
    note           varchar(2000),
    flagged_by     varchar(200)  not null,
    flagged_at     timestamptz   not null,
    unique (month, category_code, district_code)
);
