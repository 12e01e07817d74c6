-- The number of attempts ever made for a delivery, every round (replays) included: the next attempt's attempt_no is
-- this plus one, taken by the same statement that records the attempt, so the worker no longer counts the attempts
-- of a delivery to number the next one (issue 14). `attempts` stays the count of the current round (retry budget).
alter table delivery add column attempts_made integer not null default 0;
update delivery d set attempts_made = a.made
from (select delivery_id, max(attempt_no) as made from delivery_attempt group by delivery_id) a
where a.delivery_id = d.id;
