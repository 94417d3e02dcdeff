import { createContext, useContext } from 'react';
import { themeFor, type Theme } from './theme.js';

/** The colours in use; the session provides the one for its environment (NO_COLOR). */
export const ThemeContext = createContext<Theme>(themeFor(process.env));

/** The colours in use. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
