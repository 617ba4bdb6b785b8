/**
 * The note-type `mod` (seconds) written for the built-in templates. Anki only restyles a note type
 * it already has when the incoming `mod` is newer, so any change to templates/anki/ must bump `mod`
 * (to the date of the change) and update `sha256`; tests/anki fail until both agree.
 */
export const BUILT_IN_TEMPLATES_VERSION = {
  mod: 1_765_152_000,
  sha256: '1e165064a48eed1e308af0a24a64b905011d6ca45a79757d01b9ca77a2ae94d5',
} as const;
