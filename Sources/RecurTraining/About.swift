// RecurTraining: Runs one trial: task + model + recipe + seed.
// (Module placeholder until its first types land; see DESIGN.md.)
