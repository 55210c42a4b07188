-- A claim now writes only the lease, a column no index covers, so PostgreSQL can keep the new row
-- version on the same page and add no index entry for it (a HOT update); before, each claim added
-- an entry to every one of the table's indexes (ADR 42). Pages keep room for that new version.
alter table delivery set (fillfactor = 70);

-- The lease column was the condition of this index, which counted a destination's deliveries in
-- flight for its concurrency limit. Those are counted from slots instead, taken only for
-- destinations that have such a limit, and dropped when the attempt is recorded or released.
drop index delivery_leased;

create table concurrency_slot (
    delivery_id    text primary key,
    destination_id text        not null references destination (id) on delete cascade,
    lease_until    timestamptz not null
);
create index concurrency_slot_destination on concurrency_slot (destination_id, lease_until);
