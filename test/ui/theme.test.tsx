import { beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../../src/ui/theme.js';
import { COMMIT_1, MATH_DIFF } from './fixtures.js';
import type { StepView } from '../../src/ui/run-state.js';

// Colours only reach the frame when chalk thinks the terminal has them; it decides when ink is first imported.
process.env.FORCE_COLOR = '1';
let ui: {
  themeFor: typeof import('../../src/ui/theme.js').themeFor;
  ThemeContext: typeof import('../../src/ui/use-theme.js').ThemeContext;
  DiffView: typeof import('../../src/ui/DiffView.js').DiffView;
  renderTui: typeof import('./tui.js').renderTui;
};
beforeAll(async () => {
  const [theme, useTheme, diff, tui] = await Promise.all([import('../../src/ui/theme.js'), import('../../src/ui/use-theme.js'), import('../../src/ui/DiffView.js'), import('./tui.js')]);
  ui = { themeFor: theme.themeFor, ThemeContext: useTheme.ThemeContext, DiffView: diff.DiffView, renderTui: tui.renderTui };
});

const STEP: StepView = { index: 0, title: 'Add subtract', file: 'src/math.ts', status: 'applied', attempt: 1, chunks: 0, streamMs: 0, completionTokens: 100, latencyMs: 2000, costs: [0], commit: COMMIT_1, diff: MATH_DIFF };
const ANY_COLOUR = /\x1b\[(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m/;

async function drawDiff(theme: Theme): Promise<string> {
  const { ThemeContext, DiffView, renderTui } = ui;
  const tui = await renderTui(
    <ThemeContext.Provider value={theme}>
      <DiffView step={STEP} height={20} canRevert onRevert={() => {}} onClose={() => {}} />
    </ThemeContext.Provider>,
  );
  const raw = tui.rawFrame();
  tui.unmount();
  return raw;
}

describe('colours', () => {
  it('uses named foreground colours only: no backgrounds, no hard-coded black or white', () => {
    const theme = ui.themeFor({});
    expect(Object.values(theme).every((colour) => ['cyan', 'green', 'red', 'yellow'].includes(colour))).toBe(true);
  });

  it('has none at all when NO_COLOR is set to anything non-empty', () => {
    expect(ui.themeFor({ NO_COLOR: '1' })).toEqual({});
    expect(ui.themeFor({ NO_COLOR: '' })).toEqual(ui.themeFor({}));
  });

  it('draws a diff green and red, and the same diff without colour under NO_COLOR, markers kept', async () => {
    const coloured = await drawDiff(ui.themeFor({}));
    expect(coloured).toContain('\x1b[32m+export function subtract(a: number, b: number): number {');
    expect(coloured).toContain('\x1b[36m@@ -1,3 +1,7 @@');
    expect(coloured).not.toMatch(/\x1b\[(4[0-9]|10[0-7]|30|37|90|97)m/);
    const plain = await drawDiff(ui.themeFor({ NO_COLOR: '1' }));
    expect(plain).not.toMatch(ANY_COLOUR);
    expect(plain).toContain('+export function subtract(a: number, b: number): number {');
  });
});
