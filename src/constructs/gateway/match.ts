/** How a path, header or query parameter value is compared. */
export enum MatchType {
  /** Equal to the value (Core). */
  EXACT = 'Exact',
  /** Starts with the value, element-wise on `/` boundaries (paths only, Core). */
  PATH_PREFIX = 'PathPrefix',
  /** Matches a regular expression; the dialect is implementation-specific. */
  REGULAR_EXPRESSION = 'RegularExpression',
}

/** HTTP methods an HTTPRoute can match. */
export enum HttpMethod {
  /** GET */
  GET = 'GET',
  /** HEAD */
  HEAD = 'HEAD',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** DELETE */
  DELETE = 'DELETE',
  /** CONNECT */
  CONNECT = 'CONNECT',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
  /** TRACE */
  TRACE = 'TRACE',
  /** PATCH */
  PATCH = 'PATCH',
}

/** A path condition of an HTTPRoute match (`matches[].path`). */
export class PathMatch {
  /** Path equal to `value` (must start with "/"). */
  public static exact(value: string): PathMatch {
    return new PathMatch(MatchType.EXACT, value);
  }

  /** Path starting with `value`, element-wise: "/api" matches "/api" and "/api/x", not "/apix". */
  public static prefix(value: string): PathMatch {
    return new PathMatch(MatchType.PATH_PREFIX, value);
  }

  /** Path matching a regular expression (implementation-specific). */
  public static regex(pattern: string): PathMatch {
    return new PathMatch(MatchType.REGULAR_EXPRESSION, pattern);
  }

  private constructor(
    /** How the path is compared. */
    public readonly type: MatchType,
    /** The path or pattern. */
    public readonly value: string) {}
}

/** A header (or gRPC metadata) condition: the named header must match. */
export class HeaderMatch {
  /** Header `name` equal to `value` (names compare case-insensitively). */
  public static exact(name: string, value: string): HeaderMatch {
    return new HeaderMatch(MatchType.EXACT, name, value);
  }

  /** Header `name` matching a regular expression (implementation-specific). */
  public static regex(name: string, pattern: string): HeaderMatch {
    return new HeaderMatch(MatchType.REGULAR_EXPRESSION, name, pattern);
  }

  private constructor(
    /** How the value is compared. */
    public readonly type: MatchType,
    /** Header name. */
    public readonly name: string,
    /** Value or pattern. */
    public readonly value: string) {}
}

/** A query parameter condition of an HTTPRoute match. */
export class QueryParamMatch {
  /** Query parameter `name` equal to `value` (names compare case-sensitively). */
  public static exact(name: string, value: string): QueryParamMatch {
    return new QueryParamMatch(MatchType.EXACT, name, value);
  }

  /** Query parameter `name` matching a regular expression (implementation-specific). */
  public static regex(name: string, pattern: string): QueryParamMatch {
    return new QueryParamMatch(MatchType.REGULAR_EXPRESSION, name, pattern);
  }

  private constructor(
    /** How the value is compared. */
    public readonly type: MatchType,
    /** Parameter name. */
    public readonly name: string,
    /** Value or pattern. */
    public readonly value: string) {}
}

/**
 * One HTTPRoute match: every condition given must hold (AND). A rule matches
 * when any of its matches holds (OR).
 */
export interface HttpRouteMatch {
  /**
   * Path condition.
   * @default - PathPrefix "/" (every path)
   */
  readonly path?: PathMatch;
  /** Header conditions, all of which must hold. @default - none */
  readonly headers?: HeaderMatch[];
  /** Query parameter conditions, all of which must hold. @default - none */
  readonly queryParams?: QueryParamMatch[];
  /** Method condition. @default - any method */
  readonly method?: HttpMethod;
}

/** Shorthands for common HTTPRoute matches. */
export class Match {
  /** Requests whose path starts with `prefix` (element-wise). */
  public static pathPrefix(prefix: string): HttpRouteMatch {
    return { path: PathMatch.prefix(prefix) };
  }

  /** Requests whose path is exactly `path`. */
  public static exactPath(path: string): HttpRouteMatch {
    return { path: PathMatch.exact(path) };
  }

  /** Requests carrying header `name` equal to `value` (any path). */
  public static header(name: string, value: string): HttpRouteMatch {
    return { headers: [HeaderMatch.exact(name, value)] };
  }

  /** Requests with this method (any path). */
  public static method(method: HttpMethod): HttpRouteMatch {
    return { method };
  }

  /**
   * Requests meeting every condition given (path, headers, query parameters,
   * method), e.g. a path and a header together. From Python the conditions are
   * keyword arguments, `Match.all_of(path=PathMatch.prefix("/"),
   * headers=[HeaderMatch.exact("x-canary", "always")])`, so no struct class is
   * imported.
   */
  public static allOf(conditions: HttpRouteMatch): HttpRouteMatch {
    return {
      ...conditions,
      ...(conditions.headers ? { headers: [...conditions.headers] } : {}),
      ...(conditions.queryParams ? { queryParams: [...conditions.queryParams] } : {}),
    };
  }

  private constructor() {}
}

/** The gRPC method condition of a GRPCRoute match. */
export class GrpcMethodMatch {
  /**
   * Exact service and/or method. At least one must be given.
   * @param service fully-qualified service, e.g. "helloworld.Greeter"
   * @param method method name, e.g. "SayHello"
   */
  public static exact(service?: string, method?: string): GrpcMethodMatch {
    return new GrpcMethodMatch(MatchType.EXACT, service, method);
  }

  /** Service and/or method as regular expressions (implementation-specific). */
  public static regex(service?: string, method?: string): GrpcMethodMatch {
    return new GrpcMethodMatch(MatchType.REGULAR_EXPRESSION, service, method);
  }

  private constructor(
    /** How service and method are compared. */
    public readonly type: MatchType,
    /** Service, if constrained. */
    public readonly service?: string,
    /** Method, if constrained. */
    public readonly method?: string) {}
}

/** One GRPCRoute match: all conditions must hold. */
export interface GrpcRouteMatch {
  /** gRPC service/method condition. @default - any service and method */
  readonly method?: GrpcMethodMatch;
  /** Metadata (header) conditions. @default - none */
  readonly headers?: HeaderMatch[];
}

/** Shorthands for common GRPCRoute matches, as `Match` is for HTTPRoute. */
export class GrpcMatch {
  /**
   * Calls of one method: exact service and method.
   * @param service fully-qualified service, e.g. "helloworld.Greeter"
   * @param method method name, e.g. "SayHello"
   */
  public static method(service: string, method: string): GrpcRouteMatch {
    return { method: GrpcMethodMatch.exact(service, method) };
  }

  /**
   * Calls of every method of one service (exact service name).
   * @param service fully-qualified service, e.g. "helloworld.Greeter"
   */
  public static allMethods(service: string): GrpcRouteMatch {
    return { method: GrpcMethodMatch.exact(service) };
  }

  /** Calls carrying metadata `name` equal to `value` (any service and method). */
  public static header(name: string, value: string): GrpcRouteMatch {
    return { headers: [HeaderMatch.exact(name, value)] };
  }

  /**
   * Calls meeting every condition given (method and metadata), as
   * `Match.allOf` is for HTTPRoute; from Python,
   * `GrpcMatch.all_of(method=GrpcMethodMatch.exact("store.Catalog"), headers=[...])`.
   */
  public static allOf(conditions: GrpcRouteMatch): GrpcRouteMatch {
    return { ...conditions, ...(conditions.headers ? { headers: [...conditions.headers] } : {}) };
  }

  private constructor() {}
}
