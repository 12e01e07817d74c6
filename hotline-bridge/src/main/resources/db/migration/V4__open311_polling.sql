-- What the department's Open311 server last said about a delivered request, for polling its status.
alter table delivery add column remote_status varchar(20);
alter table delivery add column remote_checked_at timestamptz;
create index delivery_open311_poll on delivery (remote_checked_at nulls first)
    where adapter = 'OPEN311' and status = 'DELIVERED';
