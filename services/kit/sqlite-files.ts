import fs from 'node:fs';

/** Owner read and write only: the files hold password hashes (accounts) and shelter addresses (organizations). */
export const SQLITE_FILE_MODE = 0o600;

/** The files SQLite keeps beside a database: the write-ahead log, its shared-memory index, a rollback journal. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

function chmodIfPresent(file: string): void {
  try {
    fs.chmodSync(file, SQLITE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Makes a subgraph's SQLite file and its companions readable by their owner only. SQLite creates a new
 * file 0644 (less the umask) but gives its -wal, -shm and journal files the mode of the database file:
 * so the file is created here, empty (an empty file is an empty database), 0600, before SQLite opens it.
 * Files an older version created 0644 are tightened, companions included. Call it again once the
 * database is open, for companions that appeared meanwhile.
 */
export function restrictSqliteFiles(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', SQLITE_FILE_MODE));
  chmodIfPresent(file);
  for (const suffix of COMPANIONS) chmodIfPresent(`${file}${suffix}`);
}
