// RecurStore: The SQLite results store.
// (Module placeholder until its first types land; see DESIGN.md.)
