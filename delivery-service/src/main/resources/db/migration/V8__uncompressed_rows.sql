-- A delivery's envelope and an attempt's request and response of a few KB crossed the 2 KB at which
-- PostgreSQL compresses a row; in the receiver's equivalent insert, compressing (pglz) took an
-- eighth of the database's CPU (bench/README.md). Rows up to a page stay inline and uncompressed;
-- larger ones are still compressed as before.
alter table delivery set (toast_tuple_target = 8160);
alter table attempt set (toast_tuple_target = 8160);
