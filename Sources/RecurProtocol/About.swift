// RecurProtocol: Versioned coordinator/worker messages and their codec.
// (Module placeholder until its first types land; see DESIGN.md.)
