/*
 * Whether this device draws Japanese with fonts of its own. Only when it does not is the bundled
 * font loaded (web/fonts.ts), so a tablet or PC that has one spends none of a poor link on it.
 * Two different kanji drawn in the device's fonts must come out different (a missing glyph draws
 * the same empty box for both) and full-width, as every Japanese font draws kanji.
 */
const DEVICE_FONTS = `"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", system-ui, sans-serif`;

export function deviceDrawsJapanese(): boolean {
  const size = 20;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size + 4;
  const g = canvas.getContext("2d", { willReadFrequently: true });
  if (!g) return true;
  g.font = `${size}px ${DEVICE_FONTS}`;
  const draw = (ch: string) => {
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.fillText(ch, 0, size);
    return g.getImageData(0, 0, canvas.width, canvas.height).data.join(",");
  };
  const fullWidth = Math.abs(g.measureText("継").width - size) <= size * 0.1;
  return fullWidth && draw("継") !== draw("続");
}
