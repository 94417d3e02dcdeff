/** A glob as a regular expression: `**` any folders, `*` and `?` within one path segment, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` may match no folder at all.
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** True when `path` matches the glob; a glob without a slash is matched against the file's name, as in .gitignore. */
export function globMatches(glob: string, path: string): boolean {
  const pattern = glob.replace(/^\.?\//, '');
  const target = pattern.includes('/') ? path : (path.split('/').pop() ?? path);
  return globToRegExp(pattern).test(target);
}
