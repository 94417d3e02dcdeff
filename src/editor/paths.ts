/** A path as written, cleaned of quotes, backslashes and a leading `./`. */
export function cleanPath(path: string): string {
  let p = path.trim().replace(/^[`'"](.*)[`'"]$/, '$1').replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * True when a path written in the answer names the target: the same path, or with git's a/ or b/
 * prefix, or only its basename, or a longer or shorter form ending at a directory boundary.
 */
export function pathMatches(written: string, target: string): boolean {
  const t = cleanPath(target);
  const forms = [cleanPath(written)];
  if (/^[ab]\//.test(forms[0])) forms.push(forms[0].slice(2));
  return forms.some((w) => w === t || (w.length > 0 && (t.endsWith(`/${w}`) || w.endsWith(`/${t}`))));
}
