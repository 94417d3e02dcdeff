/** The attributes of every element named `tag` in markup, in order (enough for the flat SVG the report writes). */
export function elements(markup: string, tag: string): Array<Record<string, string> & { text: string }> {
  const found: Array<Record<string, string> & { text: string }> = [];
  const pattern = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const match of markup.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of match[1].matchAll(/([\w-]+)="([^"]*)"/g)) attributes[name] = value;
    found.push({ ...attributes, text: match[2] ?? '' });
  }
  return found;
}
