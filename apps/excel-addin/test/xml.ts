/** A tiny, strict XML well-formedness checker and element finder (no dependency needed for the manifest tests). */
export interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[^>]+>|[^<]+/g;

function parse(xml: string): El {
  const root: El = { name: '#root', attrs: {}, text: '', children: [] };
  const stack: El[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const tok = m[0];
    if (tok.startsWith('<!--') || tok.startsWith('<?')) continue;
    if (tok.startsWith('</')) {
      const name = tok.slice(2, -1).trim();
      const top = stack.pop();
      if (!top || top.name !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    if (tok.startsWith('<')) {
      const self = tok.endsWith('/>');
      const body = tok.slice(1, self ? -2 : -1).trim();
      const nm = /^([A-Za-z_][\w:.-]*)/.exec(body);
      if (!nm) throw new Error(`bad tag ${tok}`);
      const attrs: Record<string, string> = {};
      const rest = body.slice(nm[1]!.length);
      const attrRe = /\s+([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let consumed = '';
      for (const a of rest.matchAll(attrRe)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        if (/[<&](?!amp;|lt;|gt;|quot;|apos;|#)/.test(a[3] ?? a[4] ?? '')) throw new Error(`bad attribute value in ${tok}`);
        attrs[a[1]!] = a[3] ?? a[4] ?? '';
        consumed += a[0];
      }
      if (consumed.replace(/\s+/g, '') !== rest.replace(/\s+/g, '')) throw new Error(`malformed attributes in ${tok}`);
      const el: El = { name: nm[1]!, attrs, text: '', children: [] };
      stack[stack.length - 1]!.children.push(el);
      if (!self) stack.push(el);
      continue;
    }
    const text = tok.trim();
    if (text) {
      if (stack.length === 1) throw new Error('text outside the root element');
      if (/&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(text)) throw new Error('bare & in text');
      stack[stack.length - 1]!.text += text;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('exactly one root element expected');
  return root;
}

export function XMLValidator(xml: string): true | string {
  try {
    parse(xml);
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}

export function XMLParser(xml: string) {
  const root = parse(xml);
  const all: El[] = [];
  const walk = (e: El): void => {
    for (const c of e.children) {
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  const match = (e: El, name: string, attrs?: Record<string, string>) => e.name === name && Object.entries(attrs ?? {}).every(([k, v]) => e.attrs[k] === v);
  return {
    find: (name: string, attrs?: Record<string, string>) => all.find((e) => match(e, name, attrs)),
    findAll: (name: string, attrs?: Record<string, string>) => all.filter((e) => match(e, name, attrs)),
  };
}
