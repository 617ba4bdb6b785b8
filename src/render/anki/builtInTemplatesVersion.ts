/**
 * The note-type `mod` (seconds) written for the built-in templates. Anki only restyles a note type
 * it already has when the incoming `mod` is newer, so any change to templates/anki/ must bump `mod`
 * (to the date of the change) and update `sha256`; tests/anki fail until both agree.
 */
export const BUILT_IN_TEMPLATES_VERSION = {
  mod: 1_764_028_800,
  sha256: '8a79f555fc783d0ef5e3f7189cc92c5a35994c049ea7e38b269d1abdd802ac88',
} as const;
