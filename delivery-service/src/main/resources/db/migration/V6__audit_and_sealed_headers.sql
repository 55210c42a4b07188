-- Values of destination headers that carry credentials (Authorization, API keys, tokens), sealed
-- with SecretBox like signing secrets; the destination's own headers column keeps only the name
-- with a redacted value.
create table destination_header_secret (
    id             text primary key,
    destination_id text        not null references destination (id) on delete cascade,
    name           text        not null,
    key_id         text        not null,
    ciphertext     bytea       not null,
    created_at     timestamptz not null,
    unique (destination_id, name)
);

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

