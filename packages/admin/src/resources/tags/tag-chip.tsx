import { Chip } from '@mui/material';

/** Black or white text, whichever reads better on the tag's colour. */
function textOn(color: string): string {
  const n = Number.parseInt(color.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000' : '#fff';
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** A tag as a chip in its own colour (outlined when it has none). */
export function TagChip({ name, color }: { name: string; color?: string | null }) {
  const colored = !!color && COLOR.test(color);
  return (
    <Chip size="small" label={name} variant={colored ? 'filled' : 'outlined'} data-testid="tag-chip"
      sx={colored ? { bgcolor: color, color: textOn(color) } : undefined} />
  );
}
