/** Where Office looks for a function command: the page's global object, and its actions map. */
export interface CommandRegistry {
  readonly global: Record<string, unknown>;
  readonly office: {
    readonly actions?: { associate?(name: string, action: unknown): void };
  } | null;
}

/**
 * Makes a function command callable by its manifest FunctionName. Older Office builds call the
 * page's global function of that name; newer ones look it up in Office.actions, which older
 * office.js builds lack. Registering both covers every build that shows the button.
 */
export function registerCommand(
  registry: CommandRegistry,
  name: string,
  action: (event: Office.AddinCommands.Event) => void
): void {
  registry.global[name] = action;
  const actions = registry.office ? registry.office.actions : undefined;
  if (!actions || typeof actions.associate !== "function") return;
  try {
    actions.associate(name, action);
  } catch (error) {
    // The global function still serves; a host that refuses the association calls that one.
    console.warn("绩效自评助手：Office.actions.associate 失败", error);
  }
}
