/** Header changes of a RequestHeaderModifier or ResponseHeaderModifier filter. */
export interface HeaderModifierOptions {
  /** Headers to set, replacing any existing value. @default - none */
  readonly set?: { [name: string]: string };
  /** Headers to add, appending to any existing value. @default - none */
  readonly add?: { [name: string]: string };
  /** Header names to remove. @default - none */
  readonly remove?: string[];
}

/** Kinds of path rewrite (`HTTPPathModifier.type`). */
export enum PathModifierType {
  /** Replace the whole path. */
  REPLACE_FULL_PATH = 'ReplaceFullPath',
  /** Replace the part matched by the rule's single PathPrefix match. */
  REPLACE_PREFIX_MATCH = 'ReplacePrefixMatch',
}

/** A path change of a RequestRedirect or URLRewrite filter. */
export class PathModifier {
  /** Replace the whole path with `path`. */
  public static replaceFullPath(path: string): PathModifier {
    return new PathModifier(PathModifierType.REPLACE_FULL_PATH, path);
  }

  /**
   * Replace the matched prefix with `prefix`. The rule must have exactly one
   * match, and it must be a PathPrefix match.
   */
  public static replacePrefixMatch(prefix: string): PathModifier {
    return new PathModifier(PathModifierType.REPLACE_PREFIX_MATCH, prefix);
  }

  private constructor(
    /** Kind of change. */
    public readonly type: PathModifierType,
    /** Replacement path or prefix. */
    public readonly value: string) {}
}

/** URL scheme of a redirect. */
export enum RedirectScheme {
  /** http */
  HTTP = 'http',
  /** https */
  HTTPS = 'https',
}

/** Options of a RequestRedirect filter. Fields left out keep the request's value. */
export interface RequestRedirectOptions {
  /** Scheme of the Location header. @default - the request's scheme */
  readonly scheme?: RedirectScheme;
  /** Hostname of the Location header. @default - the request's Host */
  readonly hostname?: string;
  /** Path change. @default - the request's path */
  readonly path?: PathModifier;
  /** Port of the Location header. @default - derived from the scheme, else the listener port */
  readonly port?: number;
  /** HTTP status code: 301, 302, 303, 307 or 308. @default 302 */
  readonly statusCode?: number;
}

/** Options of a URLRewrite filter. */
export interface UrlRewriteOptions {
  /** Host header sent upstream. @default - unchanged */
  readonly hostname?: string;
  /** Path change. @default - unchanged */
  readonly path?: PathModifier;
}

/** Fraction of requests mirrored. */
export interface MirrorOptions {
  /**
   * Percentage (0-100) of requests to mirror. Mutually exclusive with `numerator`.
   * @default - 100% (every request), unless `numerator` is set
   */
  readonly percent?: number;
  /** Numerator of the mirrored fraction. @default - not used */
  readonly numerator?: number;
  /** Denominator of the mirrored fraction (with `numerator`). @default 100 */
  readonly denominator?: number;
}

/** Filter types of HTTPRoute and GRPCRoute. */
export enum RouteFilterType {
  /** Changes request headers. */
  REQUEST_HEADER_MODIFIER = 'RequestHeaderModifier',
  /** Changes response headers. */
  RESPONSE_HEADER_MODIFIER = 'ResponseHeaderModifier',
  /** Answers with a redirect instead of forwarding (HTTPRoute only). */
  REQUEST_REDIRECT = 'RequestRedirect',
  /** Rewrites host and/or path before forwarding (HTTPRoute only). */
  URL_REWRITE = 'URLRewrite',
  /** Sends a copy of requests to another backend, ignoring its responses. */
  REQUEST_MIRROR = 'RequestMirror',
  /** Implementation-specific filter resource. */
  EXTENSION_REF = 'ExtensionRef',
}
