// Where the bytes of a `.wasm` module go: reads a module that keeps its name section (a build
// with the profile's `strip` off, see bindings-wasm/README.md, "Size") and prints
//
//   - the largest functions (raw bytes of their bodies);
//   - the code summed by kind (reader, writer, other) and by crate or core module;
//   - each group's gzipped share: the module's code and data gzipped (zlib level 9, as
//     test/size.test.mjs measures) with and without that group's function bodies.
//
// Usage: node bindings-wasm/scripts/size-profile.mjs <module.wasm> [top=40]

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node size-profile.mjs <module.wasm> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const buf = readFileSync(file);

let pos = 8;
const uleb = () => {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const n = uleb();
  const text = buf.toString('utf8', pos, pos + n);
  pos += n;
  return text;
};

// The sections this needs: imports (functions are numbered after the imported ones), code,
// data and the name section's function names.
let imported = 0;
const bodies = [];
const names = new Map();
let data = Buffer.alloc(0);
while (pos < buf.length) {
  const id = buf[pos++];
  const size = uleb();
  const end = pos + size;
  if (id === 0 && name() === 'name') {
    while (pos < end) {
      const sub = buf[pos++];
      const subEnd = uleb() + pos;
      if (sub === 1) {
        for (let n = uleb(); n > 0; n--) names.set(uleb(), name());
      }
      pos = subEnd;
    }
  } else if (id === 2) {
    for (let n = uleb(); n > 0; n--) {
      name();
      name();
      const kind = buf[pos++];
      if (kind === 0) {
        uleb();
        imported++;
      } else if (kind === 1) {
        pos++;
        if (buf[pos++] & 1) uleb();
        uleb();
      } else if (kind === 2) {
        if (buf[pos++] & 1) uleb();
        uleb();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    for (let i = 0, n = uleb(); i < n; i++) {
      const len = uleb();
      bodies.push({ index: imported + i, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    }
  } else if (id === 11) {
    data = buf.subarray(pos, end);
  }
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no name section: build with the profile's strip off`);
  process.exit(1);
}
for (const b of bodies) {
  // Without the crates' disambiguators: `secretariat[a6d8…]::x` is `secretariat::x`.
  b.name = (names.get(b.index) ?? `func${b.index}`).replace(/\[[0-9a-f]{16}\]/g, '');
}

const kb = (n) => (n / 1000).toFixed(1).padStart(7);
const codeBytes = bodies.reduce((sum, b) => sum + b.bytes.length, 0);
console.log(`${file}: ${kb(buf.length)} KB with names; code ${kb(codeBytes)} KB in ` +
  `${bodies.length} functions, data ${kb(data.length)} KB`);

console.log(`\nthe ${top} largest functions (bytes):`);
for (const b of [...bodies].sort((x, y) => y.bytes.length - x.bytes.length).slice(0, top)) {
  console.log(String(b.bytes.length).padStart(7), b.name.slice(0, 160));
}

// A reader is serde's `Deserialize` side (derived visitors and the path-keeping reader of
// core/src/input/path.rs), a writer its `Serialize` side. The group is the first core module
// the name mentions (the reader's own module aside), else the first crate.
const kind = (n) =>
  /serde_core::de::|visit_object|Visitor|Deserializ|input::path/.test(n) ? 'reader' :
    /serde_core::ser::|Serializ/.test(n) ? 'writer' : 'code';
const group = (n) => {
  const core = n.replace(/secretariat::input::path::/g, '').match(/secretariat::(\w+)/);
  return core ? `secretariat::${core[1]}` : (n.match(/^[<&\s]*(?:dyn )?(\w+)/)?.[1] ?? '?');
};
const sums = new Map();
for (const b of bodies) {
  const key = `${kind(b.name).padEnd(6)} ${group(b.name)}`;
  sums.set(key, (sums.get(key) ?? 0) + b.bytes.length);
}
console.log('\ncode by kind and group (KB raw):');
for (const [key, bytes] of [...sums].sort((x, y) => y[1] - x[1]).slice(0, top)) {
  console.log(kb(bytes), key);
}

// Gzipped shares: what gzip gives for code and data without the group, taken from the whole.
const gz = (parts) => gzipSync(Buffer.concat(parts), { level: 9 }).length;
const whole = gz([...bodies.map((b) => b.bytes), data]);
const share = (test) => whole - gz([...bodies.filter((b) => !test(b.name)).map((b) => b.bytes), data]);
const groups = {
  'readers': (n) => kind(n) === 'reader',
  '  struct visitors': (n) => /input::path::visit_object/.test(n),
  'writers': (n) => kind(n) === 'writer',
  'BTreeMap': (n) => /btree/.test(n),
  'discipline': (n) => /secretariat::discipline/.test(n),
  'rust_decimal': (n) => /rust_decimal/.test(n),
  'chrono': (n) => /^<?chrono/.test(n),
  'wasm_bindgen': (n) => /wasm_bindgen/.test(n),
};
console.log(`\ngzipped shares (code and data gzipped: ${kb(whole)} KB; the data alone ${kb(gz([data]))} KB):`);
for (const [label, test] of Object.entries(groups)) {
  const raw = bodies.filter((b) => test(b.name)).reduce((sum, b) => sum + b.bytes.length, 0);
  console.log(`${label.padEnd(20)} ${kb(raw)} KB raw ${kb(share(test))} KB gzipped`);
}
