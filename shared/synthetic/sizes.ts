/**
 * The sizes of the synthetic municipality. Kept apart from the generator so the UI can show
 * them without loading the generator and its word lists.
 */
export type SyntheticSize = 'small' | 'large';

export type SizeSpec = Readonly<{
  households: number;
  teamMembers: number;
  meetings: number;
  casesPerMeeting: number;
  /** How many wijken of the word list the team works in (clamped to the list). */
  wijken: number;
}>;

export const SIZES: Readonly<Record<SyntheticSize, SizeSpec>> = {
  small: { households: 50, teamMembers: 6, meetings: 6, casesPerMeeting: 8, wijken: 4 },
  large: { households: 10_000, teamMembers: 40, meetings: 26, casesPerMeeting: 25, wijken: 99 },
};
