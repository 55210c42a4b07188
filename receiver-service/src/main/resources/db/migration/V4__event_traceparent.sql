-- The W3C trace context of the request that brought the event in, when tracing is on. It travels in
-- the event's CloudEvents envelope (distributed tracing extension), so rules-service and
-- delivery-service continue the same trace after the outbox.
alter table event add column traceparent text;
