import type { GroupName } from './apiMethod.js';
import type { Configuration } from './Configuration.js';
import { OPERATIONS } from './operations.js';

// The API groups' methods, derived from the operations' table: each group's class extends
// `apiGroup(name)`, whose prototype has one method per entry of that group, with the entry's
// signature and doc comment. Adding an operation adds its method with no edit here or there.

type Table = typeof OPERATIONS;

/** The method an entry of the table installs: its `start`, with the group's configuration. */
type MethodOf<E> = E extends { readonly start: (configuration: never, ...args: infer A) => infer B }
  ? (...args: A) => B
  : never;

/** The methods of API group `G`, one per entry of the table, each with the entry's doc comment. */
export type GroupMethods<G extends GroupName> = {
  readonly [K in keyof Table as Table[K]['group'] extends G ? K : never]: MethodOf<Table[K]>;
};

// How the installed methods read a group's configuration, which stays out of its public surface.
let configurationOf: (group: ApiGroup) => Configuration;

/** What every API group holds: the settings its requests use. @internal */
export abstract class ApiGroup {
  constructor(
    /** The settings every request of this group uses. @internal */
    protected readonly configuration: Configuration,
  ) {}

  static {
    configurationOf = (group) => group.configuration;
  }
}

/** An entry of the table as the loop below sees it: any entry's `start` takes its own arguments. */
interface ErasedEntry {
  readonly group: GroupName;
  readonly start: (configuration: Configuration, ...args: never[]) => unknown;
}

/** The constructor of API group `G`'s base class, with its methods. */
export type ApiGroupClass<G extends GroupName> = new (
  configuration: Configuration,
) => ApiGroup & GroupMethods<G>;

/** The base class of API group `group`, with one method per entry of the table in that group. */
export const apiGroup = <G extends GroupName>(group: G): ApiGroupClass<G> => {
  const names: string[] = [];
  class Group extends ApiGroup {}
  const entries: Readonly<Record<string, ErasedEntry>> = OPERATIONS;
  for (const [name, entry] of Object.entries(entries)) {
    if (entry.group !== group) continue;
    const { start } = entry;
    names.push(name);
    // A plain function, so that it reads this group's configuration from `this` as a class
    // method would; installed like one (not enumerable).
    Object.defineProperty(Group.prototype, name, {
      value: function (this: ApiGroup, ...args: never[]) {
        return start(configurationOf(this), ...args);
      },
      writable: true,
      configurable: true,
    });
  }
  const made: typeof ApiGroup = Group;
  if (!hasMethods<G>(made, names))
    throw new TypeError(`${group}: a method of the table is missing`);
  return made;
};

/** Whether `Group`'s instances have every method of its group (just installed above). */
const hasMethods = <G extends GroupName>(
  Group: typeof ApiGroup,
  names: readonly string[],
): Group is typeof ApiGroup & ApiGroupClass<G> =>
  names.every((name) => typeof Reflect.get(Group.prototype, name) === 'function');
