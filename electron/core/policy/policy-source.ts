/** What one managed location held: nothing, a value to validate, or a sentence saying why it could not be read. */
export type PolicyRead =
  | { found: false; origin: string }
  | { found: true; origin: string; value: unknown }
  | { found: true; origin: string; problem: string };

/** One OS's managed location (a file, managed preferences, the registry). */
export interface PolicySource {
  read(): Promise<PolicyRead>;
  /** The file this location is, when it is one: its changes are watched (the registry has none). */
  file?: string;
}
