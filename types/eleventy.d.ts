/**
 * The parts of Eleventy 3's API that Billet uses, typed (Eleventy ships no
 * types). https://www.11ty.dev/docs/config/
 */
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    layouts?: string;
    data: string;
  }

  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "serve" | "watch";
    outputMode: string;
    incremental: boolean;
    /** On `eleventy.after`: what was written. */
    results?: Array<{ inputPath: string; outputPath: string | false; url: string | false; content: string }>;
  }

  /** One line for Eleventy's logger; `force` prints it even in quiet mode. */
  export interface EleventyLogOptions {
    message: string;
    type?: "log" | "warn" | "error" | "info";
    prefix?: string;
    color?: string;
    force?: boolean;
  }

  /** Where Eleventy writes, with its plugins: the console unless told otherwise. */
  export type EleventyLogSink = Pick<Console, "log" | "warn" | "error" | "info">;

  /** Eleventy's logger (src/Util/ConsoleLogger.js), shared with plugins as `eleventyConfig.logger`. */
  export interface EleventyLogger {
    logWithOptions(options: EleventyLogOptions): void;
    /** Sends every line, Eleventy's own and its plugins', to `sink` instead of the console (false: nowhere). */
    overrideLogger(sink: EleventyLogSink | false): void;
  }

  export interface EleventyConfig {
    directories: EleventyDirectories;
    /** Set by Eleventy before it runs the config. */
    logger?: EleventyLogger;
    addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void;
    addGlobalData(name: string, value: unknown): void;
    on(event: "eleventy.before" | "eleventy.after", listener: (args: EleventyEventArgs) => unknown): void;
    /** The site's own events (`billet.…`), told through Eleventy's emitter: listeners run together, awaited by `emit`. */
    on(event: `billet.${string}`, listener: (...args: never[]) => unknown): void;
    emit(event: `billet.${string}`, ...args: unknown[]): Promise<unknown[]>;
    addPreprocessor(
      name: string,
      extensions: string,
      callback: (this: { inputPath: string }, data: Record<string, unknown>, content: string) => unknown,
    ): void;
    addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
    addExtension(extensions: string[], options: Record<string, unknown>): void;
    addTemplateFormats(formats: string): void;
    addDataExtension(extension: string, options: { read?: boolean; parser: (input: string) => unknown }): void;
    setLibrary(name: "md", library: unknown): void;
    setFrontMatterParsingOptions(options: object): void;
    addDateParsing(callback: (value: unknown) => unknown): void;
    addWatchTarget(target: string): void;
    addPassthroughCopy(target: string | Record<string, string>, options?: object): void;
    setQuietMode(quiet: boolean): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    config?: (config: EleventyConfig) => void;
  }

  /** How Eleventy prints an error it stops on (src/Errors/EleventyErrorHandler.js). */
  export interface EleventyErrorHandler {
    /** Prints `error` under `message`, unless it was printed already; `fatal` also sets the exit code. */
    once(type: "error" | "fatal", error: unknown, message: string): void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    readonly logger: EleventyLogger;
    readonly errorHandler: EleventyErrorHandler;
    /** Nothing more is printed, by Eleventy or its plugins. */
    disableLogger(): void;
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
