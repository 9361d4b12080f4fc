/**
 * The parts of @11ty/eleventy-img 6 that Billet uses, typed (the package
 * ships no types). https://www.11ty.dev/docs/plugins/image/
 */
declare module "@11ty/eleventy-img" {
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath?: string;
    size?: number;
  }

  export type ImageStats = Record<string, ImageStat[]>;

  export interface ImageOptions {
    widths?: Array<number | "auto">;
    formats?: string[];
    formatFiltering?: string[] | false;
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    fixOrientation?: boolean;
  }

  /** Processes an image: writes every format and width to `outputDir`. */
  function eleventyImage(src: string, options?: ImageOptions): Promise<ImageStats>;

  namespace eleventyImage {
    /** What `eleventyImage` will write, for an image of the given size, without processing it. */
    function statsByDimensionsSync(src: string, width: number, height: number, options?: ImageOptions): ImageStats;
    function statsSync(src: string, options?: ImageOptions): ImageStats;
    /** image-size: dimensions and type from the file's header. */
    function ImageSize(file: string): { width?: number; height?: number; type?: string; orientation?: number };
  }

  export default eleventyImage;
}
