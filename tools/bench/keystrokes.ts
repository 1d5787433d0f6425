/** Where the benchmarks type, in every language: positions spread over the file, after each anchor in turn. */

/** Offsets of `count` keystrokes: after each anchor in turn, each searched from a point further into the file. */
export function keystrokeOffsets(text: string, anchors: readonly string[], count: number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const anchor = anchors[i % anchors.length];
    const at = text.indexOf(anchor, Math.floor((text.length * ((i * 7) % count)) / count));
    offsets.push((at === -1 ? text.indexOf(anchor) : at) + anchor.length);
  }
  return offsets;
}

/** The texts an in-process bench analyses in turn: each keystroke typed (an `x`), then taken back. */
export function keystrokeVersions(text: string, anchors: readonly string[], count = 24): string[] {
  return keystrokeOffsets(text, anchors, count).flatMap((at) => [text.slice(0, at) + 'x' + text.slice(at), text]);
}
