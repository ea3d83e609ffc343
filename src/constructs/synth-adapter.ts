import { ApiObject, App } from 'cdk8s';
import { IConstruct, Node } from 'constructs';
import { ValidationReport } from '../validate/report';

// The one place this library reaches into cdk8s's App and ApiObject. cdk8s
// validates the whole app in `synth()` and again for every chart it renders
// (2.70.0 through the newest 2.x), then resolves every ApiObject's `toJson()`
// once more to write it. Validating on every call and resolving twice added
// +96% to the synth of a 300-object app (bench/results.md); no hook of cdk8s
// tells a validation where a synth begins and ends, so this adapter wraps the
// app's own `synth`/`synthYaml` (keeping and calling them) to scope one
// validation per synth, walks the construct tree once for it, and lets
// `toJson()` return what the validator read until that synth ends.
// test/constructs/synth-adapter.test.ts runs against the lowest supported and
// the newest cdk8s 2.x (scripts/cdk8s-compat.sh).

/** State of one `synth()` / `synthYaml()` in progress. */
export interface SynthScope {
  /** The validation errors of this synth, once validated. */
  errors?: string[];
  /** What the validation of this synth reported (for reports that need the written files). */
  result?: { readonly report: ValidationReport };
  /**
   * The app's constructs, walked once as the synth began: cdk8s validates and
   * writes a walk of the same tree, and walking it again for the objects and
   * again for the suppressions was a tenth of the validator's time (bench/profile.md).
   */
  readonly constructs: readonly IConstruct[];
  /** The ApiObjects among `constructs`, in the same order. */
  readonly apiObjects: readonly PathedApiObject[];
  /** Own `toJson` properties the memoized ones replaced (rare), put back when the synth ends. */
  readonly restore: (() => void)[];
}

/** An ApiObject and its construct path (the source the validator gives its object). */
export interface PathedApiObject {
  readonly api: ApiObject;
  readonly path: string;
}

/**
 * The scope of a synth of `app` (the root) beginning now: its constructs in
 * `findAll()` order, its ApiObjects with their paths, and every ApiObject's
 * `toJson()` memoized until the synth ends.
 */
export function beginSynthScope(app: IConstruct): SynthScope {
  const constructs: IConstruct[] = [];
  const apiObjects: PathedApiObject[] = [];
  // Every field from the start: a field added later is a new shape for the code reading scopes.
  const scope: SynthScope = { errors: undefined, result: undefined, constructs, apiObjects, restore: [] };
  visit(scope, app, app.node.path);
  return scope;
}

/**
 * Adds `c` and its subtree to the scope. `node.path` walks up and joins every scope's id again
 * for each construct; the walk down carries its parent's path instead (preorder, children in
 * `node.children` order, as findAll). A module function, not a closure per synth, so that its
 * optimized code outlives the synth.
 */
function visit(scope: SynthScope, c: IConstruct, path: string): void {
  (scope.constructs as IConstruct[]).push(c);
  if (ApiObject.isApiObject(c)) {
    (scope.apiObjects as PathedApiObject[]).push({ api: c, path });
    memoizeJson(c, scope);
  }
  for (const child of c.node.children) visit(scope, child, path ? `${path}${Node.PATH_SEP}${child.node.id}` : child.node.id);
}

/** The ApiObjects among `constructs` with their paths, outside a synth. */
export function pathedApiObjects(constructs: readonly IConstruct[]): PathedApiObject[] {
  const out: PathedApiObject[] = [];
  for (const c of constructs) if (ApiObject.isApiObject(c)) out.push({ api: c, path: c.node.path });
  return out;
}

/** What a synth of one app calls: the hooks of its validator. */
interface SynthHooks {
  readonly enter: () => SynthScope;
  readonly current: () => SynthScope | undefined;
  readonly exit: () => void;
  readonly written: (app: App, scope: SynthScope) => void;
}

const HOOKS = new WeakMap<App, SynthHooks>();
/** The scoped prototype made for each prototype of apps, shared by all its apps. */
const SCOPED = new WeakMap<object, object>();
const IS_SCOPED = new WeakSet<object>();

/**
 * Calls `enter` when a synth of `app` begins and `exit` when it ends (nested
 * calls, such as `synthYaml` inside `synth`, belong to the outer one), and
 * `written` after `synth()` has written the manifests.
 */
export function scopeEachSynth(
  app: App, enter: () => SynthScope, current: () => SynthScope | undefined, exit: () => void,
  written: (app: App, scope: SynthScope) => void = () => undefined,
): void {
  HOOKS.set(app, { enter, current, exit, written });
  const base = Object.getPrototypeOf(app) as object;
  if (IS_SCOPED.has(base)) return;
  // One scoped prototype per app class, not per app: an object's prototype is part of its
  // shape, and apps of a prototype each made V8 recompile every optimized function that
  // touches an app (cdk8s's resolve among them) at each new app (bench/profile.md).
  let proto = SCOPED.get(base);
  if (!proto) SCOPED.set(base, proto = scopedPrototype(base as Record<string, unknown>));
  Object.setPrototypeOf(app, proto);
}

/**
 * A prototype under `base` whose `synth`/`synthYaml` scope each synth of an
 * app with hooks. Its `constructor` is a subclass of the app's class: the jsii
 * kernel (Python and the other languages) calls `instance.constructor.prototype[method]`,
 * so a property on the instance alone would be bypassed there.
 */
function scopedPrototype(base: Record<string, unknown>): object {
  const proto = Object.create(base) as Record<string, unknown>;
  const Scoped = function ScopedApp() { /* never called: it names the apps' prototype */ };
  Scoped.prototype = proto;
  Object.defineProperty(proto, 'constructor', { configurable: true, writable: true, value: Scoped });
  for (const name of ['synth', 'synthYaml'] as const) {
    const original = base[name] as (...a: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: App, ...args: unknown[]) {
        const hooks = HOOKS.get(this);
        if (!hooks || hooks.current()) return original.apply(this, args);
        const scope = hooks.enter();
        try {
          const out = original.apply(this, args);
          if (name === 'synth') hooks.written(this, scope);
          return out;
        } finally {
          hooks.exit();
          endSynthScope(scope);
        }
      },
    });
  }
  IS_SCOPED.add(proto);
  return proto;
}

/** Replaces `api.toJson` by `toJson` until the synth ends (endSynthScope). */
function reuseJsonOf(api: ApiObject, toJson: () => unknown, scope: SynthScope): void {
  const own = Object.getOwnPropertyDescriptor(api, 'toJson');
  if (own) scope.restore.push(() => Object.defineProperty(api, 'toJson', own));
  Object.defineProperty(api, 'toJson', { configurable: true, writable: true, value: toJson });
}

/**
 * Gives every ApiObject its own `toJson` back: the memoized one removed, and
 * an own one that it replaced put back (no closure per object to undo it).
 */
export function endSynthScope(scope: SynthScope): void {
  for (const { api } of scope.apiObjects) delete (api as unknown as Record<string, unknown>).toJson;
  for (const r of scope.restore) r();
}

/**
 * Until the synth ends, `api.toJson()` resolves the object once and returns
 * that JSON on every later call. cdk8s validates before it writes, so the
 * Services' own validation resolved each Service once more than the writer and
 * this validator together need (bench/profile.md).
 */
function memoizeJson(api: ApiObject, scope: SynthScope): void {
  let json: unknown;
  let resolved = false;
  const toJson = api.toJson;
  reuseJsonOf(api, () => {
    if (!resolved) {
      json = toJson.call(api);
      resolved = true;
    }
    return json;
  }, scope);
}
