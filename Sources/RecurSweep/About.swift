// RecurSweep: Sweep files: model, validation, expansion into trials.
// (Module placeholder until its first types land; see DESIGN.md.)
