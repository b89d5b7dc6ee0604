// RecurCluster: Coordinator and worker.
// (Module placeholder until its first types land; see DESIGN.md.)
