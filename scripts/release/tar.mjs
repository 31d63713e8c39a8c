// A .tar.gz written here rather than by the system tar so the archive is the same on every build
// machine: ustar format, owner 0:0. The plugin's holds one executable (mode 0755) at its root; the
// Python sdist holds a tree of ordinary files.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BLOCK = 512;

function field(header, offset, length, text) {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > length) throw new Error(`tar: "${text}" does not fit a ${length}-byte header field`);
  bytes.copy(header, offset);
}

const octal = (n, width) => n.toString(8).padStart(width - 1, "0") + "\0";

/** A ustar header for a regular file `name` of `size` bytes. */
export function tarHeader(name, size, mtime, mode = 0o755) {
  const header = Buffer.alloc(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(mode, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(size, 12));
  field(header, 136, 12, octal(mtime, 12));
  field(header, 148, 8, "        ");
  field(header, 156, 1, "0");
  field(header, 257, 6, "ustar\0");
  field(header, 263, 2, "00");
  field(header, 265, 32, "root");
  field(header, 297, 32, "root");
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return header;
}

/** Writes `archive`: the file at `source`, named `name` at the archive root. */
export function writeTarGz({ source, name, archive, mtime = Math.floor(Date.now() / 1000) }) {
  writeTarGzFiles({ files: [{ name, data: readFileSync(source), mode: 0o755 }], archive, mtime });
}

/** Writes `archive` holding `files` ({ name, data, mode }) in the order given. */
export function writeTarGzFiles({ files, archive, mtime = Math.floor(Date.now() / 1000) }) {
  const blocks = [];
  for (const { name, data, mode } of files) {
    blocks.push(tarHeader(name, data.length, mtime, mode), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  writeFileSync(archive, gzipSync(Buffer.concat([...blocks, Buffer.alloc(2 * BLOCK)]), { level: 9 }));
}
