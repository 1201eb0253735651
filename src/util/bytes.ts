// Scripts are handled as byte strings: every file is read as latin1, so each
// JS char holds one byte (0-255) exactly as Go sees the file. Output goes back
// to disk the same way, so arbitrary bytes round-trip. These helpers convert
// between byte strings, Uint8Array payloads and ordinary (UTF-16) JS text.


/** Bytes of a byte string (each char code must be < 256). */
export function bytesOf(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/** Byte string of a byte array. */
export function byteString(b: Uint8Array): string {
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < b.length; i += chunk) {
    s += String.fromCharCode.apply(null, b.subarray(i, i + chunk) as unknown as number[]);
  }
  return s;
}

/** UTF-8 encodes ordinary JS text into a byte string (for terminals, APIs). */
export function utf8ToByteString(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Decodes a byte string holding UTF-8 into ordinary JS text. */
export function byteStringToUtf8(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

