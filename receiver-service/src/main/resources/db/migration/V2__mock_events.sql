-- Mock sends: events a tenant admin made from a vendor sample to try the path to the destinations.
-- They carry no vendor delivery id, so they are never taken for a redelivery of a real event.
alter table event add column mock boolean not null default false;
