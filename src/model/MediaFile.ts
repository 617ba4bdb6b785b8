/** An image file the notes refer to, read by the pipeline and handed to renderers (which never read files). */
export interface MediaFile {
  /** Relative to the build root, forward slashes: the `path` of the image in the model. */
  path: string;
  bytes: Uint8Array;
  /** Read from the bytes, not from the file name. */
  type: 'png' | 'jpeg' | 'gif' | 'svg' | 'webp';
  /** In pixels, from the file's header (SVG: its width and height, else its viewBox; 0 when unknown). */
  width: number;
  height: number;
  /** sha256 of the bytes, hex: names the file in an Anki deck's media. */
  sha256: string;
}

/** Media by model path. */
export type MediaTable = ReadonlyMap<string, MediaFile>;
