// RecurTasks: Deterministic synthetic tasks and text data.
// (Module placeholder until its first types land; see DESIGN.md.)
