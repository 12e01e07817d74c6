-- Issue 10 item 6: a note is PUBLIC (a caller and 311 clients may read it) or INTERNAL (the default).
-- Adding a column rewrites no row, so the append-only trigger on ticket_history is not involved.
alter table ticket_history add column visibility varchar(10);

-- Issue 12: the caller's retrieval code (from the call) and whether they refused text-message receipts.
alter table ticket add column retrieval_code varchar(20);
alter table ticket add column receipts_opt_out boolean not null default false;

-- Receipts to the caller (回执), written in the transaction of the ticket change that causes them, sent by
-- ReceiptWorker. The key (ticket, kind, round) makes a replayed event or a retried request unable to send twice;
-- round counts reopenings, so a ticket answered again after a reopen tells the caller again.
create table caller_receipt (
    id              uuid          primary key,
    ticket_id       uuid          not null references ticket (id),
    kind            varchar(20)   not null,
    round           int           not null,
    phone           varchar(32)   not null,
    language        varchar(5)    not null,
    message         varchar(1000) not null,
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(300),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    unique (ticket_id, kind, round)
);
create index caller_receipt_due on caller_receipt (next_attempt_at) where status = 'PENDING';
