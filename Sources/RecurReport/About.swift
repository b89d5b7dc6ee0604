// RecurReport: Aggregation, tables and plots.
// (Module placeholder until its first types land; see DESIGN.md.)
