/**
 * Profile colours, told apart at a glance and readable on light and dark, and the one rule that
 * picks a new profile's colour (core when it stores a profile, the wizard when it proposes one).
 */

/** The colours, in the order new profiles take them. */
export const PROFILE_COLORS = [
  '#2563eb',
  '#16a34a',
  '#c2410c',
  '#9333ea',
  '#0891b2',
  '#db2777',
  '#a16207',
  '#4b5563',
] as const;

/** The first of {@link PROFILE_COLORS} no profile uses yet (cycling once all are taken). */
export function nextProfileColor(profiles: ReadonlyArray<{ color?: string | undefined }>): string {
  const used = new Set(profiles.map((p) => p.color?.toLowerCase()));
  return PROFILE_COLORS.find((c) => !used.has(c)) ?? PROFILE_COLORS[profiles.length % PROFILE_COLORS.length]!;
}
