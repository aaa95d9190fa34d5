-- The rights of the MySQL user the subgraphs connect as ('enlace'), on a server of their own or shared.
-- docker-compose.yml mounts this file into the mysql image's /docker-entrypoint-initdb.d, which runs it
-- as root on the server's first start, after creating MYSQL_USER. Elsewhere, as root:
--   CREATE USER 'enlace'@'%' IDENTIFIED BY '...';  then  mysql -uroot -p < scripts/mysql-user.sql
-- Each subgraph creates its own database if missing and migrates it (DATABASE_PREFIX 'enlace_'), so the
-- user may do anything inside those seven databases and nothing elsewhere: no other database, no users,
-- no server settings. `\_` is a literal underscore (a bare `_` would be a wildcard in a grant).
-- A new subgraph needs its line here; test/federation/mysql-user.test.ts fails until it has one.
GRANT ALL PRIVILEGES ON `enlace\_accounts`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_authorities`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_organizations`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_practices`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_agreements`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_workplan`.* TO 'enlace'@'%';
GRANT ALL PRIVILEGES ON `enlace\_reports`.* TO 'enlace'@'%';
