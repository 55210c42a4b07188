-- A webhook of a few KB (body and headers) crossed the 2 KB at which PostgreSQL compresses a row,
-- and pglz took an eighth of the database's CPU under ingest load. Rows up to a page stay inline
-- and uncompressed; larger events are still compressed and moved out of line as before.
alter table event set (toast_tuple_target = 8160);
alter table request_log set (toast_tuple_target = 8160);
