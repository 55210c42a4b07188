-- A replay by filter takes the delivery log's whole filter: the latest response's status or class
-- (503, 5xx), one delivery by its request id, and one event. Earlier replays have none of them.
alter table replay
    add column response_code        text,
    add column criteria_delivery_id text,
    add column event_id             text;
