-- The audit trail of the management API: who changed what in a tenant, and how, written in the
-- same transaction as the change. Secrets in the diff are masked before they are written.
create table audit_entry (
    id            text primary key,
    tenant        text        not null,
    at            timestamptz not null,
    subject       text        not null,
    username      text,
    client        text,
    resource_type text        not null,
    resource_id   text        not null,
    action        text        not null,
    diff          jsonb       not null
);
create index audit_entry_by_tenant on audit_entry (tenant, id desc);
