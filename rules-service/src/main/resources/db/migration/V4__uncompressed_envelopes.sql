-- An envelope of a few KB crossed the 2 KB at which PostgreSQL compresses a row; in the receiver's
-- equivalent insert, compressing (pglz) took an eighth of the database's CPU (bench/README.md).
-- Rows up to a page stay inline and uncompressed; larger envelopes are still compressed as before.
alter table received_event set (toast_tuple_target = 8160);
alter table subject_state set (toast_tuple_target = 8160);
