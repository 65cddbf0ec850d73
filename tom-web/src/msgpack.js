// The canonical MessagePack writer of the tom-v1 wire format (docs/wire-spec.md §2, §13): every value in its
// shortest form, byte strings as Gen-2 integer arrays (reference profile) or as bin (compact profile). Decoding goes
// through @msgpack/msgpack and is made strict by writing the decoded value again with this writer: only input that
// comes back byte for byte is canonical.

/** A byte string, written in the profile of the writer that meets it. */
export class Bytes {
  /** @param {Uint8Array} value */
  constructor(value) {
    this.value = value;
  }
}

export class CanonicalWriter {
  /** @param {'reference' | 'compact'} profile */
  constructor(profile = 'reference') {
    this.profile = profile;
    this.chunks = [];
    this.length = 0;
  }

  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }

  header(small, base, prefixes, size) {
    if (size <= small) {
      return this.push(Uint8Array.of(base | size));
    }
    for (const [limit, prefix, width] of prefixes) {
      if (size <= limit) {
        return this.push(Uint8Array.of(prefix, ...bigEndian(BigInt(size), width)));
      }
    }
    throw new RangeError(`size ${size} does not fit`);
  }

  arrayHeader(size) {
    return this.header(15, 0x90, [[0xffff, 0xdc, 2], [0xffffffff, 0xdd, 4]], size);
  }

  string(text) {
    const utf8 = new TextEncoder().encode(text);
    if (utf8.length <= 31) {
      this.push(Uint8Array.of(0xa0 | utf8.length));
    } else {
      this.header(-1, 0, [[0xff, 0xd9, 1], [0xffff, 0xda, 2], [0xffffffff, 0xdb, 4]], utf8.length);
    }
    return this.push(utf8);
  }

  /** @param {number | bigint} value a non-negative integer */
  unsigned(value) {
    const v = BigInt(value);
    if (v < 0n) {
      throw new RangeError('unsigned value expected');
    }
    if (v < 128n) {
      return this.push(Uint8Array.of(Number(v)));
    }
    for (const [limit, prefix, width] of [[0xffn, 0xcc, 1], [0xffffn, 0xcd, 2], [0xffffffffn, 0xce, 4],
      [0xffffffffffffffffn, 0xcf, 8]]) {
      if (v <= limit) {
        return this.push(Uint8Array.of(prefix, ...bigEndian(v, width)));
      }
    }
    throw new RangeError('unsigned value above 2^64 - 1');
  }

  bool(value) {
    return this.push(Uint8Array.of(value ? 0xc3 : 0xc2));
  }

  nil() {
    return this.push(Uint8Array.of(0xc0));
  }

  /** @param {Uint8Array} value */
  bytes(value) {
    if (this.profile === 'compact') {
      this.header(-1, 0, [[0xff, 0xc4, 1], [0xffff, 0xc5, 2], [0xffffffff, 0xc6, 4]], value.length);
      return this.push(value);
    }
    this.arrayHeader(value.length);
    const elements = new Uint8Array(2 * value.length);
    let at = 0;
    for (const b of value) {
      if (b >= 128) {
        elements[at++] = 0xcc;
      }
      elements[at++] = b;
    }
    return this.push(elements.subarray(0, at));
  }

  /** Any value as decoded by @msgpack/msgpack, or a {@link Bytes}: used to check that input was canonical. */
  value(v) {
    if (v instanceof Bytes) {
      return this.bytes(v.value);
    }
    if (v instanceof Uint8Array) {
      if (this.profile !== 'compact') {
        throw new TypeError('bin in the reference profile');
      }
      return this.bytes(v);
    }
    if (Array.isArray(v)) {
      this.arrayHeader(v.length);
      v.forEach((element) => this.value(element));
      return this;
    }
    switch (typeof v) {
      case 'string': return this.string(v);
      case 'boolean': return this.bool(v);
      case 'number':
      case 'bigint': return this.unsigned(v);
      default:
        if (v === null) {
          return this.nil();
        }
        throw new TypeError(`a ${typeof v} has no tom-v1 encoding`);
    }
  }

  toBytes() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function bigEndian(value, width) {
  const out = [];
  for (let i = width - 1; i >= 0; i--) {
    out.push(Number((value >> BigInt(8 * i)) & 0xffn));
  }
  return out;
}
