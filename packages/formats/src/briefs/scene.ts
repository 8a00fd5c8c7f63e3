/**
 * A small vector drawing: what the timeline chart and the map are made of. One scene renders to
 * inline SVG (HTML, Markdown) and to PDF paths (pdfkit), so both show the same picture and
 * neither needs a raster image, a tile server or the network.
 */
export type Shape =
  | {
      readonly kind: 'polygon';
      readonly points: readonly (readonly [number, number])[];
      readonly fill: string;
      readonly stroke?: string;
      readonly strokeWidth?: number;
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: string;
      readonly opacity?: number;
    }
  | {
      readonly kind: 'circle';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly fill: string;
      readonly stroke?: string;
      readonly opacity?: number;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly stroke: string;
      readonly strokeWidth?: number;
      readonly dash?: number;
    }
  | {
      readonly kind: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly anchor?: 'start' | 'middle' | 'end';
      readonly fill?: string;
      readonly bold?: boolean;
    };

export interface Scene {
  /** Names the drawing in SVG (class) and tests: `brief-timeline`, `brief-map`. */
  readonly name: string;
  /** Accessible title. */
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (x: number): string => String(Math.round(x * 100) / 100);

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case 'polygon':
      return `<polygon points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${n(s.strokeWidth ?? 1)}" stroke-linejoin="round"` : ''}/>`;
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" fill="${s.fill}"${s.opacity !== undefined ? ` fill-opacity="${n(s.opacity)}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"${s.opacity !== undefined ? ` fill-opacity="${n(s.opacity)}"` : ''}${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${n(s.strokeWidth ?? 1)}"${s.dash ? ` stroke-dasharray="${n(s.dash)}"` : ''}/>`;
    case 'text': {
      const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}"${anchor} fill="${s.fill ?? '#222'}"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
    }
  }
}

/** The scene as a standalone, self-contained SVG element. */
export function renderSceneSvg(scene: Scene): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${scene.name}" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" role="img" aria-label="${escapeXml(scene.title)}" font-family="DejaVu Sans, Verdana, sans-serif">`,
    `<title>${escapeXml(scene.title)}</title>`,
    ...scene.shapes.map(shapeSvg),
    '</svg>',
  ].join('\n');
}

/** The scene as a data URI, for a Markdown image that needs no other file. */
export function sceneDataUri(scene: Scene): string {
  const bytes = new TextEncoder().encode(renderSceneSvg(scene));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
