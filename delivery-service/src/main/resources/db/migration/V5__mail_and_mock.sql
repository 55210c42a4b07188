-- Mock sends: deliveries of an event a tenant admin made from a vendor sample, shown as such in
-- the log. Few of them, so the log finds them (mock=true) through a small partial index; mock=false
-- is the time index with a filter.
alter table delivery add column mock boolean not null default false;
create index delivery_log_mock on delivery (tenant, created_at desc, id desc) where mock;

-- A tenant's own SMTP server for e-mail steps (else the global one): the password sealed with
-- SecretBox under the key named beside it.
alter table tenant_settings
    add column smtp_host            text,
    add column smtp_port            integer,
    add column smtp_tls             text,
    add column smtp_username        text,
    add column smtp_password_key_id text,
    add column smtp_password        bytea,
    add column smtp_from            text;
