import iconv from 'iconv-lite';

/** Encodings the importers read, as reported in `ParsedStatement.encoding`. */
export type TextEncoding = 'utf-8' | 'windows-1251' | 'cp866';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]
  );
}

/** Whether the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const WHATWG_LABEL: Record<Exclude<TextEncoding, 'utf-8'>, string> = {
  'windows-1251': 'windows-1251',
  cp866: 'ibm866',
};

/** Native single-byte decoders when the runtime has them (about twice as fast as iconv-lite), else null. */
function nativeDecoder(encoding: Exclude<TextEncoding, 'utf-8'>): TextDecoder | null {
  try {
    return new TextDecoder(WHATWG_LABEL[encoding]);
  } catch {
    return null;
  }
}

/** Decodes bytes in the given encoding; a UTF-8 byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8') {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  }
  const native = nativeDecoder(encoding);
  if (native !== null) return native.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Encodes text (for fixture generators and tests). */
export function encodeText(text: string, encoding: TextEncoding, bom = false): Uint8Array {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set(UTF8_BOM, 0);
    out.set(body, 3);
    return out;
  }
  return new Uint8Array(iconv.encode(text, encoding));
}

/** Normalises an encoding name from a config or a file (`cp1251`, `Windows-1251`, `dos`, `utf8`). */
export function normaliseEncoding(name: string): TextEncoding | null {
  const n = name.trim().toLowerCase().replace(/[\s_]/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  if (
    n === 'windows-1251' ||
    n === 'windows1251' ||
    n === 'cp1251' ||
    n === 'cp-1251' ||
    n === 'win1251' ||
    n === 'windows'
  )
    return 'windows-1251';
  if (n === 'cp866' || n === 'cp-866' || n === 'ibm866' || n === 'dos' || n === 'ibm-866') return 'cp866';
  return null;
}
