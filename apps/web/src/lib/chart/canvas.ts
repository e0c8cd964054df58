/** A fill pattern so bars differ by texture as well as colour: 0 solid, 1 diagonal stripes, 2 dots, 3 cross-hatch. */
export function barPattern(colour: string, kind: number): CanvasPattern | string {
  if (kind % 4 === 0) return colour;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  if (kind % 4 === 1) {
    ctx.beginPath();
    ctx.moveTo(-2, 10);
    ctx.lineTo(10, -2);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(6, 10);
    ctx.lineTo(10, 6);
    ctx.stroke();
  } else if (kind % 4 === 2) {
    ctx.fillRect(0, 0, 8, 8);
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(4, 4, 1.6, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.beginPath();
    ctx.moveTo(0, 4);
    ctx.lineTo(8, 4);
    ctx.moveTo(4, 0);
    ctx.lineTo(4, 8);
    ctx.stroke();
  }
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

/** The chart as a PNG on a white background (a transparent canvas looks broken in most viewers). */
export async function chartPng(canvas: HTMLCanvasElement, title: string): Promise<Blob | null> {
  const padding = 16;
  const titleHeight = title === '' ? 0 : 28;
  const out = document.createElement('canvas');
  out.width = canvas.width + padding * 2;
  out.height = canvas.height + padding * 2 + titleHeight;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  if (title !== '') {
    ctx.fillStyle = '#1b1f24';
    ctx.font = `600 16px ${getComputedStyle(document.documentElement).fontFamily}`;
    ctx.textBaseline = 'top';
    ctx.fillText(title, padding, padding);
  }
  ctx.drawImage(canvas, padding, padding + titleHeight);
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

/** Starts a browser download of `blob` under `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
