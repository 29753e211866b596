// The Mantine theme: the bundled Vazirmatn font everywhere, a calm teal, comfortable radii.
import { createTheme } from '@mantine/core';

const FONT = 'Vazirmatn, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '700' },
  fontFamilyMonospace: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace",
  primaryColor: 'teal',
  defaultRadius: 'md',
});
