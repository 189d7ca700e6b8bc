/**
 * A duration in words for every screen: `1 h`, `15 min`, `1 h 30 min`, `36 h`, `45 s`, `2 min 5 s`.
 * Always hours, never days: AWS states session limits in hours ("up to 36 hours").
 */
export function humanDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', r ? `${r} s` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
