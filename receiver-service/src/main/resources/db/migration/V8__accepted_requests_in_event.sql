-- An accepted request is logged by the event it stored instead of a request_log row of its own
-- (ADR 44): the event keeps the request's method and the status it was answered with. Events
-- without a method (mock sends, and events stored before this migration, which have their
-- request_log row) are not request log entries.
alter table event add column method text, add column response_status integer;

-- Nothing searches events by time per tenant; the request log searches accepted requests per
-- tenant newest first by their time-ordered id.
drop index event_tenant_received;
create index event_tenant_request on event (tenant, id desc) where method is not null;
